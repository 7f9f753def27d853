#include "sim/io/trace/column_writer.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_file.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

using testing::inspect;
using testing::read_dataset;
using testing::read_string_attribute;
using testing::ScratchDirectory;

// Values that exercise each type's range and are cheap to regenerate when reading back.
template <ColumnValue T>
T value_at(std::size_t row) {
  if constexpr (std::same_as<T, double>) return static_cast<double>(row) * 0.5 + 1.0 / 3.0;
  if constexpr (std::same_as<T, std::int64_t>) {
    return static_cast<std::int64_t>(row) * -1000003 + (std::int64_t{1} << 40);
  }
  if constexpr (std::same_as<T, std::int32_t>) return static_cast<std::int32_t>(row) - 500;
  if constexpr (std::same_as<T, std::uint32_t>)
    return 4294967295u - static_cast<std::uint32_t>(row);
  if constexpr (std::same_as<T, std::uint8_t>) return static_cast<std::uint8_t>(row * 7);
}

template <ColumnValue T>
std::vector<T> expected_values(std::size_t rows) {
  std::vector<T> values(rows);
  for (std::size_t row = 0; row < rows; ++row) values[row] = value_at<T>(row);
  return values;
}

template <class T>
class ColumnOfEachType : public ::testing::Test {};
using ColumnTypes =
    ::testing::Types<double, std::int64_t, std::int32_t, std::uint32_t, std::uint8_t>;
TYPED_TEST_SUITE(ColumnOfEachType, ColumnTypes);

TYPED_TEST(ColumnOfEachType, RoundTripsAcrossChunkBoundariesWithOddTails) {
  using T = TypeParam;
  ScratchDirectory scratch;
  const auto path = scratch / "column.h5";
  // 0 rows, less than a chunk, exactly one, one past, several with an odd tail.
  const std::vector<std::size_t> lengths = {0, 1, 99, 100, 101, 1234};
  {
    TraceFile file(path);
    for (std::size_t length : lengths) {
      ColumnOptions options;
      options.chunk_rows = 100;
      // One table per length: a table's columns must end equal.
      Column<T>& column =
          file.add_table("/rows_" + std::to_string(length)).add_column<T>("values", options);
      for (std::size_t row = 0; row < length; ++row) column.append(value_at<T>(row));
      EXPECT_EQ(column.size(), length);
    }
    file.close();
  }
  for (std::size_t length : lengths) {
    EXPECT_EQ(read_dataset<T>(path, "/rows_" + std::to_string(length) + "/values"),
              expected_values<T>(length))
        << "column of " << length << " rows";
  }
}

TYPED_TEST(ColumnOfEachType, IsChunkedShuffledDeflatedChecksummedLittleEndianAndUnlimited) {
  using T = TypeParam;
  ScratchDirectory scratch;
  const auto path = scratch / "storage.h5";
  {
    TraceFile file(path);
    file.add_table("/t").add_column<T>("values").append(value_at<T>(3));
    file.close();
  }
  const auto storage = inspect(path, "/t/values");
  EXPECT_TRUE(storage.is_chunked);
  EXPECT_EQ(storage.chunk_rows, kDefaultChunkRows);
  EXPECT_TRUE(storage.has_shuffle);
  EXPECT_TRUE(storage.has_deflate);
  EXPECT_EQ(storage.deflate_level, 4u);
  // The checksum last: it covers the bytes as stored, and a read checks it before inflating.
  EXPECT_EQ(storage.filters, (std::vector<H5Z_filter_t>{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE,
                                                        H5Z_FILTER_FLETCHER32}));
  EXPECT_TRUE(storage.is_unlimited);
  EXPECT_EQ(storage.type_size, sizeof(T));
  EXPECT_EQ(storage.type_order, H5T_ORDER_LE);
}

TEST(Column, SpanAppendsMatchSingleAppends) {
  ScratchDirectory scratch;
  const auto path = scratch / "span.h5";
  const std::vector<double> values = expected_values<double>(1000);
  {
    TraceFile file(path);
    ColumnOptions options;
    options.chunk_rows = 64;
    Column<double>& column = file.add_table("/t").add_column<double>("x", options);
    column.append(std::span<const double>(values).first(10));
    column.append(values[10]);
    column.append(std::span<const double>(values).subspan(11, 500));
    column.append(std::span<const double>(values).subspan(511));
    EXPECT_EQ(column.size(), values.size());
    file.close();
  }
  EXPECT_EQ(read_dataset<double>(path, "/t/x"), values);
}

TEST(Column, FlushMakesTheTailVisibleAndLaterRowsStillLandInOrder) {
  ScratchDirectory scratch;
  const auto path = scratch / "flush.h5";
  const std::vector<std::int32_t> values = expected_values<std::int32_t>(357);
  TraceFile file(path);
  ColumnOptions options;
  options.chunk_rows = 50;
  Column<std::int32_t>& column = file.add_table("/t").add_column<std::int32_t>("x", options);
  std::size_t next = 0;
  // Flush at several points inside chunks, twice in one chunk, and right on a boundary.
  for (std::size_t stop : std::initializer_list<std::size_t>{7, 9, 50, 123, 200, 356, 357}) {
    for (; next < stop; ++next) column.append(values[next]);
    column.flush();
    file.flush();
    const std::vector<std::int32_t> prefix(values.begin(),
                                           values.begin() + static_cast<long>(stop));
    EXPECT_EQ(read_dataset<std::int32_t>(path, "/t/x"), prefix) << "after " << stop << " rows";
  }
  file.close();
  EXPECT_EQ(read_dataset<std::int32_t>(path, "/t/x"), values);
}

TEST(Column, CarriesUnitsDescriptionAndChosenStorage) {
  ScratchDirectory scratch;
  const auto path = scratch / "attrs.h5";
  {
    TraceFile file(path);
    ColumnOptions options;
    options.units = "weeks";
    options.description = "time since the claim began";
    options.chunk_rows = 1000;
    options.compression_level = 9;
    file.add_table("/jobseekers").add_column<double>("duration", options).append(1.5);
    file.add_table("/jobseekers").add_column<std::uint8_t>("state").append(2);
    file.close();
  }
  EXPECT_EQ(read_string_attribute(path, "/jobseekers/duration", "units"), "weeks");
  EXPECT_EQ(read_string_attribute(path, "/jobseekers/duration", "description"),
            "time since the claim began");
  const auto storage = inspect(path, "/jobseekers/duration");
  EXPECT_EQ(storage.chunk_rows, 1000u);
  EXPECT_EQ(storage.deflate_level, 9u);
  // Empty units are not written at all, rather than written empty.
  testing::Held handle = testing::open_read_only(path);
  EXPECT_EQ(H5Aexists_by_name(handle.get(), "/jobseekers/state", "units", H5P_DEFAULT), 0);
}

TEST(Column, RejectsBadNamesAndOptions) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "bad.h5");
  Table& table = file.add_table("/t");
  ColumnOptions no_rows;
  no_rows.chunk_rows = 0;
  ColumnOptions too_strong;
  too_strong.compression_level = 10;
  EXPECT_THROW(table.add_column<double>("", {}), TraceError);
  EXPECT_THROW(table.add_column<double>("a/b", {}), TraceError);
  EXPECT_THROW(table.add_column<double>("x", no_rows), TraceError);
  EXPECT_THROW(table.add_column<double>("x", too_strong), TraceError);
  table.add_column<double>("x");
  EXPECT_THROW(table.add_column<std::int32_t>("x"), TraceError);
  EXPECT_EQ(table.column_count(), 1u);
}

TEST(Column, AppendingAfterTheFileClosedThrowsInsteadOfLosingRows) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "late.h5");
  ColumnOptions options;
  options.chunk_rows = 4;
  Column<double>& started = file.add_table("/t").add_column<double>("started", options);
  Column<double>& untouched = file.add_table("/t").add_column<double>("untouched", options);
  started.append(1.0);
  untouched.append(2.0);
  file.close();
  EXPECT_THROW(started.append(3.0), TraceError);
  EXPECT_THROW(untouched.append(std::vector<double>{1.0, 2.0}), TraceError);
}

TEST(Table, SamePathGivesTheSameTable) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "same.h5");
  Table& first = file.add_table("/treatment/panel");
  Table& second = file.add_table("/treatment/panel");
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(first.path(), "/treatment/panel");
}

TEST(Table, RowCountIsTheSharedLengthAndRaggedTablesThrow) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "rows.h5");
  Table& table = file.add_table("/panel");
  EXPECT_EQ(table.row_count(), 0u);
  Column<std::int32_t>& week = table.add_column<std::int32_t>("week");
  Column<double>& employed = table.add_column<double>("employed");
  for (std::int32_t row = 0; row < 10; ++row) {
    week.append(row);
    employed.append(0.5);
  }
  EXPECT_FALSE(table.is_ragged());
  EXPECT_EQ(table.row_count(), 10u);
  week.append(10);
  EXPECT_TRUE(table.is_ragged());
  try {
    (void)table.row_count();
    FAIL() << "a ragged table has no row count";
  } catch (const TraceError& error) {
    EXPECT_NE(std::string(error.what()).find("week has 11, employed has 10"), std::string::npos)
        << error.what();
  }
  EXPECT_THROW(file.check_tables(), TraceError);
  // Closing still releases the file, then reports the unfinished row.
  EXPECT_THROW(file.close(), TraceError);
  EXPECT_FALSE(file.is_open());
}

TEST(Table, ColumnsAtTheRootGroupAreNotAllowed) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "root.h5");
  EXPECT_THROW(file.add_table("/"), TraceError);
}

}  // namespace
}  // namespace caseload::io

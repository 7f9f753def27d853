#include "sim/io/trace/trace_file.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

using testing::inspect;
using testing::inspect_attribute;
using testing::read_attribute;
using testing::read_dataset;
using testing::read_string_attribute;
using testing::read_strings;
using testing::ScratchDirectory;

TEST(TraceFile, CreatesNestedGroupsByPath) {
  ScratchDirectory scratch;
  const auto path = scratch / "groups.h5";
  {
    TraceFile file(path);
    file.create_group("/treatment/panel");
    file.create_group("/treatment/panel");  // existing groups are fine
    file.create_group("/counterfactual");
    file.close();
  }
  EXPECT_TRUE(testing::has_object(path, "/treatment"));
  EXPECT_TRUE(testing::has_object(path, "/treatment/panel"));
  EXPECT_TRUE(testing::has_object(path, "/counterfactual"));
}

TEST(TraceFile, WritesEachAttributeTypeAsDocumented) {
  ScratchDirectory scratch;
  const auto path = scratch / "attributes.h5";
  {
    TraceFile file(path);
    file.create_group("/treatment");
    file.set_attribute("/", "scenario", "baseline — ünïcode");
    file.set_attribute("/", "seed", std::uint64_t{18446744073709551615ULL});
    file.set_attribute("/", "weeks", 520);
    file.set_attribute("/", "offset", std::int64_t{-7});
    file.set_attribute("/", "discount", 0.25);
    file.set_attribute("/treatment", "is_counterfactual", false);
    file.set_attribute("/treatment", "has_events", true);
    file.set_attribute("/treatment", "label", std::string("treatment"));
    file.close();
  }
  EXPECT_EQ(read_string_attribute(path, "/", "scenario"), "baseline — ünïcode");
  EXPECT_EQ(read_attribute<std::uint64_t>(path, "/", "seed"), 18446744073709551615ULL);
  EXPECT_EQ(read_attribute<std::int64_t>(path, "/", "weeks"), 520);
  EXPECT_EQ(read_attribute<std::int64_t>(path, "/", "offset"), -7);
  EXPECT_EQ(read_attribute<double>(path, "/", "discount"), 0.25);
  EXPECT_EQ(read_attribute<std::uint8_t>(path, "/treatment", "is_counterfactual"), 0);
  EXPECT_EQ(read_attribute<std::uint8_t>(path, "/treatment", "has_events"), 1);
  EXPECT_EQ(read_string_attribute(path, "/treatment", "label"), "treatment");

  const auto weeks = inspect_attribute(path, "/", "weeks");
  EXPECT_EQ(weeks.type_class, H5T_INTEGER);
  EXPECT_EQ(weeks.size, 8u);
  EXPECT_EQ(weeks.sign, H5T_SGN_2);
  EXPECT_TRUE(weeks.is_scalar);
  const auto seed = inspect_attribute(path, "/", "seed");
  EXPECT_EQ(seed.size, 8u);
  EXPECT_EQ(seed.sign, H5T_SGN_NONE);
  const auto flag = inspect_attribute(path, "/treatment", "has_events");
  EXPECT_EQ(flag.type_class, H5T_INTEGER);
  EXPECT_EQ(flag.size, 1u);
  EXPECT_EQ(flag.sign, H5T_SGN_NONE);
  EXPECT_EQ(inspect_attribute(path, "/", "discount").type_class, H5T_FLOAT);
  EXPECT_EQ(inspect_attribute(path, "/", "scenario").type_class, H5T_STRING);
}

TEST(TraceFile, RewritingAnAttributeReplacesItsValueAndType) {
  ScratchDirectory scratch;
  const auto path = scratch / "rewrite.h5";
  {
    TraceFile file(path);
    file.set_attribute("/", "complete", false);
    file.set_attribute("/", "complete", true);
    file.set_attribute("/", "note", "short");
    file.set_attribute("/", "note", "a longer note than before");
    file.set_attribute("/", "changes_type", 3);
    file.set_attribute("/", "changes_type", "three");
    file.close();
  }
  EXPECT_EQ(read_attribute<std::uint8_t>(path, "/", "complete"), 1);
  EXPECT_EQ(read_string_attribute(path, "/", "note"), "a longer note than before");
  EXPECT_EQ(read_string_attribute(path, "/", "changes_type"), "three");
}

TEST(TraceFile, WritesScalarAndListStringDatasetsAsVariableLengthUtf8) {
  ScratchDirectory scratch;
  const auto path = scratch / "strings.h5";
  const std::string scenario = "name: baseline\nweeks: 520\nnote: \"café\"\n";
  const std::vector<std::string> groups = {"low", "medium", "high", ""};
  {
    TraceFile file(path);
    file.write_string("/scenario", scenario);
    file.write_strings("/treatment/groups", groups);
    file.write_strings("/empty_labels", std::vector<std::string>{});
    file.close();
  }
  const auto storage = inspect(path, "/scenario");
  EXPECT_EQ(storage.type_class, H5T_STRING);
  EXPECT_TRUE(storage.is_variable_string);
  EXPECT_EQ(storage.string_cset, H5T_CSET_UTF8);
  EXPECT_EQ(storage.rank, 0);
  EXPECT_EQ(read_strings(path, "/scenario"), std::vector<std::string>{scenario});
  EXPECT_EQ(read_strings(path, "/treatment/groups"), groups);
  EXPECT_TRUE(read_strings(path, "/empty_labels").empty());
}

TEST(TraceFile, WritesSmallNumericArraysWhole) {
  ScratchDirectory scratch;
  const auto path = scratch / "arrays.h5";
  const std::vector<double> rates = {0.1, 0.2, 0.35};
  const std::vector<std::int64_t> counts = {-1, 0, 1LL << 40};
  const std::vector<std::int32_t> weeks = {1, 2, 3, 4};
  const std::vector<std::uint32_t> ids = {7, 4294967295u};
  const std::vector<std::uint8_t> flags = {0, 1, 255};
  {
    TraceFile file(path);
    file.write_array("/metrics/rates", rates);
    file.write_array("/metrics/counts", counts);
    file.write_array("/metrics/weeks", weeks);
    file.write_array("/metrics/ids", ids);
    file.write_array("/metrics/flags", flags);
    file.write_array("/metrics/nothing", std::vector<double>{});
    file.close();
  }
  EXPECT_EQ(read_dataset<double>(path, "/metrics/rates"), rates);
  EXPECT_EQ(read_dataset<std::int64_t>(path, "/metrics/counts"), counts);
  EXPECT_EQ(read_dataset<std::int32_t>(path, "/metrics/weeks"), weeks);
  EXPECT_EQ(read_dataset<std::uint32_t>(path, "/metrics/ids"), ids);
  EXPECT_EQ(read_dataset<std::uint8_t>(path, "/metrics/flags"), flags);
  EXPECT_TRUE(read_dataset<double>(path, "/metrics/nothing").empty());
  const auto storage = inspect(path, "/metrics/weeks");
  EXPECT_FALSE(storage.is_chunked);
  EXPECT_EQ(storage.type_size, 4u);
  EXPECT_EQ(storage.type_order, H5T_ORDER_LE);
}

TEST(TraceFile, ErrorsNameTheFileAndTheOperationAndPrintNothing) {
  ScratchDirectory scratch;
  const auto path = scratch / "errors.h5";
  TraceFile file(path);
  file.write_array("/taken", std::vector<double>{1.0});
  ::testing::internal::CaptureStderr();
  try {
    file.write_array("/taken", std::vector<double>{2.0});
    FAIL() << "writing an existing dataset should throw";
  } catch (const TraceError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path.string()), std::string::npos) << message;
    EXPECT_NE(message.find("create dataset '/taken'"), std::string::npos) << message;
    EXPECT_NE(message.find("exists"), std::string::npos) << message;
  }
  EXPECT_THROW(file.set_attribute("/missing", "x", 1.0), TraceError);
  EXPECT_THROW(file.create_group("/taken/child"), TraceError);
  // HDF5's own stack dump would land on stderr; users should only ever see the TraceError.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(TraceFile, RejectsMalformedPathsAndNulBytes) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "paths.h5");
  EXPECT_THROW(file.create_group("treatment"), TraceError);
  EXPECT_THROW(file.create_group("/treatment/"), TraceError);
  EXPECT_THROW(file.create_group("/treatment//panel"), TraceError);
  EXPECT_THROW(file.create_group("/treatment/../x"), TraceError);
  EXPECT_THROW(file.write_string("/", "text"), TraceError);
  EXPECT_THROW(file.write_string("/nul", std::string("a\0b", 3)), TraceError);
  EXPECT_THROW(file.set_attribute("/", "nul", std::string_view("a\0b", 3)), TraceError);
}

TEST(TraceFile, CannotCreateAFileUnderARegularFile) {
  ScratchDirectory scratch;
  { TraceFile blocker(scratch / "blocker"); }
  try {
    TraceFile file(scratch / "blocker" / "trace.h5");
    FAIL() << "creating a file under a regular file should throw";
  } catch (const TraceError& error) {
    EXPECT_EQ(error.operation(), "create the file");
    EXPECT_NE(std::string(error.what()).find("Not a directory"), std::string::npos) << error.what();
  }
}

TEST(TraceFile, ClosedFileRefusesWritesAndClosingTwiceIsHarmless) {
  ScratchDirectory scratch;
  TraceFile file(scratch / "closed.h5");
  file.close();
  EXPECT_FALSE(file.is_open());
  file.close();
  EXPECT_THROW(file.create_group("/x"), TraceError);
  EXPECT_THROW(file.set_attribute("/", "x", 1.0), TraceError);
  EXPECT_THROW(file.write_array("/x", std::vector<double>{1.0}), TraceError);
  EXPECT_THROW(file.add_table("/x"), TraceError);
  EXPECT_THROW(file.flush(), TraceError);
}

TEST(TraceFile, MovedFileKeepsWritingTheSameFile) {
  ScratchDirectory scratch;
  const auto path = scratch / "moved.h5";
  TraceFile first(path);
  first.set_attribute("/", "step", 1);
  TraceFile second = std::move(first);
  second.set_attribute("/", "step", 2);
  EXPECT_EQ(second.path(), path);
  second.close();
  EXPECT_EQ(read_attribute<std::int64_t>(path, "/", "step"), 2);
}

// Replications run on a thread pool, each with its own file; HDF5's error stack (and so the
// silencing of its stderr dump) is per thread.
TEST(TraceFile, DifferentFilesCanBeWrittenFromDifferentThreads) {
  ScratchDirectory scratch;
  ::testing::internal::CaptureStderr();
  std::vector<std::thread> workers;
  std::vector<int> errors_seen(4, 0);
  for (int index = 0; index < 4; ++index) {
    workers.emplace_back([&, index] {
      TraceFile file(scratch / ("thread" + std::to_string(index) + ".h5"));
      Column<std::int32_t>& x = file.add_table("/t").add_column<std::int32_t>("x");
      for (std::int32_t row = 0; row < 50000; ++row) x.append(row + index);
      try {
        file.add_table("/t").add_column<std::int32_t>("x");  // a clash, on this thread
      } catch (const TraceError&) {
        errors_seen[static_cast<std::size_t>(index)] = 1;
      }
      file.close();
    });
  }
  for (std::thread& worker : workers) worker.join();
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  for (int index = 0; index < 4; ++index) {
    EXPECT_EQ(errors_seen[static_cast<std::size_t>(index)], 1);
    const auto values =
        read_dataset<std::int32_t>(scratch / ("thread" + std::to_string(index) + ".h5"), "/t/x");
    ASSERT_EQ(values.size(), 50000u);
    EXPECT_EQ(values.back(), 49999 + index);
  }
}

// Objects carry no modification times, so a run's trace is a function of its inputs alone
// (the caller's own `created` attribute aside): golden comparisons can work on bytes.
TEST(TraceFile, IdenticalWritesGiveIdenticalBytes) {
  ScratchDirectory scratch;
  const auto write = [](const std::filesystem::path& path) {
    TraceFile file(path);
    file.set_attribute("/", "seed", 42);
    file.write_string("/scenario", "weeks: 520\n");
    Column<double>& x = file.add_table("/treatment/panel").add_column<double>("x");
    for (int row = 0; row < 20000; ++row) x.append(row * 0.1);
    file.flush();
    x.append(1.0);
    file.close();
  };
  write(scratch / "first.h5");
  write(scratch / "second.h5");
  std::ifstream first(scratch / "first.h5", std::ios::binary);
  std::ifstream second(scratch / "second.h5", std::ios::binary);
  const std::string first_bytes{std::istreambuf_iterator<char>(first), {}};
  const std::string second_bytes{std::istreambuf_iterator<char>(second), {}};
  EXPECT_FALSE(first_bytes.empty());
  EXPECT_TRUE(first_bytes == second_bytes);
  // Byte equality within one second would also hold with times; check they are absent.
  testing::Held handle = testing::open_read_only(scratch / "first.h5");
  for (const char* object : {"/treatment", "/treatment/panel", "/treatment/panel/x", "/scenario"}) {
    H5O_info_t info{};
    ASSERT_GE(H5Oget_info_by_name2(handle.get(), object, &info, H5O_INFO_TIME, H5P_DEFAULT), 0);
    EXPECT_EQ(info.mtime, 0) << object;
    EXPECT_EQ(info.ctime, 0) << object;
  }
}

}  // namespace
}  // namespace caseload::io

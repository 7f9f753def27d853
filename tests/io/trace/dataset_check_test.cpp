#include "sim/io/trace/dataset_check.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/trace_error.hpp"
#include "sim/io/trace/trace_file.hpp"
#include "tests/io/trace/chunk_damage.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

using testing::Held;
using testing::invert_byte_inside_chunk;
using testing::ScratchDirectory;

constexpr std::size_t kChunkRows = 64;
constexpr std::size_t kRows = 1000;  // 16 chunks, the last one partial

// A table of two columns over many chunks, a string list and a small contiguous array: every
// kind of dataset a trace holds.
void write_small_trace(const std::filesystem::path& path) {
  TraceFile file(path);
  Table& table = file.add_table("/t");
  ColumnOptions options;
  options.chunk_rows = kChunkRows;
  auto& weeks = table.add_column<std::int32_t>("week", options);
  auto& values = table.add_column<double>("value", options);
  for (std::size_t row = 0; row < kRows; ++row) {
    weeks.append(static_cast<std::int32_t>(row / 7));
    values.append(static_cast<double>(row) / 3.0);
  }
  const std::vector<std::string> names = {"a", "b", "c"};
  file.write_strings("/names", names);
  file.write_array("/scalars", std::vector<double>{1.0, 2.0, 3.0});
  file.close();
}

// The message of the TraceError check_every_dataset throws; empty when it throws nothing.
std::string check_failure(const std::filesystem::path& path) {
  try {
    check_every_dataset(path);
  } catch (const TraceError& failure) {
    return failure.what();
  }
  return {};
}

TEST(CheckEveryDataset, AnIntactTraceReadsWhole) {
  ScratchDirectory scratch;
  const auto path = scratch / "intact.h5";
  write_small_trace(path);
  EXPECT_EQ(check_failure(path), "");
}

TEST(CheckEveryDataset, AByteInvertedInsideAChunkFailsItsChecksumNamingTheDataset) {
  ScratchDirectory scratch;
  const auto path = scratch / "damaged.h5";
  write_small_trace(path);
  invert_byte_inside_chunk(path, "/t/value", 0);
  const std::string message = check_failure(path);
  EXPECT_NE(message.find("cannot read dataset '/t/value'"), std::string::npos) << message;
  EXPECT_NE(message.find("Fletcher-32 checksum: the file is damaged"), std::string::npos)
      << message;
}

TEST(CheckEveryDataset, ReadsEveryChunkNotOnlyTheFirst) {
  ScratchDirectory scratch;
  const auto path = scratch / "tail.h5";
  write_small_trace(path);
  invert_byte_inside_chunk(path, "/t/week", kRows / kChunkRows);  // the partial last chunk
  const std::string message = check_failure(path);
  EXPECT_NE(message.find("'/t/week'"), std::string::npos) << message;
  EXPECT_NE(message.find("checksum"), std::string::npos) << message;
}

// Traces written before the checksum (shuffle and deflate only) are still whole files.
TEST(CheckEveryDataset, AColumnWithoutAChecksumStillReads) {
  ScratchDirectory scratch;
  const auto path = scratch / "unchecked.h5";
  {
    Held file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
              "H5Fcreate");
    Held creation(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "H5Pcreate");
    const hsize_t chunk[1] = {kChunkRows};
    testing::must(H5Pset_chunk(creation.get(), 1, chunk), "H5Pset_chunk");
    testing::must(H5Pset_shuffle(creation.get()), "H5Pset_shuffle");
    testing::must(H5Pset_deflate(creation.get(), 4), "H5Pset_deflate");
    const hsize_t dims[1] = {kRows};
    Held space(H5Screate_simple(1, dims, nullptr), H5Sclose, "H5Screate_simple");
    Held dataset(H5Dcreate2(file.get(), "week", H5T_STD_I32LE, space.get(), H5P_DEFAULT,
                            creation.get(), H5P_DEFAULT),
                 H5Dclose, "H5Dcreate2");
    std::vector<std::int32_t> weeks(kRows, 7);
    testing::must(
        H5Dwrite(dataset.get(), H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, weeks.data()),
        "H5Dwrite");
  }
  EXPECT_EQ(check_failure(path), "");
}

TEST(CheckEveryDataset, AFileThatIsNotHdf5IsATraceError) {
  ScratchDirectory scratch;
  const auto path = scratch / "missing.h5";
  EXPECT_THROW(check_every_dataset(path), TraceError);
}

}  // namespace
}  // namespace caseload::io

// The format promise of docs/TRACE_FORMAT.md, checked from the reader's side: h5py, with no
// caseload code, sees the same numbers, typed attributes, and strings as `str`.

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/io/trace/atomic_output.hpp"
#include "sim/io/trace/column_writer.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::io {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";

// Exits 0 and prints "ok" when every check passes; otherwise the failing assertion's text.
constexpr const char* kReaderScript = R"PY(
import sys
import h5py
import numpy as np

with h5py.File(sys.argv[1], "r") as f:
    attrs = f.attrs
    assert attrs["complete"] == 1 and attrs["complete"].dtype == np.uint8, attrs["complete"]
    assert bool(attrs["complete"]) is True
    assert isinstance(attrs["scenario_name"], str), type(attrs["scenario_name"])
    assert attrs["scenario_name"] == "baseline — ünïcode", attrs["scenario_name"]
    assert attrs["seed"] == 12345678901234567890 and attrs["seed"].dtype == np.uint64
    assert attrs["weeks"] == -520 and attrs["weeks"].dtype == np.int64
    assert attrs["discount"] == 0.25 and attrs["discount"].dtype == np.float64
    assert attrs["trace_format_version"] == 1

    text = f["scenario"].asstr()[()]
    assert isinstance(text, str) and text == "name: baseline\nnote: café\n", repr(text)
    labels = list(f["treatment/groups"].asstr()[()])
    assert labels == ["low", "mid", "high"], labels

    panel = f["treatment/panel"]
    n = 1234
    rows = np.arange(n)
    expected = {
        "share": (rows * 0.5 + 1.0 / 3.0, np.float64),
        "count": (rows * -1000003 + (1 << 40), np.int64),
        "week": (rows - 500, np.int32),
        "id": (4294967295 - rows, np.uint32),
        "state": ((rows * 7) % 256, np.uint8),
    }
    for name, (values, dtype) in expected.items():
        column = panel[name]
        assert column.dtype == dtype, (name, column.dtype)
        assert column.shape == (n,), (name, column.shape)
        assert column.maxshape == (None,), (name, column.maxshape)
        assert column.chunks == (100,), (name, column.chunks)
        assert column.compression == "gzip" and column.compression_opts == 4, name
        assert column.shuffle and column.fletcher32, name
        assert np.array_equal(column[()], values.astype(dtype)), name
    assert panel["share"].attrs["units"] == "share of caseload"
    assert isinstance(panel["share"].attrs["description"], str)
    assert np.array_equal(f["metrics/rates"][()], np.array([0.1, 0.2]))
print("ok")
)PY";

std::string run(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return output;
  }
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  status = ::pclose(pipe);
  return output;
}

TEST(H5pyInterop, ReadsTheNumbersAttributesAndStringsCaseloadWrote) {
  if (!fs::exists(kPython)) GTEST_SKIP() << kPython << " is not installed";
  testing::ScratchDirectory scratch;
  const fs::path out = scratch / "run.h5";
  {
    AtomicOutput output(out);
    TraceFile& file = output.file();
    file.set_attribute("/", "scenario_name", "baseline — ünïcode");
    file.set_attribute("/", "seed", std::uint64_t{12345678901234567890ULL});
    file.set_attribute("/", "weeks", std::int64_t{-520});
    file.set_attribute("/", "discount", 0.25);
    file.write_string("/scenario", "name: baseline\nnote: café\n");
    file.write_strings("/treatment/groups", std::vector<std::string>{"low", "mid", "high"});
    file.write_array("/metrics/rates", std::vector<double>{0.1, 0.2});

    Table& panel = file.add_table("/treatment/panel");
    ColumnOptions options;
    options.chunk_rows = 100;
    ColumnOptions share_options = options;
    share_options.units = "share of caseload";
    share_options.description = "jobseekers in work";
    auto& share = panel.add_column<double>("share", share_options);
    auto& count = panel.add_column<std::int64_t>("count", options);
    auto& week = panel.add_column<std::int32_t>("week", options);
    auto& id = panel.add_column<std::uint32_t>("id", options);
    auto& state = panel.add_column<std::uint8_t>("state", options);
    for (std::size_t row = 0; row < 1234; ++row) {
      share.append(static_cast<double>(row) * 0.5 + 1.0 / 3.0);
      count.append(static_cast<std::int64_t>(row) * -1000003 + (std::int64_t{1} << 40));
      week.append(static_cast<std::int32_t>(row) - 500);
      id.append(4294967295u - static_cast<std::uint32_t>(row));
      state.append(static_cast<std::uint8_t>(row * 7));
    }
    output.commit();
  }
  const fs::path script = scratch / "read_trace.py";
  std::ofstream(script) << kReaderScript;
  int status = 0;
  const std::string output =
      run(std::string(kPython) + " '" + script.string() + "' '" + out.string() + "' 2>&1", status);
  EXPECT_EQ(status, 0) << output;
  EXPECT_EQ(output, "ok\n");
}

}  // namespace
}  // namespace caseload::io

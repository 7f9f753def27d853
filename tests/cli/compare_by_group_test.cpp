// The by-group results of `compare` against the per-run traces: each group's paired difference
// is recomputed here from the traces' /metrics/by_group arrays, read through HDF5's C API
// (independently of the code that wrote either file).

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/cli/cli_runner.hpp"
#include "tests/cli/output_files.hpp"
#include "tests/io/config/test_data.hpp"
#include "tests/io/trace/read_back.hpp"

namespace caseload::cli {
namespace {

using caseload::testing::csv_column;
using caseload::testing::file_bytes;
using caseload::testing::run_caseload;
using caseload::testing::ScratchFolder;
using caseload::testing::smoke_scenario;

constexpr std::size_t kArms = 3;
constexpr std::size_t kReplications = 3;

std::filesystem::path experiment_file(const ScratchFolder& folder) {
  return folder.write("experiment.yaml",
                      "set: [run.weeks=26, run.warmup_weeks=0]\n"
                      "arms:\n"
                      "  - label: base\n"
                      "    scenario: " +
                          smoke_scenario() +
                          "\n"
                          "  - label: four advisers\n"
                          "    scenario: " +
                          smoke_scenario() +
                          "\n"
                          "    set: [network.advisers_per_office=4]\n"
                          "  - label: two advisers\n"
                          "    scenario: " +
                          smoke_scenario() +
                          "\n"
                          "    set: [network.advisers_per_office=2]\n"
                          "replications: 3\n");
}

// The `column` of comparison_by_group.csv in the row for (metric, group, arm).
std::string by_group_cell(const std::string& csv, const std::string& metric,
                          const std::string& group, const std::string& arm,
                          const std::string& column) {
  const auto metrics = csv_column(csv, "metric");
  const auto groups = csv_column(csv, "group");
  const auto arms = csv_column(csv, "arm");
  const auto bys = csv_column(csv, "by");
  const auto values = csv_column(csv, column);
  for (std::size_t row = 0; row < metrics.size(); ++row) {
    if (metrics[row] == metric && groups[row] == group && arms[row] == arm && bys[row] == "group")
      return values[row];
  }
  ADD_FAILURE() << "no row for " << metric << " / " << group << " / " << arm;
  return {};
}

TEST(CompareByGroup, GroupDifferencesEqualThoseRecomputedFromTheTraces) {
  ScratchFolder folder;
  const auto out = folder.path() / "out";
  const auto outcome = run_caseload({"compare", experiment_file(folder).string(), "-o",
                                     out.string(), "--traces", "summary", "--quiet", "-j", "2"});
  ASSERT_EQ(outcome.exit_code, kExitOk) << outcome.err;
  const std::string csv = file_bytes(out / "comparison_by_group.csv");
  const std::vector<std::string> labels = {"base", "four advisers", "two advisers"};
  const auto trace = [&](std::size_t arm, std::size_t replication) {
    return out / "traces" / fmt::format("arm-{}_rep-{}.h5", arm, replication);
  };
  const std::vector<std::string> groups = io::testing::read_strings(trace(0, 0), "/groups");
  ASSERT_GE(groups.size(), 2u);
  std::size_t checked = 0;
  for (const std::string metric : {"parked_share", "net_employment_weeks_per_person"}) {
    // by_arm[a][r][g]: the figure for group g in replication r of arm a.
    std::vector<std::vector<std::vector<double>>> by_arm(kArms);
    for (std::size_t a = 0; a < kArms; ++a) {
      for (std::size_t r = 0; r < kReplications; ++r) {
        by_arm[a].push_back(
            io::testing::read_dataset<double>(trace(a, r), "/metrics/by_group/" + metric));
        ASSERT_EQ(by_arm[a].back().size(), groups.size());
      }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      for (std::size_t a = 0; a < kArms; ++a) {
        double sum = 0.0;
        for (std::size_t r = 0; r < kReplications; ++r) sum += by_arm[a][r][g];
        const double mean = sum / static_cast<double>(kReplications);
        EXPECT_DOUBLE_EQ(std::stod(by_group_cell(csv, metric, groups[g], labels[a], "mean")), mean)
            << metric << " / " << groups[g] << " / " << labels[a];
        if (a == 0) continue;
        double difference = 0.0;
        for (std::size_t r = 0; r < kReplications; ++r)
          difference += by_arm[a][r][g] - by_arm[0][r][g];
        difference /= static_cast<double>(kReplications);
        EXPECT_NEAR(std::stod(by_group_cell(csv, metric, groups[g], labels[a], "difference")),
                    difference, 1e-12)
            << metric << " / " << groups[g] << " / " << labels[a];
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 2 * groups.size() * (kArms - 1));
  // And the groups differ from one another: the breakdown says more than the overall figure.
  std::vector<std::string> parked;
  for (const auto& group : groups)
    parked.push_back(by_group_cell(csv, "parked_share", group, "base", "mean"));
  EXPECT_NE(parked.front(), parked.back());
}

}  // namespace
}  // namespace caseload::cli

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/experiment/stress_figures.hpp"
#include "sim/experiment/stress_summary.hpp"
#include "sim/experiment/stress_table.hpp"

namespace caseload::experiment {
namespace {

StressDesign two_by_two() { return {{0.0, 5.0}, {{"low", 2.0, 6.0}, {"high", 6.0, 2.0}}}; }

const std::vector<double>& column(const ResultTable& table, const std::string& name) {
  for (const auto& c : table.columns) {
    if (c.name == name) return std::get<std::vector<double>>(c.values);
  }
  throw std::runtime_error("no column " + name);
}

// A done run whose channels are given and whose measured performance is their sum.
RunOutcome run_with(double selection, double displacement, double real, double gaming, double net) {
  return {RunStatus::Done,
          {{std::string(kStressMeasured), selection + displacement + real + gaming},
           {std::string(kStressSelection), selection},
           {std::string(kStressDisplacement), displacement},
           {std::string(kStressReal), real},
           {std::string(kStressGamingEvidence), gaming},
           {"net_employment_weeks_per_person", net}},
          {}};
}

TEST(StressCells, MixMajorWithTheStrengthsInOrder) {
  const DesignMatrix cells = stress_cells(two_by_two());
  EXPECT_EQ(cells.parameters, (std::vector<std::string>{"advisers.w_client_alpha",
                                                        "advisers.w_client_beta", "advisers.w_target"}));
  EXPECT_EQ(cells.points, (std::vector<std::vector<std::string>>{
                              {"2", "6", "0"}, {"2", "6", "5"}, {"6", "2", "0"}, {"6", "2", "5"}}));
}

TEST(StressTable, GainsArePairedByReplicationAgainstTheSameMixsBase) {
  const StressDesign design = two_by_two();
  const auto plan = plan_comparison(4, 2, 1);  // run r * 4 + cell
  std::vector<RunOutcome> outcomes(plan.size());
  // Cell values by replication; the high mix's base differs from the low mix's, so a gain
  // taken against the wrong base would show.
  const double selection[4][2] = {{1, 3}, {2, 5}, {10, 10}, {11, 12}};
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto cell = plan[i].point;
    const auto r = plan[i].replication;
    outcomes[i] = run_with(selection[cell][r], 0.5, 0.25 * static_cast<double>(cell), 1.0 + static_cast<double>(r),
                           0.1 * static_cast<double>(cell + r));
  }
  const ResultTable table = stress_table(design, plan, outcomes);
  ASSERT_EQ(table.row_count(), 4u);
  const auto& gain = column(table, "measured_gain");
  // Low at 5 over low at 0: selection (2-1, 5-3) and real +0.25 each: mean 1.5 + 0.25.
  EXPECT_DOUBLE_EQ(gain[1], 1.75);
  EXPECT_DOUBLE_EQ(gain[3], 1.5 + 0.25);
  EXPECT_DOUBLE_EQ(gain[0], 0.0);
  EXPECT_DOUBLE_EQ(column(table, "selection")[3], 1.5);
  EXPECT_DOUBLE_EQ(column(table, "real")[3], 0.25);
  EXPECT_DOUBLE_EQ(column(table, "gaming_evidence")[3], 0.0);
  for (std::size_t r = 0; r < 4; ++r) {
    const double sum = column(table, "selection")[r] + column(table, "displacement")[r] +
                       column(table, "real")[r] + column(table, "gaming_evidence")[r];
    EXPECT_NEAR(sum, gain[r], 1e-12) << r;
  }
  // Paired differences 1 and 2 (+0.25): mean 1.75, sd 0.707, t(0.975, 1) = 12.706.
  EXPECT_NEAR(column(table, "measured_gain_lower")[1], 1.75 - 12.7062 * std::sqrt(0.5) / std::sqrt(2.0), 1e-3);
  // Measured: low at 0 is 1 + 0.5 + 0 + 1 and 3 + 0.5 + 0 + 2 = 2.5 and 5.5.
  EXPECT_DOUBLE_EQ(column(table, "measured")[0], 4.0);
  EXPECT_DOUBLE_EQ(column(table, "net_impact")[2], 0.25);
  // Signals the runs lack are NaN, not 0.
  EXPECT_TRUE(std::isnan(column(table, "change_parked_share")[1]));
}

TEST(StressSummary, PrintsOneLinePerRowOrSaysHowManyMoreTheFileHolds) {
  const StressDesign design = two_by_two();
  const auto plan = plan_comparison(4, 2, 1);
  std::vector<RunOutcome> outcomes(plan.size(), run_with(1, 1, 1, 1, 0.5));
  const ResultTable table = stress_table(design, plan, outcomes);
  const std::string all = format_stress_summary(table, 0);
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 1 + 4 + 2) << all;
  const std::string some = format_stress_summary(table, 3);
  EXPECT_EQ(std::count(some.begin(), some.end(), '\n'), 1 + 3 + 1 + 2) << some;
  EXPECT_NE(some.find("... 1 more rows in stress.csv"), std::string::npos) << some;
  EXPECT_NE(all.find("4.00 [4.00, 4.00]"), std::string::npos) << all;
}

}  // namespace
}  // namespace caseload::experiment

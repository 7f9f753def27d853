#include "sim/experiment/result_table.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace caseload::experiment {
namespace {

TEST(ResultTable, CsvHasAHeaderAndOneLinePerRow) {
  ResultTable table;
  std::get<std::vector<std::string>>(table.add_texts("arm").values) = {"jet", "a, \"b\""};
  std::get<std::vector<std::int64_t>>(table.add_integers("seed").values) = {7, -1};
  std::get<std::vector<double>>(table.add_numbers("share").values) = {
      0.1 + 0.2, std::numeric_limits<double>::quiet_NaN()};
  EXPECT_EQ(table.row_count(), 2u);
  EXPECT_EQ(format_csv(table),
            "arm,seed,share\n"
            "jet,7,0.30000000000000004\n"
            "\"a, \"\"b\"\"\",-1,\n");
}

TEST(ResultTable, FieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(csv_field("regime.indicators[0].lag_weeks"), "regime.indicators[0].lag_weeks");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field(" padded"), "\" padded\"");
  EXPECT_EQ(csv_field(""), "");
}

}  // namespace
}  // namespace caseload::experiment

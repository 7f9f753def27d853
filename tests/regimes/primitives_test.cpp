// The primitive table is the one registration: the compiler finds each kind by it and
// docs/REGIMES.md's primitive table is rendered from it.

#include "sim/regimes/primitives.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "sim/core/diagnostics.hpp"
#include "sim/regimes/indicator_set_regime.hpp"
#include "sim/regimes/registry.hpp"
#include "tests/regimes/regime_data.hpp"

namespace caseload::regimes {
namespace {

using testing::scenario_with_indicator;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PrimitiveTable, DocsTableIsRenderedFromTheTable) {
  const std::string docs = read_text(std::string(CASELOAD_SOURCE_DIR) + "/docs/REGIMES.md");
  const std::string table = primitive_table_markdown();
  EXPECT_NE(docs.find(table), std::string::npos)
      << "docs/REGIMES.md's primitive table differs from sim/regimes/primitives.cpp; it should read:\n"
      << table;
}

TEST(PrimitiveTable, KindsAreUniqueAndEachIsDocumented) {
  std::set<std::string_view> kinds;
  for (const auto& p : primitive_table()) {
    EXPECT_TRUE(kinds.insert(p.kind).second) << p.kind;
    EXPECT_NE(p.read, nullptr) << p.kind;
    EXPECT_NE(p.build, nullptr) << p.kind;
    EXPECT_FALSE(p.counts.empty()) << p.kind;
    EXPECT_FALSE(p.keys.empty()) << p.kind;
    EXPECT_FALSE(p.worth.empty()) << p.kind;
  }
  EXPECT_EQ(kinds.size(), primitive_table().size());
}

TEST(PrimitiveTable, EveryKindCompilesWithItsDefaults) {
  for (const auto& p : primitive_table()) {
    const model::Scenario scenario = scenario_with_indicator(p.kind);
    core::Diagnostics problems;
    const auto factory = compile_regime(scenario, problems);
    EXPECT_TRUE(problems.empty()) << p.kind << ": "
                                  << (problems.empty() ? "" : core::format_diagnostic(problems.items()[0]));
    const auto regime = factory(scenario);
    EXPECT_NE(dynamic_cast<IndicatorSetRegime*>(regime.get()), nullptr) << p.kind;
  }
}

TEST(PrimitiveTable, FindsByKindAndNothingElse) {
  for (const auto& p : primitive_table()) EXPECT_EQ(find_primitive(p.kind), &p);
  EXPECT_EQ(find_primitive("job_entri"), nullptr);
  EXPECT_EQ(find_primitive(""), nullptr);
}

}  // namespace
}  // namespace caseload::regimes

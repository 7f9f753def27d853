// The event log names who acted and for whom: every action row carries its adviser, its
// action and (unless it is on no client) its client; other rows carry neither.

#include <gtest/gtest.h>

#include "sim/model/event_kind.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

TEST(EventLog, ActionRowsNameTheClientAdviserAndAction) {
  Scenario scenario = fixtures::small_scenario();
  scenario.counterfactual.enabled = false;
  RunOptions options;
  options.record_events = true;
  const auto result = simulate(
      scenario, [](const Scenario&) { return std::make_unique<NeutralRegime>(); }, {}, options);
  const VariantResult& run = result.treatment;
  std::size_t actions_on_clients = 0;
  for (const EventRecord& event : run.events) {
    if (static_cast<EventKind>(event.kind) != EventKind::Action) {
      ASSERT_EQ(event.client, no_row);
      ASSERT_EQ(event.adviser, no_row);
      ASSERT_EQ(event.action, no_action);
      continue;
    }
    ASSERT_LT(event.adviser, run.advisers.size());
    ASSERT_LT(event.action, action_count);
    const auto kind = static_cast<ActionKind>(event.action);
    if (event.client == no_row) {
      // Only the adviser's own work has no client: employer contacts and validation paperwork.
      ASSERT_TRUE(kind == ActionKind::EmployerContact || kind == ActionKind::Validation);
      continue;
    }
    ASSERT_NE(kind, ActionKind::EmployerContact);
    ASSERT_LT(event.client, run.jobseekers.size());
    ++actions_on_clients;
  }
  EXPECT_GT(actions_on_clients, 100u);
}

}  // namespace
}  // namespace caseload::model

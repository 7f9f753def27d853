// The regime's credit ledger at national size: scenarios/bench/national.yaml's network (370
// offices of 18 advisers: 6,660), counted by team as JOT counts, with JOT's 26-week data lag.
// One iteration is one simulated week: start_week, `range(0)` credits earned by advisers drawn
// at random and counted 26 weeks on, then release_until the week's day. One item is one credit.
// Before timing, 26 weeks of credit are held, so the held list is a lag's worth, as in a run.
// BM_LedgerStartWeek times start_week alone (it clears per-unit and per-adviser weekly counts).

#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/random_stream.hpp"
#include "sim/core/time.hpp"
#include "sim/regimes/credit_ledger.hpp"

namespace caseload::regimes {
namespace {

constexpr double lag_days = 26 * core::days_per_week;
constexpr std::size_t groups = 6;
constexpr std::size_t outcome_count = std::size_t{1} << 16;

model::OfficeNetwork national_network() {
  model::OfficeNetwork network;
  network.offices = 370;
  network.advisers_per_office = 18;
  network.advisers_per_team = 5;
  return network;
}

/// Job entries by advisers and client groups drawn before timing, cycled.
std::vector<model::Outcome> draw_outcomes(std::uint32_t advisers) {
  core::RandomStream stream(core::StreamKey{2024, 0, 0, 18, 0});
  boost::random::uniform_int_distribution<std::uint32_t> adviser(0, advisers - 1);
  boost::random::uniform_int_distribution<std::uint32_t> group(0, groups - 1);
  std::vector<model::Outcome> outcomes(outcome_count);
  for (std::uint32_t i = 0; i < outcome_count; ++i) {
    outcomes[i].client = static_cast<model::JobseekerId>(i);
    outcomes[i].adviser = static_cast<model::AdviserId>(adviser(stream));
    outcomes[i].group = static_cast<model::GroupId>(group(stream));
  }
  return outcomes;
}

void BM_LedgerWeek(benchmark::State& state) {
  const Organisation organisation(national_network(), Level::Team);
  const std::vector<model::Outcome> outcomes = draw_outcomes(organisation.advisers());
  CreditLedger ledger(organisation, 0.0, groups);
  const auto per_week = static_cast<std::uint32_t>(state.range(0));
  std::size_t next = 0;
  double day = 0.0;
  const auto week = [&] {
    ledger.start_week();
    for (std::uint32_t i = 0; i < per_week; ++i) {
      ledger.credit(outcomes[next++ & (outcome_count - 1)], 1.0, day + lag_days, model::PaymentKind::JobOutcome);
    }
    ledger.release_until(day);
    day += core::days_per_week;
  };
  for (int w = 0; w < 26; ++w) week();  // untimed: fill the lag
  for (auto _ : state) week();
  benchmark::DoNotOptimize(ledger.unit_to_date(0));
  state.SetItemsProcessed(state.iterations() * per_week);
  state.counters["advisers"] = organisation.advisers();
  state.counters["units"] = organisation.units();
}
// Credits a week: job entries at 100,000 claimants and at national size. national-10k's
// treatment has 166 a week (bench_whole_run's entries_per_week), scaled by offices (37/4, 370/4).
BENCHMARK(BM_LedgerWeek)->Arg(1'500)->Arg(15'000)->Unit(benchmark::kMicrosecond);

void BM_LedgerStartWeek(benchmark::State& state) {
  const Organisation organisation(national_network(), Level::Team);
  CreditLedger ledger(organisation, 0.0, groups);
  for (auto _ : state) {
    ledger.start_week();
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["advisers"] = organisation.advisers();
}
BENCHMARK(BM_LedgerStartWeek)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace caseload::regimes

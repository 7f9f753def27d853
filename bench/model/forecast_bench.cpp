// The adviser's projection of a client, project(), over a fixed array of perceived clients drawn
// before timing. Each client is projected as planning projects it: as seen (the base), then as
// seen after a quick submission (a pending hire, the action whose value needs a second
// projection most often). One item is one projection. `NoMemo` projects both from scratch;
// `Memo` gives each client one ProjectionMemo that both share, as a plan's ClientPlan does,
// so the second reuses the parts a submission leaves alone.

#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>
#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "sim/core/random_stream.hpp"
#include "sim/io/config/scenario_loader.hpp"
#include "sim/model/forecast.hpp"
#include "sim/model/planning.hpp"

namespace caseload::model {
namespace {

constexpr std::size_t client_count = 4096;

const Scenario& national_scenario() {
  static const io::LoadedScenario loaded =
      io::load_scenario(std::string(CASELOAD_SOURCE_DIR) + "/scenarios/bench/national-10k.yaml", {});
  return loaded.scenario;
}

/// Clients of the scenario's groups in markets of varied tightness; spreads loosely around
/// scenarios/baseline-uk.yaml's (employability on the logit scale, thresholds alike).
std::vector<PerceivedClient> draw_clients(const Scenario& scenario) {
  core::RandomStream stream(core::StreamKey{2024, 0, 0, 17, 0});
  boost::random::uniform_int_distribution<std::size_t> group(0, scenario.groups.size() - 1);
  boost::random::normal_distribution<double> employability(-0.3, 1.0);
  boost::random::normal_distribution<double> threshold(0.0, 1.0);
  boost::random::uniform_real_distribution<double> unit(0.0, 1.0);
  boost::random::exponential_distribution<double> boost(10.0);
  boost::random::bernoulli_distribution<double> has_fund(0.05);
  boost::random::bernoulli_distribution<double> well_matched(0.3);
  std::vector<PerceivedClient> clients(client_count);
  for (PerceivedClient& client : clients) {
    const CustomerGroup& profile = scenario.groups[group(stream)];
    client.employability = employability(stream);
    client.motivation = unit(stream);
    client.boost = boost(stream);
    client.fund_weeks_left = has_fund(stream) ? 4.0 * unit(stream) : 0.0;
    client.search_base = profile.search_base;
    client.search_intercept_shift = profile.search_intercept_shift;
    client.separation_multiplier = profile.separation_multiplier;
    client.inactivity_per_week = profile.inactivity_per_week + profile.other_benefit_per_week;
    client.tightness = 0.3 + 0.6 * unit(stream);
    client.best_threshold = threshold(stream);
    client.best_quality = unit(stream);
    client.matched_threshold = client.best_threshold + 0.5 * unit(stream);
    client.matched_quality = 0.5 + 0.5 * unit(stream);
    client.job_quality = 0.5;
    client.well_matched = well_matched(stream);
  }
  return clients;
}

/// The client after a quick submission, as planning's apply() sees it.
PerceivedClient after_submission(const ForecastModel& model, PerceivedClient client) {
  const double hire = perceived_hire_chance(model, client);
  client.pending_hire = hire;
  client.pending_quality = client.best_quality;
  return client;
}

template <bool WithMemo>
void project_clients(benchmark::State& state) {
  const ForecastModel model = forecast_model(national_scenario());
  const std::vector<PerceivedClient> clients = draw_clients(national_scenario());
  std::vector<PerceivedClient> submitted;
  for (const PerceivedClient& client : clients) submitted.push_back(after_submission(model, client));
  std::vector<ProjectionMemo> memos(clients.size());
  std::size_t next = 0;
  for (auto _ : state) {
    const std::size_t i = next++ & (client_count - 1);
    ProjectionMemo* memo = nullptr;
    if constexpr (WithMemo) {
      memos[i] = ProjectionMemo{};  // a new week: the memo starts empty
      memo = &memos[i];
    }
    benchmark::DoNotOptimize(project(model, clients[i], memo));
    benchmark::DoNotOptimize(project(model, submitted[i], memo));
  }
  state.SetItemsProcessed(2 * state.iterations());
}

void BM_ProjectNoMemo(benchmark::State& state) { project_clients<false>(state); }
void BM_ProjectMemo(benchmark::State& state) { project_clients<true>(state); }
BENCHMARK(BM_ProjectNoMemo);
BENCHMARK(BM_ProjectMemo);

}  // namespace
}  // namespace caseload::model

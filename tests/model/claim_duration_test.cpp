// With no adviser help and a constant job-finding chance p per fortnightly review, a claim
// lasts K reviews with K ~ Geometric(p): P(K = k) = (1 - p)^(k - 1) p. The model must
// reproduce that law exactly, which checks reviews, own search and spell logging together.

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/model/outcome_model.hpp"
#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

Scenario constant_hazard_scenario() {
  Scenario s = fixtures::small_scenario(20240601);
  s.run.warmup_weeks = 0;
  s.run.weeks = 220;
  s.network.advisers_per_office = 1;
  s.policy.discretionary_help = false;
  s.counterfactual.enabled = false;
  fixtures::make_job_finding_constant(s);
  s.search.steady_state_history_weeks = 0.0;
  s.employers.vacancies_per_week = 20.0;    // the pool never runs dry
  s.employers.external_fill_per_week = 0.0;
  return s;
}

TEST(ClaimDuration, MatchesGeometricLawUnderConstantHazard) {
  const Scenario scenario = constant_hazard_scenario();
  const double p = scenario.groups.front().search_base * logistic(0.0);  // 0.1 per fortnight
  const auto result = fixtures::run(scenario);

  // Claims that began in the first 120 weeks have 100+ weeks (50 reviews) of follow-up, so
  // only K > 50 is censored: probability 0.9^50 < 0.6%, all inside the tail bin.
  constexpr int tail = 20;  // bins K = 1..19 and K >= 20
  std::vector<double> observed(tail, 0.0);
  double count = 0.0, sum_k = 0.0;
  for (const auto& spell : result.treatment.spells) {
    if (spell.start >= 120.0 * 7.0) continue;
    const double k = spell.is_open ? 1e9 : std::round((spell.end - spell.start) / 14.0);
    ASSERT_TRUE(spell.is_open || std::fabs((spell.end - spell.start) / 14.0 - k) < 1e-9)
        << "claims end only at fortnightly reviews";
    observed[static_cast<std::size_t>(std::min<double>(k, tail) - 1)] += 1.0;
    count += 1.0;
    sum_k += std::min(k, 60.0);
  }
  ASSERT_GT(count, 2000.0);

  double chi_square = 0.0;
  for (int k = 1; k <= tail; ++k) {
    const double probability = k < tail ? std::pow(1 - p, k - 1) * p : std::pow(1 - p, tail - 1);
    const double expected = count * probability;
    const double diff = observed[static_cast<std::size_t>(k - 1)] - expected;
    chi_square += diff * diff / expected;
  }
  // 19 degrees of freedom: the 0.1% critical value is 43.82. A correct model fails this with
  // probability 0.001 for a random seed; the seed is fixed, so the test does not flake.
  EXPECT_LT(chi_square, 43.82);

  // Mean number of reviews: 1/p = 10. Its standard error is sqrt(1-p)/p/sqrt(n) ~ 0.2 here;
  // 4 standard errors is 0.85.
  EXPECT_NEAR(sum_k / count, 1.0 / p, 0.85);
}

}  // namespace
}  // namespace caseload::model

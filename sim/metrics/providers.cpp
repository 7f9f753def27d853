#include "sim/metrics/providers.hpp"

#include <numeric>

#include "sim/core/assert.hpp"
#include "sim/metrics/statistics.hpp"

namespace caseload::metrics {

namespace {

void add_to(ProviderBooks& total, const ProviderBooks& part) {
  total.referrals += part.referrals;
  total.fees += part.fees;
  total.staff_minutes += part.staff_minutes;
  total.staff_cost += part.staff_cost;
  total.programme_spend += part.programme_spend;
  total.profit += part.profit;
  total.client_weeks += part.client_weeks;
  total.parked_weeks += part.parked_weeks;
}

}  // namespace

Providers providers(const model::Scenario& scenario, const model::VariantResult& variant) {
  Providers out;
  const std::size_t groups = scenario.groups.size();
  const std::size_t count = static_cast<std::size_t>(scenario.network.offices * scenario.providers.per_office);
  out.referrals_by_group.assign(groups, 0.0);
  out.client_weeks_by_group.assign(groups, 0.0);
  out.parked_weeks_by_group.assign(groups, 0.0);
  out.parked_share_by_group.assign(groups, not_defined);
  out.total.parked_share = not_defined;
  out.profit_per_referral = not_defined;
  if (count == 0) return out;

  const model::ProviderTally& tally = variant.providers;
  CASELOAD_ASSERT(tally.referrals.size() == count * groups, "provider tally of the wrong size");
  out.by_provider.resize(count);
  out.office.resize(count);
  for (std::size_t p = 0; p < count; ++p) {
    out.office[p] = static_cast<std::uint32_t>(p / static_cast<std::size_t>(scenario.providers.per_office));
    ProviderBooks& books = out.by_provider[p];
    for (std::size_t g = 0; g < groups; ++g) {
      const std::size_t cell = p * groups + g;
      books.referrals += tally.referrals[cell];
      books.client_weeks += tally.client_weeks[cell];
      books.parked_weeks += tally.parked_weeks[cell];
      out.referrals_by_group[g] += tally.referrals[cell];
      out.client_weeks_by_group[g] += tally.client_weeks[cell];
      out.parked_weeks_by_group[g] += tally.parked_weeks[cell];
    }
  }
  const auto& advisers = variant.advisers;
  for (std::uint32_t a = 0; a < advisers.size(); ++a) {
    if (!advisers.is_provider[a]) continue;
    ProviderBooks& books = out.by_provider[advisers.provider[a]];
    const auto& minutes = advisers.measured[a].action_minutes;
    books.staff_minutes += std::accumulate(minutes.begin(), minutes.end(), 0.0);
    books.programme_spend += advisers.measured[a].fund_spend;
    if (a < variant.measured_by_adviser.size()) books.fees += variant.measured_by_adviser[a];
  }
  for (ProviderBooks& books : out.by_provider) {
    books.staff_cost = books.staff_minutes / 60.0 * scenario.providers.staff_cost_per_hour;
    books.profit = books.fees - books.staff_cost - books.programme_spend;
    books.parked_share = ratio(books.parked_weeks, books.client_weeks);
    add_to(out.total, books);
  }
  out.total.parked_share = ratio(out.total.parked_weeks, out.total.client_weeks);
  out.profit_per_referral = ratio(out.total.profit, out.total.referrals);
  for (std::size_t g = 0; g < groups; ++g) {
    out.parked_share_by_group[g] = ratio(out.parked_weeks_by_group[g], out.client_weeks_by_group[g]);
  }
  return out;
}

}  // namespace caseload::metrics

#include "sim/metrics/providers.hpp"

#include <numeric>

#include "sim/core/assert.hpp"
#include "sim/core/time.hpp"
#include "sim/metrics/statistics.hpp"

namespace caseload::metrics {

namespace {

constexpr double weeks_per_year = 52.0;

void add_to(ProviderBooks& total, const ProviderBooks& part) {
  total.caseworkers += part.caseworkers;
  total.referrals += part.referrals;
  for (std::size_t k = 0; k < part.fees_by_kind.size(); ++k) total.fees_by_kind[k] += part.fees_by_kind[k];
  total.staff_minutes += part.staff_minutes;
  total.staff_cost += part.staff_cost;
  total.overhead += part.overhead;
  total.programme_spend += part.programme_spend;
  total.client_weeks += part.client_weeks;
  total.parked_weeks += part.parked_weeks;
}

// The figures that follow from the others, so a total's are recomputed, never summed.
void settle(ProviderBooks& books) {
  books.fees = std::accumulate(books.fees_by_kind.begin(), books.fees_by_kind.end(), 0.0);
  books.margin = books.fees - books.staff_cost - books.overhead - books.programme_spend;
  books.spend_per_participant = ratio(books.staff_cost + books.programme_spend, books.referrals);
  books.parked_share = ratio(books.parked_weeks, books.client_weeks);
}

// Shares of a provider's fixed cost among its groups: by `weight` (minutes or client-weeks),
// by client-weeks when no group has any, and equally when there are none of those either.
std::vector<double> cost_shares(const std::vector<ProviderBooks>& cells, double ProviderBooks::*weight) {
  std::vector<double> shares(cells.size(), 0.0);
  for (double ProviderBooks::*field : {weight, &ProviderBooks::client_weeks}) {
    double total = 0.0;
    for (const ProviderBooks& cell : cells) total += cell.*field;
    if (total <= 0.0) continue;
    for (std::size_t g = 0; g < cells.size(); ++g) shares[g] = cells[g].*field / total;
    return shares;
  }
  std::fill(shares.begin(), shares.end(), cells.empty() ? 0.0 : 1.0 / static_cast<double>(cells.size()));
  return shares;
}

}  // namespace

Providers providers(const model::Scenario& scenario, const model::VariantResult& variant) {
  Providers out;
  const std::size_t groups = scenario.groups.size();
  const std::size_t count = static_cast<std::size_t>(scenario.network.offices * scenario.providers.per_office);
  out.by_group.assign(groups, ProviderBooks{});
  for (ProviderBooks& books : out.by_group) settle(books);
  settle(out.total);
  out.profit_per_referral = not_defined;
  if (count == 0) return out;

  const model::ProviderTally& tally = variant.providers;
  constexpr std::size_t kinds = model::payment_kind_count;
  CASELOAD_ASSERT(tally.referrals.size() == count * groups, "provider tally of the wrong size");
  CASELOAD_ASSERT(tally.fees.size() == count * (groups + 1) * kinds, "provider fees of the wrong size");
  out.by_provider.resize(count);
  out.office.resize(count);
  out.by_provider_group.resize(count * groups);
  for (std::uint32_t a = 0; a < variant.advisers.size(); ++a) {
    if (variant.advisers.is_provider[a]) out.by_provider[variant.advisers.provider[a]].caseworkers += 1.0;
  }
  const double years = (variant.end - variant.measure_start) / core::days_per_week / weeks_per_year;

  for (std::size_t p = 0; p < count; ++p) {
    out.office[p] = static_cast<std::uint32_t>(p / static_cast<std::size_t>(scenario.providers.per_office));
    std::vector<ProviderBooks> cells(groups);
    for (std::size_t g = 0; g < groups; ++g) {
      const std::size_t cell = p * groups + g;
      ProviderBooks& books = cells[g];
      books.referrals = tally.referrals[cell];
      books.client_weeks = tally.client_weeks[cell];
      books.parked_weeks = tally.parked_weeks[cell];
      books.staff_minutes = tally.help_minutes[cell];
      books.programme_spend = tally.programme_spend[cell];
      for (std::size_t k = 0; k < kinds; ++k) books.fees_by_kind[k] = tally.fees[(p * (groups + 1) + g) * kinds + k];
    }
    // Salaries are paid whatever the minutes used; the minutes only say which group they served.
    ProviderBooks& provider = out.by_provider[p];
    const double salaries = provider.caseworkers * scenario.providers.caseworker_cost_per_year * years;
    const double overhead = scenario.providers.overhead_share * salaries;
    const std::vector<double> staff_shares = cost_shares(cells, &ProviderBooks::staff_minutes);
    const std::vector<double> overhead_shares = cost_shares(cells, &ProviderBooks::client_weeks);
    const double caseworkers = provider.caseworkers;
    provider = ProviderBooks{};
    provider.caseworkers = caseworkers;
    for (std::size_t g = 0; g < groups; ++g) {
      cells[g].staff_cost = salaries * staff_shares[g];
      cells[g].overhead = overhead * overhead_shares[g];
      settle(cells[g]);
      add_to(provider, cells[g]);
      add_to(out.by_group[g], cells[g]);
      out.by_provider_group[p * groups + g] = cells[g];
    }
    // Credit with no client (employer contacts) is the provider's, in no group's books.
    for (std::size_t k = 0; k < kinds; ++k) provider.fees_by_kind[k] += tally.fees[(p * (groups + 1) + groups) * kinds + k];
    settle(provider);
    add_to(out.total, provider);
  }
  for (ProviderBooks& books : out.by_group) settle(books);
  settle(out.total);
  out.profit_per_referral = ratio(out.total.margin, out.total.referrals);
  return out;
}

}  // namespace caseload::metrics

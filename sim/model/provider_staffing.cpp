#include "sim/model/provider_staffing.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace caseload::model {

namespace {

struct Piece {
  double from_weeks;
  double hazard;
};

// The forecast as pieces of constant hazard, each running to the next one's start.
std::array<Piece, 3> pieces(const OffFlowForecast& forecast) {
  return {{{0.0, forecast.to_26_weeks}, {26.0, forecast.to_52_weeks}, {52.0, forecast.after_52_weeks}}};
}

// Integral of exp(-hazard * t) over [0, length].
double survival_weeks(double hazard, double length) {
  if (length <= 0.0) return 0.0;
  return hazard > 0.0 ? (1.0 - std::exp(-hazard * length)) / hazard : length;
}

constexpr double weeks_per_year = 52.0;

}  // namespace

double forecast_survival(const OffFlowForecast& forecast, double weeks) {
  const auto parts = pieces(forecast);
  double cumulative_hazard = 0.0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double end = i + 1 < parts.size() ? parts[i + 1].from_weeks : weeks;
    const double length = std::min(weeks, end) - parts[i].from_weeks;
    if (length > 0.0) cumulative_hazard += parts[i].hazard * length;
  }
  return std::exp(-cumulative_hazard);
}

double forecast_attached_weeks(const OffFlowForecast& forecast, double referral_weeks, double attachment_weeks) {
  const auto parts = pieces(forecast);
  const double until = referral_weeks + attachment_weeks;
  const double at_referral = forecast_survival(forecast, referral_weeks);
  double weeks = 0.0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double end = i + 1 < parts.size() ? parts[i + 1].from_weeks : until;
    const double from = std::max(parts[i].from_weeks, referral_weeks);
    const double to = std::min(end, until);
    if (to <= from) continue;
    // Still claiming at `from`, relative to the referral, then this piece's constant hazard.
    weeks += forecast_survival(forecast, from) / at_referral * survival_weeks(parts[i].hazard, to - from);
  }
  return weeks;
}

double expected_caseload(const Scenario& scenario, int office) {
  // The office's own size and mix, as World::inflow_per_week reads them.
  const auto& profiles = scenario.network.profiles;
  const OfficeProfile* profile = profiles.empty() ? nullptr : &profiles[static_cast<std::size_t>(office)];
  const ProviderModel& providers = scenario.providers;
  if (!providers.enabled()) return 0.0;
  double caseload = 0.0;
  for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
    const double referral_weeks = g < providers.referral_after_weeks.size() ? providers.referral_after_weeks[g] : 52.0;
    const double referred_per_week =
        (profile == nullptr ? scenario.groups[g].inflow_per_week
                            : profile->inflow_per_week(scenario.groups[g].inflow_per_week, g)) /
        providers.per_office * forecast_survival(providers.forecast, referral_weeks);
    caseload += referred_per_week * forecast_attached_weeks(providers.forecast, referral_weeks, providers.attachment_weeks);
  }
  return caseload;
}

std::vector<std::uint32_t> provider_staffing(const Scenario& scenario) {
  const ProviderModel& providers = scenario.providers;
  std::vector<std::uint32_t> staffing;
  for (int office = 0; office < scenario.network.offices; ++office) {
    std::uint32_t caseworkers = static_cast<std::uint32_t>(std::max(0, providers.caseworkers_per_provider));
    if (caseworkers == 0) {
      const double needed = std::ceil(expected_caseload(scenario, office) / providers.caseload_per_caseworker);
      caseworkers = static_cast<std::uint32_t>(std::max(1.0, needed));
    }
    for (int p = 0; p < providers.per_office; ++p) staffing.push_back(caseworkers);
  }
  return staffing;
}

double caseworker_cost_per_minute(const Scenario& scenario) {
  const AdviserModel& advisers = scenario.advisers;
  const double minutes_per_year = advisers.hours_per_week * 60.0 * (1.0 - advisers.other_duties_share) * weeks_per_year;
  return minutes_per_year > 0.0 ? scenario.providers.caseworker_cost_per_year / minutes_per_year : 0.0;
}

}  // namespace caseload::model

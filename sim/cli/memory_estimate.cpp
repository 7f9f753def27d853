#include "sim/cli/memory_estimate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "sim/core/diagnostics.hpp"
#include "sim/model/office_profiles.hpp"

namespace caseload::cli {

namespace {

// Bytes per entity, measured on a release build with `/usr/bin/time -f %M caseload run
// scenarios/smoke.yaml --set ...` (peak resident set) at two sizes each, the difference
// divided by the entities added, then rounded up (docs/RELIABILITY.md, "Sizes that cannot run"):
// - a claim of the run: inflow 400/week over 50 and 250 weeks: 35.7 and 130.2 MB, ~1,210 bytes
//   (the person, their spells, jobs and events, kept to the end for the metrics);
// - a claim of the steady state's history: 530,000 and 1,060,000 claims: 92 and 168 MB, ~150
//   bytes (most have left by the start; only the initial stock is kept);
// - an adviser: 10,000 and 100,000 (10 offices): 28 and 97 MB, ~790 bytes;
// - an employer: 100,000 and 1,000,000: 30 and 132 MB, ~116 bytes;
// - a vacancy opened: 8,000 and 80,000 over 50 weeks: +0.2 MB, ~3 bytes (filled or closed
//   vacancies are not kept);
// - the rest (binary, libraries, a small run): 28 MB.
// The total is then doubled, so the estimate errs towards refusing: a guard, not a forecast.
constexpr double kBaseBytes = 32.0 * 1024 * 1024;
constexpr double kBytesPerRunClaim = 1300.0;
constexpr double kBytesPerHistoryClaim = 160.0;
constexpr double kBytesPerAdviser = 800.0;
constexpr double kBytesPerEmployer = 120.0;
constexpr double kBytesPerVacancy = 4.0;
constexpr double kSafetyFactor = 2.0;

std::string with_separators(double count) {
  std::string digits = fmt::format("{:.0f}", count);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

}  // namespace

MemoryEstimate estimate_memory(const model::Scenario& scenario) {
  MemoryEstimate estimate;
  const double run_weeks = scenario.run.warmup_weeks + scenario.run.weeks;
  for (const model::OfficeProfile& office : model::office_profiles(scenario)) {
    const double claims_per_week = model::new_claims_per_week(office, scenario);
    estimate.history_claims += claims_per_week * scenario.search.steady_state_history_weeks;
    estimate.run_claims += claims_per_week * run_weeks;
    estimate.advisers += office.advisers;
    estimate.employers += office.employers;
    estimate.vacancies += office.employers * office.vacancies_per_week * run_weeks;
  }
  estimate.bytes = kSafetyFactor * (kBaseBytes + estimate.run_claims * kBytesPerRunClaim +
                                    estimate.history_claims * kBytesPerHistoryClaim +
                                    estimate.advisers * kBytesPerAdviser + estimate.employers * kBytesPerEmployer +
                                    estimate.vacancies * kBytesPerVacancy);
  return estimate;
}

std::string format_bytes(double bytes) {
  constexpr const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  std::size_t unit = 0;
  while (bytes >= 1024.0 && unit + 1 < std::size(units)) {
    bytes /= 1024.0;
    ++unit;
  }
  if (unit == 0) return fmt::format("{:.0f} {}", bytes, units[unit]);
  return fmt::format("{:.1f} {}", bytes, units[unit]);
}

std::string describe_estimate(const MemoryEstimate& estimate) {
  return fmt::format("about {} (claims in the history {}, claims in the run {}, advisers {}, employers {}, vacancies {})",
                     format_bytes(estimate.bytes), with_separators(estimate.history_claims),
                     with_separators(estimate.run_claims), with_separators(estimate.advisers),
                     with_separators(estimate.employers), with_separators(estimate.vacancies));
}

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return UINT64_MAX;  // unknown: no cap rather than a wrong one
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
}

std::optional<std::uint64_t> parse_memory_size(std::string_view text) {
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end == text.data()) return std::nullopt;
  const std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
  int shift = 0;
  if (suffix.size() == 1) {
    const auto unit = std::toupper(static_cast<unsigned char>(suffix[0]));
    if (unit == 'K') shift = 10;
    else if (unit == 'M') shift = 20;
    else if (unit == 'G') shift = 30;
    else if (unit == 'T') shift = 40;
    else return std::nullopt;
  } else if (!suffix.empty()) {
    return std::nullopt;
  }
  if (number == 0 || number > (UINT64_MAX >> shift)) return std::nullopt;
  return number << shift;
}

std::uint64_t memory_cap(const std::string& option) {
  if (option.empty()) return physical_memory_bytes();
  if (const auto bytes = parse_memory_size(option)) return *bytes;
  throw core::ConfigError({"--max-memory", 0, 0},
                          fmt::format("'{}' is not a size: give bytes or a number with K, M, G or T (e.g. 8G)",
                                      option.substr(0, 40)));
}

void refuse_if_too_big(const model::Scenario& scenario, std::uint64_t cap, const std::string& what) {
  const MemoryEstimate estimate = estimate_memory(scenario);
  if (estimate.bytes <= static_cast<double>(cap)) return;
  throw core::ConfigError(
      {what, 0, 0},
      fmt::format("the run would need {}, over the cap of {} (--max-memory; default: physical memory); "
                  "it grows with groups.*.inflow_per_week x (run.weeks + run.warmup_weeks + "
                  "search.steady_state_history_weeks) for claims, network.offices x "
                  "network.advisers_per_office for advisers and network.offices x "
                  "employers.employers_per_office for employers",
                  describe_estimate(estimate), format_bytes(static_cast<double>(cap))));
}

}  // namespace caseload::cli

#include "sim/experiment/run_record.hpp"

#include <algorithm>
#include <limits>

#include "sim/experiment/run_seed.hpp"

namespace caseload::experiment {

std::string_view status_name(RunStatus status) {
  switch (status) {
    case RunStatus::Pending:
      return "pending";
    case RunStatus::Done:
      return "done";
    case RunStatus::Failed:
      return "failed";
  }
  return "pending";
}

std::optional<RunStatus> parse_status(std::string_view name) {
  for (const RunStatus status : {RunStatus::Pending, RunStatus::Done, RunStatus::Failed}) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

std::vector<PlannedRun> plan_sweep(std::size_t points, std::size_t replications,
                                   std::uint64_t seed) {
  std::vector<PlannedRun> plan;
  plan.reserve(points * replications);
  for (std::size_t p = 0; p < points; ++p) {
    for (std::size_t r = 0; r < replications; ++r)
      plan.push_back({p, r, derive_run_seed(seed, p, r)});
  }
  return plan;
}

std::vector<PlannedRun> plan_comparison(std::size_t arms, std::size_t replications,
                                        std::uint64_t seed) {
  std::vector<PlannedRun> plan;
  plan.reserve(arms * replications);
  for (std::size_t r = 0; r < replications; ++r) {
    const std::uint64_t common = derive_run_seed(seed, 0, r);
    for (std::size_t a = 0; a < arms; ++a) plan.push_back({a, r, common});
  }
  return plan;
}

namespace {

constexpr char kBreakdownMark = '@';

// Names of done runs' metrics, in order of first appearance, that are (or are not) breakdowns.
std::vector<std::string> names_of(const std::vector<RunOutcome>& outcomes, bool breakdowns) {
  std::vector<std::string> names;
  for (const auto& outcome : outcomes) {
    if (outcome.status != RunStatus::Done) continue;
    for (const auto& metric : outcome.metrics) {
      const bool is_breakdown = metric.name.find(kBreakdownMark) != std::string::npos;
      if (is_breakdown != breakdowns) continue;
      if (std::find(names.begin(), names.end(), metric.name) == names.end()) {
        names.push_back(metric.name);
      }
    }
  }
  return names;
}

}  // namespace

std::vector<std::string> metric_names(const std::vector<RunOutcome>& outcomes) {
  return names_of(outcomes, false);
}

std::vector<std::string> breakdown_names(const std::vector<RunOutcome>& outcomes) {
  return names_of(outcomes, true);
}

std::string breakdown_name(std::string_view metric, std::string_view by, std::string_view group) {
  std::string name = std::string(metric) + kBreakdownMark + std::string(by) + ':';
  for (const char c : group)
    name += std::string_view(";=\t\n\r").find(c) == std::string_view::npos ? c : '_';
  return name;
}

std::optional<BreakdownKey> parse_breakdown_name(std::string_view name) {
  const auto mark = name.find(kBreakdownMark);
  if (mark == std::string_view::npos) return std::nullopt;
  const auto colon = name.find(':', mark);
  if (colon == std::string_view::npos) return std::nullopt;
  return BreakdownKey{std::string(name.substr(0, mark)),
                      std::string(name.substr(mark + 1, colon - mark - 1)),
                      std::string(name.substr(colon + 1))};
}

double metric_value(const RunOutcome& outcome, std::string_view name) {
  if (outcome.status == RunStatus::Done) {
    for (const auto& metric : outcome.metrics) {
      if (metric.name == name) return metric.value;
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace caseload::experiment

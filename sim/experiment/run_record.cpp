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

std::vector<std::string> metric_names(const std::vector<RunOutcome>& outcomes) {
  std::vector<std::string> names;
  for (const auto& outcome : outcomes) {
    if (outcome.status != RunStatus::Done) continue;
    for (const auto& metric : outcome.metrics) {
      if (std::find(names.begin(), names.end(), metric.name) == names.end()) {
        names.push_back(metric.name);
      }
    }
  }
  return names;
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

#pragma once
// The runs of an experiment as data: what each run is (its point, replication and seed) and
// what became of it (done with its metrics, failed with a message, or still pending). A run's
// index is its position in the plan, and results are stored by it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseload::experiment {

enum class RunStatus : std::uint8_t { Pending = 0, Done = 1, Failed = 2 };

/// "pending", "done", "failed": the words the manifest and the CSV files use.
std::string_view status_name(RunStatus status);
std::optional<RunStatus> parse_status(std::string_view name);

struct PlannedRun {
  std::size_t point = 0;  ///< a sweep's design point, or a comparison's arm
  std::size_t replication = 0;
  std::uint64_t seed = 0;

  friend bool operator==(const PlannedRun&, const PlannedRun&) = default;
};

struct MetricValue {
  std::string name;
  double value = 0.0;
};

struct RunOutcome {
  RunStatus status = RunStatus::Pending;
  std::vector<MetricValue> metrics;  ///< a done run's summary figures, in the run's order
  std::string message;               ///< why a run failed; empty otherwise
};

/// A sweep's runs, point-major: run p * replications + r is replication r of point p, seeded
/// by derive_run_seed(seed, p, r).
std::vector<PlannedRun> plan_sweep(std::size_t points, std::size_t replications,
                                   std::uint64_t seed);

/// A comparison's runs, replication-major so an interrupted comparison holds whole pairs:
/// run r * arms + a is replication r of arm a. Every arm's replication r has the same seed,
/// derive_run_seed(seed, 0, r): common random numbers.
std::vector<PlannedRun> plan_comparison(std::size_t arms, std::size_t replications,
                                        std::uint64_t seed);

/// Whole-population metric names in the order runs report them: those of the first done run,
/// then any others in order of first appearance. Breakdown figures are left out.
std::vector<std::string> metric_names(const std::vector<RunOutcome>& outcomes);

/// A figure for part of the population: `metric` for one customer group, office cluster or
/// provider (`by` is "group", "cluster" or "provider"; `group` names which). A run stores it
/// among its metrics as "metric@by:group", so the manifest keeps it with the rest.
struct BreakdownKey {
  std::string metric;
  std::string by;
  std::string group;
};

/// "metric@by:group"; characters the manifest uses as separators (';', '=', tab, line breaks)
/// become '_' in the group's name.
std::string breakdown_name(std::string_view metric, std::string_view by, std::string_view group);

/// The parts of a breakdown name; nullopt for a whole-population metric.
std::optional<BreakdownKey> parse_breakdown_name(std::string_view name);

/// Breakdown names in the order runs report them, as metric_names.
std::vector<std::string> breakdown_names(const std::vector<RunOutcome>& outcomes);

/// The value of `name` in a run's outcome; NaN when the run is not done or lacks it.
double metric_value(const RunOutcome& outcome, std::string_view name);

}  // namespace caseload::experiment

#pragma once
// Runs one scenario: the treatment variant and, when enabled, its counterfactual with the same
// seed and exogenous streams but the counterfactual policy. The model's one entry point.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/model/trial_cohort.hpp"
#include "sim/model/adviser_table.hpp"
#include "sim/model/jobseeker_table.hpp"
#include "sim/model/labour_market.hpp"
#include "sim/model/records.hpp"
#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

/// `EventRecord::action` of an event that is not an adviser's action.
inline constexpr std::uint8_t no_action = 255;

/// One handled event, for the optional event log (trace level `events`).
struct EventRecord {
  double time = 0.0;
  std::uint32_t kind = 0;     ///< an EventKind
  std::uint32_t subject = 0;
  std::uint32_t detail = 0;
  // Action events only (others hold no_row and no_action): who acted, for whom, and how.
  std::uint32_t client = no_row;   ///< jobseeker row; no_row for an action on no client
  std::uint32_t adviser = no_row;
  std::uint8_t action = no_action;  ///< an ActionKind
};

/// The regime's weekly scoreboard (empty under a regime that counts nothing).
struct Scoreboard {
  std::vector<std::string> indicators;  ///< names ScoreRow::indicator indexes
  std::vector<ScoreRow> rows;           ///< by week, then unit, then indicator
};

/// How much a run records beyond what metrics need.
struct RunOptions {
  bool record_events = false;
  /// Run the counterfactual on a second thread beside the treatment. The two worlds share
  /// nothing mutable and each draws from its own streams, so results are the same either way.
  bool parallel_variants = false;
};

/// Everything one variant leaves behind for metrics and traces.
struct VariantResult {
  std::string name;  ///< "treatment" or "counterfactual"
  JobseekerTable jobseekers;
  TrialCohort trial;                        ///< who a trial assigned (empty without one)
  AdviserTable advisers;
  EmployerTable employers;
  VacancyTable vacancies;
  std::vector<SpellRecord> spells;
  std::vector<JobRecord> jobs;
  std::vector<PanelRow> panel;
  std::vector<double> measured_by_adviser;  ///< what the regime credited each adviser
  std::vector<double> pressure_by_adviser;  ///< management pressure at the end of the run
  std::vector<std::uint8_t> stars_by_adviser;  ///< star rating at the end (0 = not rated)
  ProviderTally providers;                  ///< empty without contracted providers
  Scoreboard scoreboard;
  EvidenceTally evidence;                   ///< claims and matching, empty if unchecked
  LocalTargetTally local_targets;           ///< units' own targets and results, empty if none
  std::vector<OfficeProfile> offices;       ///< by office: market, size, mix and cluster
  std::vector<double> new_claims_per_week;  ///< by office: expected inflow, all groups
  std::vector<EventRecord> events;          ///< every handled event, if recorded
  std::uint64_t events_handled = 0;
  std::uint32_t submissions_failed = 0;
  std::uint32_t searches_crowded_out = 0;
  double measure_start = 0.0;
  double end = 0.0;
  bool interrupted = false;
};

struct SimulationResult {
  VariantResult treatment;
  std::optional<VariantResult> counterfactual;
};

/// Makes the regime for one variant; called once per variant.
using RegimeFactory = std::function<std::unique_ptr<Regime>(const Scenario&)>;

/// Polled between events; returning true stops the run early (Ctrl-C).
using StopRequested = std::function<bool()>;

/// Runs one variant under `policy`.
VariantResult run_variant(const Scenario& scenario, const Policy& policy, std::string name,
                          const RegimeFactory& make_regime, const StopRequested& stop = {},
                          const RunOptions& options = {});

/// Runs the treatment and, if the scenario enables it, the counterfactual.
SimulationResult simulate(const Scenario& scenario, const RegimeFactory& make_regime,
                          const StopRequested& stop = {}, const RunOptions& options = {});

}  // namespace caseload::model

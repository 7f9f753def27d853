#pragma once
// One indicator primitive: what is counted, how an outcome is attributed, and what it is
// worth per customer group. An indicator values candidate actions for the adviser's plan and
// credits outcomes to the ledger. Each primitive is one file; primitives.hpp lists them.

#include <memory>
#include <string>
#include <vector>

#include "sim/core/config_reader.hpp"
#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"
#include "sim/regimes/credit_ledger.hpp"
#include "sim/regimes/organisation.hpp"

namespace caseload::regimes {

/// What a primitive may know when it is built.
struct IndicatorContext {
  const model::Scenario* scenario = nullptr;
  std::vector<std::string> group_names;
  /// Whether an adviser is a provider caseworker.
  bool is_provider(model::AdviserId adviser) const {
    return model::index(adviser) >= first_caseworker(scenario->network);
  }
};

class Indicator {
 public:
  virtual ~Indicator() = default;
  /// Expected change in credit (before it is shared over the unit) from one candidate.
  virtual double value(const model::ActionCandidate& candidate) const = 0;
  /// Expected credit from one employer contact.
  virtual double value_employer_contact() const { return 0.0; }
  /// Appends the weeks in work at which it must see a job to be paid (a sustained job's
  /// outcome and sustainment dates).
  virtual void add_job_marks(std::vector<double>& /*marks*/) const {}
  /// Credits what an outcome earns.
  virtual void record(const model::Outcome& outcome, CreditLedger& ledger) = 0;
  /// Called at each week's close, before credit due by `day` is counted: credits what has
  /// been earned by time passing (JET's bonus for staying off benefit).
  virtual void end_week(double /*day*/, CreditLedger& /*ledger*/) {}
  /// Adds what its evidence rules did to claims (job entries only) to `tally`, by group.
  virtual void add_evidence(model::EvidenceTally& /*tally*/) const {}
};

/// One indicator's keys as its primitive read them. Each primitive's file derives its own
/// settings struct from this; only that file's build step looks inside it.
struct IndicatorSettings {
  virtual ~IndicatorSettings() = default;
};

/// Read step: reads an indicator's own keys from its YAML map into its settings (problems go
/// to the reader's diagnostics). Runs once per indicator, when the scenario loads.
using IndicatorReader = std::unique_ptr<const IndicatorSettings> (*)(core::ConfigReader& reader,
                                                                     const IndicatorContext& context);

/// Build step: a fresh indicator for one variant from settings its own read step made; it
/// never sees the config tree.
using IndicatorBuilder = std::unique_ptr<Indicator> (*)(const IndicatorSettings& settings,
                                                        const IndicatorContext& context);

/// Weights by customer group: `{default: 4, lone_parent: 12}`; unknown groups are errors.
std::vector<double> read_group_weights(core::ConfigReader& reader, std::string_view key,
                                       double fallback, const IndicatorContext& context);

/// A list of customer group names (default: every group), as a flag per group; unknown names
/// are errors at the item, listing the known groups.
std::vector<bool> read_group_set(core::ConfigReader& reader, std::string_view key,
                                 const IndicatorContext& context);

}  // namespace caseload::regimes

#pragma once
// Quality of what help achieves, gross (job entries, how long the jobs last, what they were
// bought with) and per net outcome over the counterfactual. Definitions: docs/METRICS.md.

#include <cstddef>
#include <optional>
#include <vector>

#include "sim/metrics/statistics.hpp"
#include "sim/model/simulation.hpp"

namespace caseload::metrics {

/// Adviser time in pounds per minute: salary over paid minutes in a working year,
/// £25,600 (NAO 2006, EVIDENCE.md §6.3) / (37 h × 60 min × 46 weeks) = £0.2507. Salary only:
/// no on-costs or overheads, so costs per outcome are lower bounds on the time's full cost.
inline constexpr double adviser_salary_per_year = 25'600.0;
inline constexpr double adviser_paid_minutes_per_year = 37.0 * 60.0 * 46.0;
inline constexpr double adviser_cost_per_minute =
    adviser_salary_per_year / adviser_paid_minutes_per_year;

/// Weeks a job must last to count as sustained, and the follow-up it needs.
inline constexpr double sustained_short_weeks = 13.0;
inline constexpr double sustained_long_weeks = 26.0;

struct Quality {
  // Job entries, from the jobseeker table.
  double entries = 0.0;  ///< job entries in the measured period
  double claim_weeks = 0.0;
  double claimants = 0.0;  ///< people with claim_weeks > 0
  double entries_per_100_client_weeks = not_defined;
  double entries_per_claimant = not_defined;
  // Jobs, from the job log.
  double jobs_started = 0.0;  ///< jobs starting in [measure_start, end)
  double mean_job_quality = not_defined;
  double via_submission_share = not_defined;
  double jobs_followed_up = 0.0;  ///< jobs starting in [measure_start, end - 26 weeks)
  double sustained_13w_share = not_defined;
  double sustained_26w_share = not_defined;
  double reclaim_26w_share = not_defined;  ///< claiming again within 26 weeks of the start
  /// Of followed-up jobs, the mean of quality × weeks held in the first 26: an earnings index
  /// per entry, job quality standing for hours and pay (docs/METRICS.md).
  double earnings_index_26w = not_defined;
  // Activity, from the panel over measured weeks and the adviser table.
  double submissions = 0.0;
  double speculative_share = not_defined;
  double matched_submission_share = not_defined;  ///< of submissions, matched (above median quality)
  double in_work_support_actions = 0.0;           ///< in-work support given in the measured period
  /// Mean employer goodwill at the close of the last measured week minus at the close of the
  /// week before the measured period (the first measured week when there is no warm-up).
  double goodwill_change = not_defined;
  double submissions_per_entry = not_defined;
  double fund_spend = 0.0;  ///< discretion-fund money
  double fund_spend_per_entry = not_defined;
  double adviser_action_minutes = 0.0;  ///< all discretionary adviser minutes, every action
  double help_cost = 0.0;               ///< minutes × adviser_cost_per_minute + fund_spend
  // The same by customer group (indexed by GroupId), so quantity against quality shows for
  // whom: NaN for a group with nothing to count.
  std::vector<double> entries_per_100_client_weeks_by_group;
  std::vector<double> mean_job_quality_by_group;
  std::vector<double> sustained_13w_share_by_group;
  std::vector<double> sustained_26w_share_by_group;
  std::vector<double> earnings_index_26w_by_group;
};

/// `groups`: how many customer groups the by-group vectors hold (at least every group seen).
Quality quality(const model::VariantResult& variant, std::size_t groups = 0);

/// What the treatment's extra spending bought over the counterfactual.
struct CostEffectiveness {
  double net_entries = 0.0;         ///< job entries, treatment minus counterfactual
  double net_sustained_jobs = 0.0;  ///< 13-week sustained jobs, treatment minus counterfactual
  double extra_fund_spend = 0.0;
  double extra_help_cost = 0.0;
  double fund_spend_per_net_entry = not_defined;    ///< NaN unless net_entries > 0
  double cost_per_net_sustained_job = not_defined;  ///< NaN unless net_sustained_jobs > 0
};

/// Not available (nullopt) without a complete counterfactual.
std::optional<CostEffectiveness> cost_effectiveness(const model::SimulationResult& result);

}  // namespace caseload::metrics

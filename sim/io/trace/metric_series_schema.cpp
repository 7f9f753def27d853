#include "sim/io/trace/metric_series_schema.hpp"

#include <array>

#include <fmt/format.h>

#include "sim/io/trace/trace_schema.hpp"

namespace caseload::io {

namespace {

using enum Presence;

constexpr SeriesArraySpec by_group_arrays[] = {
    {"parked_share", "share", "client-weeks in a run of 8+ weeks without help, over client-weeks"},
    {"claim_weeks", "weeks", "claiming client-weeks in the measured period"},
    {"off_benefit_13w", "share", "claims begun in the measured period off benefit by 13 weeks (Kaplan-Meier)"},
    {"off_benefit_26w", "share", "the same by 26 weeks"},
    {"off_benefit_52w", "share", "the same by 52 weeks"},
    {"off_benefit_104w", "share", "the same by 104 weeks (NaN when no claim was followed that long)"},
    {"entries_per_100_client_weeks", "entries", "job entries per 100 claiming client-weeks"},
    {"mean_job_quality", "0..1", "mean quality of jobs entered in the measured period"},
    {"sustained_13w_share", "share", "of followed-up job entries, the share lasting 13+ weeks"},
    {"sustained_26w_share", "share", "of followed-up job entries, the share lasting 26+ weeks"},
    {"earnings_index_26w", "quality-weeks", "of followed-up job entries, quality times weeks held in the first 26"},
    {"offflow_target_weeks", "weeks", "the group's calibration target week (scenario; NaN if none)"},
    {"offflow_target_share", "share", "the share off benefit its target expects by then (NaN if none)"},
    {"off_benefit_at_target", "share", "the model's share off benefit by the target week (Kaplan-Meier)"},
    // Sanctions as a channel (issue 12).
    {"sanctions", "sanctions", "sanctions imposed in the measured period"},
    {"sanctions_per_100_client_weeks", "sanctions", "sanctions per 100 claiming client-weeks"},
    // Evidence and audit (issue 12); NaN where the regime keeps no such tally.
    {"claims_weak", "claims", "entries claimed on weak evidence (evidenced attribution)"},
    {"claims_rejected", "claims", "weak claims a validation check sampled and rejected"},
    {"credit_audit_would_remove", "points", "credit of weak claims no check sampled"},
    {"unmatched_entries", "entries", "entries record matching did not find (JOT)"},
    {"net_employment_weeks_per_person", "weeks",
     "employment weeks gained over the counterfactual per person", WithCounterfactual},
    {"deadweight_share", "share", "share of job entries the counterfactual also had",
     WithCounterfactual},
    {"equity_gap", "weeks", "net employment weeks per person in the group minus overall",
     WithCounterfactual},
    {"provider_client_weeks", "weeks", "claiming client-weeks attached to a provider",
     WithProviders},
    {"provider_parked_share", "share", "of those, the share parked (counted from the attachment)",
     WithProviders},
    {"provider_referrals", "people", "clients referred to providers in the measured period",
     WithProviders},
    {"provider_fees", "GBP or points", "what the regime paid providers for clients of the group",
     WithProviders},
    {"provider_staff_cost", "GBP", "providers' salaries, shared among groups by caseworker minutes",
     WithProviders},
    {"provider_overhead", "GBP", "providers' overhead, shared among groups by attached client-weeks",
     WithProviders},
    {"provider_programme_spend", "GBP", "programme money spent on clients of the group", WithProviders},
    {"provider_margin", "GBP", "provider_fees - provider_staff_cost - provider_overhead - provider_programme_spend",
     WithProviders},
    {"provider_spend_per_participant", "GBP",
     "(provider_staff_cost + provider_programme_spend) / provider_referrals", WithProviders},
};

// A provider's books, the columns of by_provider and by_provider_group alike
// (sim/metrics/providers.hpp, ProviderBooks).
constexpr SeriesArraySpec book_arrays[] = {
    {"referrals", "people", "participants: clients attached in the measured period"},
    {"fees_attachment", "GBP or points", "attachment fees the regime paid"},
    {"fees_job_outcome", "GBP or points", "job outcome fees (a job entry or a job reaching the outcome mark)"},
    {"fees_sustainment", "GBP or points", "sustainment payments while the job lasts"},
    {"fees_other", "GBP or points", "any other credit (by provider: also credit with no client)"},
    {"fees", "GBP or points", "the sum of the four fees_ arrays"},
    {"staff_minutes", "minutes", "caseworker minutes used on clients"},
    {"staff_cost", "GBP",
     "caseworkers x providers.caseworker_cost_per_year over the measured years, paid busy or not; a "
     "group's share by its staff_minutes"},
    {"overhead", "GBP", "providers.overhead_share x salaries; a group's share by its client_weeks"},
    {"programme_spend", "GBP", "discretion-fund money from the programme budget"},
    {"margin", "GBP", "fees - staff_cost - overhead - programme_spend"},
    {"spend_per_participant", "GBP", "(staff_cost + programme_spend) / referrals"},
    {"client_weeks", "weeks", "attached claiming client-weeks"},
    {"parked_share", "share", "attached client-weeks in a run of 8+ weeks without help"},
};

template <std::size_t N>
constexpr auto with_books(const SeriesArraySpec (&first)[N]) {
  std::array<SeriesArraySpec, N + std::size(book_arrays)> out{};
  std::size_t i = 0;
  for (const SeriesArraySpec& spec : first) out[i++] = spec;
  for (const SeriesArraySpec& spec : book_arrays) out[i++] = spec;
  return out;
}

constexpr SeriesArraySpec provider_keys[] = {
    {"office", "", "the provider's office"},
    {"caseworkers", "people", "caseworkers the provider employs (sized from its expected caseload)"},
};
constexpr auto by_provider_arrays = with_books(provider_keys);

constexpr SeriesArraySpec provider_group_keys[] = {
    {"provider", "", "the provider id, office * providers per office + provider"},
    {"group", "", "the customer group, its position in the scenario's groups"},
};
constexpr auto by_provider_group_arrays = with_books(provider_group_keys);

// Shared by by_office and by_cluster (metrics/offices.hpp).
constexpr SeriesArraySpec office_arrays[] = {
    {"cluster", "", "cluster of comparable offices (by office: the office's)"},
    {"offices", "offices", "offices pooled (1 by office)"},
    {"advisers", "people", "jobcentre advisers (provider caseworkers not counted)"},
    {"claim_weeks", "weeks", "claiming client-weeks in the measured period"},
    {"into_work_rate", "share", "job entries from claims per claimant-month"},
    {"off_flow_rate", "share", "claim endings of any kind per claimant-month"},
    {"caseload_per_adviser", "people", "mean claimants per adviser"},
    {"measured_per_adviser", "points or money", "what the regime credited, per adviser"},
};

constexpr SeriesArraySpec by_employability_decile_arrays[] = {
    {"help_minutes_per_client_week", "minutes",
     "discretionary help minutes per claiming client-week (creaming curve)"},
    {"client_weeks", "weeks", "claiming client-weeks in the decile"},
};

// Timing (issue 12): metrics/bunching.hpp.
constexpr SeriesArraySpec bunching_by_weeks_to_mark_arrays[] = {
    {"help", "actions", "discretionary actions on a client (NaN without the event log)"},
    {"client_weeks", "weeks", "claiming client-weeks before claim week 52"},
    {"help_per_client_week", "actions", "help over client-weeks (NaN without the event log)"},
};

constexpr SeriesArraySpec bunching_by_year_week_arrays[] = {
    {"entries", "entries", "job entries in the measured period"},
    {"weeks", "weeks", "measured weeks that fell on this week of the year"},
};

// Trials (issue 15): metrics/trial.hpp; NaN without a trial.
constexpr SeriesArraySpec trial_by_month_arrays[] = {
    {"in_work_programme", "", "share of the programme's cohort in work"},
    {"in_work_control", "", "share of the control cohort in work"},
    {"on_benefit_programme", "", "share of the programme's cohort claiming"},
    {"on_benefit_control", "", "share of the control cohort claiming"},
    {"in_work_programme_counterfactual", "", "the programme's people in the counterfactual: share in work"},
    {"in_work_control_counterfactual", "", "the controls in the counterfactual: share in work"},
    {"on_benefit_programme_counterfactual", "", "the programme's people in the counterfactual: share claiming"},
    {"on_benefit_control_counterfactual", "", "the controls in the counterfactual: share claiming"},
};

constexpr SeriesArraySpec by_adviser_arrays[] = {
    {"measured_performance", "points or money",
     "what the regime credited the adviser in the measured period"},
    {"net_employment_weeks", "weeks",
     "employment weeks gained by the adviser's people over the counterfactual"},
};

// The order a run writes them (sim/cli/run_trace_output.cpp); write_metrics refuses any other.
constexpr SeriesSpec all_series[] = {
    {"by_group", "customer group", Always, by_group_arrays},
    {"by_provider", "provider id (office * providers per office + provider)", WithProviders,
     by_provider_arrays},
    {"by_provider_group", "provider and customer group, `<provider>/<group>`, provider by provider",
     WithProviders, by_provider_group_arrays},
    {"by_employability_decile", "employability decile (0 = least employable)", Always,
     by_employability_decile_arrays},
    {"bunching_by_weeks_to_mark", "weeks to the client's next 13/26/39/52-week claim mark (1-13, rounded up)",
     Always, bunching_by_weeks_to_mark_arrays},
    {"bunching_by_year_week", "week of the 52-week target year (run week modulo 52)", Always,
     bunching_by_year_week_arrays},
    {"by_office", "office id (row of the office table)", Always, office_arrays},
    {"by_cluster", "cluster of comparable offices (0 = fewest vacancies per claim)", Always, office_arrays},
    {"by_adviser", "adviser id", WithCounterfactual, by_adviser_arrays},
    {"trial_by_month", "month since a trial's random assignment (1-36; NaN without a trial)", Always,
     trial_by_month_arrays},
};

// Indexed by Presence: the name `info --schema json` uses, and how the docs say it.
struct PresenceNames {
  std::string_view code;
  std::string_view prose;
};
constexpr std::array<PresenceNames, 3> presence_names = {{
    {"always", "always"},
    {"with_counterfactual", "with a counterfactual"},
    {"with_providers", "with contracted providers"},
}};

std::string_view written_when(Presence presence) {
  return presence_names[static_cast<std::size_t>(presence)].prose;
}

}  // namespace

std::span<const SeriesSpec> metric_series_specs() { return all_series; }

std::string_view name_of(Presence presence) {
  return presence_names[static_cast<std::size_t>(presence)].code;
}

std::string metric_series_markdown() {
  std::string text;
  for (const SeriesSpec& spec : all_series) {
    text += fmt::format("#### `/metrics/{}`: one element per {}; written {}\n\n", spec.name,
                        spec.indexed_by, written_when(spec.presence));
    text +=
        "| array | type | units | written | meaning |\n"
        "|-------|------|-------|---------|---------|\n";
    for (const SeriesArraySpec& array : spec.arrays) {
      // An empty cell is written "| |", as in the variant tables.
      const std::string units = array.units.empty() ? " " : fmt::format(" {} ", array.units);
      text += fmt::format("| `{}` | {} |{}| {} | {} |\n", array.name, name_of(metric_array_type),
                          units, written_when(array.presence), array.description);
    }
    text += '\n';
  }
  return text;
}

}  // namespace caseload::io

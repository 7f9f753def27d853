#pragma once
// The state of one simulated variant (treatment or counterfactual): agents, vacancies, the
// clock, the logs, and the regime. Handlers are free functions over it, one file per concern.

#include <array>
#include <memory>
#include <vector>

#include "sim/core/bucket_event_queue.hpp"
#include "sim/core/random_stream.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/model/adviser_table.hpp"
#include "sim/model/jobseeker_table.hpp"
#include "sim/model/trial_cohort.hpp"
#include "sim/model/labour_market.hpp"
#include "sim/model/office_profiles.hpp"
#include "sim/model/planning_scratch.hpp"
#include "sim/model/records.hpp"
#include "sim/model/regime.hpp"
#include "sim/model/scenario.hpp"

namespace caseload::model {

/// An action an adviser chose this week; the Action event's detail indexes the week's plan.
struct PlannedAction {
  JobseekerId client{};
  EmployerId employer{};
  AdviserId adviser{};
  ActionKind action = ActionKind::Interview;
  bool speculative = false;
  float minutes = 0.0f;
  float money = 0.0f;
  bool matched = false;  ///< a matched submission: only to a vacancy above median quality
};

/// Jobseekers and the flows that bring them in.
struct Population {
  JobseekerTable jobseekers;
  std::vector<std::uint32_t> arrivals;            ///< by inflow source
  std::vector<std::uint8_t> group_helped;         ///< policy: may this group get help
  TrialCohort trial;                              ///< who a trial assigned (scenario.trial)
  /// Whether a client may get discretionary help at `now`: its group may, and under a trial
  /// (`attachment_days` >= 0) it is the programme's and within that many days of assignment.
  bool may_help(std::uint32_t row, double attachment_days, double now) const {
    if (!group_helped[index(jobseekers.group[row])]) return false;
    if (attachment_days < 0.0) return true;
    const std::size_t at = trial.find(row);
    return at < trial.rows.size() && trial.arm[at] == TrialArm::Programme && now < trial.day[at] + attachment_days;
  }
};

/// Advisers and caseworkers, their offices, and the week's plan they are carrying out.
struct Staff {
  AdviserTable advisers;
  std::vector<std::vector<AdviserId>> office_advisers;
  std::vector<PlannedAction> plan;
  PlanningScratch scratch;                        ///< reused every week: no allocation
  std::array<bool, action_count> action_enabled{};
};

/// Employers, their vacancies and the open pool of each office.
struct Market {
  EmployerTable employers;
  VacancyTable vacancies;
  std::vector<VacancyPool> pools;                 ///< by office
  std::vector<std::vector<EmployerId>> office_employers;
  std::uint32_t submissions_failed = 0;           ///< no notified vacancy left when made
  std::uint32_t searches_crowded_out = 0;         ///< own search found no open vacancy
  std::uint32_t jobs_declined = 0;                ///< offers turned down below the reservation quality
};

/// Contracted providers: who works for each, what they have committed, and their books.
struct ProviderState {
  std::vector<std::vector<AdviserId>> caseworkers;   ///< by provider (office * per_office + p)
  std::vector<double> fund_committed;                ///< by provider: planned this budget year
  std::vector<std::uint32_t> attached_reviews_due;   ///< by adviser: attached clients signing on this week
  ProviderTally tally;
  std::vector<JobseekerId> moving;                   ///< reused by the weekly referral pass
};

/// What happened: claim spells, jobs and the weekly panel, as the run goes.
struct Records {
  std::vector<SpellRecord> spells;
  std::vector<std::uint32_t> open_spell;          ///< by jobseeker: row in spells
  std::vector<JobRecord> jobs;
  std::vector<PanelRow> panel;
  std::vector<PanelCounts> week_counts;           ///< office * groups + group
  std::vector<std::uint32_t> stock;               ///< claiming now, by cell
  std::vector<ScoreRow> scoreboard;               ///< the regime's, appended each week's close
};

/// One variant's state, split by concern so that a handler's signature can name the parts
/// it touches (handlers that touch most of it still take the whole World).
struct World {
  World(const Scenario& scenario, const Policy& policy, std::unique_ptr<Regime> regime);

  const Scenario& scenario;
  std::vector<OfficeProfile> offices;             ///< by office: its market, size and mix
  /// By office: the median of its job quality, the line a matched submission must clear.
  /// Computed once (an inverse incomplete beta is costly), read every plan and submission.
  std::vector<double> median_quality;
  Policy policy;
  std::unique_ptr<Regime> regime;
  core::Scheduler<core::BucketEventQueue> scheduler;

  Population people;
  Staff staff;
  Market market;
  ProviderState providers;
  Records records;

  double measure_start = 0.0;                     ///< day the measured period begins
  double end = 0.0;                               ///< day the run ends
  int current_week = 0;
  /// Weeks in work at which every job is marked (a Milestone), ascending: 13, 26, 52 and
  /// whatever the regime asks for. A milestone's detail is job * marks_per_job() + index.
  std::vector<double> job_marks;
  std::uint32_t marks_per_job() const;

  double now() const { return scheduler.now(); }
  bool measuring() const { return now() >= measure_start; }
  std::size_t group_count() const { return scenario.groups.size(); }
  /// New claims per week of `group` at `office`: every inflow and the initial stock read it,
  /// so offices can differ in size and mix in one place.
  double inflow_per_week(OfficeId office, GroupId group) const {
    return offices[index(office)].inflow_per_week(scenario.groups[index(group)].inflow_per_week, index(group));
  }
  /// How easily own search finds work at `office` now: its open vacancies against its size.
  double tightness(OfficeId office) const {
    const double open = market.pools[index(office)].size();
    return open <= 0.0 ? 0.0 : open / (open + offices[index(office)].tightness_half_vacancies);
  }
  std::size_t cell(OfficeId office, GroupId group) const {
    return index(office) * group_count() + index(group);
  }
  PanelCounts& counts_for(JobseekerId person) {
    const auto row = index(person);
    return records.week_counts[cell(people.jobseekers.office[row], people.jobseekers.group[row])];
  }
  /// The client's effective employability now (scarring and training included).
  double employability_now(JobseekerId person) const;
};

// world_setup.cpp
void populate(World& world);

// claims.cpp
/// A new person of `group`: attributes from `attributes`, an adviser's misperception from `perception`.
NewJobseeker draw_jobseeker(const CustomerGroup& profile, GroupId group, OfficeId office,
                            core::RandomStream& attributes, core::RandomStream& perception);
JobseekerId add_jobseeker(World& world, const NewJobseeker& init);
JobseekerId create_jobseeker(World& world, OfficeId office, GroupId group);
void start_claim(World& world, JobseekerId person, bool is_reclaim, double claim_start);
void end_claim(World& world, JobseekerId person, ExitReason reason);
void handle_claim(World& world, std::uint32_t source);
void begin_repeat_claim(World& world, JobseekerId person);
void handle_reclaim(World& world, JobseekerId person);
void join_caseload(World& world, JobseekerId person);
void leave_caseload(World& world, JobseekerId person);

// providers.cpp
void update_attachments(World& world);
/// Adds a caseworker's executed action on a client of `group` to its provider's measured books.
void count_provider_help(World& world, const PlannedAction& action, GroupId group);
/// At the end of a run: what the regime paid each provider, by group and kind, into the tally.
void collect_provider_fees(World& world);
bool is_provider(const AdviserTable& advisers, AdviserId adviser);
/// The office adviser an attached client signs on with (signing on stays with the jobcentre).
AdviserId signing_on_adviser(const Staff& staff, const JobseekerTable& jobseekers, JobseekerId person);

// reviews.cpp
void handle_sign_on(World& world, JobseekerId person, std::uint32_t spell);

// employment.cpp
/// `matched`: the hire came from a matched submission, so the job is well matched (§7.5a).
void hire(World& world, JobseekerId person, VacancyId vacancy, bool via_submission, bool matched = false);
/// Mean goodwill of the office's employers now (the panel's office_goodwill).
float mean_goodwill(const Market& market, OfficeId office);
/// Multiplies the current job's separation hazard by `factor` (< 1) for the next `weeks`,
/// moving its end (and any marks it now reaches) later; the tenure draw is reused.
void lower_separation_hazard(World& world, JobseekerId person, double factor, double weeks);
void handle_milestone(World& world, JobseekerId person, std::uint32_t detail);
void handle_separation(World& world, JobseekerId person, std::uint32_t job);
void close_employment_records(World& world);

// vacancies.cpp
using Scheduler = core::Scheduler<core::BucketEventQueue>;
void handle_vacancy_open(Market& market, Scheduler& scheduler, const Scenario& scenario,
                         EmployerId employer);
void handle_vacancy_close(Market& market, VacancyId vacancy, bool filled_externally, double now);
void close_vacancy(Market& market, VacancyId vacancy, VacancyState how, double now);

// planning.cpp
void plan_week(World& world);

// actions.cpp
void handle_action(World& world, std::uint32_t slot);
void handle_provision_end(World& world, JobseekerId person, std::uint32_t spell);
void handle_sanction_end(World& world, JobseekerId person, std::uint32_t spell);

// weekly.cpp
void handle_week(World& world, int week);
/// Calls the handler of the event's kind: the run loop's one switch (simulation.cpp).
void dispatch(World& world, const core::Event& event);
/// Switches on every action but those the world's policy disables.
void enable_actions(World& world);
void close_week(World& world);

}  // namespace caseload::model

#pragma once
// All jobseekers, one column per attribute: row i of every column is jobseeker i. Rows never
// move: a person who leaves is marked, not erased, and a re-claim reuses the same row, so ids
// stay valid in traces and a person's history is one row.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/action.hpp"
#include "sim/model/ids.hpp"

namespace caseload::model {

enum class JobseekerState : std::uint8_t {
  Claiming,     // on an adviser's caseload
  InProvision,  // on a programme; still claiming, off the adviser's discretionary list
  Employed,
  Sanctioned,   // off benefit for the sanction period
  Waiting,      // between a job's end and the new claim
  Exited,       // left the system (inactivity, or did not come back)
};

/// Why a claim ended.
enum class ExitReason : std::uint8_t { Work, Inactivity, Sanction, OtherBenefit };

struct NewJobseeker {
  GroupId group{};
  OfficeId office{};
  float employability = 0.0f;   ///< e0, latent distance from work
  float motivation = 0.5f;
  float perception_employability = 0.0f;  ///< standard-normal error an adviser starts from
  float perception_motivation = 0.0f;
  bool is_health_limited = false;  ///< cannot take demanding jobs
  float benefit_weeks_before = 0.0f;  ///< weeks on benefit before this person's first claim in the run
};

struct JobseekerTable {
  // Fixed at creation.
  std::vector<GroupId> group;
  std::vector<OfficeId> office;
  std::vector<float> employability;
  std::vector<float> motivation;
  std::vector<float> perception_employability;
  std::vector<float> perception_motivation;
  std::vector<std::uint8_t> is_health_limited;  ///< cannot take demanding jobs

  // Current state.
  std::vector<JobseekerState> state;
  std::vector<AdviserId> adviser;
  std::vector<std::uint32_t> caseload_slot;  ///< position in the adviser's caseload list
  std::vector<double> claim_start;           ///< day the current spell began
  /// Whole days on benefit before the current claim (history brought in, plus earlier claims
  /// in the run): scarring reads it with the current claim's length, so it carries across
  /// claims. 16 bits (179 years, saturating) keep the row within its 200-byte budget.
  std::vector<std::uint16_t> benefit_days_before;
  std::vector<double> next_sign_on;
  std::vector<float> training_gain;
  std::vector<float> boost;                  ///< search boost at boost_time
  std::vector<double> boost_time;
  std::vector<double> fund_until;            ///< discretion-fund help active until
  std::vector<double> matched_until;         ///< a hire before this is well matched
  std::vector<double> last_help;             ///< last qualifying help (JET evidence)
  std::vector<float> minutes_known;          ///< adviser minutes this spell (sharpen perception)
  std::vector<float> fund_used;              ///< fund money in the current 52-week window
  std::vector<double> fund_window_start;
  std::vector<std::uint32_t> spell;          ///< claims begun so far (stale-event check)
  std::vector<std::uint16_t> reviews;        ///< reviews so far (stream occasion; 2,500 years fortnightly)
  // 16 bits (65,535 jobs or sanctions a person) keep the row within 200 bytes with a column of
  // minutes for every action.
  std::vector<std::uint16_t> jobs;           ///< jobs begun so far
  std::vector<std::uint32_t> submissions;    ///< submissions so far
  std::vector<std::uint16_t> sanctions;
  std::vector<std::uint8_t> weeks_without_help;
  std::vector<std::uint8_t> missed_review;    ///< missed the last review (grounds for a sanction)
  std::vector<std::uint8_t> placed_by_office;  ///< current job came from a submission
  std::vector<float> job_quality;
  std::vector<double> job_start;
  std::vector<double> job_end;
  std::vector<EmployerId> employer;
  std::vector<std::uint32_t> job_record;     ///< row of the current job in the job log
  /// Day a provider attachment ends (-inf: not referred this claim); float keeps the row small.
  std::vector<float> attached_until;

  // History for metrics, over the measured period (after warm-up).
  std::vector<std::array<float, action_count>> help_minutes;
  std::vector<float> employed_days;
  std::vector<std::uint16_t> entries;
  std::vector<std::uint16_t> sustained_13;
  std::vector<std::uint16_t> sustained_26;
  std::vector<std::uint16_t> claim_weeks;    ///< weeks on a caseload
  std::vector<std::uint16_t> parked_weeks;   ///< of those, weeks inside an 8+ week run unhelped
  std::vector<std::uint16_t> reclaims;

  JobseekerId add(const NewJobseeker& init);
  /// Days as a benefit_days_before entry: rounded, saturating at the column's limit.
  static std::uint16_t whole_days(double days);
  /// Every day `row` has spent on benefit by `now`: the history before this claim, and this
  /// claim's days if one is open. Scarring and a provider's reading of the record both count it.
  double benefit_days(std::uint32_t row, double now) const {
    const bool claiming = state[row] == JobseekerState::Claiming || state[row] == JobseekerState::InProvision;
    return benefit_days_before[row] + (claiming ? now - claim_start[row] : 0.0);
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(group.size()); }
  void reserve(std::size_t rows);
  /// Bytes of model state per row (the sum of column element sizes).
  static std::size_t bytes_per_row();
};

}  // namespace caseload::model

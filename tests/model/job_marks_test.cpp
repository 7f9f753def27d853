// Jobs are marked at every week in work a regime asks for, as well as at 13, 26 and 52 weeks:
// once at each mark the job lasts past, on the day it falls, and never after the job ends.

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "tests/model/fixtures.hpp"

namespace caseload::model {
namespace {

/// Rewards nothing; asks for marks at 30 and 78 weeks (and 13 again) and keeps every
/// Sustained outcome it is told of.
class MarkRecordingRegime final : public Regime {
 public:
  explicit MarkRecordingRegime(std::shared_ptr<std::vector<Outcome>> seen) : seen_(std::move(seen)) {}
  double pressure(AdviserId) const override { return 1.0; }
  void value(AdviserId, std::span<const ActionCandidate>, std::span<double> reward) const override {
    std::fill(reward.begin(), reward.end(), 0.0);
  }
  double value_employer_contact(AdviserId) const override { return 0.0; }
  double take_validation_minutes(AdviserId) override { return 0.0; }
  std::span<const double> job_marks() const override { return marks_; }
  void record(const Outcome& outcome) override {
    if (outcome.kind == OutcomeKind::Sustained) seen_->push_back(outcome);
  }
  void end_week(const RegimeView&, int) override {}
  double measured(AdviserId) const override { return 0.0; }

 private:
  std::vector<double> marks_ = {78.0, 30.0, 13.0};
  std::shared_ptr<std::vector<Outcome>> seen_;
};

using Mark = std::tuple<std::uint32_t, double, double>;  // client, day, weeks in work

TEST(JobMarks, EveryJobIsMarkedAtEachRegimeMarkItLastsPast) {
  Scenario scenario = fixtures::small_scenario(11);
  scenario.run.weeks = 130;  // long enough for jobs to reach 78 weeks
  scenario.counterfactual.enabled = false;
  auto seen = std::make_shared<std::vector<Outcome>>();
  const auto result = simulate(scenario, [seen](const Scenario&) { return std::make_unique<MarkRecordingRegime>(seen); });

  EXPECT_EQ(all_job_marks(std::vector<double>{78.0, 30.0, 13.0}), (std::vector<double>{13.0, 26.0, 30.0, 52.0, 78.0}));
  // A mark on the run's last day may or may not be handled; leave the last week out.
  const double last_day = result.treatment.end - 7.0;
  std::vector<Mark> expected;
  for (const JobRecord& job : result.treatment.jobs) {
    for (const double weeks : {13.0, 26.0, 30.0, 52.0, 78.0}) {
      const double day = job.start + weeks * 7.0;
      if (job.end > day && day < last_day) expected.emplace_back(index(job.person), day, weeks);
    }
  }
  std::vector<Mark> marked;
  for (const Outcome& outcome : *seen) {
    if (outcome.time < last_day) marked.emplace_back(index(outcome.client), outcome.time, outcome.weeks);
  }
  std::sort(expected.begin(), expected.end());
  std::sort(marked.begin(), marked.end());
  EXPECT_EQ(marked, expected);
  const auto at_78 = std::count_if(marked.begin(), marked.end(), [](const Mark& m) { return std::get<2>(m) == 78.0; });
  EXPECT_GT(at_78, 10);  // the schedule reaches past the old last mark of 52 weeks
}

}  // namespace
}  // namespace caseload::model

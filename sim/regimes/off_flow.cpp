// off_flow: a claim that ends within N weeks of its start, whatever the reason: work,
// inactivity, a sanction or an unknown destination all count (the JSA off-flow measure).
// Measured continuously (the default), an action is worth the change in the chance of leaving
// benefit within the adviser's horizon. Measured at marks (`measured_at: [13, 26, 39, 52]`,
// claim weeks), a claim off benefit when it passes a mark is credited on that mark's day, and
// an action is worth the change in the chance of being off benefit by the client's next mark,
// from the weeks left to it: the adviser looks to the next count only (an assumption).

#include <algorithm>

#include <fmt/format.h>

#include "sim/core/time.hpp"
#include "sim/regimes/indicator.hpp"

namespace caseload::regimes {

namespace {

struct OffFlowSettings final : IndicatorSettings {
  double weeks = 13.0;
  std::vector<double> points;    ///< by group
  std::vector<double> marks;     ///< claim weeks, increasing; empty: measured continuously
};

class OffFlow final : public Indicator {
 public:
  explicit OffFlow(const OffFlowSettings& settings)
      : weeks_(settings.weeks), points_(settings.points), marks_(settings.marks) {}

  double value(const model::ActionCandidate& c) const override {
    const double points = points_[model::index(c.group)];
    if (!marks_.empty()) {
      const auto next = std::upper_bound(marks_.begin(), marks_.end(), c.claim_weeks);
      if (next == marks_.end()) return 0.0;  // past the last mark: nothing left to count
      const double weeks_left = *next - c.claim_weeks;
      return points * (model::off_by(c.after, weeks_left) - model::off_by(c.before, weeks_left));
    }
    if (c.claim_weeks > weeks_) return 0.0;  // too late to count for this claim
    return points * (c.after.off_flow - c.before.off_flow);
  }

  void record(const model::Outcome& outcome, CreditLedger& ledger) override {
    if (outcome.kind != model::OutcomeKind::Exit) return;
    const double points = points_[model::index(outcome.group)];
    if (!marks_.empty()) {
      // Off benefit at the first mark the claim reaches at or after its end: counted that day.
      const auto mark = std::lower_bound(marks_.begin(), marks_.end(), outcome.claim_weeks);
      if (mark == marks_.end()) return;
      ledger.credit(outcome, points, outcome.time + (*mark - outcome.claim_weeks) * core::days_per_week);
      return;
    }
    if (outcome.claim_weeks > weeks_) return;
    ledger.credit(outcome, points, outcome.time);
  }

 private:
  double weeks_ = 13.0;
  std::vector<double> points_;
  std::vector<double> marks_;
};

// Marks must be positive and strictly increasing; reports the first that is not.
void check_marks(core::ConfigReader& reader, const std::vector<double>& marks) {
  for (std::size_t i = 1; i < marks.size(); ++i) {
    if (marks[i] <= marks[i - 1]) {
      reader.error("measured_at", fmt::format("'{}' must list claim weeks in increasing order; item {} ({}) "
                                              "is not after item {} ({})",
                                              reader.path_of("measured_at"), i, marks[i], i - 1, marks[i - 1]));
      return;
    }
  }
}

}  // namespace

std::unique_ptr<const IndicatorSettings> read_off_flow(core::ConfigReader& reader, const IndicatorContext& context) {
  auto settings = std::make_unique<OffFlowSettings>();
  settings->points = read_group_weights(reader, "points", 1.0, context);
  settings->marks = reader.numbers("measured_at", {}, core::Bounds::above(0.0));
  check_marks(reader, settings->marks);
  if (settings->marks.empty()) {
    settings->weeks = reader.number("weeks", 13.0, core::Bounds::above(0.0));
  } else if (reader.has("weeks")) {
    reader.error("weeks", fmt::format("'{}' and '{}' exclude each other: the marks replace the window",
                                      reader.path_of("weeks"), reader.path_of("measured_at")));
    reader.accept("weeks");
  }
  return settings;
}

std::unique_ptr<Indicator> build_off_flow(const IndicatorSettings& settings, const IndicatorContext& /*context*/) {
  return std::make_unique<OffFlow>(dynamic_cast<const OffFlowSettings&>(settings));
}

}  // namespace caseload::regimes

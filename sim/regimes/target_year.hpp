#pragma once
// A target with a period end, as a pure function: the chance a unit meets its year's target
// from the credit it has and the weeks left, and what one more unit of credit adds to it.
// Assumption (stated, not sourced): a unit expects the rest of its year's credit to come at
// its pace so far (the target's pace before a week has passed), spread as a Poisson count,
// taken as normal with variance its mean (at least 1): chance = Phi((mean - shortfall) / sd).

namespace caseload::regimes {

struct YearStanding {
  double chance_of_target = 0.0;  ///< P(credit by the year end >= target)
  double value_of_credit = 0.0;   ///< d chance / d credit now: the normal density / sd
};

/// `weeks_done` + `weeks_left` is the year. Met already: chance 1, one more credit adds
/// nothing; no weeks left and short: chance 0, and nothing either.
YearStanding year_standing(double target, double credit, double weeks_done, double weeks_left) noexcept;

/// Under a ratchet, what one more unit of credit this year takes off the chance of meeting
/// next year's target: next year's target is (1 − ratchet) × `target` + ratchet × this year's
/// result, projected at the pace so far; next year's credit is expected at that same pace
/// (the same assumption as above). Returns ratchet × the normal density / sd at next year's z.
double ratchet_cost(double target, double credit, double weeks_done, double weeks_left, double ratchet) noexcept;

}  // namespace caseload::regimes

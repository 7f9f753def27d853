#include "sim/cli/comparison_headline.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace caseload::cli {

namespace {

// How a figure reads: shares as percentages (differences in percentage points), the rest as
// numbers with sensible digits.
enum class Reading : std::uint8_t { Share, Number };

struct HeadlineFigure {
  std::string_view metric;
  std::string_view title;
  Reading shown;
  std::string_view short_name;  ///< for "no clear change in ..."
  std::string_view higher;      ///< a clear rise, in words
  std::string_view lower;       ///< a clear fall, in words
};

constexpr HeadlineFigure kKnownFigures[] = {
    {"creaming_index_employability",
     "Creaming: help concentrated on the most employable (index, -1 to 1)", Reading::Number,
     "creaming", "more creaming", "less creaming"},
    {"parked_share", "Parking: claimant-weeks in a run of 8+ weeks without help", Reading::Share,
     "parking", "more parking", "less parking"},
    {"mean_job_quality", "Job quality: mean quality of jobs entered (0 to 1)", Reading::Number,
     "job quality", "better jobs", "worse jobs"},
    {"net_employment_weeks_per_person",
     "Net impact: employment weeks gained per person over a no-help counterfactual",
     Reading::Number, "net impact", "more net employment", "less net employment"},
    {"paradox_adviser_correlation",
     "Measured performance against net impact: correlation across advisers", Reading::Number,
     "how far measured performance tracks net impact",
     "measured performance tracks net impact more closely",
     "measured performance tracks net impact less closely"},
};

HeadlineFigure figure_of(std::string_view metric) {
  for (const HeadlineFigure& figure : kKnownFigures) {
    if (figure.metric == metric) return figure;
  }
  // A metric of interest the table does not know: its own name, and plain higher/lower.
  return {metric, metric, Reading::Number, metric, "higher", "lower"};
}

std::string figure_number(double value, bool is_signed = false) {
  if (!std::isfinite(value)) return "n/a";
  const std::string sign = is_signed && value >= 0.0 ? "+" : "";
  const double size = std::abs(value);
  if (size >= 1000.0) return sign + fmt::format("{:.0f}", value);
  if (size >= 10.0) return sign + fmt::format("{:.1f}", value);
  return sign + fmt::format("{:.3g}", value);
}

std::string mean_text(double value, Reading shown) {
  if (shown == Reading::Share && std::isfinite(value)) return fmt::format("{:.1f}%", 100.0 * value);
  return figure_number(value);
}

// A share's difference in percentage points; `unit` adds " pts" (left off inside brackets).
std::string difference_text(double value, Reading shown, bool unit = true) {
  if (shown == Reading::Share && std::isfinite(value))
    return fmt::format("{:+.1f}{}", 100.0 * value, unit ? " pts" : "");
  return figure_number(value, true);
}

bool is_clear(const experiment::PairedDifference& difference) {
  return difference.pairs >= 2 && difference.interval &&
         (difference.interval->lower > 0.0 || difference.interval->upper < 0.0);
}

const experiment::ComparisonRow* find_row(const std::vector<experiment::ComparisonRow>& rows,
                                          std::string_view metric, std::size_t arm) {
  for (const auto& row : rows) {
    if (row.by == "all" && row.metric == metric && row.arm == arm) return &row;
  }
  return nullptr;
}

// The figure's title, then one line per arm: mean, and for the others the paired difference
// and its interval.
std::vector<std::string> figure_block(const std::vector<experiment::ComparisonRow>& rows,
                                      const std::vector<std::string>& arm_names,
                                      const HeadlineFigure& figure, std::size_t label_width) {
  std::vector<std::string> lines = {std::string(figure.title)};
  for (std::size_t arm = 0; arm < arm_names.size(); ++arm) {
    const experiment::ComparisonRow* row = find_row(rows, figure.metric, arm);
    std::string line = fmt::format("  {:<{}}  {:>8}", arm_names[arm], label_width,
                                   row ? mean_text(row->mean, figure.shown) : "n/a");
    if (row && arm > 0) {
      const auto& difference = row->difference;
      line += fmt::format("  {:>10}", difference_text(difference.mean, figure.shown));
      if (difference.interval) {
        line += fmt::format("  [{}, {}]",
                            difference_text(difference.interval->lower, figure.shown, false),
                            difference_text(difference.interval->upper, figure.shown, false));
      }
    }
    lines.push_back(line);
  }
  return lines;
}

// "JOT against JET: less creaming (-0.065) and more parking (+3.1 pts); no clear change in job
// quality."
std::string finding(const std::vector<experiment::ComparisonRow>& rows,
                    const std::vector<std::string>& arm_names,
                    const std::vector<HeadlineFigure>& figures, std::size_t arm) {
  std::vector<std::string> clear;
  std::vector<std::string> unclear;
  for (const HeadlineFigure& figure : figures) {
    const experiment::ComparisonRow* row = find_row(rows, figure.metric, arm);
    if (row == nullptr || !std::isfinite(row->difference.mean)) continue;
    if (is_clear(row->difference)) {
      clear.push_back(fmt::format("{} ({})",
                                  row->difference.mean > 0 ? figure.higher : figure.lower,
                                  difference_text(row->difference.mean, figure.shown)));
    } else {
      unclear.emplace_back(figure.short_name);
    }
  }
  const auto listed = [](const std::vector<std::string>& items, std::string_view last) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
      text += i == 0 ? "" : (i + 1 == items.size() ? last : ", ");
      text += items[i];
    }
    return text;
  };
  std::string sentence = fmt::format("{} against {}: ", arm_names[arm], arm_names[0]);
  if (clear.empty()) {
    sentence += "no clear difference";
    if (!unclear.empty()) sentence += " in " + listed(unclear, " or ");
    return sentence + ".";
  }
  sentence += listed(clear, " and ");
  if (!unclear.empty()) sentence += "; no clear change in " + listed(unclear, " or ");
  return sentence + ".";
}

}  // namespace

std::vector<std::string> default_headline_metrics() {
  std::vector<std::string> names;
  for (const HeadlineFigure& figure : kKnownFigures) names.emplace_back(figure.metric);
  return names;
}

std::string format_comparison_headline(const std::vector<experiment::ComparisonRow>& rows,
                                       const std::vector<std::string>& arm_names,
                                       const ComparisonHeading& heading,
                                       const std::vector<std::string>& metrics) {
  std::size_t label_width = 0;
  for (const auto& name : arm_names) label_width = std::max(label_width, name.size());
  std::vector<std::string> lines = {
      fmt::format("{} arms, {} paired replication{} each (seed {}); differences from {} with 95% "
                  "intervals",
                  arm_names.size(), heading.replications, heading.replications == 1 ? "" : "s",
                  heading.seed, arm_names.front()),
      "",
  };
  // Room for the findings (one per arm after the first) and the blank line before them.
  const std::size_t findings = arm_names.size() - 1;
  std::vector<HeadlineFigure> shown;
  std::size_t left_out = 0;
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const HeadlineFigure figure = figure_of(metrics[m]);
    const std::vector<std::string> block = figure_block(rows, arm_names, figure, label_width);
    // While figures follow, keep a line for saying how many were left to the files.
    const std::size_t note = m + 1 < metrics.size() ? 1 : 0;
    const bool fits = lines.size() + block.size() + 1 + findings + note <= kHeadlineLines;
    if (left_out > 0 || (!fits && !shown.empty())) {
      ++left_out;
      continue;
    }
    lines.insert(lines.end(), block.begin(), block.end());
    shown.push_back(figure);
  }
  lines.emplace_back();
  for (std::size_t arm = 1; arm < arm_names.size(); ++arm)
    lines.push_back(finding(rows, arm_names, shown, arm));
  if (left_out > 0) {
    lines.push_back(fmt::format("({} more figure{} of interest in the files.)", left_out,
                                left_out == 1 ? "" : "s"));
  }
  std::string text;
  for (const auto& line : lines) text += line + '\n';
  return text;
}

}  // namespace caseload::cli

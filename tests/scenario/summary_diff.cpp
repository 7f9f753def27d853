#include "tests/scenario/summary_diff.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace caseload::testing {

namespace {

// from_chars, not strtod: independent of the locale, and it reads "nan" and "inf" as written.
std::optional<double> number_in(std::string_view text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string describe(const Tolerance& tolerance) {
  if (tolerance.absolute == 0.0 && tolerance.relative == 0.0) return "exact";
  std::string text;
  if (tolerance.absolute != 0.0) text = fmt::format("abs {:g}", tolerance.absolute);
  if (tolerance.relative != 0.0) {
    text += fmt::format("{}rel {:g}", text.empty() ? "" : " or ", tolerance.relative);
  }
  return text;
}

std::string difference_text(std::string_view stored, std::string_view fresh) {
  const std::optional<double> old_value = number_in(stored);
  const std::optional<double> new_value = number_in(fresh);
  if (!old_value || !new_value) return "text differs";
  const double difference = *new_value - *old_value;
  if (std::isnan(difference)) return "nan";
  const double scale = std::max(std::fabs(*old_value), std::fabs(*new_value));
  if (scale == 0.0 || std::isinf(scale)) return fmt::format("{:+.3g}", difference);
  return fmt::format("{:+.3g} (rel {:.2g})", difference, std::fabs(difference) / scale);
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

std::vector<SummaryFigure> parse_summary(std::string_view text) {
  std::vector<SummaryFigure> figures;
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string name;
    while (words >> name) {
      std::string value;
      if (!(words >> value)) value = "(missing)";
      figures.push_back({name, value});
    }
  }
  return figures;
}

bool figures_agree(std::string_view stored, std::string_view fresh, const Tolerance& tolerance) {
  const std::optional<double> old_value = number_in(stored);
  const std::optional<double> new_value = number_in(fresh);
  if (!old_value || !new_value) return stored == fresh;
  if (std::isnan(*old_value) || std::isnan(*new_value)) {
    return std::isnan(*old_value) && std::isnan(*new_value);
  }
  if (*old_value == *new_value) return true;  // equal infinities too
  // Else an infinity would make the relative allowance infinite too.
  if (std::isinf(*old_value) || std::isinf(*new_value)) return false;
  const double scale = std::max(std::fabs(*old_value), std::fabs(*new_value));
  return std::fabs(*new_value - *old_value) <=
         std::max(tolerance.absolute, tolerance.relative * scale);
}

std::string summary_differences(std::string_view stored, std::string_view fresh,
                                const ToleranceFor& tolerance_for) {
  const std::vector<SummaryFigure> old_figures = parse_summary(stored);
  const std::vector<SummaryFigure> new_figures = parse_summary(fresh);
  std::map<std::string, std::string, std::less<>> new_by_name;
  for (const SummaryFigure& figure : new_figures) new_by_name.emplace(figure.name, figure.value);

  using Row = std::vector<std::string>;
  std::vector<Row> rows = {{"metric", "stored", "new", "difference", "tolerance"}};
  std::vector<std::string> removed;
  std::vector<std::string> reasons;  // each tolerance's reason once, in the order first used
  std::size_t compared = 0;
  for (const SummaryFigure& old_figure : old_figures) {
    const auto found = new_by_name.find(old_figure.name);
    if (found == new_by_name.end()) {
      removed.push_back(old_figure.name);
      continue;
    }
    ++compared;
    const Tolerance tolerance = tolerance_for(old_figure.name);
    if (figures_agree(old_figure.value, found->second, tolerance)) continue;
    const std::string rule = describe(tolerance);
    rows.push_back({old_figure.name, old_figure.value, found->second,
                    difference_text(old_figure.value, found->second), rule});
    const std::string reason = fmt::format("{}: {}", rule, tolerance.why);
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
      reasons.push_back(reason);
    }
  }
  std::vector<std::string> added;
  std::set<std::string, std::less<>> old_names;
  for (const SummaryFigure& figure : old_figures) old_names.insert(figure.name);
  for (const SummaryFigure& figure : new_figures) {
    if (!old_names.contains(figure.name)) added.push_back(figure.name);
  }
  if (rows.size() == 1 && added.empty() && removed.empty()) return {};

  std::string report = fmt::format("{} of {} figures differ\n", rows.size() - 1, compared);
  if (rows.size() > 1) {
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const Row& row : rows) {
      for (std::size_t column = 0; column < row.size(); ++column) {
        widths[column] = std::max(widths[column], row[column].size());
      }
    }
    for (const Row& row : rows) {
      std::string line;
      for (std::size_t column = 0; column < row.size(); ++column) {
        line += fmt::format("  {:<{}}", row[column], widths[column]);
      }
      while (line.ends_with(' ')) line.pop_back();
      report += line + "\n";
    }
    report += "tolerances:\n";
    for (const std::string& reason : reasons) report += "  " + reason + "\n";
  }
  if (!added.empty()) report += "added: " + joined(added) + "\n";
  if (!removed.empty()) report += "removed: " + joined(removed) + "\n";
  return report;
}

}  // namespace caseload::testing

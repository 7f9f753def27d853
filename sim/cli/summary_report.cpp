#include "sim/cli/summary_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace caseload::cli {

namespace {

std::string format_value(double value) { return fmt::format("{}", value); }

}  // namespace

std::string format_figures_text(const std::vector<model::SummaryFigure>& figures) {
  std::size_t name_width = std::string_view("name").size();
  std::size_t value_width = std::string_view("value").size();
  for (const auto& figure : figures) {
    name_width = std::max(name_width, figure.name.size());
    value_width = std::max(value_width, format_value(figure.value).size());
  }
  std::string text =
      fmt::format("{:<{}}  {:>{}}  {}\n", "name", name_width, "value", value_width, "description");
  for (const auto& figure : figures) {
    text += fmt::format("{:<{}}  {:>{}}  {}\n", figure.name, name_width, format_value(figure.value),
                        value_width, figure.description);
  }
  return text;
}

std::string format_summary_text(const model::RunResult& result) {
  return fmt::format("scenario: {}  seed: {}  events: {}\n", result.scenario_name, result.seed,
                     result.events_handled) +
         format_figures_text(result.summary);
}

std::string format_summary_json(const model::RunResult& result, std::string_view by_group) {
  std::string text =
      fmt::format(R"({{"scenario": {}, "seed": {}, "events": {}, "summary": {{)",
                  json_string(result.scenario_name), result.seed, result.events_handled);
  bool first = true;
  for (const auto& figure : result.summary) {
    text += fmt::format("{}{}: {}", first ? "" : ", ", json_string(figure.name),
                        std::isfinite(figure.value) ? format_value(figure.value) : "null");
    first = false;
  }
  text += "}";
  if (!by_group.empty()) text += fmt::format(R"(, "by_group": {})", by_group);
  text += "}\n";
  return text;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out += c;  // UTF-8 passes through: JSON text is UTF-8
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace caseload::cli

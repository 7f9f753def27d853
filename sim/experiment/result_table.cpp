#include "sim/experiment/result_table.hpp"

#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

namespace {

std::string number_field(double value) {
  if (std::isnan(value)) return {};
  return fmt::format("{}", value);  // fmt writes inf and -inf
}

std::string field(const ResultColumn& column, std::size_t row) {
  return std::visit(
      [row](const auto& values) -> std::string {
        using Values = std::decay_t<decltype(values)>;
        if constexpr (std::is_same_v<Values, std::vector<double>>) {
          return number_field(values[row]);
        } else if constexpr (std::is_same_v<Values, std::vector<std::int64_t>>) {
          return fmt::format("{}", values[row]);
        } else {
          return csv_field(values[row]);
        }
      },
      column.values);
}

}  // namespace

std::size_t ResultTable::row_count() const {
  if (columns.empty()) return 0;
  return std::visit([](const auto& values) { return values.size(); }, columns.front().values);
}

ResultColumn& ResultTable::add_numbers(std::string name, std::string description) {
  return columns.emplace_back(
      ResultColumn{std::move(name), std::vector<double>{}, std::move(description)});
}

ResultColumn& ResultTable::add_integers(std::string name, std::string description) {
  return columns.emplace_back(
      ResultColumn{std::move(name), std::vector<std::int64_t>{}, std::move(description)});
}

ResultColumn& ResultTable::add_texts(std::string name, std::string description) {
  return columns.emplace_back(
      ResultColumn{std::move(name), std::vector<std::string>{}, std::move(description)});
}

std::string csv_field(const std::string& text) {
  const bool needs_quotes = text.find_first_of(",\"\n\r") != std::string::npos ||
                            (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string format_csv(const ResultTable& table) {
  const std::size_t rows = table.row_count();
  std::string text;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) text += ',';
    text += csv_field(table.columns[c].name);
  }
  text += '\n';
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const ResultColumn& column = table.columns[c];
      CASELOAD_ASSERT(std::visit([](const auto& v) { return v.size(); }, column.values) == rows,
                      "every column of a result table has the same length");
      if (c > 0) text += ',';
      text += field(column, row);
    }
    text += '\n';
  }
  return text;
}

}  // namespace caseload::experiment

#include "sim/io/config/office_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "sim/core/did_you_mean.hpp"
#include "sim/io/config/yaml_document.hpp"

namespace caseload::io {

namespace {

struct Cell {
  std::string text;
  core::SourceLocation location;
};

// One row: its cells by column name, and where the row starts (for a missing column).
struct Row {
  std::map<std::string, Cell, std::less<>> cells;
  core::SourceLocation location;
};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_commas(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(trimmed(field));
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

// CSV: a header row, then one row per office; blank lines and lines starting '#' are skipped.
// A cell's location is its file line and its 1-based column number.
std::vector<Row> read_csv(const std::filesystem::path& file, core::Diagnostics& diagnostics,
                          std::vector<Cell>& header) {
  std::ifstream in(file);
  std::vector<Row> rows;
  if (!in) {
    diagnostics.error({file.string(), 0, 0}, "cannot open the office table");
    return rows;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = trimmed(line);
    if (content.empty() || content.front() == '#') continue;
    std::vector<std::string> fields = split_commas(content);
    if (header.empty()) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        header.push_back({fields[i], {file.string(), number, static_cast<int>(i + 1)}});
      }
      continue;
    }
    Row row;
    row.location = {file.string(), number, 1};
    if (fields.size() != header.size()) {
      diagnostics.error(row.location, fmt::format("office table row has {} fields; the header names {} columns",
                                                  fields.size(), header.size()));
      continue;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      row.cells[header[i].text] = {fields[i], {file.string(), number, static_cast<int>(i + 1)}};
    }
    rows.push_back(std::move(row));
  }
  if (header.empty()) diagnostics.error({file.string(), 0, 0}, "the office table has no header row");
  return rows;
}

// YAML: `offices:` is a list of maps; each key is a column, each location file:line:col.
std::vector<Row> read_yaml(const std::filesystem::path& file, core::Diagnostics& diagnostics,
                           std::vector<Cell>& header) {
  std::vector<Row> rows;
  const core::ConfigNode root = parse_scenario_file(file);  // throws ConfigError on bad YAML
  const core::ConfigNode* offices = root.is_map() ? root.find("offices") : nullptr;
  if (offices == nullptr || !offices->is_sequence()) {
    diagnostics.error(root.location(), "an office table in YAML needs 'offices:', a list with one map per office");
    return rows;
  }
  for (const auto& item : offices->items()) {
    Row row;
    row.location = item.location();
    if (!item.is_map()) {
      diagnostics.error(item.location(), "each entry of 'offices' must be a map of columns");
      continue;
    }
    for (const auto& entry : item.entries()) {
      if (!entry.value.is_scalar()) {
        diagnostics.error(entry.value.location(), fmt::format("column '{}' must be a single value", entry.key));
        continue;
      }
      row.cells[entry.key] = {entry.value.text(), entry.value.location()};
      const bool seen = std::any_of(header.begin(), header.end(), [&](const Cell& c) { return c.text == entry.key; });
      if (!seen) header.push_back({entry.key, entry.key_location});
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

class RowReader {
 public:
  RowReader(const Row& row, core::Diagnostics& diagnostics) : row_(row), diagnostics_(diagnostics) {}

  std::optional<double> number(const std::string& column, double low, double high, bool integral = false) {
    const auto found = row_.cells.find(column);
    if (found == row_.cells.end()) {
      diagnostics_.error(row_.location, fmt::format("office table row has no '{}' column", column));
      return std::nullopt;
    }
    const Cell& cell = found->second;
    double value = 0.0;
    const char* end = cell.text.data() + cell.text.size();
    const auto parsed = std::from_chars(cell.text.data(), end, value);
    const bool whole = !integral || value == std::floor(value);
    if (cell.text.empty() || parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value) || !whole ||
        value < low || value > high) {
      diagnostics_.error(cell.location, fmt::format("office table column '{}' is '{}'; allowed: {} in [{}, {}]", column,
                                                    cell.text, integral ? "an integer" : "a number", low, high));
      return std::nullopt;
    }
    return value;
  }
  const Row& row() const { return row_; }

 private:
  const Row& row_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::vector<model::OfficeProfile> read_office_table(const std::filesystem::path& file,
                                                    const model::Scenario& scenario,
                                                    core::Diagnostics& diagnostics) {
  std::vector<Cell> header;
  const auto extension = file.extension().string();
  const bool is_yaml = extension == ".yaml" || extension == ".yml";
  const std::vector<Row> rows = is_yaml ? read_yaml(file, diagnostics, header) : read_csv(file, diagnostics, header);
  const core::SourceLocation header_location =
      header.empty() ? core::SourceLocation{file.string(), 0, 0}
                     : core::SourceLocation{file.string(), header[0].location.line, is_yaml ? 0 : 1};

  // Columns: the required ones, an optional cluster and district, and a share for every group or none.
  std::vector<std::string> known = office_table_columns;
  known.push_back("cluster");
  known.push_back("district");
  std::vector<std::string> share_columns;
  for (const auto& group : scenario.groups) share_columns.push_back("share_" + group.name);
  known.insert(known.end(), share_columns.begin(), share_columns.end());
  bool has_shares = false;
  for (const auto& [column, where] : header) {
    if (column.starts_with("share_")) has_shares = true;
    if (std::find(known.begin(), known.end(), column) != known.end()) continue;
    std::string message = column.starts_with("share_")
                              ? fmt::format("office table column '{}' names group '{}', which the scenario does not "
                                            "define; groups: {}",
                                            column, column.substr(6), core::join_words(share_columns))
                              : fmt::format("unknown office table column '{}'; known: {}", column, core::join_words(known));
    if (auto near = core::nearest_word(column, known)) message += fmt::format(" (did you mean '{}'?)", *near);
    diagnostics.error(where, message);
  }
  if (!is_yaml) {
    for (const auto& column : office_table_columns) {
      if (std::none_of(header.begin(), header.end(), [&](const Cell& c) { return c.text == column; })) {
        diagnostics.error(header_location, fmt::format("office table has no '{}' column; required: {}", column,
                                                       core::join_words(office_table_columns)));
      }
    }
  }
  if (!diagnostics.empty()) return {};
  if (rows.empty()) {
    diagnostics.error(header_location, "the office table lists no office");
    return {};
  }

  double total_inflow = 0.0;
  for (const auto& group : scenario.groups) total_inflow += group.inflow_per_week;
  const double concentration = scenario.employers.quality_alpha + scenario.employers.quality_beta;
  std::vector<model::OfficeProfile> offices;
  for (const Row& row : rows) {
    RowReader reader(row, diagnostics);
    model::OfficeProfile office;
    if (auto name = row.cells.find("office"); name != row.cells.end()) office.name = name->second.text;
    const auto advisers = reader.number("advisers", 1, 10000, true);
    const auto inflow_scale = reader.number("inflow_scale", 1e-6, 1e6);
    const auto employers = reader.number("employers", 1, 100000, true);
    const auto vacancy_rate = reader.number("vacancy_rate", 1e-9, 1e6);
    const auto quality_mean = reader.number("quality_mean", 1e-6, 1.0 - 1e-6);
    if (!advisers || !inflow_scale || !employers || !vacancy_rate || !quality_mean) continue;
    office.advisers = static_cast<int>(*advisers);
    office.inflow_scale = *inflow_scale;
    office.employers = static_cast<int>(*employers);
    office.vacancies_per_week = *vacancy_rate;
    office.quality_alpha = *quality_mean * concentration;
    office.quality_beta = (1.0 - *quality_mean) * concentration;
    office.tightness_half_vacancies = scenario.search.tightness_half_vacancies * *inflow_scale;
    if (row.cells.contains("cluster")) {
      if (auto cluster = reader.number("cluster", 0, 999, true)) office.cluster = static_cast<int>(*cluster);
    }
    if (row.cells.contains("district")) {
      if (auto district = reader.number("district", 0, 999, true)) office.district = static_cast<int>(*district);
    }
    if (has_shares) {
      double sum = 0.0;
      for (std::size_t g = 0; g < scenario.groups.size(); ++g) {
        const auto share = reader.number(share_columns[g], 0.0, 1.0);
        if (!share) continue;
        sum += *share;
        const double base_share = scenario.groups[g].inflow_per_week / total_inflow;
        // A group's inflow is the table's share of the office's whole inflow.
        office.group_inflow_scale.push_back(base_share > 0.0 ? *share / base_share : 0.0);
        if (base_share <= 0.0 && *share > 0.0) {
          diagnostics.error(row.cells.at(share_columns[g]).location,
                            fmt::format("office table column '{}' gives a share to a group with no inflow",
                                        share_columns[g]));
        }
      }
      if (office.group_inflow_scale.size() == scenario.groups.size() && std::abs(sum - 1.0) > 1e-6) {
        diagnostics.error(row.location, fmt::format("office table row's shares ({}) sum to {:.6g}, not 1 (within 1e-6)",
                                                    core::join_words(share_columns), sum));
      }
    }
    offices.push_back(std::move(office));
  }
  const auto with_cluster = std::count_if(offices.begin(), offices.end(), [](const auto& o) { return o.cluster >= 0; });
  if (with_cluster > 0 && with_cluster < static_cast<long>(rows.size())) {
    diagnostics.error(header_location, "office table column 'cluster' must be given for every office or none");
  }
  const auto with_district =
      std::count_if(offices.begin(), offices.end(), [](const auto& o) { return o.district >= 0; });
  if (with_district > 0 && with_district < static_cast<long>(rows.size())) {
    diagnostics.error(header_location, "office table column 'district' must be given for every office or none");
  }
  return offices;
}

}  // namespace caseload::io

#pragma once
// Test helpers for the files `compare` and `sweep` write: whole files as bytes, and CSV
// columns by name (the files' own quoting is simple enough to split on commas here, as long
// as the column read and those before it hold no quoted commas).

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace caseload::testing {

/// A sweep of 4 short runs of the smoke scenario (2 points x 2 replications), written into
/// `folder` (a ScratchFolder); its path.
template <class Folder>
std::filesystem::path write_small_sweep(const Folder& folder) {
  return folder.write("small.yaml", "base: " + std::string(CASELOAD_SOURCE_DIR) +
                                        "/scenarios/smoke.yaml\n" + R"(
set: [run.weeks=8, run.warmup_weeks=0]
parameters: [network.advisers_per_office]
design: {grid: {network.advisers_per_office: [2, 3]}}
replications: 2
)");
}

inline std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream stream(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  for (std::string field; std::getline(stream, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

/// The values of column `name`, one per data row.
inline std::vector<std::string> csv_column(const std::string& csv, const std::string& name) {
  std::stringstream stream(csv);
  std::string line;
  std::getline(stream, line);
  const auto header = split_csv_line(line);
  std::size_t column = header.size();
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c] == name) column = c;
  }
  std::vector<std::string> values;
  if (column == header.size()) return values;
  while (std::getline(stream, line)) {
    const auto fields = split_csv_line(line);
    values.push_back(column < fields.size() ? fields[column] : std::string());
  }
  return values;
}

inline std::vector<double> csv_numbers(const std::string& csv, const std::string& name) {
  std::vector<double> numbers;
  for (const auto& value : csv_column(csv, name)) numbers.push_back(std::stod(value));
  return numbers;
}

}  // namespace caseload::testing

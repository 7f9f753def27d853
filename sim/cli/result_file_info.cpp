#include "sim/cli/result_file_info.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace caseload::cli {

namespace {

std::string number_of(const io::ResultFileSummary& summary, const std::string& name) {
  for (const auto& [key, value] : summary.numbers) {
    if (key == name) return std::to_string(value);
  }
  return "(missing)";
}

std::string listed(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

const std::vector<std::string>* list_of(const io::ResultFileSummary& summary,
                                        const std::string& name) {
  for (const auto& [key, values] : summary.lists) {
    if (key == name) return &values;
  }
  return nullptr;
}

// What the table holds, in a few words.
std::string meaning(const std::string& table) {
  if (table == "runs") return "one row per run, its figures";
  if (table == "comparison") return "per metric and arm: mean and paired difference, 95% CI";
  if (table == "comparison_by_group")
    return "the same by customer group, office cluster and provider";
  if (table == "design") return "one row per design point";
  if (table == "points") return "per point and figure (by group too): mean, 95% CI";
  return "";
}

}  // namespace

std::string format_result_file_info(const std::filesystem::path& path,
                                    const io::ResultFileSummary& summary) {
  const bool is_compare = summary.kind == "compare";
  std::string text = fmt::format("{}: {}\n", summary.kind, path.string());
  const std::string complete = number_of(summary, "complete");
  text += fmt::format("complete: {}\n", complete == "1"   ? "yes"
                                        : complete == "0" ? "no (interrupted while written)"
                                                          : "unknown");
  text += fmt::format("caseload: {} (commit {})\n", summary.text("caseload_version"),
                      summary.text("git_commit"));
  const std::string name = summary.text("name");
  text += fmt::format("name: {}\n", name.empty() ? "(none)" : name);
  if (is_compare) {
    const std::string file = summary.text("experiment_file");
    text += fmt::format("experiment file: {}\n", file.empty() ? "(none: scenario files)" : file);
    // One per line: labels may hold commas.
    if (const auto* arms = list_of(summary, "arms")) {
      text += "arms (the first is the baseline):\n";
      for (const auto& arm : *arms) text += fmt::format("  {}\n", arm);
    }
  } else {
    text += fmt::format("base: {}  design: {}\n", summary.text("base"), summary.text("design"));
    if (const auto* parameters = list_of(summary, "parameters"))
      text += fmt::format("parameters: {}\n", listed(*parameters));
  }
  text += fmt::format("replications: {}  seed: {}\n", number_of(summary, "replications"),
                      number_of(summary, "seed"));
  text += fmt::format("experiment fingerprint: {}\n", summary.text("experiment"));
  text += "tables:\n";
  std::size_t width = 0;
  for (const auto& table : summary.tables) width = std::max(width, table.name.size() + 1);
  for (const auto& table : summary.tables) {
    text += fmt::format("  {:<{}}  {:>6} rows  {:>3} columns  {}\n", "/" + table.name, width,
                        table.rows, table.columns.size(), meaning(table.name));
  }
  const std::filesystem::path folder = path.parent_path().empty() ? "." : path.parent_path();
  text += fmt::format(
      "beside it: the same tables as CSV, manifest.tsv; report: /usr/bin/python3 "
      "analysis/report.py {} -o {}\n",
      folder.string(), (folder / "report").string());
  return text;
}

}  // namespace caseload::cli

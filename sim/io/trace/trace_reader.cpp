#include "sim/io/trace/trace_reader.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include <fmt/format.h>
#include <hdf5.h>

#include "sim/io/trace/hdf5_handle.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {

struct Reader {
  hid_t file_id;
  std::string name;  // the file, for messages
};

// H5Lexists only looks at the last component, so each parent is checked on the way down.
bool exists(hid_t location, const std::string& path) {
  std::size_t at = 1;  // past the leading '/'
  while (true) {
    const std::size_t slash = path.find('/', at);
    if (H5Lexists(location, path.substr(0, slash).c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) return true;
    at = slash + 1;
  }
}

h5::Id open_object(const Reader& reader, hid_t location, const std::string& path) {
  return h5::Id(
      h5::check_id(H5Oopen(location, path.c_str(), H5P_DEFAULT), reader.name, "open", path),
      H5Oclose);
}

bool is_group(hid_t object_id) { return H5Iget_type(object_id) == H5I_GROUP; }
bool is_dataset(hid_t object_id) { return H5Iget_type(object_id) == H5I_DATASET; }

std::vector<std::string> child_names(const Reader& reader, hid_t group_id,
                                     const std::string& path) {
  return h5::link_names(group_id, reader.name, path);
}

// An attribute and the type it was stored with.
struct OpenAttribute {
  h5::Id attribute;
  h5::Id stored;
};

OpenAttribute open_attribute(const Reader& reader, hid_t object_id, const char* name) {
  h5::Id attribute(
      h5::check_id(H5Aopen(object_id, name, H5P_DEFAULT), reader.name, "open attribute", name),
      H5Aclose);
  h5::Id stored(h5::check_id(H5Aget_type(attribute.get()), reader.name, "read attribute", name),
                H5Tclose);
  return {std::move(attribute), std::move(stored)};
}

std::optional<std::string> string_attribute(const Reader& reader, hid_t object_id,
                                            const char* name) {
  if (H5Aexists(object_id, name) <= 0) return std::nullopt;
  const auto [attribute, stored] = open_attribute(reader, object_id, name);
  if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) <= 0) {
    return std::nullopt;  // another writer's convention; info shows it as missing
  }
  h5::Id type = h5::utf8_string_type(reader.name);
  char* text = nullptr;
  h5::check(H5Aread(attribute.get(), type.get(), &text), reader.name, "read attribute", name);
  std::string value = text != nullptr ? text : "";
  H5free_memory(text);
  return value;
}

template <class T>
std::optional<T> number_attribute(const Reader& reader, hid_t object_id, const char* name,
                                  hid_t memory_type) {
  if (H5Aexists(object_id, name) <= 0) return std::nullopt;
  const auto [attribute, stored] = open_attribute(reader, object_id, name);
  if (H5Tget_class(stored.get()) != H5T_INTEGER) return std::nullopt;
  T value{};
  h5::check(H5Aread(attribute.get(), memory_type, &value), reader.name, "read attribute", name);
  return value;
}

std::uint64_t dataset_length(const Reader& reader, hid_t dataset_id, const std::string& path) {
  h5::Id space(h5::check_id(H5Dget_space(dataset_id), reader.name, "read", path), H5Sclose);
  const hssize_t points = H5Sget_simple_extent_npoints(space.get());
  if (points < 0) h5::fail(reader.name, "read", path);
  return static_cast<std::uint64_t>(points);
}

std::vector<std::string> read_strings(const Reader& reader, const std::string& path) {
  h5::Id dataset = open_object(reader, reader.file_id, path);
  const auto count = static_cast<std::size_t>(dataset_length(reader, dataset.get(), path));
  std::vector<char*> pointers(count, nullptr);
  std::vector<std::string> values;
  if (count == 0) return values;
  h5::Id type = h5::utf8_string_type(reader.name);
  h5::check(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
            reader.name, "read", path);
  for (char* text : pointers) values.emplace_back(text != nullptr ? text : "");
  h5::Id space(h5::check_id(H5Dget_space(dataset.get()), reader.name, "read", path), H5Sclose);
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

std::vector<double> read_doubles(const Reader& reader, const std::string& path) {
  h5::Id dataset = open_object(reader, reader.file_id, path);
  std::vector<double> values(static_cast<std::size_t>(dataset_length(reader, dataset.get(), path)));
  if (values.empty()) return values;
  h5::check(H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
            reader.name, "read", path);
  return values;
}

TableSummary summarise_table(const Reader& reader, hid_t table_id, const std::string& path,
                             std::string name) {
  TableSummary table;
  table.name = std::move(name);
  bool first = true;
  for (const std::string& column : child_names(reader, table_id, path)) {
    h5::Id object = open_object(reader, table_id, column);
    if (!is_dataset(object.get())) continue;
    const std::uint64_t rows = dataset_length(reader, object.get(), path + "/" + column);
    table.columns += 1;
    if (first) {
      table.rows = rows;
      first = false;
    } else if (rows != table.rows) {
      table.is_ragged = true;
      table.rows = std::min(table.rows, rows);
    }
  }
  return table;
}

// Every column or none: a scoreboard missing one (another writer, a failed run) is skipped.
std::optional<ScoreboardColumns> read_scoreboard(const Reader& reader, const std::string& variant) {
  const std::string table = variant + "/scoreboard";
  const std::string names = "/scoreboard_indicators";
  ScoreboardColumns out;
  const std::pair<const char*, std::vector<double>*> columns[] = {
      {"week", &out.week},         {"level", &out.level},   {"unit", &out.unit},
      {"indicator", &out.indicator}, {"credit", &out.credit}, {"target", &out.target},
      {"pressure", &out.pressure}, {"stars", &out.stars}};
  if (!exists(reader.file_id, names)) return std::nullopt;
  for (const auto& [column, values] : columns) {
    if (!exists(reader.file_id, table + "/" + column)) return std::nullopt;
  }
  out.indicators = read_strings(reader, names);
  for (const auto& [column, values] : columns) *values = read_doubles(reader, table + "/" + column);
  for (const auto& [column, values] : columns) {
    if (values->size() != out.week.size()) return std::nullopt;
  }
  return out;
}

VariantSummary summarise_variant(const Reader& reader, hid_t variant_id, const std::string& name) {
  VariantSummary variant;
  variant.name = name;
  variant.is_interrupted =
      number_attribute<std::uint8_t>(reader, variant_id, "interrupted", H5T_NATIVE_UINT8)
          .value_or(0) != 0;
  const std::string path = "/" + name;
  for (const std::string& child : child_names(reader, variant_id, path)) {
    h5::Id object = open_object(reader, variant_id, child);
    if (!is_group(object.get())) continue;
    variant.tables.push_back(summarise_table(reader, object.get(), path + "/" + child, child));
  }
  variant.scoreboard = read_scoreboard(reader, path);
  return variant;
}

void read_metrics(const Reader& reader, TraceSummary& summary) {
  if (exists(reader.file_id, "/metrics/scalars/name") &&
      exists(reader.file_id, "/metrics/scalars/value")) {
    const auto names = read_strings(reader, "/metrics/scalars/name");
    const auto values = read_doubles(reader, "/metrics/scalars/value");
    std::vector<std::string> descriptions;
    if (exists(reader.file_id, "/metrics/scalars/description")) {
      descriptions = read_strings(reader, "/metrics/scalars/description");
    }
    // Lists of different lengths mean a damaged or foreign file: say so rather than print
    // the shorter list as if it were all.
    if (names.size() != values.size() ||
        (!descriptions.empty() && descriptions.size() != names.size())) {
      throw TraceError(reader.name, "read '/metrics/scalars'",
                       fmt::format("{} names, {} values and {} descriptions; a trace has as "
                                   "many of each",
                                   names.size(), values.size(), descriptions.size()));
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      summary.metrics.push_back(
          {names[i], values[i], i < descriptions.size() ? descriptions[i] : std::string()});
    }
  }
  h5::Id metrics = open_object(reader, reader.file_id, "/metrics");
  for (const std::string& child : child_names(reader, metrics.get(), "/metrics")) {
    if (child == "scalars") continue;
    h5::Id series_group = open_object(reader, metrics.get(), child);
    if (!is_group(series_group.get())) continue;
    MetricSeriesSummary series;
    series.name = child;
    const std::string path = "/metrics/" + child;
    for (const std::string& array : child_names(reader, series_group.get(), path)) {
      h5::Id object = open_object(reader, series_group.get(), array);
      if (!is_dataset(object.get())) continue;
      if (array == "label") {
        series.labels = static_cast<std::size_t>(dataset_length(reader, object.get(), path));
      } else {
        series.arrays.push_back(array);
      }
    }
    summary.metric_series.push_back(std::move(series));
  }
}

}  // namespace

bool is_hdf5_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return false;
  h5::quiet_errors_on_this_thread();
  const htri_t answer = H5Fis_hdf5(path.c_str());
  if (answer < 0) h5::take_error_reason();  // clear the stack for the next call
  return answer > 0;
}

TraceSummary read_trace_summary(const std::filesystem::path& path) {
  h5::quiet_errors_on_this_thread();
  const std::string name = path.string();
  h5::Id file = h5::open_read_only(name);
  const Reader reader{file.get(), name};
  h5::Id root = open_object(reader, file.get(), "/");

  TraceSummary summary;
  summary.format_version =
      number_attribute<std::int64_t>(reader, root.get(), "trace_format_version", H5T_NATIVE_INT64);
  if (auto complete =
          number_attribute<std::uint8_t>(reader, root.get(), "complete", H5T_NATIVE_UINT8)) {
    summary.is_complete = *complete != 0;
  }
  summary.version = string_attribute(reader, root.get(), "version").value_or("");
  summary.commit = string_attribute(reader, root.get(), "commit").value_or("");
  summary.seed = number_attribute<std::uint64_t>(reader, root.get(), "seed", H5T_NATIVE_UINT64);
  summary.scenario_name = string_attribute(reader, root.get(), "scenario_name").value_or("");
  summary.created = string_attribute(reader, root.get(), "created").value_or("");
  summary.trace_level = string_attribute(reader, root.get(), "trace_level").value_or("");
  summary.has_scenario = exists(file.get(), "/scenario");

  for (const std::string& child : child_names(reader, root.get(), "/")) {
    h5::Id object = open_object(reader, root.get(), child);
    if (!is_group(object.get())) continue;
    if (child == "metrics") {
      read_metrics(reader, summary);
    } else {
      summary.variants.push_back(summarise_variant(reader, object.get(), child));
    }
  }
  // The treatment first, then its counterfactual, then anything else by name.
  std::stable_sort(summary.variants.begin(), summary.variants.end(),
                   [](const VariantSummary& a, const VariantSummary& b) {
                     const auto rank = [](const std::string& n) {
                       return n == "treatment" ? 0 : n == "counterfactual" ? 1 : 2;
                     };
                     return rank(a.name) < rank(b.name);
                   });
  return summary;
}

}  // namespace caseload::io

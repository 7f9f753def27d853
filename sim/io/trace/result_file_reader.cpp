#include "sim/io/trace/result_file_reader.hpp"

#include <hdf5.h>

#include "sim/io/trace/hdf5_handle.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {

// Names of the links in a group, or of the attributes of an object, in name order.
std::vector<std::string> links_of(hid_t group_id, const std::string& file) {
  return h5::link_names(group_id, file, "a group");
}

std::vector<std::string> attributes_of(hid_t object_id, const std::string& file) {
  std::vector<std::string> names;
  const auto collect = [](hid_t /*object*/, const char* name, const H5A_info_t* /*info*/,
                          void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t index = 0;
  h5::check(H5Aiterate2(object_id, H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names), file,
            "list attributes of", "/");
  return names;
}

std::uint64_t length_of(hid_t dataset_id, const std::string& file, const std::string& path) {
  h5::Id space(h5::check_id(H5Dget_space(dataset_id), file, "read", path), H5Sclose);
  const hssize_t points = H5Sget_simple_extent_npoints(space.get());
  if (points < 0) h5::fail(file, "read", path);
  return static_cast<std::uint64_t>(points);
}

bool is_text(hid_t type_id) {
  return H5Tget_class(type_id) == H5T_STRING && H5Tis_variable_str(type_id) > 0;
}

std::vector<std::string> texts_of(hid_t dataset_id, const std::string& file,
                                  const std::string& path) {
  const auto count = static_cast<std::size_t>(length_of(dataset_id, file, path));
  std::vector<char*> pointers(count, nullptr);
  std::vector<std::string> values;
  if (count == 0) return values;
  h5::Id type = h5::utf8_string_type(file);
  h5::check(H5Dread(dataset_id, type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), file,
            "read", path);
  for (char* text : pointers) values.emplace_back(text != nullptr ? text : "");
  h5::Id space(h5::check_id(H5Dget_space(dataset_id), file, "read", path), H5Sclose);
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

void read_attribute(hid_t root_id, const std::string& name, const std::string& file,
                    ResultFileSummary& summary) {
  h5::Id attribute(
      h5::check_id(H5Aopen(root_id, name.c_str(), H5P_DEFAULT), file, "open attribute", name),
      H5Aclose);
  h5::Id stored(h5::check_id(H5Aget_type(attribute.get()), file, "read attribute", name), H5Tclose);
  if (is_text(stored.get())) {
    h5::Id type = h5::utf8_string_type(file);
    char* text = nullptr;
    h5::check(H5Aread(attribute.get(), type.get(), &text), file, "read attribute", name);
    summary.texts.emplace_back(name, text != nullptr ? text : "");
    H5free_memory(text);
  } else if (H5Tget_class(stored.get()) == H5T_INTEGER) {
    std::int64_t value = 0;
    h5::check(H5Aread(attribute.get(), H5T_NATIVE_INT64, &value), file, "read attribute", name);
    summary.numbers.emplace_back(name, value);
  }
}

}  // namespace

std::string ResultFileSummary::text(const std::string& name) const {
  for (const auto& [key, value] : texts) {
    if (key == name) return value;
  }
  return {};
}

std::optional<ResultFileSummary> read_result_file(const std::filesystem::path& path) {
  h5::quiet_errors_on_this_thread();
  const std::string file_name = path.string();
  h5::Id file(h5::check_id(H5Fopen(file_name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), file_name,
                           "open the file", ""),
              H5Fclose);
  h5::Id root(h5::check_id(H5Oopen(file.get(), "/", H5P_DEFAULT), file_name, "open", "/"),
              H5Oclose);
  ResultFileSummary summary;
  for (const std::string& name : attributes_of(root.get(), file_name))
    read_attribute(root.get(), name, file_name, summary);
  summary.kind = summary.text("kind");
  if (summary.kind != "compare" && summary.kind != "sweep") return std::nullopt;
  for (const std::string& child : links_of(root.get(), file_name)) {
    h5::Id object(
        h5::check_id(H5Oopen(root.get(), child.c_str(), H5P_DEFAULT), file_name, "open", child),
        H5Oclose);
    if (H5Iget_type(object.get()) == H5I_DATASET) {
      h5::Id type(h5::check_id(H5Dget_type(object.get()), file_name, "read", child), H5Tclose);
      if (is_text(type.get()))
        summary.lists.emplace_back(child, texts_of(object.get(), file_name, child));
      continue;
    }
    ResultTableSummary table{child, 0, links_of(object.get(), file_name)};
    if (!table.columns.empty()) {
      h5::Id column(h5::check_id(H5Dopen2(object.get(), table.columns.front().c_str(), H5P_DEFAULT),
                                 file_name, "open", child),
                    H5Dclose);
      table.rows = length_of(column.get(), file_name, child);
    }
    summary.tables.push_back(std::move(table));
  }
  return summary;
}

}  // namespace caseload::io

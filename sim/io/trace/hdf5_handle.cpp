#include "sim/io/trace/hdf5_handle.hpp"

#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <string>

#include "sim/io/trace/trace_error.hpp"

namespace caseload::io::h5 {

Id& Id::operator=(Id&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    closer_ = other.closer_;
    other.id_ = H5I_INVALID_HID;
  }
  return *this;
}

bool Id::reset() noexcept {
  if (id_ < 0) return true;
  const herr_t status = closer_(id_);
  id_ = H5I_INVALID_HID;
  if (status < 0) H5Eclear2(H5E_DEFAULT);
  return status >= 0;
}

void quiet_errors_on_this_thread() {
  // Before HDF5 first initialises (every entry point calls this first): HDF5 1.10's atexit
  // cleanup crashes on a file whose close failed (a full disk, or a file-size limit that also
  // defeats divert_writes_to_memory). Every file is closed by its owner before exit, so the
  // cleanup has nothing to do that the OS would not.
  [[maybe_unused]] static const herr_t no_cleanup_at_exit = H5dont_atexit();
  thread_local bool is_quiet = false;
  if (is_quiet) return;
  // Users should see one TraceError, not HDF5's multi-line stack dump on stderr.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  is_quiet = true;
}

namespace {

herr_t keep_innermost(unsigned depth, const H5E_error2_t* error, void* data) {
  // Walking upward, depth 0 is the function that detected the problem: the most specific
  // description (it carries errno and its text for file system failures).
  if (depth == 0 && error->desc != nullptr) *static_cast<std::string*>(data) = error->desc;
  return 0;
}

// HDF5's file-driver messages run to a paragraph ("file write failed: time = <date with a
// newline>, filename = ..., errno = 28, error message = 'No space left on device', buf = ...").
// Keep the summary and the OS's words: "file write failed: No space left on device".
std::string concise(std::string description) {
  constexpr std::string_view kMarker = "error message = '";
  const std::size_t marker = description.find(kMarker);
  if (marker != std::string::npos) {
    const std::size_t begin = marker + kMarker.size();
    const std::size_t end = description.find('\'', begin);
    const std::string os_text = description.substr(begin, end - begin);
    const std::size_t summary_end = description.find_first_of(":,");
    description = fmt::format("{}: {}", description.substr(0, summary_end), os_text);
  }
  for (char& character : description) {
    if (character == '\n') character = ' ';
  }
  return description;
}

}  // namespace

std::string take_error_reason() {
  std::string reason;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &reason);
  H5Eclear2(H5E_DEFAULT);
  return concise(std::move(reason));
}

bool divert_writes_to_memory(hid_t file_id) noexcept {
  void* handle = nullptr;
  if (H5Fget_vfd_handle(file_id, H5P_DEFAULT, &handle) < 0 || handle == nullptr) {
    H5Eclear2(H5E_DEFAULT);
    return false;
  }
  const int descriptor = *static_cast<int*>(handle);  // the sec2 driver's handle is its fd
  const int memory = ::memfd_create("caseload-trace-discard", MFD_CLOEXEC);
  if (memory < 0) return false;
  // dup2 swaps atomically: HDF5's writes, truncation and close now go to memory.
  const bool is_swapped = ::dup2(memory, descriptor) == descriptor;
  ::close(memory);
  return is_swapped;
}

void fail(std::string_view file, std::string_view verb, std::string_view object) {
  std::string reason = take_error_reason();
  std::string operation = object.empty() ? std::string(verb) : fmt::format("{} '{}'", verb, object);
  throw TraceError(std::string(file), std::move(operation), std::move(reason));
}

hid_t check_id(hid_t id, std::string_view file, std::string_view verb, std::string_view object) {
  if (id < 0) fail(file, verb, object);
  return id;
}

void check(herr_t status, std::string_view file, std::string_view verb, std::string_view object) {
  if (status < 0) fail(file, verb, object);
}

bool check_tri(htri_t answer, std::string_view file, std::string_view verb,
               std::string_view object) {
  if (answer < 0) fail(file, verb, object);
  return answer > 0;
}

std::vector<std::string> link_names(hid_t group_id, std::string_view file, std::string_view object) {
  std::vector<std::string> names;
  const auto collect = [](hid_t /*group*/, const char* name, const H5L_info_t* /*info*/,
                          void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t index = 0;
  check(H5Literate(group_id, H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names), file, "list", object);
  return names;
}

Id property_list(hid_t property_class, std::string_view file) {
  return Id(check_id(H5Pcreate(property_class), file, "create", "property list"), H5Pclose);
}

Id open_read_only(const std::string& file) {
  Id access = property_list(H5P_FILE_ACCESS, file);
  check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG), file, "configure", "file access");
  const hid_t id = H5Fopen(file.c_str(), H5F_ACC_RDONLY, access.get());
  return Id(check_id(id, file, "open the file", ""), H5Fclose);
}

Id utf8_string_type(std::string_view file) {
  Id type(check_id(H5Tcopy(H5T_C_S1), file, "create", "string type"), H5Tclose);
  check(H5Tset_size(type.get(), H5T_VARIABLE), file, "size", "string type");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), file, "set UTF-8 on", "string type");
  return type;
}

void validate_path(std::string_view path, bool allow_root, std::string_view file) {
  const auto reject = [&](std::string_view why) {
    throw TraceError(std::string(file), fmt::format("use path '{}'", path), std::string(why));
  };
  if (path.empty() || path.front() != '/') reject("paths are absolute, like /treatment/panel");
  if (path == "/") {
    if (!allow_root) reject("the root group cannot be used here");
    return;
  }
  if (path.back() == '/') reject("paths do not end in '/'");
  std::size_t begin = 1;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view component = path.substr(begin, end - begin);
    if (component.empty() || component == "." || component == "..") {
      reject("paths have no empty, '.' or '..' components");
    }
    begin = end + 1;
  }
}

std::string_view leaf_name(std::string_view path) { return path.substr(path.rfind('/') + 1); }

void track_link_order(hid_t creation_properties, std::string_view file) {
  check(H5Pset_link_creation_order(creation_properties,
                                   H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        file, "configure", "group");
}

namespace {

Id open_or_create_child_group(hid_t parent, const std::string& name, std::string_view prefix,
                              hid_t group_properties, std::string_view file) {
  if (check_tri(H5Lexists(parent, name.c_str(), H5P_DEFAULT), file, "look up", prefix)) {
    Id object(check_id(H5Oopen(parent, name.c_str(), H5P_DEFAULT), file, "open", prefix), H5Oclose);
    if (H5Iget_type(object.get()) != H5I_GROUP) {
      throw TraceError(std::string(file), fmt::format("use '{}' as a group", prefix),
                       "it exists and is not a group");
    }
    return object;
  }
  return Id(check_id(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, group_properties, H5P_DEFAULT),
                     file, "create group", prefix),
            H5Gclose);
}

}  // namespace

Id ensure_group(hid_t file_id, std::string_view path, std::string_view file) {
  validate_path(path, /*allow_root=*/true, file);
  Id current(check_id(H5Gopen2(file_id, "/", H5P_DEFAULT), file, "open group", "/"), H5Gclose);
  if (path == "/") return current;
  Id group_properties = property_list(H5P_GROUP_CREATE, file);
  check(H5Pset_obj_track_times(group_properties.get(), false), file, "configure", "group");
  track_link_order(group_properties.get(), file);
  std::size_t begin = 1;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    const std::string name(path.substr(begin, end - begin));
    current = open_or_create_child_group(current.get(), name, path.substr(0, end),
                                         group_properties.get(), file);
    begin = end + 1;
  }
  return current;
}

Id ensure_parent_group(hid_t file_id, std::string_view path, std::string_view file) {
  validate_path(path, /*allow_root=*/false, file);
  const std::size_t slash = path.rfind('/');
  return ensure_group(file_id, slash == 0 ? std::string_view("/") : path.substr(0, slash), file);
}

void write_scalar_attribute(hid_t object_id, std::string_view name, hid_t file_type,
                            hid_t memory_type, const void* value, std::string_view file) {
  const std::string key(name);
  if (check_tri(H5Aexists(object_id, key.c_str()), file, "look up attribute", name)) {
    Id attribute(
        check_id(H5Aopen(object_id, key.c_str(), H5P_DEFAULT), file, "open attribute", name),
        H5Aclose);
    Id stored_type(check_id(H5Aget_type(attribute.get()), file, "inspect attribute", name),
                   H5Tclose);
    Id stored_space(check_id(H5Aget_space(attribute.get()), file, "inspect attribute", name),
                    H5Sclose);
    const bool is_same_shape =
        check_tri(H5Tequal(stored_type.get(), file_type), file, "inspect attribute", name) &&
        H5Sget_simple_extent_type(stored_space.get()) == H5S_SCALAR;
    if (is_same_shape) {
      check(H5Awrite(attribute.get(), memory_type, value), file, "write attribute", name);
      return;
    }
    attribute.reset();
    check(H5Adelete(object_id, key.c_str()), file, "replace attribute", name);
  }
  Id space(check_id(H5Screate(H5S_SCALAR), file, "create dataspace for", name), H5Sclose);
  Id attribute(
      check_id(H5Acreate2(object_id, key.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
               file, "create attribute", name),
      H5Aclose);
  check(H5Awrite(attribute.get(), memory_type, value), file, "write attribute", name);
}

void write_string_attribute(hid_t object_id, std::string_view name, std::string_view value,
                            std::string_view file) {
  if (value.find('\0') != std::string_view::npos) {
    throw TraceError(std::string(file), fmt::format("write attribute '{}'", name),
                     "the text contains a NUL byte, where HDF5 strings end");
  }
  const std::string text(value);
  const char* pointer = text.c_str();
  Id type = utf8_string_type(file);
  write_scalar_attribute(object_id, name, type.get(), type.get(), &pointer, file);
}

hid_t memory_type(ColumnType type) {
  switch (type) {
    case ColumnType::Float64:
      return H5T_NATIVE_DOUBLE;
    case ColumnType::Int64:
      return H5T_NATIVE_INT64;
    case ColumnType::Int32:
      return H5T_NATIVE_INT32;
    case ColumnType::UInt32:
      return H5T_NATIVE_UINT32;
    case ColumnType::UInt8:
      return H5T_NATIVE_UINT8;
  }
  return H5I_INVALID_HID;
}

hid_t file_type(ColumnType type) {
  // Fixed little-endian types, so a file's bytes do not depend on the machine that wrote it.
  switch (type) {
    case ColumnType::Float64:
      return H5T_IEEE_F64LE;
    case ColumnType::Int64:
      return H5T_STD_I64LE;
    case ColumnType::Int32:
      return H5T_STD_I32LE;
    case ColumnType::UInt32:
      return H5T_STD_U32LE;
    case ColumnType::UInt8:
      return H5T_STD_U8LE;
  }
  return H5I_INVALID_HID;
}

Id untimed_dataset_properties(std::string_view file) {
  Id properties = property_list(H5P_DATASET_CREATE, file);
  check(H5Pset_obj_track_times(properties.get(), false), file, "configure", "dataset");
  return properties;
}

}  // namespace caseload::io::h5

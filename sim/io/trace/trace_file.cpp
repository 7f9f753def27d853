#include "sim/io/trace/trace_file.hpp"

#include <fmt/format.h>

#include <exception>
#include <vector>

#include "sim/io/trace/column_writer.hpp"
#include "sim/io/trace/hdf5_handle.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

struct TraceFile::Impl {
  std::filesystem::path path;
  std::string name;  // path as text, for messages
  h5::Id file;
  std::vector<std::unique_ptr<Table>> tables;
};

namespace {

// Takes `auto` because Impl is private to TraceFile.
const std::string& name_of(const auto& impl) {
  static const std::string moved_from = "(moved-from trace file)";
  return impl ? impl->name : moved_from;
}

}  // namespace

TraceFile::TraceFile(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
  h5::quiet_errors_on_this_thread();
  impl_->path = path;
  impl_->name = path.string();
  h5::Id access = h5::property_list(H5P_FILE_ACCESS, impl_->name);
  // Strong close: H5Fclose really closes the file, even if some id escaped, so a committed
  // file is complete on disk before it is renamed.
  h5::check(H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG), impl_->name, "configure",
            "file access");
  // The root group lists its members in creation order too (see track_link_order).
  h5::Id creation = h5::property_list(H5P_FILE_CREATE, impl_->name);
  h5::track_link_order(creation.get(), impl_->name);
  impl_->file = h5::Id(
      h5::check_id(H5Fcreate(impl_->name.c_str(), H5F_ACC_TRUNC, creation.get(), access.get()),
                   impl_->name, "create the file", ""),
      H5Fclose);
}

TraceFile::~TraceFile() { close_quietly(); }

TraceFile::TraceFile(TraceFile&& other) noexcept = default;

TraceFile& TraceFile::operator=(TraceFile&& other) noexcept {
  if (this != &other) {
    close_quietly();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

const std::filesystem::path& TraceFile::path() const {
  static const std::filesystem::path moved_from;
  return impl_ ? impl_->path : moved_from;
}

bool TraceFile::is_open() const { return impl_ && impl_->file.is_valid(); }

namespace {

void require_open(const TraceFile& file, const std::string& name, std::string_view operation,
                  std::string_view object) {
  if (!file.is_open()) {
    throw TraceError(name, fmt::format("{} '{}'", operation, object), "the file is closed");
  }
}

}  // namespace

void TraceFile::create_group(std::string_view group_path) {
  require_open(*this, name_of(impl_), "create group", group_path);
  h5::quiet_errors_on_this_thread();
  h5::ensure_group(impl_->file.get(), group_path, impl_->name);
}

namespace {

h5::Id open_object(hid_t file_id, std::string_view object_path, const std::string& file) {
  h5::validate_path(object_path, /*allow_root=*/true, file);
  const std::string path(object_path);
  return h5::Id(
      h5::check_id(H5Oopen(file_id, path.c_str(), H5P_DEFAULT), file, "open object", object_path),
      H5Oclose);
}

}  // namespace

void TraceFile::set_attribute(std::string_view object_path, std::string_view name,
                              std::string_view value) {
  require_open(*this, name_of(impl_), "set attribute", name);
  h5::quiet_errors_on_this_thread();
  h5::Id object = open_object(impl_->file.get(), object_path, impl_->name);
  h5::write_string_attribute(object.get(), name, value, impl_->name);
}

void TraceFile::set_attribute(std::string_view object_path, std::string_view name, double value) {
  require_open(*this, name_of(impl_), "set attribute", name);
  h5::quiet_errors_on_this_thread();
  h5::Id object = open_object(impl_->file.get(), object_path, impl_->name);
  h5::write_scalar_attribute(object.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value,
                             impl_->name);
}

void TraceFile::set_attribute(std::string_view object_path, std::string_view name, bool value) {
  require_open(*this, name_of(impl_), "set attribute", name);
  h5::quiet_errors_on_this_thread();
  h5::Id object = open_object(impl_->file.get(), object_path, impl_->name);
  const std::uint8_t stored = value ? 1 : 0;
  h5::write_scalar_attribute(object.get(), name, H5T_STD_U8LE, H5T_NATIVE_UINT8, &stored,
                             impl_->name);
}

void TraceFile::set_int64_attribute(std::string_view object_path, std::string_view name,
                                    std::int64_t value) {
  require_open(*this, name_of(impl_), "set attribute", name);
  h5::quiet_errors_on_this_thread();
  h5::Id object = open_object(impl_->file.get(), object_path, impl_->name);
  h5::write_scalar_attribute(object.get(), name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value,
                             impl_->name);
}

void TraceFile::set_uint64_attribute(std::string_view object_path, std::string_view name,
                                     std::uint64_t value) {
  require_open(*this, name_of(impl_), "set attribute", name);
  h5::quiet_errors_on_this_thread();
  h5::Id object = open_object(impl_->file.get(), object_path, impl_->name);
  h5::write_scalar_attribute(object.get(), name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value,
                             impl_->name);
}

namespace {

void reject_nul(std::string_view text, const std::string& file, std::string_view path) {
  if (text.find('\0') != std::string_view::npos) {
    throw TraceError(file, fmt::format("write dataset '{}'", path),
                     "the text contains a NUL byte, where HDF5 strings end");
  }
}

// Creates `path` with `type` and `space` in a file whose parents may not exist yet, then
// writes `data` (skipped for an empty dataset, which has nothing to write).
void write_whole_dataset(hid_t file_id, std::string_view path, hid_t type, hid_t memory_type,
                         hid_t space, const void* data, bool is_empty, const std::string& file) {
  h5::Id parent = h5::ensure_parent_group(file_id, path, file);
  h5::Id creation = h5::untimed_dataset_properties(file);
  const std::string leaf(h5::leaf_name(path));
  h5::Id dataset(h5::check_id(H5Dcreate2(parent.get(), leaf.c_str(), type, space, H5P_DEFAULT,
                                         creation.get(), H5P_DEFAULT),
                              file, "create dataset", path),
                 H5Dclose);
  if (!is_empty) {
    h5::check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), file,
              "write dataset", path);
  }
}

}  // namespace

void TraceFile::write_string(std::string_view dataset_path, std::string_view text) {
  require_open(*this, name_of(impl_), "write dataset", dataset_path);
  h5::quiet_errors_on_this_thread();
  reject_nul(text, impl_->name, dataset_path);
  const std::string owned(text);
  const char* pointer = owned.c_str();
  h5::Id type = h5::utf8_string_type(impl_->name);
  h5::Id space(h5::check_id(H5Screate(H5S_SCALAR), impl_->name, "write dataset", dataset_path),
               H5Sclose);
  write_whole_dataset(impl_->file.get(), dataset_path, type.get(), type.get(), space.get(),
                      &pointer, false, impl_->name);
}

void TraceFile::write_strings(std::string_view dataset_path, std::span<const std::string> texts) {
  require_open(*this, name_of(impl_), "write dataset", dataset_path);
  h5::quiet_errors_on_this_thread();
  std::vector<const char*> pointers;
  pointers.reserve(texts.size());
  for (const std::string& text : texts) {
    reject_nul(text, impl_->name, dataset_path);
    pointers.push_back(text.c_str());
  }
  h5::Id type = h5::utf8_string_type(impl_->name);
  const hsize_t dims[1] = {texts.size()};
  h5::Id space(
      h5::check_id(H5Screate_simple(1, dims, nullptr), impl_->name, "write dataset", dataset_path),
      H5Sclose);
  write_whole_dataset(impl_->file.get(), dataset_path, type.get(), type.get(), space.get(),
                      pointers.data(), texts.empty(), impl_->name);
}

namespace {

template <ColumnValue T>
void write_numbers(const TraceFile& trace, hid_t file_id, const std::string& file,
                   std::string_view path, std::span<const T> values) {
  require_open(trace, file, "write dataset", path);
  h5::quiet_errors_on_this_thread();
  const hsize_t dims[1] = {values.size()};
  h5::Id space(h5::check_id(H5Screate_simple(1, dims, nullptr), file, "write dataset", path),
               H5Sclose);
  write_whole_dataset(file_id, path, h5::file_type(column_type_of<T>),
                      h5::memory_type(column_type_of<T>), space.get(), values.data(),
                      values.empty(), file);
}

}  // namespace

void TraceFile::write_array(std::string_view dataset_path, std::span<const double> values) {
  write_numbers(*this, is_open() ? impl_->file.get() : -1, name_of(impl_), dataset_path, values);
}
void TraceFile::write_array(std::string_view dataset_path, std::span<const std::int64_t> values) {
  write_numbers(*this, is_open() ? impl_->file.get() : -1, name_of(impl_), dataset_path, values);
}
void TraceFile::write_array(std::string_view dataset_path, std::span<const std::int32_t> values) {
  write_numbers(*this, is_open() ? impl_->file.get() : -1, name_of(impl_), dataset_path, values);
}
void TraceFile::write_array(std::string_view dataset_path, std::span<const std::uint32_t> values) {
  write_numbers(*this, is_open() ? impl_->file.get() : -1, name_of(impl_), dataset_path, values);
}
void TraceFile::write_array(std::string_view dataset_path, std::span<const std::uint8_t> values) {
  write_numbers(*this, is_open() ? impl_->file.get() : -1, name_of(impl_), dataset_path, values);
}

Table& TraceFile::add_table(std::string_view group_path) {
  require_open(*this, name_of(impl_), "add table", group_path);
  h5::quiet_errors_on_this_thread();
  for (const auto& table : impl_->tables) {
    if (table->path() == group_path) return *table;
  }
  h5::validate_path(group_path, /*allow_root=*/false, impl_->name);
  h5::Id group = h5::ensure_group(impl_->file.get(), group_path, impl_->name);
  impl_->tables.push_back(
      std::unique_ptr<Table>(new Table(impl_->name, std::string(group_path), group.get())));
  group.release();
  return *impl_->tables.back();
}

void TraceFile::check_tables() const {
  if (!impl_) return;
  for (const auto& table : impl_->tables) table->row_count();  // throws, naming the lengths
}

void TraceFile::flush() {
  require_open(*this, name_of(impl_), "flush", "the file");
  h5::quiet_errors_on_this_thread();
  for (const auto& table : impl_->tables) table->flush();
  h5::check(H5Fflush(impl_->file.get(), H5F_SCOPE_LOCAL), impl_->name, "flush the file", "");
}

void TraceFile::close() {
  if (!is_open()) return;
  h5::quiet_errors_on_this_thread();
  // Whatever fails, every id is released before the first failure is rethrown.
  std::exception_ptr failure;
  try {
    for (const auto& table : impl_->tables) table->flush();
  } catch (...) {
    failure = std::current_exception();
  }
  std::string ragged_table;
  for (const auto& table : impl_->tables) {
    if (ragged_table.empty() && table->is_ragged()) ragged_table = table->path();
  }
  // Everything is flushed while the datasets are still open, so a write that fails (a full
  // disk) fails here, where it can be handled, rather than inside closing a dataset or the
  // file. After any failed write the file is diverted to memory before anything is closed:
  // HDF5 1.10 leaves a file whose close failed half-freed and crashes at exit (see
  // divert_writes_to_memory). What reached the disk stays there; the .partial says complete=0.
  const hid_t file_id = impl_->file.release();
  if (H5Fflush(file_id, H5F_SCOPE_LOCAL) < 0) {
    std::string reason = h5::take_error_reason();
    if (!failure) {
      failure = std::make_exception_ptr(TraceError(impl_->name, "flush the file", reason));
    }
  }
  if (failure) h5::divert_writes_to_memory(file_id);
  for (const auto& table : impl_->tables) table->close();
  H5Eclear2(H5E_DEFAULT);
  if (H5Fclose(file_id) < 0) {
    std::string reason = h5::take_error_reason();
    if (!failure) {
      failure = std::make_exception_ptr(TraceError(impl_->name, "close the file", reason));
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (!ragged_table.empty()) {
    throw TraceError(impl_->name, fmt::format("close table '{}'", ragged_table),
                     "its columns differ in length (a row was left unfinished)");
  }
}

bool TraceFile::close_quietly() noexcept {
  try {
    close();
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace caseload::io

#include "sim/io/trace/column_writer.hpp"

#include <fmt/format.h>

#include "sim/io/trace/hdf5_handle.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {
// HDF5 caps a chunk at 4 GiB; a 16 Mi-row buffer per column is already far past sensible.
constexpr std::size_t kMaxChunkRows = std::size_t{1} << 24;
}  // namespace

ColumnBase::ColumnBase(std::string file_name, std::string path, std::int64_t dataset_id,
                       ColumnType type, std::size_t chunk_rows)
    : file_name_(std::move(file_name)),
      path_(std::move(path)),
      dataset_id_(dataset_id),
      type_(type),
      chunk_rows_(chunk_rows) {}

ColumnBase::~ColumnBase() { close(); }

void ColumnBase::require_open() const {
  if (dataset_id_ < 0) {
    throw TraceError(file_name_, fmt::format("append to column '{}'", path_), "the file is closed");
  }
}

void ColumnBase::attach_buffer(const void* rows) {
  require_open();
  rows_ = rows;
  capacity_ = chunk_rows_;
}

void ColumnBase::spill() {
  require_open();
  if (written_fill_ < fill_) write_buffer();
  chunk_start_ += fill_;
  fill_ = 0;
  written_fill_ = 0;
}

void ColumnBase::flush() {
  if (written_fill_ == fill_) return;
  require_open();
  write_buffer();
}

void ColumnBase::write_buffer() {
  h5::quiet_errors_on_this_thread();
  const hid_t dataset = dataset_id_;
  const hsize_t end = chunk_start_ + fill_;
  if (end > extent_) {
    const hsize_t dims[1] = {end};
    h5::check(H5Dset_extent(dataset, dims), file_name_, "extend column", path_);
    extent_ = end;
  }
  // The selection always starts at a chunk boundary; when fill_ == chunk_rows_ it is exactly
  // one chunk, which HDF5 compresses and writes without reading anything back.
  const hsize_t start[1] = {chunk_start_};
  const hsize_t count[1] = {fill_};
  h5::Id file_space(h5::check_id(H5Dget_space(dataset), file_name_, "write column", path_),
                    H5Sclose);
  h5::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
            file_name_, "write column", path_);
  h5::Id memory_space(
      h5::check_id(H5Screate_simple(1, count, nullptr), file_name_, "write column", path_),
      H5Sclose);
  h5::check(H5Dwrite(dataset, h5::memory_type(type_), memory_space.get(), file_space.get(),
                     H5P_DEFAULT, rows_),
            file_name_, "write column", path_);
  written_fill_ = fill_;
}

void ColumnBase::close() noexcept {
  if (dataset_id_ >= 0) {
    if (H5Dclose(dataset_id_) < 0) H5Eclear2(H5E_DEFAULT);
    dataset_id_ = H5I_INVALID_HID;
  }
  // fill_ == capacity_ sends the next append to make_room(), which throws: no silent loss.
  capacity_ = fill_;
}

Table::Table(std::string file_name, std::string path, std::int64_t group_id)
    : file_name_(std::move(file_name)), path_(std::move(path)), group_id_(group_id) {}

Table::~Table() { close(); }

std::string Table::column_path(std::string_view name) const {
  return path_ == "/" ? fmt::format("/{}", name) : fmt::format("{}/{}", path_, name);
}

std::int64_t Table::create_dataset(std::string_view name, ColumnType type,
                                   const ColumnOptions& options) {
  h5::quiet_errors_on_this_thread();
  const std::string path = column_path(name);
  const auto reject = [&](std::string why) {
    throw TraceError(file_name_, fmt::format("add column '{}'", path), std::move(why));
  };
  if (group_id_ < 0) reject("the file is closed");
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos) {
    reject("a column name is one path component");
  }
  if (options.chunk_rows == 0 || options.chunk_rows > kMaxChunkRows) {
    reject(fmt::format("chunk_rows must be 1 to {}, not {}", kMaxChunkRows, options.chunk_rows));
  }
  if (options.compression_level < 1 || options.compression_level > 9) {
    reject(fmt::format("compression_level must be 1 to 9, not {}", options.compression_level));
  }
  if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) reject("this HDF5 library lacks deflate");
  if (H5Zfilter_avail(H5Z_FILTER_FLETCHER32) <= 0) reject("this HDF5 library lacks Fletcher-32");

  h5::Id creation = h5::untimed_dataset_properties(file_name_);
  const hsize_t chunk[1] = {options.chunk_rows};
  h5::check(H5Pset_chunk(creation.get(), 1, chunk), file_name_, "chunk column", path);
  // Shuffle groups the bytes of neighbouring values, so deflate sees long runs of equal high
  // bytes in slowly varying numbers (ids, weeks, counts).
  h5::check(H5Pset_shuffle(creation.get()), file_name_, "set shuffle on column", path);
  h5::check(H5Pset_deflate(creation.get(), static_cast<unsigned>(options.compression_level)),
            file_name_, "set deflate on column", path);
  // Fletcher-32 last, so it sums the bytes as stored and is the first filter a read runs: any
  // damage to a chunk is reported as a checksum failure before inflate sees it, and summing
  // the compressed bytes costs a third of summing the raw ones.
  h5::check(H5Pset_fletcher32(creation.get()), file_name_, "set checksum on column", path);
  // Columns only ever write whole chunks (or a flushed tail) from their own buffer: HDF5's
  // chunk cache would hold a second copy of every chunk for nothing.
  h5::Id access = h5::property_list(H5P_DATASET_ACCESS, file_name_);
  h5::check(H5Pset_chunk_cache(access.get(), H5D_CHUNK_CACHE_NSLOTS_DEFAULT, 0,
                               H5D_CHUNK_CACHE_W0_DEFAULT),
            file_name_, "set chunk cache on column", path);

  const hsize_t dims[1] = {0};
  const hsize_t max_dims[1] = {H5S_UNLIMITED};
  h5::Id space(h5::check_id(H5Screate_simple(1, dims, max_dims), file_name_, "add column", path),
               H5Sclose);
  const std::string leaf(name);
  h5::Id dataset(h5::check_id(H5Dcreate2(group_id_, leaf.c_str(), h5::file_type(type), space.get(),
                                         H5P_DEFAULT, creation.get(), access.get()),
                              file_name_, "add column", path),
                 H5Dclose);
  if (!options.units.empty()) {
    h5::write_string_attribute(dataset.get(), "units", options.units, file_name_);
  }
  if (!options.description.empty()) {
    h5::write_string_attribute(dataset.get(), "description", options.description, file_name_);
  }
  return dataset.release();
}

bool Table::is_ragged() const {
  return std::any_of(columns_.begin(), columns_.end(), [&](const auto& column) {
    return column->size() != columns_.front()->size();
  });
}

std::uint64_t Table::row_count() const {
  if (columns_.empty()) return 0;
  if (is_ragged()) {
    std::string lengths;
    for (const auto& column : columns_) {
      if (!lengths.empty()) lengths += ", ";
      lengths += fmt::format("{} has {}", h5::leaf_name(column->path()), column->size());
    }
    throw TraceError(file_name_, fmt::format("count the rows of table '{}'", path_),
                     fmt::format("its columns differ in length ({})", lengths));
  }
  return columns_.front()->size();
}

void Table::flush() {
  for (const auto& column : columns_) column->flush();
}

void Table::close() noexcept {
  for (const auto& column : columns_) column->close();
  if (group_id_ >= 0) {
    if (H5Gclose(group_id_) < 0) H5Eclear2(H5E_DEFAULT);
    group_id_ = H5I_INVALID_HID;
  }
}

}  // namespace caseload::io

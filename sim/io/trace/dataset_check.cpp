#include "sim/io/trace/dataset_check.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <hdf5.h>

#include "sim/io/trace/hdf5_handle.hpp"
#include "sim/io/trace/trace_error.hpp"

namespace caseload::io {

namespace {

// A read of an unchunked dataset takes at most this many bytes at a time: caseload's own are
// small, but a foreign file's contiguous array could be larger than memory.
constexpr hsize_t kContiguousReadBytes = hsize_t{4} << 20;

herr_t collect_dataset(hid_t /*object*/, const char* name, const H5O_info_t* info, void* data) {
  if (info->type == H5O_TYPE_DATASET) {
    static_cast<std::vector<std::string>*>(data)->push_back(std::string("/") + name);
  }
  return 0;
}

[[noreturn]] void fail_read(const std::string& file, const std::string& path) {
  std::string reason = h5::take_error_reason();
  // HDF5 says "data error detected by Fletcher32 checksum"; say what it means for the user.
  if (reason.find("Fletcher32") != std::string::npos) {
    reason = "its data fail their Fletcher-32 checksum: the file is damaged";
  }
  throw TraceError(file, fmt::format("read dataset '{}'", path), std::move(reason));
}

// Rows (along the first dimension) per read: one chunk's worth when chunked, so each read
// decodes whole chunks once; a bounded slice otherwise.
hsize_t rows_per_read(hid_t dataset_id, int rank, hsize_t row_bytes, const std::string& file,
                      const std::string& path) {
  h5::Id creation(h5::check_id(H5Dget_create_plist(dataset_id), file, "read dataset", path),
                  H5Pclose);
  if (H5Pget_layout(creation.get()) == H5D_CHUNKED) {
    std::vector<hsize_t> chunk(static_cast<std::size_t>(rank));
    if (H5Pget_chunk(creation.get(), rank, chunk.data()) == rank && chunk[0] > 0) return chunk[0];
    h5::fail(file, "read dataset", path);
  }
  return std::max<hsize_t>(1, kContiguousReadBytes / std::max<hsize_t>(1, row_bytes));
}

void read_dataset(hid_t file_id, const std::string& path, const std::string& file) {
  h5::Id dataset(
      h5::check_id(H5Dopen2(file_id, path.c_str(), H5P_DEFAULT), file, "open dataset", path),
      H5Dclose);
  h5::Id space(h5::check_id(H5Dget_space(dataset.get()), file, "read dataset", path), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  const hssize_t points = H5Sget_simple_extent_npoints(space.get());
  if (rank < 0 || points < 0) h5::fail(file, "read dataset", path);
  if (points == 0) return;  // nothing stored (an empty column, or a null dataspace)

  h5::Id stored(h5::check_id(H5Dget_type(dataset.get()), file, "read dataset", path), H5Tclose);
  h5::Id memory(
      h5::check_id(H5Tget_native_type(stored.get(), H5T_DIR_ASCEND), file, "read dataset", path),
      H5Tclose);
  const hsize_t element_bytes = H5Tget_size(memory.get());
  if (element_bytes == 0) h5::fail(file, "read dataset", path);
  // Variable-length data (strings) are read into memory HDF5 allocates, to be given back.
  const bool has_variable_length =
      H5Tdetect_class(memory.get(), H5T_VLEN) > 0 || H5Tdetect_class(memory.get(), H5T_STRING) > 0;

  if (rank == 0) {
    std::vector<unsigned char> buffer(element_bytes);
    if (H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()) < 0) {
      fail_read(file, path);
    }
    if (has_variable_length) H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, buffer.data());
    return;
  }
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  h5::check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), file, "read dataset",
            path);
  hsize_t row_elements = 1;
  for (std::size_t d = 1; d < dims.size(); ++d) row_elements *= dims[d];
  const hsize_t rows = std::min(
      dims[0], rows_per_read(dataset.get(), rank, row_elements * element_bytes, file, path));
  std::vector<unsigned char> buffer(rows * row_elements * element_bytes);
  std::vector<hsize_t> start(dims.size(), 0);
  std::vector<hsize_t> count = dims;
  for (hsize_t first = 0; first < dims[0]; first += rows) {
    start[0] = first;
    count[0] = std::min(rows, dims[0] - first);
    h5::check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                                  nullptr),
              file, "read dataset", path);
    h5::Id slice(
        h5::check_id(H5Screate_simple(rank, count.data(), nullptr), file, "read dataset", path),
        H5Sclose);
    if (H5Dread(dataset.get(), memory.get(), slice.get(), space.get(), H5P_DEFAULT, buffer.data()) <
        0) {
      fail_read(file, path);
    }
    if (has_variable_length) H5Dvlen_reclaim(memory.get(), slice.get(), H5P_DEFAULT, buffer.data());
  }
}

}  // namespace

void check_every_dataset(const std::filesystem::path& path) {
  h5::quiet_errors_on_this_thread();
  const std::string name = path.string();
  h5::Id file = h5::open_read_only(name);
  // Listed first, read after: a TraceError must not be thrown through HDF5's C iteration.
  std::vector<std::string> datasets;
  h5::check(
      H5Ovisit2(file.get(), H5_INDEX_NAME, H5_ITER_INC, collect_dataset, &datasets, H5O_INFO_BASIC),
      name, "list the datasets of", "/");
  for (const std::string& dataset : datasets) read_dataset(file.get(), dataset, name);
}

}  // namespace caseload::io

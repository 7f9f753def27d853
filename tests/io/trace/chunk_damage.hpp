#pragma once
// Test-only damage to a dataset's stored data: one byte in the middle of one of its chunks is
// inverted in place, found with H5Dget_chunk_info, so the damage is inside compressed column
// data and nowhere else (not in metadata HDF5 would refuse to open).

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <hdf5.h>

#include "tests/io/trace/read_back.hpp"

namespace caseload::io::testing {

/// Where a chunk's bytes lie in the file.
struct ChunkExtent {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

/// The `index`-th stored chunk of `dataset` (in HDF5's order: by offset for a 1-D column).
inline ChunkExtent stored_chunk(const std::filesystem::path& file, const std::string& dataset,
                                hsize_t index) {
  ChunkExtent extent;
  {
    Held handle = open_read_only(file);
    Held data(H5Dopen2(handle.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, "H5Dopen2");
    hsize_t origin[1] = {0};
    unsigned filter_mask = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t size = 0;
    // HDF5 1.10 wants the dataset's own dataspace here; H5S_ALL fails.
    Held space(H5Dget_space(data.get()), H5Sclose, "H5Dget_space");
    must(H5Dget_chunk_info(data.get(), space.get(), index, origin, &filter_mask, &address, &size),
         "H5Dget_chunk_info");
    extent = {static_cast<std::uint64_t>(address), static_cast<std::uint64_t>(size)};
  }
  if (extent.size == 0) throw std::runtime_error(dataset + " has no stored chunk");
  return extent;
}

/// Inverts every bit of the byte halfway through a chunk of `dataset`; returns its offset.
/// One changed byte always changes a Fletcher-32 sum (a 16-bit word changes by 1 to 65280,
/// never by a multiple of 65535).
inline std::uint64_t invert_byte_inside_chunk(const std::filesystem::path& file,
                                              const std::string& dataset, hsize_t index = 0) {
  const ChunkExtent chunk = stored_chunk(file, dataset, index);
  const std::uint64_t at = chunk.offset + chunk.size / 2;
  std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
  bytes.seekg(static_cast<std::streamoff>(at));
  const int original = bytes.get();
  if (!bytes)
    throw std::runtime_error("cannot read byte " + std::to_string(at) + " of " + file.string());
  bytes.seekp(static_cast<std::streamoff>(at));
  bytes.put(static_cast<char>(original ^ 0xff));
  if (!bytes.flush()) throw std::runtime_error("cannot write byte " + std::to_string(at));
  return at;
}

}  // namespace caseload::io::testing

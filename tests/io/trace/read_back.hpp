#pragma once
// Test-only readers that check trace files through HDF5's C API directly, independent of the
// writer's code, plus a scratch directory per test. Failures are gtest assertions' business:
// these throw std::runtime_error with the HDF5 call that failed.

#include <hdf5.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace caseload::io::testing {

/// A fresh directory under the system temp dir, removed with everything in it.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "caseload-trace-XXXXXX");
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline hid_t must(hid_t id, const char* what) {
  if (id < 0) throw std::runtime_error(std::string("HDF5 call failed: ") + what);
  return id;
}

/// An id closed on scope exit.
class Held {
 public:
  Held(hid_t id, herr_t (*closer)(hid_t), const char* what)
      : id_(must(id, what)), closer_(closer) {}
  ~Held() {
    if (id_ >= 0) closer_(id_);
  }
  Held(Held&& other) noexcept : id_(other.id_), closer_(other.closer_) { other.id_ = -1; }
  Held& operator=(Held&&) = delete;
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;
  hid_t get() const { return id_; }

 private:
  hid_t id_;
  herr_t (*closer_)(hid_t);
};

/// Opens for reading. The writer's strong close degree is repeated because HDF5 refuses to
/// reopen a file that this process still has open with a different one (flush tests do).
inline Held open_read_only(const std::filesystem::path& file) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  Held access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "H5Pcreate");
  H5Pset_fclose_degree(access.get(), H5F_CLOSE_STRONG);
  return Held(H5Fopen(file.c_str(), H5F_ACC_RDONLY, access.get()), H5Fclose, "H5Fopen");
}

template <class T>
hid_t native_type();
template <>
inline hid_t native_type<double>() {
  return H5T_NATIVE_DOUBLE;
}
template <>
inline hid_t native_type<std::int64_t>() {
  return H5T_NATIVE_INT64;
}
template <>
inline hid_t native_type<std::int32_t>() {
  return H5T_NATIVE_INT32;
}
template <>
inline hid_t native_type<std::uint32_t>() {
  return H5T_NATIVE_UINT32;
}
template <>
inline hid_t native_type<std::uint8_t>() {
  return H5T_NATIVE_UINT8;
}
template <>
inline hid_t native_type<std::uint64_t>() {
  return H5T_NATIVE_UINT64;
}

template <class T>
std::vector<T> read_dataset(const std::filesystem::path& file, const std::string& path) {
  Held handle = open_read_only(file);
  Held dataset(H5Dopen2(handle.get(), path.c_str(), H5P_DEFAULT), H5Dclose, "H5Dopen2");
  Held space(H5Dget_space(dataset.get()), H5Sclose, "H5Dget_space");
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  std::vector<T> values(static_cast<std::size_t>(count));
  if (count > 0) {
    must(H5Dread(dataset.get(), native_type<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
         "H5Dread");
  }
  return values;
}

template <class T>
T read_attribute(const std::filesystem::path& file, const std::string& object,
                 const std::string& name) {
  Held handle = open_read_only(file);
  Held attribute(
      H5Aopen_by_name(handle.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
      H5Aclose, "H5Aopen_by_name");
  T value{};
  must(H5Aread(attribute.get(), native_type<T>(), &value), "H5Aread");
  return value;
}

inline Held utf8_type() {
  Held type(H5Tcopy(H5T_C_S1), H5Tclose, "H5Tcopy");
  H5Tset_size(type.get(), H5T_VARIABLE);
  H5Tset_cset(type.get(), H5T_CSET_UTF8);
  return type;
}

inline std::string read_string_attribute(const std::filesystem::path& file,
                                         const std::string& object, const std::string& name) {
  Held handle = open_read_only(file);
  Held attribute(
      H5Aopen_by_name(handle.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
      H5Aclose, "H5Aopen_by_name");
  Held type = utf8_type();
  char* text = nullptr;
  must(H5Aread(attribute.get(), type.get(), &text), "H5Aread");
  std::string value(text);
  H5free_memory(text);
  return value;
}

inline std::vector<std::string> read_strings(const std::filesystem::path& file,
                                             const std::string& path) {
  Held handle = open_read_only(file);
  Held dataset(H5Dopen2(handle.get(), path.c_str(), H5P_DEFAULT), H5Dclose, "H5Dopen2");
  Held space(H5Dget_space(dataset.get()), H5Sclose, "H5Dget_space");
  const auto count = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  std::vector<char*> pointers(count, nullptr);
  Held type = utf8_type();
  std::vector<std::string> values;
  if (count == 0) return values;
  must(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
       "H5Dread");
  for (char* text : pointers) values.emplace_back(text);
  H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, pointers.data());
  return values;
}

/// How a dataset is stored, as its creation property list says.
struct Storage {
  bool is_chunked = false;
  hsize_t chunk_rows = 0;
  bool has_shuffle = false;
  bool has_deflate = false;
  unsigned deflate_level = 0;
  std::vector<H5Z_filter_t> filters;  ///< in pipeline order (the order a write applies them)
  bool is_unlimited = false;
  H5T_class_t type_class = H5T_NO_CLASS;
  std::size_t type_size = 0;
  H5T_order_t type_order = H5T_ORDER_ERROR;
  H5T_sign_t type_sign = H5T_SGN_ERROR;
  bool is_variable_string = false;
  H5T_cset_t string_cset = H5T_CSET_ERROR;
  int rank = -1;
};

inline Storage inspect(const std::filesystem::path& file, const std::string& path) {
  Storage storage;
  Held handle = open_read_only(file);
  Held dataset(H5Dopen2(handle.get(), path.c_str(), H5P_DEFAULT), H5Dclose, "H5Dopen2");
  Held creation(H5Dget_create_plist(dataset.get()), H5Pclose, "H5Dget_create_plist");
  storage.is_chunked = H5Pget_layout(creation.get()) == H5D_CHUNKED;
  if (storage.is_chunked) H5Pget_chunk(creation.get(), 1, &storage.chunk_rows);
  const int filters = H5Pget_nfilters(creation.get());
  for (int index = 0; index < filters; ++index) {
    unsigned flags = 0;
    std::size_t values = 1;
    unsigned level = 0;
    const H5Z_filter_t filter = H5Pget_filter2(creation.get(), static_cast<unsigned>(index), &flags,
                                               &values, &level, 0, nullptr, nullptr);
    storage.filters.push_back(filter);
    if (filter == H5Z_FILTER_SHUFFLE) storage.has_shuffle = true;
    if (filter == H5Z_FILTER_DEFLATE) {
      storage.has_deflate = true;
      storage.deflate_level = level;
    }
  }
  Held space(H5Dget_space(dataset.get()), H5Sclose, "H5Dget_space");
  storage.rank = H5Sget_simple_extent_ndims(space.get());
  if (storage.rank == 1) {
    hsize_t dims = 0;
    hsize_t max_dims = 0;
    H5Sget_simple_extent_dims(space.get(), &dims, &max_dims);
    storage.is_unlimited = max_dims == H5S_UNLIMITED;
  }
  Held type(H5Dget_type(dataset.get()), H5Tclose, "H5Dget_type");
  storage.type_class = H5Tget_class(type.get());
  storage.type_size = H5Tget_size(type.get());
  if (storage.type_class == H5T_STRING) {
    storage.is_variable_string = H5Tis_variable_str(type.get()) > 0;
    storage.string_cset = H5Tget_cset(type.get());
  } else {
    storage.type_order = H5Tget_order(type.get());
    if (storage.type_class == H5T_INTEGER) storage.type_sign = H5Tget_sign(type.get());
  }
  return storage;
}

/// The class, size and order of an attribute's stored type.
struct AttributeType {
  H5T_class_t type_class = H5T_NO_CLASS;
  std::size_t size = 0;
  H5T_sign_t sign = H5T_SGN_ERROR;
  bool is_scalar = false;
};

inline AttributeType inspect_attribute(const std::filesystem::path& file, const std::string& object,
                                       const std::string& name) {
  Held handle = open_read_only(file);
  Held attribute(
      H5Aopen_by_name(handle.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
      H5Aclose, "H5Aopen_by_name");
  Held type(H5Aget_type(attribute.get()), H5Tclose, "H5Aget_type");
  Held space(H5Aget_space(attribute.get()), H5Sclose, "H5Aget_space");
  AttributeType result;
  result.type_class = H5Tget_class(type.get());
  result.size = H5Tget_size(type.get());
  if (result.type_class == H5T_INTEGER) result.sign = H5Tget_sign(type.get());
  result.is_scalar = H5Sget_simple_extent_type(space.get()) == H5S_SCALAR;
  return result;
}

/// The names in a group in the order they were created (needs link order tracked, which the
/// writer turns on so readers need no order list of their own).
inline std::vector<std::string> names_in_creation_order(const std::filesystem::path& file,
                                                        const std::string& group) {
  Held handle = open_read_only(file);
  Held opened(H5Gopen2(handle.get(), group.c_str(), H5P_DEFAULT), H5Gclose, "H5Gopen2");
  std::vector<std::string> names;
  const auto collect = [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  hsize_t index = 0;
  must(H5Literate(opened.get(), H5_INDEX_CRT_ORDER, H5_ITER_INC, &index, collect, &names),
       "H5Literate by creation order");
  return names;
}

inline bool has_attribute(const std::filesystem::path& file, const std::string& object,
                          const std::string& name) {
  Held handle = open_read_only(file);
  return H5Aexists_by_name(handle.get(), object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

inline bool has_object(const std::filesystem::path& file, const std::string& path) {
  Held handle = open_read_only(file);
  return H5Oexists_by_name(handle.get(), path.c_str(), H5P_DEFAULT) > 0;
}

}  // namespace caseload::io::testing

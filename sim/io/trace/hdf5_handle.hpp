#pragma once
// Private to sim/io/trace, never included by a public header: owning HDF5 ids and the checks
// that turn HDF5's error stack into TraceError. Every HDF5 call in the module goes through a
// check, so no failure passes silently and no id outlives its owner.

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "sim/io/trace/column_writer.hpp"

namespace caseload::io::h5 {

// Public headers hold ids as std::int64_t so that they need not include hdf5.h.
static_assert(std::is_same_v<hid_t, std::int64_t>);

/// An owned HDF5 id, closed with the matching H5?close when it goes out of scope.
class Id {
 public:
  using Closer = herr_t (*)(hid_t);
  Id() = default;
  Id(hid_t id, Closer closer) noexcept : id_(id), closer_(closer) {}
  ~Id() { reset(); }
  Id(Id&& other) noexcept : id_(other.id_), closer_(other.closer_) { other.id_ = H5I_INVALID_HID; }
  Id& operator=(Id&& other) noexcept;
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;

  hid_t get() const { return id_; }
  bool is_valid() const { return id_ >= 0; }
  /// Closes now. False if HDF5 reported a failure; the id is forgotten either way.
  bool reset() noexcept;
  /// Gives up ownership without closing.
  hid_t release() noexcept {
    const hid_t id = id_;
    id_ = H5I_INVALID_HID;
    return id;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

/// Turns off HDF5's automatic error-stack dump for the calling thread (error stacks are per
/// thread in Debian's thread-safe build), and on the first call in the process, HDF5's atexit
/// cleanup (see hdf5_handle.cpp). Costs one thread_local test after the first call.
void quiet_errors_on_this_thread();

/// HDF5's most specific description of the last failure on this thread; clears the stack.
std::string take_error_reason();

/// Works around an HDF5 1.10 bug (CVE-2020-10812; fixed in 1.14.1 by HDFGroup/hdf5#2496): when
/// H5Fclose fails, because the disk is full say, HDF5 frees the file but keeps its id, and the
/// process later segfaults in HDF5's atexit cleanup. Call this when the file's metadata cannot
/// be flushed: it points the file's descriptor at an anonymous in-memory file, so closing
/// succeeds and frees everything; the file on disk keeps whatever had reached it.
/// Returns false if the swap was impossible (not the sec2 driver, or memfd unavailable).
bool divert_writes_to_memory(hid_t file_id) noexcept;

/// Throws TraceError for `file`: "cannot VERB 'OBJECT': <HDF5's reason>" (no quoted object
/// when `object` is empty).
[[noreturn]] void fail(std::string_view file, std::string_view verb, std::string_view object);

/// Each returns its argument when HDF5 reports success and throws TraceError otherwise. The
/// message is only formatted on failure, so checks are free on the chunk-writing path.
hid_t check_id(hid_t id, std::string_view file, std::string_view verb, std::string_view object);
void check(herr_t status, std::string_view file, std::string_view verb, std::string_view object);
bool check_tri(htri_t answer, std::string_view file, std::string_view verb,
               std::string_view object);

/// The names of the links in a group, in name order; `object` names the group in a failure.
std::vector<std::string> link_names(hid_t group_id, std::string_view file, std::string_view object);

/// Owning wrappers for the common cases; each throws TraceError on failure.
Id property_list(hid_t property_class, std::string_view file);
/// Opens `file` read-only; closing the id closes everything still open in it (strong degree).
Id open_read_only(const std::string& file);
Id utf8_string_type(std::string_view file);  ///< variable-length, UTF-8, NUL-terminated

/// Groups remember the order their members were created in, so a reader (h5py) lists a
/// table's columns in the order written and needs no list of its own. For a group or file
/// creation property list.
void track_link_order(hid_t creation_properties, std::string_view file);

/// Opens the group at absolute `path`, creating it and any missing parents (without
/// modification times, so identical runs write identical objects; with link order tracked).
Id ensure_group(hid_t file_id, std::string_view path, std::string_view file);

/// The group that will hold `path`'s last component, created if missing.
Id ensure_parent_group(hid_t file_id, std::string_view path, std::string_view file);

/// The last component of `path` ("/a/b/c" -> "c").
std::string_view leaf_name(std::string_view path);

/// Throws TraceError unless `path` is absolute, has no empty, "." or ".." components and no
/// trailing slash ("/" itself is allowed when `allow_root`).
void validate_path(std::string_view path, bool allow_root, std::string_view file);

/// Writes a scalar attribute, replacing any attribute of that name (in place when the stored
/// type already matches, so rewriting a flag does not grow the object header).
void write_scalar_attribute(hid_t object_id, std::string_view name, hid_t file_type,
                            hid_t memory_type, const void* value, std::string_view file);
void write_string_attribute(hid_t object_id, std::string_view name, std::string_view value,
                            std::string_view file);

/// The in-memory (native) and in-file (little-endian) HDF5 types of a column element.
hid_t memory_type(ColumnType type);
hid_t file_type(ColumnType type);

/// Dataset creation property list with object time tracking off (see ensure_group).
Id untimed_dataset_properties(std::string_view file);

}  // namespace caseload::io::h5

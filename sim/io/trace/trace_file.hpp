#pragma once
// An HDF5 trace file open for writing: groups by path, scalar attributes, whole string and
// numeric datasets, and the tables of appendable columns it owns. No HDF5 type appears here;
// every failure is a TraceError naming the file and the operation.

#include <concepts>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace caseload::io {

class Table;

/// Integers other than bool, which has its own overload (and a uint8 convention).
template <class T>
concept AttributeInteger = std::integral<T> && !std::same_as<T, bool>;

/// Storage conventions (docs/TRACE_FORMAT.md): strings are variable-length UTF-8, which h5py
/// reads as `str` for attributes and via `.asstr()` for datasets; signed integers are stored as
/// little-endian int64, unsigned as uint64, doubles as IEEE float64, bools as uint8 0 or 1.
/// Paths are absolute ("/treatment/panel"); missing parent groups are created.
/// One thread at a time may use a TraceFile; different files may be written concurrently.
class TraceFile {
 public:
  /// Creates the file at `path`, replacing any file there.
  explicit TraceFile(const std::filesystem::path& path);
  /// Flushes and closes, swallowing errors; call close() first to see them.
  ~TraceFile();
  TraceFile(TraceFile&& other) noexcept;
  TraceFile& operator=(TraceFile&& other) noexcept;
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  const std::filesystem::path& path() const;
  bool is_open() const;

  /// Creates the group and any missing parents; an existing group is fine.
  void create_group(std::string_view group_path);

  /// Scalar attribute on the group or dataset at `object_path` ("/" is the root). Writing a
  /// name again replaces the value.
  void set_attribute(std::string_view object_path, std::string_view name, std::string_view value);
  void set_attribute(std::string_view object_path, std::string_view name, const char* value) {
    set_attribute(object_path, name, std::string_view(value));
  }
  void set_attribute(std::string_view object_path, std::string_view name,
                     const std::string& value) {
    set_attribute(object_path, name, std::string_view(value));
  }
  void set_attribute(std::string_view object_path, std::string_view name, double value);
  /// Stored as uint8 0 or 1 (HDF5 has no bool type).
  void set_attribute(std::string_view object_path, std::string_view name, bool value);
  /// Signed integers are stored as int64, unsigned as uint64.
  template <AttributeInteger Integer>
  void set_attribute(std::string_view object_path, std::string_view name, Integer value) {
    if constexpr (std::is_signed_v<Integer>) {
      set_int64_attribute(object_path, name, static_cast<std::int64_t>(value));
    } else {
      set_uint64_attribute(object_path, name, static_cast<std::uint64_t>(value));
    }
  }

  /// A scalar string dataset (the resolved scenario text, say). Text must hold no NUL byte.
  void write_string(std::string_view dataset_path, std::string_view text);
  /// A 1-D string dataset, one element per entry (group labels, say).
  void write_strings(std::string_view dataset_path, std::span<const std::string> texts);

  /// A small 1-D numeric dataset written whole (contiguous, uncompressed). For long or
  /// growing data use a Table.
  void write_array(std::string_view dataset_path, std::span<const double> values);
  void write_array(std::string_view dataset_path, std::span<const std::int64_t> values);
  void write_array(std::string_view dataset_path, std::span<const std::int32_t> values);
  void write_array(std::string_view dataset_path, std::span<const std::uint32_t> values);
  void write_array(std::string_view dataset_path, std::span<const std::uint8_t> values);

  /// The table of columns in the group at `group_path`, created on first use. The file owns
  /// it: the reference stays valid for the file's lifetime (across moves of the TraceFile).
  Table& add_table(std::string_view group_path);

  /// Throws TraceError naming the first table whose columns differ in length.
  void check_tables() const;

  /// Writes every column's buffered rows and asks HDF5 to write out its caches, so a reader
  /// (or a crash) sees everything appended so far. Costs a chunk compression per column with a
  /// partial tail: flush at checkpoints (a simulated year, say), not per event.
  void flush();
  /// Flushes and closes. The file's tables stay valid objects but refuse further writes.
  /// Closing a closed file does nothing.
  void close();
  /// close() for paths that are already failing (Ctrl-C, an exception in flight): best
  /// effort, never throws, and every HDF5 id is released. False if anything failed.
  bool close_quietly() noexcept;

 private:
  void set_int64_attribute(std::string_view object_path, std::string_view name, std::int64_t value);
  void set_uint64_attribute(std::string_view object_path, std::string_view name,
                            std::uint64_t value);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caseload::io

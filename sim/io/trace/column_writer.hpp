#pragma once
// Appendable typed 1-D columns, and the Table that keeps named columns of equal length in one
// HDF5 group. A column buffers one chunk and writes only whole chunks, so append() is a store
// and a compare; the buffer always holds the dataset's last, possibly partial, chunk.

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caseload::io {

template <class T>
concept ColumnValue =
    std::same_as<T, double> || std::same_as<T, std::int64_t> || std::same_as<T, std::int32_t> ||
    std::same_as<T, std::uint32_t> || std::same_as<T, std::uint8_t>;

/// The stored element type (little-endian in the file whatever the host).
enum class ColumnType : std::uint8_t { Float64, Int64, Int32, UInt32, UInt8 };

template <ColumnValue T>
inline constexpr ColumnType column_type_of = std::same_as<T, double>          ? ColumnType::Float64
                                             : std::same_as<T, std::int64_t>  ? ColumnType::Int64
                                             : std::same_as<T, std::int32_t>  ? ColumnType::Int32
                                             : std::same_as<T, std::uint32_t> ? ColumnType::UInt32
                                                                              : ColumnType::UInt8;

/// Every column of a table is chunked the same way by default, so a row range touches the same
/// chunks in every column. 8192 rows is 64 KiB of doubles.
inline constexpr std::size_t kDefaultChunkRows = 8192;

struct ColumnOptions {
  std::string units;        ///< the `units` attribute, written when not empty
  std::string description;  ///< the `description` attribute, written when not empty
  std::size_t chunk_rows = kDefaultChunkRows;  ///< rows per chunk and per write, 1 to 2^24
  int compression_level = 4;                   ///< deflate level, 1 (fast) to 9 (small)
};

/// The type-independent part of a column: its dataset and which rows are on disk.
class ColumnBase {
 public:
  virtual ~ColumnBase();
  ColumnBase(const ColumnBase&) = delete;
  ColumnBase& operator=(const ColumnBase&) = delete;

  /// Absolute path of the dataset ("/treatment/panel/week").
  const std::string& path() const { return path_; }
  ColumnType type() const { return type_; }
  std::size_t chunk_rows() const { return chunk_rows_; }
  /// Rows appended so far, on disk or buffered.
  std::uint64_t size() const { return chunk_start_ + fill_; }

  /// Writes the buffered tail so readers see every row. The tail stays buffered and is
  /// rewritten whole when its chunk fills, so the file still only receives aligned chunks.
  void flush();

 protected:
  ColumnBase(std::string file_name, std::string path, std::int64_t dataset_id, ColumnType type,
             std::size_t chunk_rows);
  /// First append: adopt the derived class's buffer of chunk_rows() elements.
  void attach_buffer(const void* rows);
  /// Buffer full: write it as one chunk and start the next.
  void spill();

  std::size_t fill_ = 0;      // rows in the buffer
  std::size_t capacity_ = 0;  // 0 until the buffer exists, and again once the file is closed

 private:
  friend class Table;
  void write_buffer();
  void close() noexcept;
  void require_open() const;

  std::string file_name_;
  std::string path_;
  std::int64_t dataset_id_;  // an HDF5 hid_t; negative once closed
  ColumnType type_;
  std::size_t chunk_rows_;
  const void* rows_ = nullptr;
  std::uint64_t chunk_start_ = 0;  // row index of the buffer's first row
  std::size_t written_fill_ = 0;   // buffered rows already on disk (after a flush)
  std::uint64_t extent_ = 0;       // dataset length on disk
};

template <ColumnValue T>
class Column final : public ColumnBase {
 public:
  /// Amortised O(1) and allocation-free after the first call. Throws TraceError only when
  /// writing a full chunk fails (disk full, say), or if the file has been closed.
  void append(T value) {
    if (fill_ == capacity_) [[unlikely]]
      make_room();
    buffer_[fill_++] = value;
  }
  void append(std::span<const T> values) {
    while (!values.empty()) {
      if (fill_ == capacity_) make_room();
      const std::size_t count = std::min(values.size(), capacity_ - fill_);
      std::copy_n(values.data(), count, buffer_.get() + fill_);
      fill_ += count;
      values = values.subspan(count);
    }
  }

 private:
  friend class Table;
  Column(std::string file_name, std::string path, std::int64_t dataset_id, std::size_t chunk_rows)
      : ColumnBase(std::move(file_name), std::move(path), dataset_id, column_type_of<T>,
                   chunk_rows) {}

  void make_room() {
    if (buffer_ == nullptr) {
      buffer_ = std::make_unique_for_overwrite<T[]>(chunk_rows());
      attach_buffer(buffer_.get());
    } else {
      spill();
    }
  }

  std::unique_ptr<T[]> buffer_;
};

/// Named columns in one HDF5 group that must all end the same length: row i of every column
/// describes the same agent or event. The file owns its tables; a table owns its columns.
class Table {
 public:
  ~Table();
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  /// A new column, the dataset `path()/name`. The reference is valid for the file's lifetime.
  template <ColumnValue T>
  Column<T>& add_column(std::string_view name, const ColumnOptions& options = {}) {
    const std::int64_t dataset_id = create_dataset(name, column_type_of<T>, options);
    std::unique_ptr<Column<T>> column(
        new Column<T>(file_name_, column_path(name), dataset_id, options.chunk_rows));
    Column<T>& added = *column;
    columns_.push_back(std::move(column));
    return added;
  }

  /// Absolute path of the group ("/treatment/panel").
  const std::string& path() const { return path_; }
  std::size_t column_count() const { return columns_.size(); }
  /// True when columns differ in length (mid-row, or a writer bug).
  bool is_ragged() const;
  /// The length all columns share; 0 for no columns. Throws TraceError naming the columns
  /// when they differ: a table must end every row in every column.
  std::uint64_t row_count() const;
  void flush();

 private:
  friend class TraceFile;
  Table(std::string file_name, std::string path, std::int64_t group_id);
  std::int64_t create_dataset(std::string_view name, ColumnType type, const ColumnOptions& options);
  std::string column_path(std::string_view name) const;
  void close() noexcept;

  std::string file_name_;
  std::string path_;
  std::int64_t group_id_;  // an HDF5 hid_t; negative once closed
  std::vector<std::unique_ptr<ColumnBase>> columns_;
};

}  // namespace caseload::io

#include "sim/io/config/input_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace caseload::io {

InputFileRead read_input_file(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (error || !std::filesystem::exists(status)) return {std::nullopt, std::strerror(ENOENT)};
  if (std::filesystem::is_directory(status)) return {std::nullopt, std::strerror(EISDIR)};
  if (!std::filesystem::is_regular_file(status)) {
    return {std::nullopt, "not an ordinary file (a device, pipe or socket)"};
  }
  const auto too_large = [](std::uintmax_t size) {
    return fmt::format("{} bytes; a scenario or sweep file may hold at most {}", size,
                       kMaxInputFileBytes);
  };
  const auto size = std::filesystem::file_size(file, error);
  if (!error && size > kMaxInputFileBytes) return {std::nullopt, too_large(size)};
  errno = 0;
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return {std::nullopt, std::strerror(errno != 0 ? errno : EIO)};
  // Read in chunks rather than into a buffer of the largest size allowed: a 16 MB string per
  // file read (its capacity kept after the resize) made every run hold 16 MB per scenario file
  // and include. One byte past the limit tells a file that grew after the size check from one
  // that fits.
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (text.size() <= kMaxInputFileBytes && stream.read(chunk.data(), chunk.size()).gcount() > 0) {
    text.append(chunk.data(), static_cast<std::size_t>(stream.gcount()));
  }
  if (stream.bad()) return {std::nullopt, std::strerror(EIO)};
  if (text.size() > kMaxInputFileBytes) return {std::nullopt, too_large(text.size())};
  return {std::move(text), {}};
}

}  // namespace caseload::io

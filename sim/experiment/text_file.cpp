#include "sim/experiment/text_file.hpp"

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

namespace caseload::experiment {

namespace {

[[noreturn]] void fail(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

}  // namespace

std::optional<std::string> read_text_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  std::ifstream stream(path, std::ios::binary);
  if (!stream) fail(errno != 0 ? errno : EIO, "cannot read '" + path.string() + "'");
  std::string text((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  if (stream.bad()) fail(EIO, "cannot read '" + path.string() + "'");
  return text;
}

}  // namespace caseload::experiment

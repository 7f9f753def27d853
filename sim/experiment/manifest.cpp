#include "sim/experiment/manifest.hpp"

#include <charconv>
#include <cstdint>
#include <fstream>

#include <fmt/format.h>

#include "sim/core/diagnostics.hpp"

namespace caseload::experiment {

namespace {

constexpr std::string_view kMagic = "# caseload manifest 1";
constexpr std::string_view kExperimentPrefix = "# experiment ";
constexpr std::string_view kColumns = "index\tpoint\treplication\tseed\tstatus\tmetrics\tmessage";

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

template <class Number>
bool parse_whole(std::string_view text, Number& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size() && !text.empty();
}

bool parse_double(std::string_view text, double& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size() && !text.empty();
}

class ManifestParser {
 public:
  explicit ManifestParser(const std::string& file) : file_(file) {}

  Manifest parse(std::string_view text) {
    std::vector<std::string_view> lines = split(text, '\n');
    // A last line without its line break: empty for whole text, else cut short by a crash.
    const bool is_last_cut = !lines.empty() && !lines.back().empty();
    lines.pop_back();
    if (lines.size() < 3 || lines[0] != kMagic)
      fail(1, fmt::format("not a caseload manifest (expected '{}')", kMagic));
    if (!lines[1].starts_with(kExperimentPrefix)) fail(2, "expected '# experiment FINGERPRINT'");
    if (lines[2] != kColumns) fail(3, "expected the column names line");
    Manifest manifest;
    manifest.experiment = std::string(lines[1].substr(kExperimentPrefix.size()));
    std::size_t i = 3;
    for (; i < lines.size() && lines[i] != kManifestUpdatesLine; ++i)
      read_run(lines[i], static_cast<int>(i + 1), manifest);
    if (i == lines.size()) {
      if (is_last_cut) fail(static_cast<int>(i + 1), "the file ends in the middle of a line");
      return manifest;
    }
    // Appended lines: each updates a run listed above. Only an append can be cut short.
    for (++i; i < lines.size(); ++i) read_update(lines[i], static_cast<int>(i + 1), manifest);
    return manifest;
  }

 private:
  [[noreturn]] void fail(int line, const std::string& message) const {
    throw core::ConfigError(core::SourceLocation{file_, line, 1}, message);
  }

  void read_run(std::string_view line, int line_number, Manifest& manifest) const {
    std::size_t index = 0;
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() != 7 || !parse_whole(fields[0], index) || index != manifest.runs.size()) {
      if (fields.size() != 7)
        fail(line_number, fmt::format("expected 7 tab-separated fields, got {}", fields.size()));
      fail(line_number,
           fmt::format("expected run index {}, got '{}'", manifest.runs.size(), fields[0]));
    }
    read_fields(fields, line_number, manifest);
  }

  void read_update(std::string_view line, int line_number, Manifest& manifest) const {
    std::size_t index = 0;
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() != 7 || !parse_whole(fields[0], index) || index >= manifest.runs.size()) {
      fail(line_number, fmt::format("expected an update of one of the {} runs listed above",
                                    manifest.runs.size()));
    }
    Manifest one;
    read_fields(fields, line_number, one);
    if (one.runs.front() != manifest.runs[index]) {
      fail(line_number, fmt::format("run {} has another point, replication or seed above", index));
    }
    manifest.outcomes[index] = std::move(one.outcomes.front());
  }

  // Fields 1 to 6 of a run's line, appended to `manifest` as its next run.
  void read_fields(const std::vector<std::string_view>& fields, int line_number,
                   Manifest& manifest) const {
    PlannedRun run;
    if (!parse_whole(fields[1], run.point) || !parse_whole(fields[2], run.replication) ||
        !parse_whole(fields[3], run.seed)) {
      fail(line_number, "point, replication and seed must be whole numbers");
    }
    RunOutcome outcome;
    const auto status = parse_status(fields[4]);
    if (!status)
      fail(line_number, fmt::format("unknown status '{}' (pending, done or failed)", fields[4]));
    outcome.status = *status;
    if (!fields[5].empty()) {
      for (const std::string_view pair : split(fields[5], ';')) {
        const std::size_t equals = pair.find('=');
        MetricValue metric;
        if (equals == std::string_view::npos || equals == 0 ||
            !parse_double(pair.substr(equals + 1), metric.value)) {
          fail(line_number, fmt::format("expected name=value, got '{}'", pair));
        }
        metric.name = std::string(pair.substr(0, equals));
        outcome.metrics.push_back(std::move(metric));
      }
    }
    outcome.message = std::string(fields[6]);
    manifest.runs.push_back(run);
    manifest.outcomes.push_back(std::move(outcome));
  }

  const std::string& file_;
};

}  // namespace

std::string format_manifest_line(std::size_t index, const PlannedRun& run,
                                 const RunOutcome& outcome) {
  std::string metrics;
  for (const auto& metric : outcome.metrics) {
    if (!metrics.empty()) metrics += ';';
    metrics += fmt::format("{}={}", metric.name, metric.value);
  }
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", index, run.point, run.replication, run.seed,
                     status_name(outcome.status), metrics, one_line(outcome.message));
}

std::string format_manifest(const Manifest& manifest) {
  std::string text =
      fmt::format("{}\n{}{}\n{}\n", kMagic, kExperimentPrefix, manifest.experiment, kColumns);
  for (std::size_t i = 0; i < manifest.runs.size(); ++i) {
    text += format_manifest_line(i, manifest.runs[i], manifest.outcomes[i]);
  }
  return text;
}

Manifest parse_manifest(std::string_view text, const std::string& file) {
  return ManifestParser(file).parse(text);
}

bool is_manifest_file(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(file, error))) return false;
  std::ifstream in(file, std::ios::binary);
  std::string first(kMagic.size() + 1, '\0');
  in.read(first.data(), static_cast<std::streamsize>(first.size()));
  first.resize(static_cast<std::size_t>(in.gcount()));
  return first == std::string(kMagic) + "\n";
}

std::string fingerprint(std::string_view description) {
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (const char c : description) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3u;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace caseload::experiment

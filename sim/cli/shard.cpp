#include "sim/cli/shard.hpp"

#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/core/atomic_file.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/experiment/text_file.hpp"

namespace caseload::cli {

namespace {

constexpr std::string_view kMagic = "# caseload shard 1";

template <class Number>
bool parse_number(std::string_view text, Number& out) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size() && !text.empty();
}

}  // namespace

ParsedShard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  ParsedShard parsed;
  if (slash == std::string::npos ||
      !parse_number(std::string_view(text).substr(0, slash), parsed.spec.index) ||
      !parse_number(std::string_view(text).substr(slash + 1), parsed.spec.count) ||
      parsed.spec.count == 0 || parsed.spec.index < 1 || parsed.spec.index > parsed.spec.count) {
    parsed.problem =
        fmt::format("--shard '{}': expected K/N with N >= 1 and K in 1..N (e.g. 2/8)", text);
  }
  return parsed;
}

void write_shard_file(const std::filesystem::path& folder, const ShardFile& shard) {
  std::string text = fmt::format("{}\nshard {}/{}\nexperiment {}\nseed {}\ndirectory {}\n", kMagic,
                                 shard.spec.index, shard.spec.count, shard.experiment, shard.seed,
                                 shard.directory);
  for (const auto& argument : shard.arguments) {
    if (argument.find('\n') != std::string::npos) {
      throw core::ConfigError(core::SourceLocation{argument, 0, 0},
                              "--shard: an argument holding a line break cannot be recorded");
    }
    text += "argument " + argument + "\n";
  }
  core::write_text_atomically(folder / kShardFileName, text);
}

ShardFile read_shard_file(const std::filesystem::path& folder) {
  const std::filesystem::path file = folder / kShardFileName;
  const auto fail = [&](int line, const std::string& message) {
    throw core::ConfigError(core::SourceLocation{file.string(), line, 1}, message);
  };
  const auto text = experiment::read_text_file(file);
  if (!text) {
    fail(0, fmt::format("no {}: '{}' is not the folder of a shard (sweep or compare with "
                        "--shard K/N -o DIR)",
                        kShardFileName, folder.string()));
  }
  ShardFile shard;
  std::size_t start = 0;
  int line_number = 0;
  bool has_spec = false;
  bool has_experiment = false;
  while (start < text->size()) {
    const std::size_t end = text->find('\n', start);
    if (end == std::string::npos) fail(line_number + 1, "the file ends in the middle of a line");
    const std::string_view line = std::string_view(*text).substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line_number == 1) {
      if (line != kMagic) fail(1, fmt::format("not a caseload shard file (expected '{}')", kMagic));
      continue;
    }
    const std::size_t space = line.find(' ');
    const std::string_view key = line.substr(0, space);
    const std::string_view value =
        space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    if (key == "shard") {
      const ParsedShard parsed = parse_shard(std::string(value));
      if (!parsed.problem.empty()) fail(line_number, parsed.problem);
      shard.spec = parsed.spec;
      has_spec = true;
    } else if (key == "experiment") {
      shard.experiment = std::string(value);
      has_experiment = true;
    } else if (key == "seed") {
      if (!parse_number(value, shard.seed)) fail(line_number, "seed must be a whole number");
    } else if (key == "directory") {
      shard.directory = std::string(value);
    } else if (key == "argument") {
      shard.arguments.emplace_back(value);
    } else {
      fail(line_number, fmt::format("unknown key '{}' (shard, experiment, seed, directory, "
                                    "argument)",
                                    key));
    }
  }
  if (!has_spec || !has_experiment || shard.arguments.empty())
    fail(line_number, "incomplete: expected shard, experiment and argument lines");
  return shard;
}

void record_shard(const BatchCommandOptions& options, const std::string& experiment,
                  std::uint64_t seed, std::vector<std::string> arguments) {
  if (!options.traces.empty()) arguments.insert(arguments.end(), {"--traces", options.traces});
  if (!options.max_memory.empty())
    arguments.insert(arguments.end(), {"--max-memory", options.max_memory});
  write_shard_file(options.output, {parse_shard(options.shard).spec, experiment, seed,
                                    std::filesystem::current_path().string(),
                                    std::move(arguments)});
}

std::size_t pending_in_shard(const ShardSpec& spec, const experiment::BatchResult& result) {
  std::size_t pending = 0;
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    if (spec.holds(i) && result.outcomes[i].status == experiment::RunStatus::Pending) ++pending;
  }
  return pending;
}

int report_shard(const std::string& command, const ShardSpec& spec,
                 const experiment::BatchResult& result, const std::string& folder,
                 std::ostream& out, std::ostream& err) {
  std::size_t mine = 0;
  std::size_t failed = 0;
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    if (!spec.holds(i)) continue;
    ++mine;
    if (result.outcomes[i].status == experiment::RunStatus::Failed) ++failed;
  }
  if (const std::size_t pending = pending_in_shard(spec, result); pending > 0) {
    err << fmt::format(
        "caseload {}: shard {}/{} stopped with {} of its {} runs pending; run the same command "
        "with --resume to finish it\n",
        command, spec.index, spec.count, pending, mine);
    return report_interrupted(err);
  }
  out << fmt::format(
      "{} shard {}/{}: {} of {} runs, {} failed; wrote {}/{{{}, {}}}; when every shard is "
      "done: caseload merge -o OUT SHARD_DIR...\n",
      command, spec.index, spec.count, mine, result.outcomes.size(), failed, folder,
      kShardFileName, "manifest.tsv");
  return kExitOk;
}

}  // namespace caseload::cli

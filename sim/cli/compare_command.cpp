// `caseload compare`: two scenarios under common random numbers (issue 6). Arguments are
// parsed now so the interface is fixed; the work is not built yet.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/cli/commands.hpp"

namespace caseload::cli {

namespace {

struct CompareOptions {
  std::string baseline;
  std::string alternative;
  std::uint64_t replications = 20;
  std::uint64_t seed = 1;
  std::vector<std::string> overrides;
  std::string output;
};

}  // namespace

CommandAction add_compare_command(CLI::App& app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand(
      "compare", "Compare two scenarios over paired replications (not built yet)");
  command->add_option("baseline", options->baseline, "Baseline scenario file")
      ->required()
      ->type_name("BASELINE.yaml");
  command->add_option("alternative", options->alternative, "Alternative scenario file")
      ->required()
      ->type_name("ALTERNATIVE.yaml");
  command->add_option("-r,--replications", options->replications, "Paired replications")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000}))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "First seed of the replications")
      ->capture_default_str();
  add_set_option(*command, options->overrides);
  command->add_option("-o,--output", options->output, "Write the comparison here")
      ->type_name("OUT");
  // The options must outlive parsing: CLI11 writes into them after this returns.
  return [options](std::ostream& /*out*/, std::ostream& err) {
    return report_not_built(err, "compare", 6);
  };
}

}  // namespace caseload::cli

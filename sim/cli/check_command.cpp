// `caseload check`: load and validate a scenario (or a sweep file) without running it.

#include "sim/cli/cli.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/memory_estimate.hpp"
#include "sim/io/config/runnable_scenario.hpp"
#include "sim/io/config/sweep_loader.hpp"

namespace caseload::cli {

int execute_check(const CheckOptions& options, std::ostream& out, std::ostream& /*err*/) {
  if (io::looks_like_sweep_file(options.scenario)) return check_sweep(options, out);
  const io::LoadedScenario loaded = io::load_runnable(options.scenario, options.overrides).loaded;
  if (options.print_resolved) {
    out << loaded.resolved_yaml;
  } else {
    out << "ok: " << loaded.scenario.name << '\n';
    out << "estimated peak memory per run: " << describe_estimate(estimate_memory(loaded.scenario)) << '\n';
  }
  return kExitOk;
}

}  // namespace caseload::cli

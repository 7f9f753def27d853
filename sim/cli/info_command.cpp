// `caseload info`: what a trace file holds (issue 5). Arguments are parsed now so the
// interface is fixed; the work is not built yet.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/cli/commands.hpp"

namespace caseload::cli {

CommandAction add_info_command(CLI::App& app) {
  auto trace = std::make_shared<std::string>();
  CLI::App* command =
      app.add_subcommand("info", "Describe a trace file: scenario, seed, tables (not built yet)");
  command->add_option("trace", *trace, "Trace file (HDF5)")->required()->type_name("TRACE.h5");
  // The option must outlive parsing: CLI11 writes into it after this returns.
  return [trace](std::ostream& /*out*/, std::ostream& err) {
    return report_not_built(err, "info", 5);
  };
}

}  // namespace caseload::cli

#include "sim/cli/batch_options.hpp"

namespace caseload::cli {

std::string check_batch_options(const BatchCommandOptions& options) {
  if (options.resume && options.output.empty())
    return "--resume needs -o DIR (the batch to finish)";
  if (options.resume && options.force) return "--resume and --force contradict each other";
  if (options.force && options.output.empty()) return "--force needs -o DIR";
  if (!options.traces.empty() && options.output.empty()) return "--traces needs -o DIR";
  return {};
}

}  // namespace caseload::cli

#include "sim/cli/batch_options.hpp"

#include <fmt/format.h>

#include "sim/cli/memory_estimate.hpp"
#include "sim/cli/mpi_batch.hpp"
#include "sim/cli/shard.hpp"

namespace caseload::cli {

std::string check_batch_options(const BatchCommandOptions& options) {
  if (options.resume && options.output.empty())
    return "--resume needs -o DIR (the batch to finish)";
  if (options.resume && options.force) return "--resume and --force contradict each other";
  if (options.force && options.output.empty()) return "--force needs -o DIR";
  if (!options.traces.empty() && options.output.empty()) return "--traces needs -o DIR";
  if (!options.shard.empty()) {
    if (const std::string problem = parse_shard(options.shard).problem; !problem.empty())
      return problem;
    if (options.output.empty()) return "--shard needs -o DIR (the shard's own folder)";
  }
  if (options.mpi && !has_mpi()) {
    return "--mpi: this caseload was built without MPI (configure with -DCASELOAD_MPI=ON; it "
           "needs an MPI such as Debian's libopenmpi-dev)";
  }
  return {};
}

void refuse_points_too_big(const std::vector<PreparedPoint>& points, const std::string& point_word,
                           const std::string& max_memory) {
  const std::uint64_t cap = memory_cap(max_memory);
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (!points[p].runnable) continue;
    refuse_if_too_big(points[p].runnable->loaded.scenario, cap,
                      fmt::format("{} {} ({})", point_word, p, points[p].file.string()));
  }
}

}  // namespace caseload::cli

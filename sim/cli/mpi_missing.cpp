// A build without MPI: --mpi is refused by check_batch_options (exit 2, naming CASELOAD_MPI),
// so nothing here is reached with --mpi set.

#include "sim/cli/mpi_batch.hpp"

namespace caseload::cli {

bool has_mpi() { return false; }

int mpi_rank() { return 0; }

bool is_mpi_worker(const BatchCommandOptions& /*options*/) { return false; }

experiment::BatchResult run_batch_on_ranks(const std::vector<experiment::PlannedRun>& plan,
                                           const experiment::RunFunction& run,
                                           const experiment::BatchOptions& options) {
  return experiment::run_batch(plan, run, options);
}

}  // namespace caseload::cli

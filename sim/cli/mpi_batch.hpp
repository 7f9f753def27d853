#pragma once
// `--mpi`: a batch's runs spread over the ranks of an MPI job started by mpirun. Every rank
// loads the same command; rank 0 alone owns the output folder and runs experiment::run_batch
// (same manifest, resume, run records and summary writer as -j), handing each run index to
// the next free rank and storing the result it sends back at that index. Built from
// mpi_batch.cpp with CASELOAD_MPI, from mpi_missing.cpp without it.

#include <vector>

#include "sim/cli/batch_runner.hpp"
#include "sim/experiment/batch.hpp"

namespace caseload::cli {

/// True when this build has --mpi (CMake option CASELOAD_MPI).
bool has_mpi();

/// This process's rank in the MPI job, joining it on the first call (MPI_Finalize then runs
/// at exit, after rank 0 has released any worker still waiting). 0 without MPI.
int mpi_rank();

/// True for ranks other than 0 of an --mpi batch: they run what rank 0 sends and write no
/// output of their own.
bool is_mpi_worker(const BatchCommandOptions& options);

/// On rank 0, run_batch with one slot per rank: rank 0 runs runs itself too, and each other
/// rank runs one at a time. On the other ranks, runs what rank 0 sends with `run` (as a -j
/// thread would, through experiment::run_guarded) until it says stop; their result is empty.
experiment::BatchResult run_batch_on_ranks(const std::vector<experiment::PlannedRun>& plan,
                                           const experiment::RunFunction& run,
                                           const experiment::BatchOptions& options);

}  // namespace caseload::cli

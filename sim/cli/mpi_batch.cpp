#include "sim/cli/mpi_batch.hpp"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <mpi.h>

#include "sim/experiment/manifest.hpp"

namespace caseload::cli {

namespace {

enum Tag : int { kWork = 1, kStop = 2, kResult = 3 };

// Every MPI call on rank 0 holds this: its collecting threads take turns, so the job needs
// only MPI_THREAD_SERIALIZED, which every MPI offers.
std::mutex mpi_calls;

int joined_rank = -1;
int joined_size = 0;
bool are_workers_released = false;

void check(int code, const char* call) {
  if (code != MPI_SUCCESS) throw std::runtime_error(fmt::format("MPI: {} failed ({})", call, code));
}

// Rank 0 sends stop to every worker once: after its batch, or on the way out after an error
// before the batch (a resume of another experiment, say), so no worker waits for ever.
void release_workers() {
  std::lock_guard lock(mpi_calls);
  if (joined_rank != 0 || are_workers_released) return;
  are_workers_released = true;
  for (int rank = 1; rank < joined_size; ++rank)
    MPI_Send(nullptr, 0, MPI_CHAR, rank, kStop, MPI_COMM_WORLD);
}

void leave_job() {
  release_workers();
  MPI_Finalize();
}

// A result as the manifest writes it (one run's manifest, metrics in shortest round-trip
// form), so rank 0 reads back the same doubles bit for bit.
std::string encode(const experiment::PlannedRun& planned, const experiment::RunOutcome& outcome) {
  return experiment::format_manifest({"mpi", {planned}, {outcome}});
}

experiment::RunOutcome decode(const std::string& text, int rank) {
  return experiment::parse_manifest(text, fmt::format("(result from MPI rank {})", rank))
      .outcomes.front();
}

experiment::BatchResult serve(const std::vector<experiment::PlannedRun>& plan,
                              const experiment::RunFunction& run,
                              const experiment::BatchOptions& options) {
  const model::StopRequested stop = options.stop ? options.stop : [] { return false; };
  while (true) {
    std::uint64_t index = 0;
    MPI_Status status;
    check(MPI_Recv(&index, 1, MPI_UINT64_T, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status), "MPI_Recv");
    if (status.MPI_TAG == kStop) return {};
    if (index >= plan.size()) throw std::runtime_error("MPI: rank 0 sent a run index out of range");
    const experiment::RunOutcome outcome =
        experiment::run_guarded(run, index, plan[index], stop);
    const std::string text = encode(plan[index], outcome);
    check(MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, kResult,
                   MPI_COMM_WORLD),
          "MPI_Send");
  }
}

// Runs `index` on worker `rank` and waits for its result, polling so the other collecting
// threads get their turn at MPI between polls.
experiment::RunOutcome run_remote(int rank, std::size_t index) {
  {
    std::lock_guard lock(mpi_calls);
    const std::uint64_t sent = index;
    check(MPI_Send(&sent, 1, MPI_UINT64_T, rank, kWork, MPI_COMM_WORLD), "MPI_Send");
  }
  while (true) {
    {
      std::lock_guard lock(mpi_calls);
      int has_result = 0;
      MPI_Status status;
      check(MPI_Iprobe(rank, kResult, MPI_COMM_WORLD, &has_result, &status), "MPI_Iprobe");
      if (has_result != 0) {
        int length = 0;
        check(MPI_Get_count(&status, MPI_CHAR, &length), "MPI_Get_count");
        std::string text(static_cast<std::size_t>(length), '\0');
        check(MPI_Recv(text.data(), length, MPI_CHAR, rank, kResult, MPI_COMM_WORLD,
                       MPI_STATUS_IGNORE),
              "MPI_Recv");
        return decode(text, rank);
      }
    }
    // Runs take seconds; a millisecond's delay in collecting one costs nothing, and keeps
    // rank 0's waiting threads off the core its own runs use.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

bool has_mpi() { return true; }

int mpi_rank() {
  if (joined_rank >= 0) return joined_rank;
  int provided = 0;
  check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided), "MPI_Init_thread");
  if (provided < MPI_THREAD_SERIALIZED)
    throw std::runtime_error("MPI: this MPI does not offer MPI_THREAD_SERIALIZED");
  check(MPI_Comm_rank(MPI_COMM_WORLD, &joined_rank), "MPI_Comm_rank");
  check(MPI_Comm_size(MPI_COMM_WORLD, &joined_size), "MPI_Comm_size");
  std::atexit(leave_job);
  return joined_rank;
}

bool is_mpi_worker(const BatchCommandOptions& options) { return options.mpi && mpi_rank() != 0; }

experiment::BatchResult run_batch_on_ranks(const std::vector<experiment::PlannedRun>& plan,
                                           const experiment::RunFunction& run,
                                           const experiment::BatchOptions& options) {
  if (mpi_rank() != 0) return serve(plan, run, options);
  // Slot 0 is rank 0 itself; slot s > 0 is rank s. One thread per slot, so a task always
  // finds one free.
  std::mutex slots_mutex;
  std::vector<bool> is_busy(static_cast<std::size_t>(joined_size), false);
  const experiment::RunFunction dispatch = [&](std::size_t index,
                                               const experiment::PlannedRun& planned,
                                               const model::StopRequested& stop) {
    std::size_t slot = 0;
    {
      std::lock_guard lock(slots_mutex);
      while (is_busy[slot]) ++slot;
      is_busy[slot] = true;
    }
    struct Release {
      std::mutex& mutex;
      std::vector<bool>& busy;
      std::size_t slot;
      ~Release() {
        std::lock_guard lock(mutex);
        busy[slot] = false;
      }
    } release{slots_mutex, is_busy, slot};
    if (slot == 0) return run(index, planned, stop);
    return run_remote(static_cast<int>(slot), index);
  };
  experiment::BatchOptions on_ranks = options;
  on_ranks.threads = static_cast<unsigned>(joined_size);
  experiment::BatchResult result = experiment::run_batch(plan, dispatch, on_ranks);
  release_workers();
  return result;
}

}  // namespace caseload::cli

#pragma once
// The seed of one run of an experiment, derived from (experiment seed, point, replication) by
// one Philox4x32 block, so every run's luck is fixed by the triple alone: replication r of
// every arm or point gets the same seed (common random numbers), whatever ran before it.

#include <cstdint>

namespace caseload::experiment {

/// Largest seed derived: 52 bits, so it fits the scenario schema's `run.seed` (whole numbers
/// up to 9e15, exact in a double) and prints the same in every output.
inline constexpr std::uint64_t kMaxRunSeed = (std::uint64_t{1} << 52) - 1;

/// The low 52 bits of the first two words of Philox4x32 with key = `experiment_seed` (low
/// word, high word) and counter = (point, replication, 0x5EED, 0). Points and replications
/// above 2^32 - 1 are not supported (asserted).
std::uint64_t derive_run_seed(std::uint64_t experiment_seed, std::uint64_t point,
                              std::uint64_t replication);

}  // namespace caseload::experiment

#include "sim/experiment/run_seed.hpp"

#include <Random123/philox.h>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

std::uint64_t derive_run_seed(std::uint64_t experiment_seed, std::uint64_t point,
                              std::uint64_t replication) {
  CASELOAD_ASSERT(point <= 0xFFFF'FFFFu && replication <= 0xFFFF'FFFFu,
                  "point and replication must fit in 32 bits");
  const r123::Philox4x32::key_type key{{static_cast<std::uint32_t>(experiment_seed),
                                        static_cast<std::uint32_t>(experiment_seed >> 32)}};
  // A fixed third word marks the counter as a run-seed derivation, should the experiment
  // seed ever key another stream too.
  const r123::Philox4x32::ctr_type counter{
      {static_cast<std::uint32_t>(point), static_cast<std::uint32_t>(replication), 0x5EEDu, 0u}};
  const auto out = r123::Philox4x32{}(counter, key);
  const std::uint64_t bits = (std::uint64_t{out[1]} << 32) | out[0];
  return bits & kMaxRunSeed;
}

}  // namespace caseload::experiment

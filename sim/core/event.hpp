#pragma once
// A pending event: plain data, so queues move it cheaply and allocate nothing per event.
// `sequence` is assigned at scheduling and breaks ties, so events at equal times run in the
// order they were scheduled and a run is reproducible from its seed alone.

#include <cstdint>

#include "sim/core/time.hpp"

namespace caseload::core {

struct Event {
  Days time = 0.0;
  std::uint64_t sequence = 0;
  std::uint32_t kind = 0;     ///< what happens; the model's EventKind
  std::uint32_t subject = 0;  ///< the entity it happens to (a row id)
  std::uint32_t detail = 0;   ///< a second id or a small argument, by kind
};

/// True when `a` must run before `b`.
constexpr bool runs_before(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time < b.time;
  return a.sequence < b.sequence;
}

}  // namespace caseload::core

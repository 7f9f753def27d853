#pragma once
// The run loop: holds the clock and the pending events, and hands each event to a handler in
// (time, scheduling order). Handlers schedule further events. The stop time is exclusive:
// events at or after it stay pending, so a run can be continued.

#include <cstdint>

#include "sim/core/assert.hpp"
#include "sim/core/event_queue.hpp"

namespace caseload::core {

struct RunStats {
  std::uint64_t events_handled = 0;
  bool stopped_early = false;  ///< a handler called request_stop()
};

template <EventQueue Queue = HeapEventQueue>
class Scheduler {
 public:
  Days now() const { return now_; }
  std::size_t pending() const { return queue_.size(); }
  /// A pending event some places ahead, if the queue can tell cheaply (a prefetching hint).
  const Event* upcoming(std::size_t ahead) const {
    if constexpr (requires { queue_.upcoming(ahead); }) {
      return queue_.upcoming(ahead);
    } else {
      return nullptr;
    }
  }
  void reserve(std::size_t capacity) { queue_.reserve(capacity); }

  /// Schedules an event; `at` must not lie in the past.
  void schedule(Days at, std::uint32_t kind, std::uint32_t subject, std::uint32_t detail = 0) {
    CASELOAD_ASSERT(at >= now_, "event scheduled in the past");
    queue_.push(Event{at, next_sequence_++, kind, subject, detail});
  }

  /// Asks the loop to return after the current event.
  void request_stop() { stop_requested_ = true; }

  /// Runs events with time < stop, in order; afterwards now() == stop unless stopped early.
  /// `handle(const Event&)` is called once per event.
  template <class Handler>
  RunStats run_until(Days stop, Handler&& handle) {
    RunStats stats;
    stop_requested_ = false;
    while (!queue_.empty() && queue_.top().time < stop) {
      const Event event = queue_.pop();
      now_ = event.time;
      handle(event);
      ++stats.events_handled;
      if (stop_requested_) {
        stats.stopped_early = true;
        return stats;
      }
    }
    if (stop > now_) now_ = stop;
    return stats;
  }

 private:
  Queue queue_;
  Days now_ = 0.0;
  std::uint64_t next_sequence_ = 0;
  bool stop_requested_ = false;
};

}  // namespace caseload::core

#include "sim/core/event_queue.hpp"

#include "sim/core/assert.hpp"

namespace caseload::core {

namespace {
constexpr std::size_t arity = 4;
}

void HeapEventQueue::push(const Event& event) {
  heap_.push_back(event);
  std::size_t child = heap_.size() - 1;
  while (child > 0) {
    const std::size_t parent = (child - 1) / arity;
    if (!runs_before(event, heap_[parent])) break;
    heap_[child] = heap_[parent];
    child = parent;
  }
  heap_[child] = event;
}

Event HeapEventQueue::pop() {
  CASELOAD_ASSERT(!heap_.empty(), "pop from an empty event queue");
  const Event first = heap_.front();
  const Event last = heap_.back();
  heap_.pop_back();
  const std::size_t count = heap_.size();
  if (count == 0) return first;
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first_child = hole * arity + 1;
    if (first_child >= count) break;
    const std::size_t end_child = first_child + arity < count ? first_child + arity : count;
    std::size_t best = first_child;
    for (std::size_t c = first_child + 1; c < end_child; ++c) {
      if (runs_before(heap_[c], heap_[best])) best = c;
    }
    if (!runs_before(heap_[best], last)) break;
    heap_[hole] = heap_[best];
    hole = best;
  }
  heap_[hole] = last;
  return first;
}

}  // namespace caseload::core

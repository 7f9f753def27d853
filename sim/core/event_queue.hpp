#pragma once
// What the scheduler needs of a priority queue of events, and the default implementation:
// a 4-ary implicit heap ordered by (time, sequence). A faster structure (a calendar queue
// exploiting whole-day times, say) only has to satisfy the EventQueue concept.

#include <concepts>
#include <cstddef>
#include <vector>

#include "sim/core/event.hpp"

namespace caseload::core {

template <class Queue>
concept EventQueue = requires(Queue queue, const Queue& view, const Event& event) {
  { queue.push(event) };
  { queue.pop() } -> std::same_as<Event>;
  { view.top() } -> std::same_as<const Event&>;
  { view.empty() } -> std::same_as<bool>;
  { view.size() } -> std::same_as<std::size_t>;
  { queue.reserve(std::size_t{}) };
  { queue.clear() };
};

/// 4-ary min-heap: shallower than a binary heap, and its children share a cache line.
class HeapEventQueue {
 public:
  void push(const Event& event);
  Event pop();  ///< precondition: not empty
  const Event& top() const { return heap_.front(); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t capacity) { heap_.reserve(capacity); }
  void clear() { heap_.clear(); }

 private:
  std::vector<Event> heap_;
};

static_assert(EventQueue<HeapEventQueue>);

}  // namespace caseload::core

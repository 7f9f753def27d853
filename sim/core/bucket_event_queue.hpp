#pragma once
// A calendar queue with one bucket per whole day, for a model whose events mostly fall a few
// days or weeks ahead. Pops in exactly the (time, sequence) order of HeapEventQueue.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/core/event.hpp"
#include "sim/core/event_queue.hpp"

namespace caseload::core {

/// Three tiers, by whole day d = floor(time):
/// - today: every event with d <= current day, as a sorted run (the day's bucket, sorted once
///   when the day begins) plus a heap for events pushed during the day;
/// - a ring of `calendar_days` unsorted buckets for days current+1 .. current+calendar_days-1;
/// - a heap for anything further ahead, moved into the ring as the calendar reaches it.
/// Whenever the queue is not empty, today holds at least one event, so top() is cheap.
/// A spent day's storage goes to a pool of spares: a bucket within a month takes the roomiest
/// when it fills, a day further ahead only a small one. So a run in steady state allocates
/// almost nothing, and memory follows the events pending, not the ring's size times the busiest
/// day (which, with every bucket keeping its capacity, was gigabytes for a national network).
class BucketEventQueue {
 public:
  static constexpr std::size_t default_calendar_days = 1024;

  BucketEventQueue() : BucketEventQueue(default_calendar_days) {}
  /// `calendar_days` is rounded up to a power of two (at least 2).
  explicit BucketEventQueue(std::size_t calendar_days);

  void push(const Event& event);
  Event pop();  ///< precondition: not empty
  const Event& top() const { return run_is_next() ? run_[cursor_] : today_.top(); }
  bool empty() const { return size_ == 0; }
  /// An event `ahead` places on in today's sorted run, or nullptr: a hint for prefetching what
  /// its handler will read (an event pushed for today since may run before it).
  const Event* upcoming(std::size_t ahead) const {
    return cursor_ + ahead < run_.size() ? &run_[cursor_ + ahead] : nullptr;
  }
  std::size_t size() const { return size_; }
  /// Sizes the far-future heap; day buckets take storage from the spares or grow on demand.
  void reserve(std::size_t capacity) { far_.reserve(capacity); }
  void clear();

  std::size_t calendar_days() const { return buckets_.size(); }
  /// Events the day storage (today's run, the ring, the spares) has room for: what it costs
  /// in memory, which should follow the events pending, not the calendar's length.
  std::size_t reserved_events() const;

 private:
  bool run_is_next() const {
    return cursor_ < run_.size() && (today_.empty() || runs_before(run_[cursor_], today_.top()));
  }
  std::vector<Event>& bucket_of(std::int64_t day) {
    return buckets_[static_cast<std::size_t>(day) & mask_];
  }
  /// Appends to a ring bucket, moving a full or empty one into a spare first (see the class).
  void push_to_bucket(std::int64_t day, const Event& event);
  /// Moves to the next day that has events; precondition: today is drained, size_ > 0.
  void advance();

  std::vector<Event> run_;  // today's bucket, sorted; run_[cursor_..] still pending
  std::size_t cursor_ = 0;
  HeapEventQueue today_;  // pushed for a day <= current_day_ after that day began
  std::vector<std::vector<Event>> buckets_;
  std::vector<std::vector<Event>> spares_;  // emptied storage, handed to buckets that fill
  std::size_t mask_ = 0;
  std::size_t in_ring_ = 0;  // events in buckets_
  HeapEventQueue far_;       // days >= current_day_ + calendar_days at the time of push
  std::int64_t current_day_ = 0;
  std::size_t size_ = 0;
};

static_assert(EventQueue<BucketEventQueue>);

}  // namespace caseload::core

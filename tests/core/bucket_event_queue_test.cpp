#include "sim/core/bucket_event_queue.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/event_queue.hpp"
#include "sim/core/random_stream.hpp"
#include "sim/core/scheduler.hpp"

namespace caseload::core {
namespace {

void expect_same_event(const Event& bucket, const Event& heap, std::size_t step) {
  ASSERT_EQ(bucket.sequence, heap.sequence) << "step " << step;
  ASSERT_EQ(bucket.time, heap.time) << "step " << step;
  ASSERT_EQ(bucket.kind, heap.kind) << "step " << step;
  ASSERT_EQ(bucket.subject, heap.subject) << "step " << step;
  ASSERT_EQ(bucket.detail, heap.detail) << "step " << step;
}

/// Drives both queues with the same operations and checks they agree at every step.
class Twin {
 public:
  explicit Twin(std::size_t calendar_days) : bucket_(calendar_days) {}

  void push(Days time, std::uint32_t subject = 0) {
    const Event event{time, sequence_++, subject % 7u, subject, subject ^ 0x5a5au};
    bucket_.push(event);
    heap_.push(event);
    ASSERT_EQ(bucket_.size(), heap_.size());
  }

  Event pop() {
    const std::size_t step = steps_++;
    EXPECT_FALSE(bucket_.empty());
    expect_same_event(bucket_.top(), heap_.top(), step);
    const Event from_bucket = bucket_.pop();
    const Event from_heap = heap_.pop();
    expect_same_event(from_bucket, from_heap, step);
    EXPECT_EQ(bucket_.size(), heap_.size());
    EXPECT_EQ(bucket_.empty(), heap_.empty());
    return from_heap;
  }

  void drain() {
    while (!heap_.empty()) pop();
    EXPECT_TRUE(bucket_.empty());
  }

  std::size_t size() const { return heap_.size(); }
  BucketEventQueue& bucket() { return bucket_; }
  HeapEventQueue& heap() { return heap_; }

 private:
  BucketEventQueue bucket_;
  HeapEventQueue heap_;
  std::uint64_t sequence_ = 0;
  std::size_t steps_ = 0;
};

class BucketEventQueueMatchesHeap : public ::testing::TestWithParam<std::size_t> {};

// Calendars of 2 and 8 days push most events through the far-future heap and its migration;
// the default calendar keeps nearly all of them in day buckets.
INSTANTIATE_TEST_SUITE_P(CalendarDays, BucketEventQueueMatchesHeap,
                         ::testing::Values(2, 8, BucketEventQueue::default_calendar_days));

TEST_P(BucketEventQueueMatchesHeap, OnAModelLikeWorkload) {
  // As the scheduler uses a queue: every push lies at or after the last popped time. Mostly
  // whole days ahead (ties on a day are common), some fractional, some a few years ahead.
  RandomStream random(StreamKey{7, 0, 0, 1, static_cast<std::uint32_t>(GetParam())});
  Twin twin(GetParam());
  for (std::uint32_t i = 0; i < 2000; ++i) twin.push(static_cast<double>(random() % 60u), i);
  for (std::uint32_t step = 0; step < 50'000; ++step) {
    const Event popped = twin.pop();
    const int pushes = twin.size() < 1000 ? 2 : static_cast<int>(random() % 2u);
    for (int k = 0; k < pushes; ++k) {
      const double u = random.uniform01();
      Days time = popped.time;
      if (u < 0.6) {
        time = std::floor(popped.time) + static_cast<double>(random() % 30u);  // whole days
      } else if (u < 0.7) {
        time = popped.time;  // same instant: order by sequence
      } else if (u < 0.95) {
        time = popped.time + 90.0 * random.uniform01();  // fractional
      } else {
        time = popped.time + 500.0 + static_cast<double>(random() % 3000u);  // far ahead
      }
      if (time < popped.time) time = popped.time;
      twin.push(time, step);
    }
  }
  twin.drain();
}

TEST_P(BucketEventQueueMatchesHeap, OnAGeneralWorkloadWithPastAndExtremeTimes) {
  // Not how the scheduler uses it, but a priority queue must not care: pushes earlier than
  // the current minimum, negative and enormous times, infinity, and runs that empty the queue.
  RandomStream random(StreamKey{8, 0, 0, 2, static_cast<std::uint32_t>(GetParam())});
  Twin twin(GetParam());
  const std::vector<Days> extremes{-1e18,  -3.5,   1e9,   1e18,
                                   0x1p62, 0x1p63, 1e300, std::numeric_limits<double>::infinity()};
  for (std::uint32_t step = 0; step < 60'000; ++step) {
    const double u = random.uniform01();
    if (twin.size() > 0 && (u < 0.45 || twin.size() > 3000)) {
      twin.pop();
      continue;
    }
    Days time = 0.0;
    const double v = random.uniform01();
    if (v < 0.5) {
      time = static_cast<double>(random() % 200u);  // whole days, many ties
    } else if (v < 0.8) {
      time = 200.0 * random.uniform01();
    } else if (v < 0.97) {
      time = static_cast<double>(random() % 20'000u) * 0.5;
    } else {
      time = extremes[random() % extremes.size()];
    }
    twin.push(time, step);
    if (step % 9973 == 0) twin.drain();  // restart from empty at an arbitrary day
  }
  twin.drain();
}

TEST(BucketEventQueue, EqualTimesPopInSequenceOrder) {
  BucketEventQueue queue;
  for (std::uint64_t sequence : {4u, 0u, 3u, 1u, 2u}) queue.push(Event{2.0, sequence, 0, 0, 0});
  for (std::uint64_t expected = 0; expected < 5; ++expected) {
    EXPECT_EQ(queue.pop().sequence, expected);
  }
}

TEST(BucketEventQueue, FractionalTimesWithinADayPopInTimeOrder) {
  BucketEventQueue queue;
  queue.push(Event{3.75, 0, 0, 0, 0});
  queue.push(Event{3.25, 1, 0, 0, 0});
  queue.push(Event{3.0, 2, 0, 0, 0});
  queue.push(Event{2.999, 3, 0, 0, 0});
  EXPECT_EQ(queue.pop().time, 2.999);
  EXPECT_EQ(queue.pop().time, 3.0);
  queue.push(Event{3.5, 4, 0, 0, 0});  // pushed after day 3 began
  EXPECT_EQ(queue.pop().time, 3.25);
  EXPECT_EQ(queue.pop().time, 3.5);
  EXPECT_EQ(queue.pop().time, 3.75);
  EXPECT_TRUE(queue.empty());
}

TEST(BucketEventQueue, FarFutureEventsComeBackInOrder) {
  BucketEventQueue queue(4);
  queue.push(Event{1000.5, 0, 0, 0, 0});
  queue.push(Event{1.0, 1, 0, 0, 0});
  queue.push(Event{1000.25, 2, 0, 0, 0});
  queue.push(Event{3.0, 3, 0, 0, 0});
  queue.push(Event{1002.0, 4, 0, 0, 0});
  std::vector<Days> times;
  while (!queue.empty()) times.push_back(queue.pop().time);
  EXPECT_EQ(times, (std::vector<Days>{1.0, 3.0, 1000.25, 1000.5, 1002.0}));
}

TEST(BucketEventQueue, ClearEmptiesAndTheQueueIsReusable) {
  BucketEventQueue queue(8);
  for (std::uint64_t i = 0; i < 100; ++i) {
    queue.push(Event{static_cast<double>(i * 3), i, 0, 0, 0});
  }
  queue.pop();
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
  queue.push(Event{5.0, 0, 0, 0, 0});
  queue.push(Event{2.0, 1, 0, 0, 0});
  EXPECT_EQ(queue.pop().time, 2.0);
  EXPECT_EQ(queue.pop().time, 5.0);
  EXPECT_TRUE(queue.empty());
}

TEST(BucketEventQueue, CalendarDaysRoundUpToAPowerOfTwo) {
  EXPECT_EQ(BucketEventQueue(0).calendar_days(), 2u);
  EXPECT_EQ(BucketEventQueue(5).calendar_days(), 8u);
  EXPECT_EQ(BucketEventQueue(1024).calendar_days(), 1024u);
  EXPECT_EQ(BucketEventQueue().calendar_days(), BucketEventQueue::default_calendar_days);
}

// --- in the scheduler -----------------------------------------------------------------------

// A model's pattern: a busy stream of events a few days ahead (fortnightly reviews of a large
// caseload) and a trickle of strays years ahead (a job's separation). When every bucket kept its
// capacity, the busy days' storage spread round the whole calendar: memory grew to the calendar's
// length times the busiest day (gigabytes for a national network) instead of following the
// events pending. Storage must stay within a small multiple of the events pending.
TEST(BucketEventQueue, StorageFollowsTheEventsPendingNotTheCalendar) {
  BucketEventQueue queue;
  RandomStream stream(StreamKey{7, 0, 0, 3, 0});
  constexpr int busy_per_day = 2000;
  std::uint64_t sequence = 0;
  for (int i = 0; i < 14 * busy_per_day; ++i) {
    queue.push(Event{1.0 + static_cast<Days>(i % 14) + 0.5 * stream.uniform01(), sequence++, 0, 0, 0});
  }
  std::size_t most_pending = 0;
  for (int day = 0; day < 3 * 365; ++day) {
    // Each handled review books the next a fortnight on; one in fifty books a stray far ahead.
    while (!queue.empty() && queue.top().time < static_cast<Days>(day + 1)) {
      const Event event = queue.pop();
      if (event.kind == 1) continue;
      queue.push(Event{event.time + 14.0, sequence++, 0, 0, 0});
      if (sequence % 50 == 0) queue.push(Event{event.time + 30.0 + 900.0 * stream.uniform01(), sequence++, 1, 0, 0});
    }
    most_pending = std::max(most_pending, queue.size());
  }
  EXPECT_LE(queue.reserved_events(), 4 * most_pending)
      << "day storage holds room for " << queue.reserved_events() << " events, with at most " << most_pending
      << " pending";
}

TEST(SchedulerWithBucketQueue, EqualTimesRunInSchedulingOrderAndStopIsExclusive) {
  Scheduler<BucketEventQueue> scheduler;
  for (std::uint32_t i = 0; i < 100; ++i) scheduler.schedule(7.0, 0, i);
  scheduler.schedule(1.5, 0, 1000);
  scheduler.schedule(14.0, 0, 2000);
  std::vector<std::uint32_t> order;
  const RunStats stats =
      scheduler.run_until(14.0, [&](const Event& event) { order.push_back(event.subject); });
  EXPECT_EQ(stats.events_handled, 101u);
  ASSERT_EQ(order.size(), 101u);
  EXPECT_EQ(order.front(), 1000u);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(order[i + 1], i);
  EXPECT_EQ(scheduler.pending(), 1u);
  EXPECT_DOUBLE_EQ(scheduler.now(), 14.0);
}

/// A toy model: each entity reschedules itself at whole-day or fractional intervals, drawn
/// from its own stream, and sometimes spawns a far-future event. Returns the handled trace.
template <class Queue>
std::vector<Event> run_toy_model() {
  Scheduler<Queue> scheduler;
  std::vector<RandomStream> streams;
  for (std::uint32_t entity = 0; entity < 300; ++entity) {
    streams.emplace_back(StreamKey{11, 1, entity, 1, 0});
    scheduler.schedule(static_cast<double>(entity % 14), 0, entity);
  }
  std::vector<Event> trace;
  scheduler.run_until(3 * 365.0, [&](const Event& event) {
    trace.push_back(event);
    RandomStream& random = streams[event.subject];
    const double u = random.uniform01();
    const Days step = u < 0.7 ? static_cast<double>(1 + random() % 28u) : 10.0 * u;
    scheduler.schedule(event.time + step, event.kind, event.subject);
    if (u > 0.99) scheduler.schedule(event.time + 800.0, 1, event.subject);
  });
  return trace;
}

TEST(SchedulerWithBucketQueue, HandlesTheSameEventsInTheSameOrderAsWithTheHeap) {
  const auto with_heap = run_toy_model<HeapEventQueue>();
  const auto with_buckets = run_toy_model<BucketEventQueue>();
  ASSERT_EQ(with_buckets.size(), with_heap.size());
  ASSERT_GT(with_heap.size(), 10'000u);
  for (std::size_t i = 0; i < with_heap.size(); ++i) {
    expect_same_event(with_buckets[i], with_heap[i], i);
  }
}

}  // namespace
}  // namespace caseload::core

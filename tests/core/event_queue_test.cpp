#include "sim/core/event_queue.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/random_stream.hpp"

namespace caseload::core {
namespace {

Event make_event(Days time, std::uint64_t sequence, std::uint32_t subject = 0) {
  return Event{time, sequence, 0, subject, 0};
}

std::vector<Event> drain(HeapEventQueue& queue) {
  std::vector<Event> out;
  while (!queue.empty()) out.push_back(queue.pop());
  return out;
}

TEST(HeapEventQueue, PopsInTimeOrder) {
  HeapEventQueue queue;
  const std::vector<Days> times{5.0, 1.5, 9.0, 0.0, 3.25, 7.0, 2.0};
  std::uint64_t sequence = 0;
  for (Days time : times) queue.push(make_event(time, sequence++));
  std::vector<Days> popped;
  for (const Event& event : drain(queue)) popped.push_back(event.time);
  std::vector<Days> expected = times;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(popped, expected);
}

TEST(HeapEventQueue, EqualTimesPopInSequenceOrderWhateverThePushOrder) {
  HeapEventQueue queue;
  for (std::uint64_t sequence : {4u, 0u, 3u, 1u, 2u}) queue.push(make_event(2.0, sequence));
  std::vector<std::uint64_t> popped;
  for (const Event& event : drain(queue)) popped.push_back(event.sequence);
  EXPECT_EQ(popped, (std::vector<std::uint64_t>{0, 1, 2, 3, 4}));
}

TEST(HeapEventQueue, TiesPopInInsertionOrder) {
  // As the scheduler uses it: sequence numbers are handed out in push order.
  HeapEventQueue queue;
  for (std::uint32_t i = 0; i < 1000; ++i) queue.push(make_event(1.0, i, i));
  queue.push(make_event(0.5, 1000, 1000));
  EXPECT_EQ(queue.pop().subject, 1000u);
  for (std::uint32_t i = 0; i < 1000; ++i) EXPECT_EQ(queue.pop().subject, i);
}

TEST(HeapEventQueue, TopIsTheNextToPopAndSizeCounts) {
  HeapEventQueue queue;
  EXPECT_TRUE(queue.empty());
  queue.push(make_event(3.0, 0, 30));
  queue.push(make_event(1.0, 1, 10));
  queue.push(make_event(2.0, 2, 20));
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.top().subject, 10u);
  EXPECT_EQ(queue.pop().subject, 10u);
  EXPECT_EQ(queue.top().subject, 20u);
  EXPECT_EQ(queue.size(), 2u);
  queue.clear();
  EXPECT_TRUE(queue.empty());
  EXPECT_EQ(queue.size(), 0u);
}

TEST(HeapEventQueue, CarriesEveryFieldThrough) {
  HeapEventQueue queue;
  queue.push(Event{4.5, 7, 11, 12, 13});
  const Event event = queue.pop();
  EXPECT_EQ(event.time, 4.5);
  EXPECT_EQ(event.sequence, 7u);
  EXPECT_EQ(event.kind, 11u);
  EXPECT_EQ(event.subject, 12u);
  EXPECT_EQ(event.detail, 13u);
}

TEST(HeapEventQueue, MatchesASortedReferenceOnRandomInterleavedPushAndPop) {
  // 10^4 operations, fixed seed. Times are coarse (a quarter-day grid) so ties are frequent.
  RandomStream random(StreamKey{20240601, 0, 0, 1, 0});
  HeapEventQueue queue;
  std::vector<Event> reference;  // kept sorted by runs_before
  std::uint64_t sequence = 0;
  for (int operation = 0; operation < 10'000; ++operation) {
    const bool push = reference.empty() || random.uniform01() < 0.55;
    if (push) {
      const Days time = static_cast<double>(random() % 400u) * 0.25;
      const Event event = make_event(time, sequence++, random());
      queue.push(event);
      reference.insert(std::upper_bound(reference.begin(), reference.end(), event, runs_before),
                       event);
    } else {
      ASSERT_EQ(queue.top().sequence, reference.front().sequence) << "operation " << operation;
      const Event popped = queue.pop();
      EXPECT_EQ(popped.sequence, reference.front().sequence) << "operation " << operation;
      EXPECT_EQ(popped.time, reference.front().time);
      EXPECT_EQ(popped.subject, reference.front().subject);
      reference.erase(reference.begin());
    }
    ASSERT_EQ(queue.size(), reference.size());
  }
  while (!reference.empty()) {
    EXPECT_EQ(queue.pop().sequence, reference.front().sequence);
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(queue.empty());
}

}  // namespace
}  // namespace caseload::core

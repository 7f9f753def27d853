#include "sim/core/scheduler.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace caseload::core {
namespace {

TEST(Scheduler, EqualTimesRunInSchedulingOrder) {
  Scheduler<> scheduler;
  for (std::uint32_t i = 0; i < 100; ++i) scheduler.schedule(5.0, 0, i);
  scheduler.schedule(1.0, 0, 1000);
  std::vector<std::uint32_t> order;
  scheduler.run_until(10.0, [&](const Event& event) { order.push_back(event.subject); });
  ASSERT_EQ(order.size(), 101u);
  EXPECT_EQ(order.front(), 1000u);
  for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(order[i + 1], i);
}

TEST(Scheduler, StopTimeIsExclusiveAndLeavesLaterEventsPending) {
  Scheduler<> scheduler;
  scheduler.schedule(1.0, 0, 1);
  scheduler.schedule(7.0, 0, 2);
  scheduler.schedule(9.0, 0, 3);
  std::vector<std::uint32_t> seen;
  const RunStats stats =
      scheduler.run_until(7.0, [&](const Event& event) { seen.push_back(event.subject); });
  EXPECT_EQ(stats.events_handled, 1u);
  EXPECT_EQ(seen, std::vector<std::uint32_t>{1});
  EXPECT_DOUBLE_EQ(scheduler.now(), 7.0);
  EXPECT_EQ(scheduler.pending(), 2u);
  scheduler.run_until(100.0, [&](const Event& event) { seen.push_back(event.subject); });
  EXPECT_EQ(seen, (std::vector<std::uint32_t>{1, 2, 3}));
}

TEST(Scheduler, HandlersScheduleFurtherEvents) {
  Scheduler<> scheduler;
  scheduler.schedule(0.0, 0, 0);
  int ticks = 0;
  scheduler.run_until(70.0, [&](const Event& event) {
    ++ticks;
    scheduler.schedule(event.time + 7.0, 0, event.subject + 1);
  });
  EXPECT_EQ(ticks, 10);  // days 0, 7, ..., 63
}

TEST(Scheduler, RequestStopReturnsAfterTheCurrentEvent) {
  Scheduler<> scheduler;
  for (std::uint32_t i = 0; i < 5; ++i) scheduler.schedule(static_cast<double>(i), 0, i);
  const RunStats stats = scheduler.run_until(100.0, [&](const Event& event) {
    if (event.subject == 2) scheduler.request_stop();
  });
  EXPECT_TRUE(stats.stopped_early);
  EXPECT_EQ(stats.events_handled, 3u);
  EXPECT_DOUBLE_EQ(scheduler.now(), 2.0);
}

}  // namespace
}  // namespace caseload::core

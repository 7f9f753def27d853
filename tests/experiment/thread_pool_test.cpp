#include "sim/experiment/thread_pool.hpp"

#include <atomic>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace caseload::experiment {
namespace {

TEST(ThreadPool, RunsEveryTaskExactlyOnce) {
  ThreadPool pool(3);
  EXPECT_EQ(pool.size(), 3u);
  std::vector<std::atomic<int>> calls(1000);
  pool.run_all(calls.size(), [&](std::size_t i) { calls[i].fetch_add(1); });
  for (const auto& count : calls) EXPECT_EQ(count.load(), 1);
}

TEST(ThreadPool, RunsBatchAfterBatch) {
  ThreadPool pool(2);
  std::atomic<std::size_t> sum{0};
  for (int batch = 0; batch < 50; ++batch) {
    pool.run_all(10, [&](std::size_t i) { sum.fetch_add(i); });
  }
  EXPECT_EQ(sum.load(), 50u * 45u);
  pool.run_all(0, [](std::size_t) { FAIL() << "no tasks to run"; });
}

TEST(ThreadPool, RethrowsATaskExceptionAfterTheOthersFinish) {
  ThreadPool pool(2);
  std::atomic<int> finished{0};
  EXPECT_THROW(pool.run_all(4,
                            [&](std::size_t i) {
                              if (i == 0) throw std::runtime_error("task 0");
                              finished.fetch_add(1);
                            }),
               std::runtime_error);
  EXPECT_LE(finished.load(), 3);
  // The pool is still usable afterwards.
  std::atomic<int> again{0};
  pool.run_all(5, [&](std::size_t) { again.fetch_add(1); });
  EXPECT_EQ(again.load(), 5);
}

TEST(ThreadPool, ZeroThreadsMeansOnePerCore) {
  ThreadPool pool(0);
  EXPECT_EQ(pool.size(), default_thread_count());
  EXPECT_GE(pool.size(), 1u);
}

}  // namespace
}  // namespace caseload::experiment

#include "sim/experiment/thread_pool.hpp"

#include <utility>

#include "sim/core/assert.hpp"

namespace caseload::experiment {

unsigned default_thread_count() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

ThreadPool::ThreadPool(unsigned threads) {
  const unsigned count = threads == 0 ? default_thread_count() : threads;
  workers_.reserve(count);
  for (unsigned i = 0; i < count; ++i) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadPool::run_all(std::size_t count, const std::function<void(std::size_t)>& task) {
  std::unique_lock lock(mutex_);
  CASELOAD_ASSERT(task_ == nullptr, "one run_all at a time per pool");
  if (count == 0) return;
  task_ = &task;
  count_ = count;
  next_ = 0;
  unfinished_ = count;
  failure_ = nullptr;
  wake_.notify_all();
  idle_.wait(lock, [this] { return unfinished_ == 0; });
  task_ = nullptr;
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void ThreadPool::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return closing_ || (task_ != nullptr && next_ < count_); });
    if (task_ == nullptr || next_ >= count_) return;  // closing, nothing left to hand out
    const std::size_t index = next_++;
    const auto* task = task_;
    const bool skip = failure_ != nullptr;
    lock.unlock();
    std::exception_ptr thrown;
    if (!skip) {
      try {
        (*task)(index);
      } catch (...) {
        thrown = std::current_exception();
      }
    }
    lock.lock();
    if (thrown && !failure_) failure_ = thrown;
    if (--unfinished_ == 0) idle_.notify_all();
  }
}

}  // namespace caseload::experiment

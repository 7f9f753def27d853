#pragma once
// A fixed set of worker threads running numbered tasks. Tasks are handed out in index order
// but may finish in any order, so callers store each task's result at its index: what they
// build from the results is then the same whatever the number of threads.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace caseload::experiment {

/// Threads to use when the user asks for 0 ("all cores"): hardware_concurrency, at least 1.
unsigned default_thread_count();

class ThreadPool {
 public:
  /// Starts `threads` workers (0 means default_thread_count()).
  explicit ThreadPool(unsigned threads = 0);
  /// Joins the workers. Never destroy a pool while its run_all is in progress.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned size() const { return static_cast<unsigned>(workers_.size()); }

  /// Calls task(i) for i = 0 .. count - 1 on the workers and returns when all have returned.
  /// The first exception a task throws is rethrown here, after the other tasks finish; tasks
  /// not yet started when it was thrown are skipped. One run_all at a time per pool.
  void run_all(std::size_t count, const std::function<void(std::size_t)>& task);

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;  // workers: a batch started, or the pool is closing
  std::condition_variable idle_;  // run_all: the last task of the batch finished
  const std::function<void(std::size_t)>* task_ = nullptr;
  std::size_t count_ = 0;
  std::size_t next_ = 0;
  std::size_t unfinished_ = 0;
  std::exception_ptr failure_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace caseload::experiment

// Threads kept for the whole run, for the cross-check's parallel steps.
// Grouping and checking run hundreds of short parallel steps (a chunk of
// profiles, a batch of stories); a thread started for each one and ended
// after it cost its malloc heap's teardown (about a million instructions
// with mimalloc) and every thread_local buffer and read-ahead block, on
// every step.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dealscan::crosscheck {

class WorkerPool {
 public:
  // The process's pool: its threads are started when first asked for.
  static WorkerPool& shared();

  WorkerPool() = default;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  // Runs job() on `helpers` pool threads at once while the calling thread
  // runs mine(), and returns once all of them have returned. job must not
  // throw; an exception from mine() is rethrown once the helpers are done.
  // Called inside a job (on a helper, or in mine()), it runs mine() alone:
  // the pool is busy with the outer job. Other callers wait their turn.
  void run(unsigned helpers, const std::function<void()>& job, const std::function<void()>& mine);

  // Threads started so far.
  std::size_t threads() const;

 private:
  void serve(std::size_t index, std::uint64_t seen);

  std::mutex turn_;  // one caller's job at a time
  mutable std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::vector<std::thread> threads_;
  const std::function<void()>* job_ = nullptr;
  std::size_t wanted_ = 0;        // threads 0..wanted_-1 run the job
  std::size_t running_ = 0;       // of those, the ones not done yet
  std::uint64_t generation_ = 0;  // one per job
  bool stop_ = false;
};

}  // namespace dealscan::crosscheck

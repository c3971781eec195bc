#include "crosscheck/worker_pool.h"

#include <exception>

namespace dealscan::crosscheck {
namespace {

// Set on every thread while it takes part in a job (helpers and the caller):
// a job started from there would wait for itself.
thread_local bool in_job = false;

struct InJob {
  InJob() { in_job = true; }
  ~InJob() { in_job = false; }
};

}  // namespace

WorkerPool& WorkerPool::shared() {
  static WorkerPool pool;
  return pool;
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

std::size_t WorkerPool::threads() const {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

void WorkerPool::run(unsigned helpers, const std::function<void()>& job, const std::function<void()>& mine) {
  if (in_job || helpers == 0) {
    mine();
    return;
  }
  std::lock_guard turn(turn_);
  {
    std::lock_guard lock(mutex_);
    while (threads_.size() < helpers) threads_.emplace_back(&WorkerPool::serve, this, threads_.size(), generation_);
    job_ = &job;
    wanted_ = helpers;
    running_ = helpers;
    ++generation_;
  }
  wake_.notify_all();
  std::exception_ptr error;
  {
    InJob mark;
    try {
      mine();
    } catch (...) {
      error = std::current_exception();
    }
  }
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return running_ == 0; });
  job_ = nullptr;
  lock.unlock();
  if (error) std::rethrow_exception(error);
}

void WorkerPool::serve(std::size_t index, std::uint64_t seen) {
  InJob mark;  // a pool thread only ever runs jobs
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
    if (stop_) return;
    seen = generation_;
    if (index >= wanted_) continue;
    const auto* job = job_;
    lock.unlock();
    (*job)();  // must not throw: on a thread of its own, that ends the program
    lock.lock();
    if (--running_ == 0) done_.notify_all();
  }
}

}  // namespace dealscan::crosscheck

// Threads kept for the whole run, for the cross-check's parallel steps
// (parallel_for, parallel_sort below).
// Grouping and checking run hundreds of short parallel steps (a chunk of
// profiles, a batch of stories); a thread started for each one and ended
// after it cost its malloc heap's teardown (about a million instructions
// with mimalloc) and every thread_local buffer and read-ahead block, on
// every step.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
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

// Runs work(i) for every i < n on up to `threads` threads (the caller's among them,
// the others WorkerPool::shared()'s). The caller first runs first() (if given)
// while the others take work, then takes work too: serial work of its own
// that overlaps the parallel work. The first exception any of them throws (a
// temporary file that cannot be read back) stops the others taking work and
// is rethrown once all are done.
struct NoFirst {
  void operator()() const {}
};
template <class Work, class First = NoFirst>
void parallel_for(std::size_t n, unsigned threads, Work work, First first = {}) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto guarded = [&](auto body) {
    try {
      body();
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = n;  // the others stop at their next item
    }
  };
  auto run = [&] {
    guarded([&] {
      for (std::size_t i = next++; i < n; i = next++) work(i);
    });
  };
  threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(n, 1)));
  WorkerPool::shared().run(threads - 1, run, [&] {
    guarded(first);
    run();
  });
  if (error) std::rethrow_exception(error);
}

// Runs fn() once on each thread parallel_for(n, threads, ...) may have run
// work on (the caller's and the pool's first threads - 1), all at once: for
// what each of them keeps of its own, like memory handed back to be freed there.
template <class Fn>
void on_each_thread(unsigned threads, Fn fn) {
  WorkerPool::shared().run(std::max(1u, threads) - 1, fn, fn);
}

// Sorts [first, last) by less on up to `threads` threads: a slice each,
// then the slices merged in turn. For orders where elements that compare
// equal cannot be told apart (the result is then std::sort's).
template <class It, class Less>
void parallel_sort(It first, It last, Less less, unsigned threads) {
  constexpr std::size_t kWorthIt = 4096;  // fewer elements sort faster than a job starts
  const auto n = static_cast<std::size_t>(last - first);
  const std::size_t slices = n < kWorthIt ? 1 : std::max(1u, threads);
  auto at = [&](std::size_t k) { return first + static_cast<std::ptrdiff_t>(n * k / slices); };
  parallel_for(slices, threads, [&](std::size_t k) { std::sort(at(k), at(k + 1), less); });
  for (std::size_t k = 1; k < slices; ++k) std::inplace_merge(first, at(k), at(k + 1), less);
}

}  // namespace dealscan::crosscheck

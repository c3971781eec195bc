// WorkerPool: the cross-check's threads, kept from one parallel step to the
// next; parallel_sort on them.
#include "crosscheck/worker_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace dealscan::crosscheck {
namespace {

// Spins until done() or ten seconds: a broken pool fails instead of hanging.
template <class Done>
bool wait_for(Done done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done() && std::chrono::steady_clock::now() < until) std::this_thread::yield();
  return done();
}

TEST(WorkerPool, HelpersRunTheJobWhileTheCallerRunsItsOwnPart) {
  WorkerPool pool;
  std::atomic<int> helpers{0};
  bool all_joined = false;
  std::thread::id mine_on;
  pool.run(
      3, [&] { ++helpers; },
      [&] {
        mine_on = std::this_thread::get_id();
        all_joined = wait_for([&] { return helpers == 3; });
      });
  EXPECT_TRUE(all_joined);
  EXPECT_EQ(mine_on, std::this_thread::get_id());
  EXPECT_EQ(helpers, 3);
  EXPECT_EQ(pool.threads(), 3u);
}

TEST(WorkerPool, ThreadsAreKeptFromOneJobToTheNext) {
  WorkerPool pool;
  std::mutex m;
  std::set<std::thread::id> first, later;
  auto record = [&](std::set<std::thread::id>& ids) {
    return [&] {
      std::lock_guard lock(m);
      ids.insert(std::this_thread::get_id());
    };
  };
  pool.run(2, record(first), [] {});
  for (int k = 0; k < 50; ++k) pool.run(k % 2 + 1, record(later), [] {});
  EXPECT_EQ(first.size(), 2u);
  EXPECT_EQ(pool.threads(), 2u);
  for (const auto& id : later) EXPECT_TRUE(first.count(id)) << "a job ran on a new thread";
}

TEST(WorkerPool, NoHelpersRunsOnlyTheCallersPart) {
  WorkerPool pool;
  int job = 0, mine = 0;
  pool.run(0, [&] { ++job; }, [&] { ++mine; });
  EXPECT_EQ(job, 0);
  EXPECT_EQ(mine, 1);
  EXPECT_EQ(pool.threads(), 0u);
}

TEST(WorkerPool, AJobStartedInsideAJobRunsOnItsCallerAlone) {
  WorkerPool pool;
  std::atomic<int> inner_jobs{0}, inner_mine{0};
  auto nested = [&] { pool.run(2, [&] { ++inner_jobs; }, [&] { ++inner_mine; }); };
  pool.run(1, nested, nested);  // on the helper and on the caller: neither waits for the busy pool
  EXPECT_EQ(inner_jobs, 0);
  EXPECT_EQ(inner_mine, 2);
  // The pool is free again afterwards.
  std::atomic<int> after{0};
  pool.run(2, [&] { ++after; }, [] {});
  EXPECT_EQ(after, 2);
}

TEST(WorkerPool, TheCallersErrorIsRethrownOnceTheHelpersAreDone) {
  WorkerPool pool;
  std::atomic<bool> release{false}, finished{false};
  EXPECT_THROW(pool.run(
                   1,
                   [&] {
                     wait_for([&] { return release.load(); });
                     finished = true;
                   },
                   [&] {
                     release = true;
                     throw std::runtime_error("cannot read back");
                   }),
               std::runtime_error);
  EXPECT_TRUE(finished);
}

// Slices sorted on the pool and merged give std::sort's order, above and
// below the size worth splitting, with one thread or more than two.
TEST(ParallelSort, SortsAsStdSortForAnyThreadCount) {
  for (std::size_t n : {0u, 1u, 100u, 4095u, 20011u}) {
    std::vector<std::string> ids(n);
    for (std::size_t i = 0; i < n; ++i) ids[i] = "fonte-" + std::to_string((i * 7919) % 10007);  // with repeats
    std::vector<std::uint32_t> expected(n);
    std::iota(expected.begin(), expected.end(), 0);
    auto by_id_then_index = [&](std::uint32_t a, std::uint32_t b) { return ids[a] != ids[b] ? ids[a] < ids[b] : a < b; };
    std::sort(expected.begin(), expected.end(), by_id_then_index);
    for (unsigned threads : {1u, 2u, 3u}) {
      std::vector<std::uint32_t> order(n);
      std::iota(order.rbegin(), order.rend(), 0);  // reversed, so a slice left alone shows
      parallel_sort(order.begin(), order.end(), by_id_then_index, threads);
      EXPECT_EQ(order, expected) << n << " elements, " << threads << " threads";
    }
  }
}

// Each thread that parallel_for may have used runs the step once, at once:
// with n threads, n different threads, each of them once.
TEST(OnEachThread, OnceOnTheCallerAndEachOfThePoolsThreads) {
  for (unsigned threads : {1u, 2u, 3u}) {
    std::mutex mutex;
    std::vector<std::thread::id> ran;
    on_each_thread(threads, [&] {
      std::lock_guard lock(mutex);
      ran.push_back(std::this_thread::get_id());
    });
    EXPECT_EQ(ran.size(), threads);
    EXPECT_EQ(std::set<std::thread::id>(ran.begin(), ran.end()).size(), threads);
    EXPECT_NE(std::find(ran.begin(), ran.end(), std::this_thread::get_id()), ran.end());
  }
}

}  // namespace
}  // namespace dealscan::crosscheck

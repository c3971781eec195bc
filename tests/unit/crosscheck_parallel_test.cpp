// parallel_for's first(): serial work of the calling thread that overlaps
// the others' work (the cross-check hands a batch of stories over meanwhile).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "crosscheck/internal.h"

namespace dealscan::crosscheck {
namespace {

TEST(ParallelForFirst, RunsOnceOnTheCallingThreadWhileOthersTakeWork) {
  std::vector<std::atomic<int>> hits(200);
  std::atomic<int> taken{0};
  int firsts = 0;
  int taken_during_first = 0;
  std::thread::id first_thread;
  parallel_for(
      hits.size(), 2,
      [&](std::size_t i) {
        ++hits[i];
        ++taken;
      },
      [&] {
        ++firsts;
        first_thread = std::this_thread::get_id();
        // The other thread takes work meanwhile; bounded, so a broken
        // parallel_for fails instead of hanging.
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (taken == 0 && std::chrono::steady_clock::now() < until) std::this_thread::yield();
        taken_during_first = taken;
      });
  EXPECT_EQ(firsts, 1);
  EXPECT_EQ(first_thread, std::this_thread::get_id());
  EXPECT_GT(taken_during_first, 0);
  for (const auto& h : hits) EXPECT_EQ(h, 1);
}

TEST(ParallelForFirst, OneThreadRunsFirstBeforeAnyWork) {
  int taken = 0, taken_before_first = -1;
  parallel_for(
      5, 1, [&](std::size_t) { ++taken; }, [&] { taken_before_first = taken; });
  EXPECT_EQ(taken_before_first, 0);
  EXPECT_EQ(taken, 5);
}

TEST(ParallelForFirst, AnErrorInFirstIsRethrownAfterTheJoin) {
  std::atomic<int> taken{0};
  EXPECT_THROW(parallel_for(
                   1000, 2, [&](std::size_t) { ++taken; }, [] { throw std::runtime_error("cannot write"); }),
               std::runtime_error);
  EXPECT_LE(taken, 1000);
}

}  // namespace
}  // namespace dealscan::crosscheck

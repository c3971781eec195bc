// Overlap resolution of entity drafts: drafts alone on their tokens kept as
// they are, contested ones ranked (longer, then lower priority, then
// earlier), the result sorted by position; checked against a plain greedy.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "extract/entity_overlaps.h"

namespace dealscan::entity {
namespace {

Draft draft(std::size_t first, std::size_t last, int priority, std::string_view id) {
  Draft d;
  d.first = first;
  d.last = last;
  d.priority = priority;
  d.entity_id = id;
  return d;
}

std::vector<std::string_view> ids(const std::vector<Draft>& drafts) {
  std::vector<std::string_view> out;
  for (const auto& d : drafts) out.push_back(d.entity_id);
  return out;
}

// The rule itself: every draft ranked, kept unless it overlaps one kept
// before, then sorted by position.
std::vector<Draft> plain_greedy(std::vector<Draft> drafts) {
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    if (a.last - a.first != b.last - b.first) return a.last - a.first > b.last - b.first;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.first < b.first;
  });
  std::vector<Draft> kept;
  for (const auto& d : drafts)
    if (std::none_of(kept.begin(), kept.end(), [&](const Draft& k) { return k.first < d.last && d.first < k.last; }))
      kept.push_back(d);
  std::sort(kept.begin(), kept.end(), [](const Draft& a, const Draft& b) { return a.first < b.first; });
  return kept;
}

TEST(EntityOverlaps, EmptyListStaysEmpty) { EXPECT_TRUE(resolve_overlaps({}).empty()); }

TEST(EntityOverlaps, DisjointDraftsKeptAndSortedByPosition) {
  auto out = resolve_overlaps({draft(7, 9, kRule, "c"), draft(0, 2, kGazetteer, "a"), draft(3, 4, kTypo, "b")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"a", "b", "c"}));
}

TEST(EntityOverlaps, TouchingDraftsShareNoToken) {
  // In position order already, and as two runs of matches (names, then rules).
  auto sorted = resolve_overlaps({draft(0, 2, kGazetteer, "a"), draft(2, 3, kRule, "b"), draft(3, 5, kTypo, "c")});
  EXPECT_EQ(ids(sorted), (std::vector<std::string_view>{"a", "b", "c"}));
  auto runs = resolve_overlaps(
      {draft(0, 2, kGazetteer, "a"), draft(5, 6, kGazetteer, "c"), draft(2, 5, kRule, "b"), draft(6, 7, kRule, "d")});
  EXPECT_EQ(ids(runs), (std::vector<std::string_view>{"a", "b", "c", "d"}));
}

TEST(EntityOverlaps, OverlapInPositionOrderIsStillRanked) {
  auto out = resolve_overlaps({draft(0, 2, kGazetteer, "a"), draft(1, 4, kRule, "long"), draft(5, 6, kTypo, "c")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"long", "c"}));
  auto runs = resolve_overlaps({draft(0, 2, kGazetteer, "a"), draft(5, 6, kGazetteer, "c"), draft(1, 4, kRule, "long")});
  EXPECT_EQ(ids(runs), (std::vector<std::string_view>{"long", "c"}));
}

TEST(EntityOverlaps, LongerDraftWinsOverBetterPriority) {
  auto out = resolve_overlaps({draft(2, 3, kGazetteer, "short"), draft(1, 4, kDescriptive, "long"), draft(6, 7, kRule, "x")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"long", "x"}));
}

TEST(EntityOverlaps, SameLengthLowerPriorityWins) {
  auto out = resolve_overlaps({draft(4, 6, kRule, "rule"), draft(5, 7, kGazetteer, "gaz")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"gaz"}));
}

TEST(EntityOverlaps, SameLengthAndPriorityEarlierWins) {
  auto out = resolve_overlaps({draft(5, 7, kRule, "later"), draft(4, 6, kRule, "earlier")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"earlier"}));
}

TEST(EntityOverlaps, LoserFreesNeighbourForAnotherDraft) {
  // "mid" loses to "big", so "left" (overlapping only "mid") is kept.
  auto out = resolve_overlaps(
      {draft(0, 2, kRule, "left"), draft(1, 3, kGazetteer, "mid"), draft(2, 6, kDescriptive, "big")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"left", "big"}));
}

TEST(EntityOverlaps, EmptyDraftKeptBesideOthers) {
  auto out = resolve_overlaps({draft(3, 3, kRule, "empty"), draft(0, 2, kGazetteer, "a")});
  EXPECT_EQ(ids(out), (std::vector<std::string_view>{"a", "empty"}));
}

TEST(EntityOverlaps, MatchesPlainGreedyOnRandomDrafts) {
  std::mt19937 rng(42);
  const std::vector<std::string> names = {"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "n11"};
  for (int round = 0; round < 500; ++round) {
    std::vector<Draft> drafts;
    std::set<std::tuple<std::size_t, std::size_t, int>> seen;  // no two drafts tie on every rank
    const std::size_t count = rng() % names.size();
    while (drafts.size() < count) {
      const std::size_t first = rng() % 40, length = 1 + rng() % 4;
      const int priority = static_cast<int>(rng() % 5);
      if (!seen.insert({first, length, priority}).second) continue;
      drafts.push_back(draft(first, first + length, priority, names[drafts.size()]));
    }
    EXPECT_EQ(ids(resolve_overlaps(drafts)), ids(plain_greedy(drafts))) << "round " << round;
  }
}

}  // namespace
}  // namespace dealscan::entity

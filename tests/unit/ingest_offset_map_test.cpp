// OffsetMap keeps the normalised text's offsets as runs: a byte that
// continues the run before it adds no piece, anything else starts one, and
// every lookup must give what a table of one offset per byte would.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "dealscan/types.h"
#include "ingest/mapped_text.h"
#include "ingest/normalize.h"

namespace dealscan {
namespace {

TEST(OffsetMap, RunsAndSingleBytesReadBackAsATable) {
  OffsetMap map;
  map.append_run(5, 4);  // 5 6 7 8
  map.push_back(9);      // continues the run
  map.push_back(9);      // a second byte of the same character
  map.push_back(9);
  map.append_run(14, 3);  // a dropped character before: 14 15 16
  map.append_run(17, 0);  // nothing
  const std::vector<std::uint32_t> want = {5, 6, 7, 8, 9, 9, 9, 14, 15, 16};
  ASSERT_EQ(map.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(map[i], want[i]) << i;
  EXPECT_EQ(map.to_vector(), want);
  EXPECT_TRUE(map == want);
  EXPECT_EQ(map.front(), 5u);
  EXPECT_EQ(map.back(), 16u);
}

TEST(OffsetMap, TruncateDropsWholeAndPartRuns) {
  OffsetMap map;
  map.append_run(0, 10);
  map.push_back(20);
  map.append_run(30, 5);
  map.truncate(12);  // inside the last run
  EXPECT_EQ(map.to_vector(), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 30}));
  map.truncate(10);  // exactly where a run started: it goes
  map.append_run(10, 2);  // and the first run goes on
  EXPECT_EQ(map.to_vector(), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  OffsetMap one_run;
  one_run.append_run(0, 12);
  EXPECT_TRUE(map == one_run);  // the same pieces, however they were built
  map.truncate(0);
  EXPECT_TRUE(map.empty());
}

TEST(OffsetMap, RandomPushesMatchATable) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    OffsetMap map;
    std::vector<std::uint32_t> table;
    std::uint32_t at = rng() % 3;
    for (int step = 0; step < 60; ++step) {
      const std::uint32_t n = rng() % 5;
      if (rng() % 3 == 0) {
        map.push_back(at);
        table.push_back(at);
      } else {
        map.append_run(at, n);
        for (std::uint32_t k = 0; k < n; ++k) table.push_back(at + k);
        at += n;
      }
      at += rng() % 3;
      if (rng() % 11 == 0 && !table.empty()) {
        const std::size_t keep = rng() % table.size();
        map.truncate(keep);
        table.resize(keep);
        at = table.empty() ? 0 : table.back() + 1;
      }
    }
    ASSERT_EQ(map.size(), table.size());
    for (std::size_t i = 0; i < table.size(); ++i) ASSERT_EQ(map[i], table[i]) << round << " " << i;
  }
}

// Lookups start from a per-256-byte index: maps of a few thousand bytes,
// with runs long and short, many pieces in one block and none in others,
// cut back across block boundaries and grown again.
TEST(OffsetMap, LongMapsMatchATableAcrossBlocks) {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    OffsetMap map;
    std::vector<std::uint32_t> table;
    std::uint32_t at = 0;
    while (table.size() < 4000) {
      const bool dense = rng() % 4 == 0;  // a stretch of single-byte pieces
      const std::uint32_t n = dense ? 1 : rng() % 700;
      map.append_run(at, n);
      for (std::uint32_t k = 0; k < n; ++k) table.push_back(at + k);
      at += n + 1 + rng() % 3;
      if (rng() % 9 == 0 && !table.empty()) {
        const std::size_t keep = rng() % table.size();
        map.truncate(keep);
        table.resize(keep);
        at = table.empty() ? 0 : table.back() + 2;
      }
    }
    ASSERT_EQ(map.size(), table.size());
    for (std::size_t i = 0; i < table.size(); ++i) ASSERT_EQ(map[i], table[i]) << round << " " << i;
  }
}

NormalizedText normalise(const std::string& text) {
  return ingest::Normalizer().run(ingest::MappedView{text, nullptr, 0}, 0, static_cast<std::uint32_t>(text.size()));
}

// The normaliser writes a character at once and takes it back when a
// combining mark follows: at any place of a sixteen-byte block, after a
// letter of a kept run or after a folded character.
TEST(OffsetMap, CombiningMarkTakesBackTheCharacterWrittenBefore) {
  for (std::size_t before = 0; before <= 33; ++before) {
    const std::string pad(before, 'x');
    // "perché" written as "perche" + U+0301 after the run.
    auto got = normalise(pad + "perche\xCC\x81 poi");
    EXPECT_EQ(got.text, pad + "perch\xC3\xA9 poi") << before;
    EXPECT_EQ(got.to_orig[before + 5], before + 5) << before;
    EXPECT_EQ(got.to_orig[before + 6], before + 5) << before;  // both bytes of é from the "e"
    EXPECT_EQ(got.to_orig[before + 7], before + 8) << before;  // the space after the mark
    // A right quote (folded to ') followed by a combining grave: nothing composes.
    got = normalise(pad + "l\xE2\x80\x99\xCC\x80" "a");
    EXPECT_EQ(got.text, pad + "l'\xCC\x80" "a") << before;
    EXPECT_EQ(got.to_orig.to_vector().size(), got.text.size() + 1);
    EXPECT_EQ(got.to_orig[before + 1], before + 1) << before;
    EXPECT_EQ(got.to_orig[before + 2], before + 4) << before;
    EXPECT_EQ(got.to_orig[before + 4], before + 6) << before;
  }
}

}  // namespace
}  // namespace dealscan

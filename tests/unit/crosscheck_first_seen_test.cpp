// FirstSeen numbers strings in order of first sight, the same way whether it
// is still scanning its short list or has moved to a hash table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crosscheck/first_seen.h"

namespace dealscan::crosscheck {
namespace {

TEST(FirstSeen, NumbersStringsInOrderOfFirstSight) {
  FirstSeen seen;
  EXPECT_EQ(seen.add("corriere"), std::make_pair(std::size_t(0), true));
  EXPECT_EQ(seen.add("sole24ore"), std::make_pair(std::size_t(1), true));
  EXPECT_EQ(seen.add("corriere"), std::make_pair(std::size_t(0), false));
  EXPECT_TRUE(seen.contains("sole24ore"));
  EXPECT_FALSE(seen.contains("repubblica"));
  const auto strings = seen.strings();
  EXPECT_EQ(std::vector<std::string_view>(strings.begin(), strings.end()),
            (std::vector<std::string_view>{"corriere", "sole24ore"}));
}

TEST(FirstSeen, KeepsNumbersAndStringsPastTheScannedList) {
  std::vector<std::string> names;
  for (int i = 0; i < 100; ++i) names.push_back("testata-" + std::to_string(i));
  FirstSeen seen;
  for (int i = 0; i < 100; ++i) EXPECT_EQ(seen.add(names[i]), std::make_pair(std::size_t(i), true));
  // Again, in reverse: every string keeps its first number.
  for (int i = 99; i >= 0; --i) EXPECT_EQ(seen.add(names[i]), std::make_pair(std::size_t(i), false));
  ASSERT_EQ(seen.strings().size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(seen.strings()[i], names[i]);
  EXPECT_TRUE(seen.contains("testata-57"));
  EXPECT_FALSE(seen.contains("testata-100"));
  // A view of another buffer with equal bytes is the same string.
  const std::string copy = names[3];
  EXPECT_EQ(seen.add(copy).first, 3u);
}

// The seventeenth string fills no fixed slot: it starts the hash table, and
// the sixteen before it keep their numbers there.
TEST(FirstSeen, NumbersStayAcrossTheEndOfTheScannedArray) {
  std::vector<std::string> names;
  for (int i = 0; i < 18; ++i) names.push_back("fonte" + std::to_string(i));
  FirstSeen seen;
  for (int i = 0; i < 16; ++i) EXPECT_TRUE(seen.add(names[i]).second);
  EXPECT_EQ(seen.strings().size(), 16u);
  EXPECT_FALSE(seen.contains(names[16]));
  EXPECT_EQ(seen.add(names[16]), std::make_pair(std::size_t(16), true));
  EXPECT_EQ(seen.add(names[15]), std::make_pair(std::size_t(15), false));
  EXPECT_EQ(seen.add(names[0]), std::make_pair(std::size_t(0), false));
  EXPECT_EQ(seen.add(names[17]), std::make_pair(std::size_t(17), true));
  ASSERT_EQ(seen.strings().size(), 18u);
  for (int i = 0; i < 18; ++i) EXPECT_EQ(seen.strings()[i], names[i]);
}

TEST(FirstSeen, EmptyStringIsAString) {
  FirstSeen seen;
  EXPECT_TRUE(seen.add("").second);
  EXPECT_FALSE(seen.add(std::string()).second);
  EXPECT_TRUE(seen.contains(""));
}

}  // namespace
}  // namespace dealscan::crosscheck

// money::WordTable: finds every word added (through many growths and
// colliding slots), keeps the first value of a word added twice, and says
// no to words never added.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/money_words.h"

namespace dealscan::money {
namespace {

TEST(MoneyWords, FindsWhatWasAddedAndNothingElse) {
  WordTable<int> t;
  EXPECT_EQ(t.find("euro"), nullptr);  // empty table
  std::map<std::string, int> want;
  for (int k = 0; k < 3000; ++k) {
    std::string w = "w" + std::to_string(k * 7919 % 10007);
    if (want.emplace(w, k).second) t.emplace(w, k);
  }
  EXPECT_EQ(t.size(), want.size());
  for (const auto& [w, v] : want) {
    ASSERT_NE(t.find(w), nullptr) << w;
    EXPECT_EQ(*t.find(w), v) << w;
  }
  for (int k = 0; k < 3000; ++k) EXPECT_FALSE(t.contains("x" + std::to_string(k)));
  EXPECT_FALSE(t.contains(""));
  EXPECT_FALSE(t.contains("w"));
}

TEST(MoneyWords, FirstValueStaysAndBracketsAddDefaults) {
  WordTable<std::string> t;
  t.emplace("dollari", "USD");
  EXPECT_EQ(t.emplace("dollari", "CAD"), "USD");
  EXPECT_EQ(*t.find("dollari"), "USD");
  EXPECT_EQ(t["sterline"], "");
  t["sterline"] = "GBP";
  EXPECT_EQ(*t.find("sterline"), "GBP");
  t.emplace("", "empty");
  EXPECT_EQ(*t.find(""), "empty");
  EXPECT_EQ(t.size(), 3u);
}

TEST(MoneyWords, ForEachVisitsEveryWordOnce) {
  WordTable<std::vector<int>> t;
  std::set<std::string> words;
  for (int k = 0; k < 100; ++k) {
    std::string w = k % 2 ? "mila" + std::to_string(k) : "milioni" + std::to_string(k);
    words.insert(w);
    t[w].push_back(k);
    t[w].push_back(-k);
  }
  std::set<std::string> seen;
  t.for_each([&](std::string_view w, const std::vector<int>& v) {
    EXPECT_TRUE(seen.insert(std::string(w)).second) << w;
    EXPECT_EQ(v.size(), 2u) << w;
  });
  EXPECT_EQ(seen, words);
}

}  // namespace
}  // namespace dealscan::money

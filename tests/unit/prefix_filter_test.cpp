// money::PrefixFilter: never turns away a word that was added or that starts
// with an added prefix (of any length), and turns most other words away.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/number_reader.h"

namespace dealscan::money {
namespace {

TEST(PrefixFilter, LetsThroughWordsAndEveryPrefixLength) {
  PrefixFilter f;
  f.add_word("dollari");
  f.add_prefix("u");      // one byte: "un", "uno", "undici"
  f.add_prefix("du");     // two bytes: "due", "duecento"
  f.add_prefix("trent");  // longer: "trenta", "trentuno"
  for (const char* w : {"dollari", "u", "un", "undici", "du", "due", "duecento", "trenta", "trentuno"})
    EXPECT_TRUE(f.may_hold(w)) << w;
  EXPECT_FALSE(f.may_hold(""));
  EXPECT_FALSE(f.may_hold("d"));  // shorter than the two-byte prefix
  int let_through = 0;
  const std::vector<std::string> others = {"accordo", "banca", "contratto", "societa", "investe", "miliardi",
                                           "gruppo", "nel", "della", "per", "con", "ha", "e", "di", "a"};
  for (const auto& w : others) let_through += f.may_hold(w);
  EXPECT_LE(let_through, 2);
}

TEST(PrefixFilter, AddAllJoinsShortPrefixesToo) {
  PrefixFilter a, b;
  a.add_prefix("q");
  b.add_prefix("se");
  b.add_word("mila");
  a.add_all(b);
  for (const char* w : {"quattro", "q", "sei", "sette", "se", "mila"}) EXPECT_TRUE(a.may_hold(w)) << w;
  EXPECT_FALSE(a.may_hold("s"));
  EXPECT_FALSE(b.may_hold("quattro"));
}

}  // namespace
}  // namespace dealscan::money

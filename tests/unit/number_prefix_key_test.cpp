// money::PrefixFilter's key reads the first three bytes of a word (fewer when
// it is shorter) and that count: each of those bytes and the count tell
// words apart, bytes past the third never do, and every byte value (accented
// letters' UTF-8 bytes too) is read as itself.
#include <gtest/gtest.h>

#include <string>

#include "extract/number_reader.h"

namespace dealscan::money {
namespace {

// How many of the 255 words made by putting every other byte value at
// position `at` of w the filter lets through.
int let_through_varying(const PrefixFilter& f, std::string w, std::size_t at) {
  const char kept = w[at];
  int n = 0;
  for (int b = 1; b < 256; ++b) {
    if (static_cast<char>(b) == kept) continue;
    w[at] = static_cast<char>(b);
    n += f.may_hold(w);
  }
  return n;
}

TEST(NumberPrefixKey, EachOfTheFirstThreeBytesCounts) {
  for (const std::string word : {"tre", "sette", "mil", "pi\xC3\xB9", "\xC3\xA8xy"}) {
    PrefixFilter f;
    f.add_word(word);
    ASSERT_TRUE(f.may_hold(word)) << word;
    for (std::size_t at = 0; at < 3; ++at) EXPECT_LE(let_through_varying(f, word, at), 2) << word << " byte " << at;
  }
}

TEST(NumberPrefixKey, BytesPastTheThirdDoNotCount) {
  PrefixFilter f;
  f.add_prefix("ven");
  for (const char* w : {"ven", "venti", "ventotto", "vent\xC3\xA9", "venXYZ"}) EXPECT_TRUE(f.may_hold(w)) << w;
  EXPECT_EQ(let_through_varying(f, "ventidue", 3), 254);  // every other byte value
  EXPECT_EQ(let_through_varying(f, "ventidue", 7), 254);
}

TEST(NumberPrefixKey, ShortWordsAreToldByTheirLength) {
  PrefixFilter f;
  f.add_word("il");
  f.add_word("e");
  EXPECT_TRUE(f.may_hold("il"));
  EXPECT_TRUE(f.may_hold("e"));
  // The same bytes at another length are other keys.
  EXPECT_FALSE(f.may_hold("i"));
  EXPECT_FALSE(f.may_hold("ilx"));
  EXPECT_FALSE(f.may_hold("ee"));
  EXPECT_FALSE(f.may_hold(""));
  EXPECT_LE(let_through_varying(f, "il", 0), 2);
  EXPECT_LE(let_through_varying(f, "il", 1), 2);
  EXPECT_LE(let_through_varying(f, "e", 0), 2);
  // A view into a longer text reads only its own bytes.
  const std::string text = "ilare";
  EXPECT_TRUE(f.may_hold(std::string_view(text).substr(0, 2)));
  EXPECT_FALSE(f.may_hold(std::string_view(text).substr(0, 3)));
}

// Without short prefixes the one-bit test answers as may_hold, for words of
// every length; a short prefix is reported so callers keep the full test.
TEST(NumberPrefixKey, NoShortTestAgreesWithoutShortPrefixes) {
  PrefixFilter f;
  for (const char* w : {"il", "un", "una", "dollari", "miliardi", "tre"}) f.add_word(w);
  f.add_prefix("vent");
  EXPECT_FALSE(f.has_short_prefixes());
  for (const char* w : {"", "i", "il", "un", "una", "uno", "dollaro", "ventotto", "mila", "e", "sette", "trenta"})
    EXPECT_EQ(f.may_hold_no_short(w), f.may_hold(w)) << w;
  PrefixFilter g;
  g.add_prefix("q");
  EXPECT_TRUE(g.has_short_prefixes());
  EXPECT_TRUE(g.may_hold("quattro"));
}

}  // namespace
}  // namespace dealscan::money

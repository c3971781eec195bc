// Money tokens from the shared word scan, into one Tokens reused document
// after document (as the extractor's per-thread buffer is): long texts of
// many hundred tokens, short ones after long ones, words read one by one
// (accents, numbers over several words) between the plain ASCII ones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entity_tokens.h"
#include "extract/money_tokens.h"

namespace dealscan {
namespace {

// Italian-like text of n sentences; every third has accented words and
// numbers written with separators, which the tokenizer reads on its own.
std::string text_of(int n) {
  std::string s;
  for (int k = 0; k < n; ++k) {
    s += "La societ\xC3\xA0 ha chiuso l'anno con ricavi per " + std::to_string(10 + k) + " miliardi di euro.";
    if (k % 3 == 0) s += " Per\xC3\xB2 il titolo \xC3\xA8 sceso: 1.500,25 e 10 000 azioni,  pi\xC3\xB9 di prima.\n\n";
    else s += " Nuovo accordo da $5 milioni con OpenAI\n";
  }
  return s;
}

void expect_same_as_direct(const std::string& s, money::Tokens& shared) {
  const std::string lowered = money::lower(s);
  const entity::TokenStream words = entity::tokenize(s, {});
  money::Tokens direct;
  money::tokenize(s, lowered, direct);
  money::tokenize_words(words, lowered, shared);
  ASSERT_EQ(shared.list.size(), direct.list.size());
  for (std::size_t k = 0; k < direct.list.size(); ++k) {
    ASSERT_EQ(shared.list[k].begin, direct.list[k].begin) << k;
    ASSERT_EQ(shared.list[k].end, direct.list[k].end) << k;
    ASSERT_EQ(shared.list[k].kind, direct.list[k].kind) << k;
    ASSERT_EQ(shared.list[k].glued_left, direct.list[k].glued_left) << k;
    ASSERT_EQ(shared.list[k].low, direct.list[k].low) << k;
  }
}

TEST(MoneyTokensReuse, LongTextsGiveEveryTokenOnce) {
  money::Tokens shared;
  expect_same_as_direct(text_of(200), shared);
  EXPECT_GT(shared.list.size(), 3000u);
}

TEST(MoneyTokensReuse, ShortAfterLongKeepsNothingOfTheLongOne) {
  money::Tokens shared;
  expect_same_as_direct(text_of(120), shared);
  expect_same_as_direct(text_of(1), shared);
  expect_same_as_direct("", shared);
  EXPECT_TRUE(shared.list.empty());
  expect_same_as_direct(text_of(7), shared);
  expect_same_as_direct(text_of(90), shared);
}

TEST(MoneyTokensReuse, EveryLengthAroundTheGrowthSteps) {
  money::Tokens shared;
  std::string s;
  for (int k = 0; k < 300; ++k) {
    s += k % 5 == 0 ? "citt\xC3\xA0 " : k % 7 == 0 ? "3,5 " : "parola ";
    expect_same_as_direct(s, shared);
  }
}

// The scan says whether all white space is plain (' ', tab, line breaks):
// then money takes any gap as white space without reading it; a form feed,
// vertical tab or a space beyond ASCII anywhere sends gaps back to reading.
TEST(MoneyTokensReuse, GapsOfPlainWhiteSpaceAndOddSpaces) {
  struct Case {
    const char* text;
    bool plain;
  };
  const Case cases[] = {
      {"Ricavi  per 10 000\n\n  milioni di euro,\t\r\nin calo.", true},
      {"L'utile   sale a 1.500,25   euro  ", true},
      {"   ", true},
      {"Ricavi per 10\f000 euro e 5  milioni", false},
      {"Vale 3\v000 dollari", false},
      {"Vale 7\xE2\x80\x83miliardi di euro e 2  milioni", false},  // em space
      {"Perdite per 4\xE2\x80\xA8milioni", false},                 // line separator
  };
  money::Tokens shared;
  for (const auto& c : cases) {
    EXPECT_EQ(entity::tokenize(c.text, {}).plain_spaces, c.plain) << c.text;
    expect_same_as_direct(c.text, shared);
  }
}

}  // namespace
}  // namespace dealscan

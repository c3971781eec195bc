// Claims, StartIndex and "*suffix" words: a word gets a matcher's bit for a
// suffix only when it ends in that suffix, not merely in its last letter,
// so a matcher of conditionals is not asked at every word ending in "e".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

TEST(StartSuffix, OnlyWordsEndingInTheSuffixGetItsBit) {
  Lexicon lexicon;
  lexicon.add_list("words", "sede legale\tkind=a\n", "test");
  lexicon.add_list("conditionals", "*rebbe\tkind=b\n*remmo\tkind=b\n", "test");
  PhraseMatcher words(lexicon.list("words")), conditionals(lexicon.list("conditionals"));
  const StartIndex index({&words, &conditionals});
  // sede: a word of the first; e, presidente: end in 'e' only; pagherebbe,
  // andremmo: suffixes of the second; rebbe: the suffix with nothing before
  // it, which "*rebbe" does not match.
  EXPECT_EQ(index.starts_of("sede"), 1);
  EXPECT_EQ(index.starts_of("e"), 0);
  EXPECT_EQ(index.starts_of("presidente"), 0);
  EXPECT_EQ(index.starts_of("pagherebbe"), 2);
  EXPECT_EQ(index.starts_of("andremmo"), 2);
  EXPECT_EQ(index.starts_of("rebbe"), 0);
  EXPECT_EQ(index.starts_of("remmo"), 0);
}

TEST(StartSuffix, MarkedSentencesMatchLikeUnmarkedOnes) {
  Lexicon lexicon;
  lexicon.add_list("conditionals", "*rebbe\tkind=b\nnon *rebbe\tkind=c\nsi dice\tkind=d\n", "test");
  PhraseMatcher conditionals(lexicon.list("conditionals"));
  const StartIndex index({&conditionals});
  const std::string text = "Il presidente non pagherebbe alcuna cifre, si dice che Alfa investirebbe e rebbe.";
  std::string lowered;
  text::assign_lowered(text, lowered);
  const auto plain = tokenize(text, lowered, Span{0, text.size()});
  auto marked = plain;
  index.mark(marked);
  std::vector<std::size_t> want, got;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    PhraseMatch a, b;
    if (conditionals.match_at(plain, i, a)) want.push_back(i * 100 + a.end);
    if (conditionals.match_at(marked, i, b)) got.push_back(i * 100 + b.end);
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(want.size(), 4u);  // "non pagherebbe", "pagherebbe", "si dice", "investirebbe"
  std::size_t asked = 0;
  for (const auto& t : marked) asked += t.may_start != 0;
  EXPECT_EQ(asked, 4u);  // non, pagherebbe, si, investirebbe: not presidente, cifre, che, e
}

}  // namespace
}  // namespace dealscan::claims

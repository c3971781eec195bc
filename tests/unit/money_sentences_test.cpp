// Money extractor: an amount's span and duration stay inside the sentence
// that holds the amount, whichever sentence of several that is. (A qualifier
// in the previous sentence is cut from the span; its value is still read.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "support/money_lines.h"

namespace dealscan {
namespace {

using test_support::lines_of;
using test_support::span_text;
using test_support::money_extractor;

TEST(MoneySentences, QualifierInThePreviousLineIsNotTaken) {
  std::string t = "Titolo: investimenti oltre\n500 miliardi di dollari per i chip";
  auto out = money_extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "500 miliardi di dollari");
}

TEST(MoneySentences, QualifierInTheSameLineIsTaken) {
  std::string t = "Primo rigo\nInvestimenti per oltre 500 miliardi di dollari\nUltimo rigo";
  auto out = money_extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 500 miliardi di dollari");
}

TEST(MoneySentences, DurationInTheNextLineIsNotAttached) {
  std::string t = "Prima riga\nSpenderà 38 miliardi di dollari\nin sette anni cambierà tutto\nfine";
  auto out = money_extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_FALSE(out.money[0].period_years.has_value());
}

TEST(MoneySentences, AmountsInSeveralLinesKeepTheirOwnQualifiers) {
  std::string t = "Un accordo da almeno\n20 miliardi di euro\ne poi fino a 30 miliardi di euro in sette anni";
  auto out = money_extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_EQ(span_text(t, out.money[0].span), "20 miliardi di euro");
  EXPECT_FALSE(out.money[0].period_years.has_value());
  EXPECT_EQ(span_text(t, out.money[1].span), "fino a 30 miliardi di euro");
  EXPECT_EQ(out.money[1].qualifier, Qualifier::UpTo);
  ASSERT_TRUE(out.money[1].period_years.has_value());
  EXPECT_EQ(*out.money[1].period_years, 7);
}

TEST(MoneySentences, TextPastTheLastSentenceBelongsToIt) {
  // The sentence list stops early: what follows still counts as the last sentence.
  std::string t = "Un rigo\nSpenderà oltre 38 miliardi di dollari in sette anni";
  std::vector<Sentence> sentences{Sentence{Span{0, 7}}, Sentence{Span{8, 20}}};
  auto out = money_extractor().extract(t, sentences);
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 38 miliardi di dollari");
  ASSERT_TRUE(out.money[0].period_years.has_value());
  EXPECT_EQ(*out.money[0].period_years, 7);
}

TEST(MoneySentences, NoSentencesMeansOneSentence) {
  std::string t = "Spenderà oltre 38 miliardi di dollari in sette anni";
  auto out = money_extractor().extract(t, {});
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 38 miliardi di dollari");
  EXPECT_TRUE(out.money[0].period_years.has_value());
}

}  // namespace
}  // namespace dealscan

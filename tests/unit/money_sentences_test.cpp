// Money extractor: an amount's span and duration stay inside the sentence
// that holds the amount, whichever sentence of several that is. (A qualifier
// in the previous sentence is cut from the span; its value is still read.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

const MoneyExtractor& extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

// Sentences split at every newline (headings and lines without a full stop).
std::vector<Sentence> lines_of(const std::string& t) {
  std::vector<Sentence> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= t.size(); ++i)
    if (i == t.size() || t[i] == '\n') {
      out.push_back(Sentence{Span{b, i}});
      b = i + 1;
    }
  return out;
}

std::string span_text(const std::string& t, Span s) { return t.substr(s.begin, s.size()); }

TEST(MoneySentences, QualifierInThePreviousLineIsNotTaken) {
  std::string t = "Titolo: investimenti oltre\n500 miliardi di dollari per i chip";
  auto out = extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "500 miliardi di dollari");
}

TEST(MoneySentences, QualifierInTheSameLineIsTaken) {
  std::string t = "Primo rigo\nInvestimenti per oltre 500 miliardi di dollari\nUltimo rigo";
  auto out = extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 500 miliardi di dollari");
}

TEST(MoneySentences, DurationInTheNextLineIsNotAttached) {
  std::string t = "Prima riga\nSpenderà 38 miliardi di dollari\nin sette anni cambierà tutto\nfine";
  auto out = extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_FALSE(out.money[0].period_years.has_value());
}

TEST(MoneySentences, AmountsInSeveralLinesKeepTheirOwnQualifiers) {
  std::string t = "Un accordo da almeno\n20 miliardi di euro\ne poi fino a 30 miliardi di euro in sette anni";
  auto out = extractor().extract(t, lines_of(t));
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
  auto out = extractor().extract(t, sentences);
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 38 miliardi di dollari");
  ASSERT_TRUE(out.money[0].period_years.has_value());
  EXPECT_EQ(*out.money[0].period_years, 7);
}

TEST(MoneySentences, NoSentencesMeansOneSentence) {
  std::string t = "Spenderà oltre 38 miliardi di dollari in sette anni";
  auto out = extractor().extract(t, {});
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(span_text(t, out.money[0].span), "oltre 38 miliardi di dollari");
  EXPECT_TRUE(out.money[0].period_years.has_value());
}

}  // namespace
}  // namespace dealscan

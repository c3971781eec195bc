// What a currency entry says, as the money extractor uses it: the code, the
// factor of a sub-unit ("pence", "centesimi") and glued forms ("A$", never
// "a $" where "a" is the preposition).
#include <gtest/gtest.h>

#include <string>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

const MoneyExtractor& extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

MoneyOutput run(const std::string& t) { return extractor().extract(t, {Sentence{Span{0, t.size()}}}); }

TEST(MoneyCurrencyFacts, GluedFormNeedsItsPiecesGlued) {
  auto glued = run("La societ\xC3\xA0 australiana raccoglie A$ 40 milioni.");
  ASSERT_EQ(glued.money.size(), 1u);
  EXPECT_EQ(glued.money[0].currency, "AUD");
  EXPECT_DOUBLE_EQ(glued.money[0].value, 4e7);
  // "a $ 40 milioni": the preposition and the dollar sign, not A$.
  auto apart = run("Il prezzo sale a $ 40 milioni.");
  ASSERT_EQ(apart.money.size(), 1u);
  EXPECT_EQ(apart.money[0].currency, "USD");
}

TEST(MoneyCurrencyFacts, SubUnitsScaleByTheirFactor) {
  auto pence = run("Il dividendo sale a 470 pence per azione.");
  ASSERT_EQ(pence.money.size(), 1u);
  EXPECT_EQ(pence.money[0].currency, "GBP");
  EXPECT_DOUBLE_EQ(pence.money[0].value, 4.7);
  auto cents = run("Ogni titolo paga 80 centesimi di dollaro.");
  ASSERT_EQ(cents.money.size(), 1u);
  EXPECT_EQ(cents.money[0].currency, "USD");
  EXPECT_DOUBLE_EQ(cents.money[0].value, 0.8);
}

TEST(MoneyCurrencyFacts, CodesOfNamesAndSymbols) {
  auto out = run("Offerte da 3 miliardi di sterline, 2 miliardi di franchi svizzeri e \xE2\x82\xAC 5 milioni.");
  ASSERT_EQ(out.money.size(), 3u);
  EXPECT_EQ(out.money[0].currency, "GBP");
  EXPECT_EQ(out.money[1].currency, "CHF");
  EXPECT_EQ(out.money[2].currency, "EUR");
}

}  // namespace
}  // namespace dealscan

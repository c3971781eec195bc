// Where an amount may start: the matcher turns most tokens away before its
// rules run. Every kind of opening word must still open an amount (digits,
// number words, articles and "il" before a scale, "mezzo", vague words,
// currencies and their symbols), and the same words must open nothing when
// what follows makes no number of them.
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

struct Seen {
  std::string text;
  double value;
  std::string currency;
};

std::vector<Seen> money_in(const std::string& text) {
  auto out = extractor().extract(text, {Sentence{Span{0, static_cast<std::uint32_t>(text.size())}}});
  std::vector<Seen> seen;
  for (const auto& m : out.money) seen.push_back({text.substr(m.span.begin, m.span.size()), m.value, m.currency});
  return seen;
}

void expect_one(const std::string& text, const std::string& found, double value, const std::string& currency) {
  auto seen = money_in(text);
  ASSERT_EQ(seen.size(), 1u) << text;
  EXPECT_EQ(seen[0].text, found) << text;
  EXPECT_DOUBLE_EQ(seen[0].value, value) << text;
  EXPECT_EQ(seen[0].currency, currency) << text;
}

TEST(MoneyStarts, EveryKindOfOpeningWordStillOpensAnAmount) {
  expect_one("La banca ha raccolto 250 milioni di euro ieri.", "250 milioni di euro", 2.5e8, "EUR");
  expect_one("Il piano vale duecentocinquanta milioni di euro.", "duecentocinquanta milioni di euro", 2.5e8, "EUR");
  expect_one("Il fondo ha investito un miliardo di dollari.", "un miliardo di dollari", 1e9, "USD");
  expect_one("Servirà una decina di milioni di euro.", "una decina di milioni di euro", 1e7, "EUR");
  expect_one("La spesa supera il trilione di dollari.", "supera il trilione di dollari", 1e12, "USD");
  expect_one("Costerà mezzo miliardo di sterline.", "mezzo miliardo di sterline", 5e8, "GBP");
  expect_one("Ballano decine di miliardi di dollari.", "decine di miliardi di dollari", 1e10, "USD");
  expect_one("Il gruppo ha pagato $5 miliardi in contanti.", "$5 miliardi", 5e9, "USD");
  expect_one("Il valore è di 12 euro per azione.", "12 euro", 12, "EUR");
}

TEST(MoneyStarts, TheSameWordsOpenNothingWithoutANumberAfter) {
  EXPECT_TRUE(money_in("Il settore ha visto un calo e una ripresa, a detta di uno stesso analista.").empty());
  EXPECT_TRUE(money_in("Il miliardario ha detto la sua su mezzo mondo.").empty());
  EXPECT_TRUE(money_in("Decine di persone in fila per il dollaro.").empty());
}

}  // namespace
}  // namespace dealscan

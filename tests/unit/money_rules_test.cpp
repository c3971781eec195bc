// Rule names of money amounts and quantities, built piece by piece while an
// amount is matched (currency before, numbers, range, currency after,
// cents, qualifier prepended), and RuleName itself against std::string.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "extract/money_amounts.h"

namespace dealscan {
namespace {

const MoneyExtractor& extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

std::vector<std::string> money_rules(const std::string& t) {
  std::vector<std::string> out;
  for (const auto& m : extractor().extract(t, {Sentence{Span{0, t.size()}}}).money) out.push_back(m.rule);
  return out;
}

using Rules = std::vector<std::string>;

TEST(MoneyRules, EveryPieceInItsPlace) {
  EXPECT_EQ(money_rules("Investe oltre 500 miliardi di dollari nel piano."),
            Rules{"qualifier+digits+scale+di+currency"});
  EXPECT_EQ(money_rules("Un assegno da $5 milioni per il fondo."), Rules{"currency+digits+scale"});
  EXPECT_EQ(money_rules("Vale tra 5 e 10 miliardi di euro."), Rules{"range:digits-digits+scale+di+currency"});
  EXPECT_EQ(money_rules("Costa 15 dollari e 15 centesimi."), Rules{"digits+currency+cents"});
  EXPECT_EQ(money_rules("Servono decine di miliardi di dollari."), Rules{"vague-decine+di+scale+di+currency"});
  EXPECT_EQ(money_rules("La spesa è salita da 12 a 16 miliardi di dollari."),
            (Rules{"change-from:digits+shared-scale-currency", "digits+scale+di+currency"}));
  EXPECT_EQ(money_rules("Un piano da 40 miliardi di euro e poi 35 miliardi."),
            (Rules{"digits+scale+di+currency", "digits+scale+context-currency"}));
}

// The number's own rule inside the amount's: every way of reading it, with
// scale words and "e mezzo" after them.
TEST(MoneyRules, NumberRulesWithTheirScales) {
  EXPECT_EQ(money_rules("Spende un miliardo e mezzo di euro."), Rules{"un+scale+e-mezzo+scale+di+currency"});
  EXPECT_EQ(money_rules("Poi 2 miliardi e mezzo di dollari."), Rules{"digits+e-mezzo+scale+di+currency"});
  EXPECT_EQ(money_rules("Infine mezzo miliardo di euro."), Rules{"mezzo+scale+scale+di+currency"});
  EXPECT_EQ(money_rules("Anche una decina di milioni di euro."), Rules{"article+group+scale+di+currency"});
  EXPECT_EQ(money_rules("E tre quarti di milione di dollari."), Rules{"words+fraction+scale+di+currency"});
  EXPECT_EQ(money_rules("Un miliardo di sterline."), Rules{"un+scale+scale+di+currency"});
  EXPECT_EQ(money_rules("Il miliardo di euro."), Rules{"il+scale+scale+di+currency"});
  EXPECT_EQ(money_rules("Ventimila euro."), Rules{"words+currency"});
  EXPECT_EQ(money_rules("Da 3 a 4 miliardi e mezzo di euro."), Rules{"range:digits-digits+e-mezzo+scale+di+currency"});
}

TEST(MoneyRules, QuantitiesKeepTheirRule) {
  const std::string t = "Una centrale da 10 gigawatt.";
  const auto out = extractor().extract(t, {Sentence{Span{0, t.size()}}});
  ASSERT_EQ(out.quantities.size(), 1u);
  EXPECT_EQ(out.quantities[0].rule, "digits+unit");
}

// Appends and prepends of every length, across the in-place buffer's end.
TEST(MoneyRules, RuleNameReadsAsTheStringItStandsFor) {
  for (std::size_t piece = 1; piece <= 40; piece += 3) {
    money::RuleName name;
    std::string same;
    for (int step = 0; step < 12; ++step) {
      const std::string s(piece, static_cast<char>('a' + step));
      if (step % 3 == 2) {
        name.prepend(s);
        same.insert(0, s);
      } else {
        name += s;
        same += s;
      }
      ASSERT_EQ(name.view(), same) << piece << " " << step;
      money::RuleName copy = name;
      ASSERT_EQ(copy.str(), same);
    }
    name.clear();
    EXPECT_EQ(name.str(), "");
    name += "digits";
    EXPECT_EQ(name.str(), "digits");
  }
}

}  // namespace
}  // namespace dealscan

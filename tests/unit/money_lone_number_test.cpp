// A number of one token ("2025", "due") followed by a word that continues no
// amount is refused before it is read (AmountMatcher::lone_number): every
// word that may continue one (a scale, group or fraction, a currency, a
// unit, a range separator, "di", "d'") must still let its amount through,
// and the lone numbers must still give nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"

namespace dealscan {
namespace {

const MoneyExtractor& extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

MoneyOutput run(const std::string& text) { return extractor().extract(text, {Sentence{Span{0, text.size()}}}); }

// The amount that starts at the number: its span begins there.
bool starts_amount_at(const MoneyOutput& out, std::size_t at) {
  for (const auto& m : out.money)
    if (m.span.begin == at) return true;
  for (const auto& q : out.quantities)
    if (q.span.begin == at) return true;
  return false;
}

TEST(MoneyLoneNumber, EveryCurrencyAfterANumberStillMakesAnAmount) {
  int checked = 0;
  for (const auto& e : Lexicon::builtin().list("currencies")) {
    if (e.attr("code").empty()) continue;  // "centesimi" names no currency alone
    for (const auto& f : e.forms) {
      for (const std::string number : {"5", "cinque"}) {
        for (const std::string link : {" ", " di "}) {
          const std::string text = "Sono stati pagati " + number + link + f + " in tutto.";
          EXPECT_TRUE(starts_amount_at(run(text), text.find(number))) << text;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(MoneyLoneNumber, EveryUnitAfterANumberStillMakesAQuantity) {
  int checked = 0;
  for (const auto& e : Lexicon::builtin().list("units"))
    for (const auto& f : e.forms) {
      const std::string text = "Sono stati installati 40 " + f + " in tutto.";
      const auto out = run(text);
      EXPECT_TRUE(starts_amount_at(out, text.find("40"))) << text;
      ++checked;
    }
  EXPECT_GT(checked, 5);
}

TEST(MoneyLoneNumber, ScalesRangesAndFractionsStillContinueTheNumber) {
  const std::vector<std::string> texts = {
      "L'offerta vale 5 miliardi e la banca ne chiede 7 miliardi di euro.",
      "Il prezzo sale da 5 a 7 milioni di euro.",
      "Il valore oscilla tra 5 e 7 milioni di dollari.",
      "La stima è di 5-7 milioni di euro.",
      "Hanno versato tre quarti di milione di euro.",
      "Hanno versato 12 d'euro.",
  };
  for (const auto& text : texts) {
    const auto out = run(text);
    EXPECT_FALSE(out.money.empty()) << text;
  }
  const auto range = run("La stima è di 5-7 milioni di euro.");
  ASSERT_EQ(range.money.size(), 1u);
  EXPECT_TRUE(range.money[0].max.has_value());
}

TEST(MoneyLoneNumber, LoneNumbersGiveNothing) {
  for (const std::string text : {"Nel 2025, due società e 14 paesi hanno firmato.", "Erano in 3. Poi 12 ore dopo, 7",
                                 "Uno degli advisor e tre dei soci, 40 anni fa."}) {
    const auto out = run(text);
    EXPECT_TRUE(out.money.empty()) << text;
    EXPECT_TRUE(out.quantities.empty()) << text;
  }
}

}  // namespace
}  // namespace dealscan

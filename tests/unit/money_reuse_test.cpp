// Money extractor buffers kept per thread between documents: what one
// document found (elided currencies, conversions, sentence bounds) never
// shows in the next one, and several amounts of one sentence each keep that
// sentence's bounds.
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

// Every field the extractor fills, as one line per mention.
std::string describe(const std::string& t, const MoneyOutput& out) {
  std::string s;
  for (const auto& m : out.money) {
    s += span_text(t, m.span) + "|" + std::to_string(m.value) + "|" + (m.max ? std::to_string(*m.max) : "-") + "|" +
         m.currency + "|" + (m.currency_from_context ? "ctx" : "named") + "|" +
         std::to_string(static_cast<int>(m.qualifier)) + "|" +
         (m.period_years ? std::to_string(*m.period_years) : "-") + "|" +
         (m.conversion_of ? std::to_string(*m.conversion_of) : "-") + "|" + m.rule + "\n";
  }
  for (const auto& q : out.quantities) s += "Q " + span_text(t, q.span) + "|" + q.unit + "|" + q.rule + "\n";
  return s;
}

const std::string kConverted =
    "Il gruppo investirà 100 miliardi di dollari (quasi 85 miliardi di euro) in sette anni\n"
    "Poi altri 35 miliardi, e oltre 2 miliardi di euro per la rete\n"
    "Nessuna cifra in questa riga";
const std::string kElidedOnly = "Un piano da 40 miliardi\nsenza valuta, e 12 milioni\n";
const std::string kNamedLater = "Prima 7 miliardi\npoi 3 miliardi di sterline, anzi 4 miliardi";

TEST(MoneyReuse, EachDocumentReadsAsIfItCameFirst) {
  const std::vector<std::string> docs = {kConverted, kElidedOnly, kNamedLater};
  std::vector<std::string> alone;
  for (const auto& d : docs) alone.push_back(describe(d, money_extractor().extract(d, lines_of(d))));
  // The same documents in another order, twice over, on the same thread.
  for (int round = 0; round < 2; ++round)
    for (std::size_t k : {2u, 0u, 1u, 0u, 2u}) {
      const auto& d = docs[k];
      EXPECT_EQ(describe(d, money_extractor().extract(d, lines_of(d))), alone[k]) << "document " << k;
    }
}

TEST(MoneyReuse, ConversionAndContextCurrencyAsRead) {
  const auto out = money_extractor().extract(kConverted, lines_of(kConverted));
  ASSERT_EQ(out.money.size(), 4u);
  EXPECT_EQ(out.money[1].conversion_of, std::optional<std::size_t>(0));
  EXPECT_EQ(out.money[2].currency, "EUR");  // elided: the nearest named before it
  EXPECT_TRUE(out.money[2].currency_from_context);
  EXPECT_EQ(span_text(kConverted, out.money[3].span), "oltre 2 miliardi di euro");
  // A document naming no currency keeps none of the one before.
  EXPECT_TRUE(money_extractor().extract(kElidedOnly, lines_of(kElidedOnly)).money.empty());
  const auto later = money_extractor().extract(kNamedLater, lines_of(kNamedLater));
  ASSERT_EQ(later.money.size(), 3u);
  EXPECT_EQ(later.money[0].currency, "GBP");  // the first named after it
}

TEST(MoneyReuse, AmountsOfOneSentenceKeepItsBounds) {
  // Qualifiers before each amount: in the same line they are taken, across
  // the line break never, also when the line before held an amount too.
  const std::string t =
      "Spesi 5 miliardi di euro e oltre 6 miliardi di euro, circa\n"
      "7 miliardi di euro e almeno 8 miliardi di euro in tre anni\n"
      "fino a\n9 miliardi di euro";
  const auto out = money_extractor().extract(t, lines_of(t));
  ASSERT_EQ(out.money.size(), 5u);
  EXPECT_EQ(span_text(t, out.money[0].span), "5 miliardi di euro");
  EXPECT_EQ(span_text(t, out.money[1].span), "oltre 6 miliardi di euro");
  EXPECT_EQ(span_text(t, out.money[2].span), "7 miliardi di euro");
  EXPECT_EQ(span_text(t, out.money[3].span), "almeno 8 miliardi di euro");
  EXPECT_TRUE(out.money[3].period_years.has_value());
  EXPECT_FALSE(out.money[2].period_years.has_value() && out.money[1].period_years.has_value());
  EXPECT_EQ(span_text(t, out.money[4].span), "9 miliardi di euro");
}

}  // namespace
}  // namespace dealscan

// Money extractor: phrase tables (tests/data/money/*.tsv) plus the cases a
// single phrase cannot show (context currency, conversions, spans, periods).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "dealscan/extract.h"
#include "extract/latin_case.h"

namespace dealscan {
namespace {

const MoneyExtractor& extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

MoneyOutput run(std::string_view text) { return extractor().extract(text, {Sentence{Span{0, text.size()}}}); }

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string col;
  while (std::getline(ss, col, '\t')) out.push_back(col);
  return out;
}

std::vector<std::string> data_lines(const std::string& name) {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/money/" + name);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

bool near(double a, double b) { return std::fabs(a - b) <= std::fabs(b) * 1e-9 + 1e-12; }

TEST(MoneyPhrases, PositiveTable) {
  auto lines = data_lines("positive.tsv");
  ASSERT_GE(lines.size(), 120u);
  int failures = 0;
  for (const auto& line : lines) {
    auto c = split_tabs(line);
    ASSERT_EQ(c.size(), 6u) << line;
    auto out = run(c[0]);
    std::string why;
    if (out.money.size() != 1) {
      why = "expected 1 money mention, got " + std::to_string(out.money.size());
    } else {
      const auto& m = out.money[0];
      if (!near(m.value, std::stod(c[1]))) why += " value=" + std::to_string(m.value);
      if ((c[2] == "-") != !m.max.has_value() || (m.max && !near(*m.max, std::stod(c[2]))))
        why += " max=" + (m.max ? std::to_string(*m.max) : std::string("none"));
      if (m.currency != c[3]) why += " currency=" + m.currency;
      if (to_string(m.qualifier) != c[4]) why += " qualifier=" + std::string(to_string(m.qualifier));
      if ((c[5] == "-") != !m.period_years.has_value() || (m.period_years && !near(*m.period_years, std::stod(c[5]))))
        why += " period=" + (m.period_years ? std::to_string(*m.period_years) : std::string("none"));
      if (m.rule.empty()) why += " empty rule";
    }
    if (!why.empty()) {
      ++failures;
      ADD_FAILURE() << c[0] << " ->" << why;
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(MoneyPhrases, NegativeTable) {
  auto lines = data_lines("negative.tsv");
  ASSERT_GE(lines.size(), 30u);
  for (const auto& line : lines) {
    auto out = run(line);
    EXPECT_TRUE(out.money.empty()) << line << " -> " << out.money.size() << " (first rule "
                                   << (out.money.empty() ? "" : out.money[0].rule) << ")";
  }
}

// Lower-casing goes eight ASCII bytes at a time: mixed with accented
// capitals, the bytes around 'A' and 'Z' and stray UTF-8 bytes, at every
// offset, it must give what the byte-by-byte rule gives.
TEST(LatinCase, WordAtATimeLoweringMatchesTheByteRule) {
  auto by_byte = [](std::string s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c >= 'A' && c <= 'Z') {
        s[i] = static_cast<char>(c + 32);
      } else if (c == 0xC3 && i + 1 < s.size()) {
        auto d = static_cast<unsigned char>(s[i + 1]);
        if (d >= 0x80 && d <= 0x9E && d != 0x97) s[i + 1] = static_cast<char>(d + 0x20);
        ++i;
      }
    }
    return s;
  };
  const unsigned char alphabet[] = {'A', 'Z', '@', '[', 'a', 'z',  '`',  '{',  'M',
                                    '0', ' ', 0x7F, 0xC3, 0x80, 0x97, 0x9E, 0x9F, 0xC8};
  std::uint32_t seed = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const std::size_t len = round % 40;
    for (std::size_t k = 0; k < len; ++k) {
      seed = seed * 1664525u + 1013904223u;
      // Mostly ASCII letters so that whole ASCII words occur.
      const bool ascii = (seed >> 28) < 12;
      s += static_cast<char>(ascii ? 'A' + (seed >> 8) % 58 : alphabet[(seed >> 8) % sizeof alphabet]);
    }
    std::string lowered = s;
    text::lower_latin_in_place(lowered);
    EXPECT_EQ(lowered, by_byte(s)) << round;
  }
  EXPECT_EQ(text::lower_latin("IL PIÙ GRANDE ACCORDO DELL'ANNO: È FATTA"), "il più grande accordo dell'anno: è fatta");
}

TEST(Money, SpanIncludesQualifierAndCurrency) {
  std::string t = "Amazon investirà oltre i 500 miliardi di dollari in OpenAI.";
  auto out = run(t);
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(t.substr(out.money[0].span.begin, out.money[0].span.size()), "oltre i 500 miliardi di dollari");
}

TEST(Money, ElidedCurrencyComesFromEarlierAmount) {
  auto out = run("Il piano vale 100 miliardi di dollari. Di questi, 35 miliardi andranno ai chip.");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_EQ(out.money[1].currency, "USD");
  EXPECT_TRUE(out.money[1].currency_from_context);
  EXPECT_FALSE(out.money[0].currency_from_context);
}

TEST(Money, ElidedCurrencyInHeadlineComesFromLaterAmount) {
  auto out = run("PROPOSTA DA 20 MILIARDI: NIENTE DA FARE. Il gruppo offriva 20 miliardi di euro.");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_EQ(out.money[0].currency, "EUR");
  EXPECT_TRUE(out.money[0].currency_from_context);
}

TEST(Money, ElidedCurrencyNeedsAScaleWord) {
  auto out = run("Il piano vale 100 miliardi di dollari. Poi ne arrivano altri 35.");
  EXPECT_EQ(out.money.size(), 1u);
}

TEST(Money, NoCurrencyAnywhereMeansNoMoney) {
  EXPECT_TRUE(run("Il contratto vale 38 miliardi.").money.empty());
}

TEST(Money, CountNounAfterScaleIsNotMoney) {
  auto out = run("Ha raccolto 2 miliardi di euro e gestisce 5 miliardi di richieste.");
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_DOUBLE_EQ(out.money[0].value, 2e9);
}

TEST(Money, MoneyNounAfterScaleTakesContextCurrency) {
  auto out = run("Vale 12 miliardi di dollari e punta a un miliardo di fatturato.");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_DOUBLE_EQ(out.money[1].value, 1e9);
  EXPECT_EQ(out.money[1].currency, "USD");
}

TEST(Money, BracketedConversion) {
  auto out = run("Un investimento da 100 miliardi di dollari (quasi 85 miliardi di euro) nei chip.");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_FALSE(out.money[0].conversion_of.has_value());
  ASSERT_TRUE(out.money[1].conversion_of.has_value());
  EXPECT_EQ(*out.money[1].conversion_of, 0u);
  EXPECT_EQ(out.money[1].qualifier, Qualifier::Nearly);
  EXPECT_EQ(out.money[1].currency, "EUR");
}

TEST(Money, ConversionWithOvveroAndCioe) {
  for (std::string t : {"Pagherà 32 miliardi di dollari, ovvero circa 30 miliardi di euro.",
                        "Pagherà 32 miliardi di dollari, cioè più o meno 30 miliardi di euro."}) {
    auto out = run(t);
    ASSERT_EQ(out.money.size(), 2u) << t;
    ASSERT_TRUE(out.money[1].conversion_of.has_value()) << t;
    EXPECT_EQ(out.money[1].qualifier, Qualifier::About) << t;
  }
}

TEST(Money, SameCurrencyIsNotAConversion) {
  auto out = run("Vale 10 miliardi di dollari (più 2 miliardi di dollari di bonus).");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_FALSE(out.money[1].conversion_of.has_value());
}

TEST(Money, PeriodSpanPointsAtTheDuration) {
  std::string t = "Spenderà 38 miliardi di dollari nell'arco di sette anni.";
  auto out = run(t);
  ASSERT_EQ(out.money.size(), 1u);
  const auto& p = out.money[0].period_span;
  EXPECT_EQ(t.substr(p.begin, p.size()), "nell'arco di sette anni");
}

TEST(Money, DurationInAnotherSentenceDoesNotAttach) {
  std::string t = "Spenderà 38 miliardi di dollari. In sette anni cambierà tutto.";
  auto out = extractor().extract(t, {Sentence{Span{0, 33}}, Sentence{Span{34, t.size()}}});
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_FALSE(out.money[0].period_years.has_value());
}

TEST(Money, QuantitiesGoToQuantities) {
  auto out = run("Il titolo sale del 27%, con 10 gigawatt e 4-5 milioni di GPU.");
  EXPECT_TRUE(out.money.empty());
  ASSERT_EQ(out.quantities.size(), 3u);
  EXPECT_EQ(out.quantities[0].unit, "percent");
  EXPECT_DOUBLE_EQ(out.quantities[0].value, 27);
  EXPECT_EQ(out.quantities[1].unit, "GW");
  EXPECT_EQ(out.quantities[2].unit, "GPU");
  EXPECT_DOUBLE_EQ(out.quantities[2].value, 4e6);
  ASSERT_TRUE(out.quantities[2].max.has_value());
  EXPECT_DOUBLE_EQ(*out.quantities[2].max, 5e6);
}

TEST(Money, OverflowIsRejectedNotWrapped) {
  auto out = run("Un debito di 999999999999999999999 miliardi di dollari e uno di 5 euro.");
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_DOUBLE_EQ(out.money[0].value, 5);
}

TEST(Money, VagueAmountsAreNamedVague) {
  auto out = run("Servono centinaia di miliardi di dollari.");
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_EQ(out.money[0].rule.rfind("vague-", 0), 0u);
}

TEST(Money, EmptyTextGivesNothing) {
  auto out = run("");
  EXPECT_TRUE(out.money.empty());
  EXPECT_TRUE(out.quantities.empty());
}

}  // namespace
}  // namespace dealscan

namespace dealscan {
namespace {

TEST(Money, ChangeFromToGivesTwoAmounts) {
  auto out = run("La valutazione è salita da 12 a 16 miliardi di dollari.");
  ASSERT_EQ(out.money.size(), 2u);
  EXPECT_DOUBLE_EQ(out.money[0].value, 12e9);
  EXPECT_FALSE(out.money[0].max.has_value());
  EXPECT_EQ(out.money[0].currency, "USD");
  EXPECT_DOUBLE_EQ(out.money[1].value, 16e9);
}

TEST(Money, PlainFromToIsARange) {
  auto out = run("Offerte da 12 a 16 miliardi di dollari.");
  ASSERT_EQ(out.money.size(), 1u);
  ASSERT_TRUE(out.money[0].max.has_value());
  EXPECT_DOUBLE_EQ(*out.money[0].max, 16e9);
}

}  // namespace
}  // namespace dealscan

// NumberParser: digits with both separator conventions, number words, scales.
#include <gtest/gtest.h>

#include "dealscan/extract.h"
#include "extract/number_reader.h"

namespace dealscan {
namespace {

const NumberParser& parser() {
  static const NumberParser p(Lexicon::builtin());
  return p;
}

std::optional<double> value_of(std::string_view text) {
  auto n = parser().parse_at(text, 0);
  if (!n) return std::nullopt;
  return n->value;
}

struct Case {
  const char* text;
  double value;
};

TEST(NumberParser, ReadsNumbers) {
  const Case cases[] = {
      {"1.500", 1500},        {"6,6", 6.6},           {"1.234,5", 1234.5},      {"22,4", 22.4},
      {"1,500,000", 1.5e6},   {"2.5", 2.5},           {"1.000.000", 1e6},       {"10 000", 1e4},
      {"1,234.5", 1234.5},    {"0,25", 0.25},         {"dieci", 10},            {"cento", 100},
      {"sette", 7},           {"ventisei", 26},       {"ventotto", 28},         {"trentuno", 31},
      {"duecentocinquanta", 250}, {"tremilacinquecento", 3500}, {"centottanta", 180}, {"mille", 1000},
      {"duemila", 2000},      {"ventitré", 23},       {"un miliardo", 1e9},     {"mezzo miliardo", 5e8},
      {"un miliardo e mezzo", 1.5e9}, {"tre quarti", 0.75}, {"una decina", 10},  {"10mila", 1e4},
      {"10 mila", 1e4},       {"10k", 1e4},           {"5 milioni", 5e6},       {"5 mln", 5e6},
      {"3 mld", 3e9},         {"2 mrd", 2e9},         {"4 bn", 4e9},            {"2 trilioni", 2e12},
      {"mezzo trilione", 5e11}, {"mille miliardi", 1e12}, {"UN MILIARDO", 1e9}, {"Ventisei", 26},
  };
  for (const auto& c : cases) {
    auto v = value_of(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
  }
}

TEST(NumberParser, RejectsNonNumbers) {
  for (const char* t : {"un accordo", "una società", "mezzo", "settant", "ottobre", "centro", "trentatrenta",
                        "1.2.3", "999999999999999999999 miliardi", "k", "il miliardario", "029"}) {
    EXPECT_FALSE(parser().parse_at(t, 0).has_value()) << t << " -> " << parser().parse_at(t, 0)->value;
  }
}

TEST(NumberParser, DoesNotStartInsideAName) {
  std::string t = "il chip MI450 e il fondo G42";
  EXPECT_FALSE(parser().parse_at(t, t.find("450")).has_value());
  EXPECT_FALSE(parser().parse_at(t, t.find("42")).has_value());
  EXPECT_TRUE(parser().find_all(t).empty());
}

TEST(NumberParser, FindAllGivesSpansLeftToRight) {
  std::string t = "Tra 5 e 10 miliardi, poi ventisei.";
  auto all = parser().find_all(t);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_DOUBLE_EQ(all[0].value, 5);
  EXPECT_EQ(t.substr(all[1].span.begin, all[1].span.size()), "10 miliardi");
  EXPECT_DOUBLE_EQ(all[1].value, 1e10);
  EXPECT_DOUBLE_EQ(all[2].value, 26);
  EXPECT_FALSE(all[1].rule.empty());
}

TEST(NumberParser, ParseAtPastEndIsEmpty) {
  EXPECT_FALSE(parser().parse_at("10", 5).has_value());
  EXPECT_FALSE(parser().parse_at("", 0).has_value());
}

}  // namespace
}  // namespace dealscan

namespace dealscan {
namespace {

// Regression (found by fuzz_money): after a multi-byte symbol parse_at refused
// a number that find_all reported.
TEST(NumberParser, ParseAtAgreesWithFindAllAfterASymbol) {
  std::string t = "costa €5 o £7, non città5";
  for (const auto& n : parser().find_all(t)) {
    auto at = parser().parse_at(t, n.span.begin);
    ASSERT_TRUE(at.has_value()) << n.span.begin;
    EXPECT_DOUBLE_EQ(at->value, n.value);
  }
  EXPECT_TRUE(parser().parse_at(t, t.find("5")).has_value());
  EXPECT_FALSE(parser().parse_at(t, t.rfind("5")).has_value());  // glued to the letter "à"
}

}  // namespace
}  // namespace dealscan

namespace dealscan {
namespace {

// Regression (found by fuzz_money): find_all read "venti" glued to a digit run
// as a number that parse_at refused.
TEST(NumberParser, NoNumberWordGluedToDigits) {
  std::string t = "codice 15venti e poi venti";
  auto all = parser().find_all(t);
  ASSERT_EQ(all.size(), 1u);  // "15venti" is neither 15 nor 20
  EXPECT_EQ(all[0].span.begin, t.rfind("venti"));
  EXPECT_DOUBLE_EQ(all[0].value, 20);
  for (const auto& n : all) EXPECT_TRUE(parser().parse_at(t, n.span.begin).has_value()) << n.span.begin;
}

// The filter in front of the number-word and currency lookups may let a
// stranger through but must never turn away a listed word or a word that
// starts with a listed prefix, whatever its length.
TEST(PrefixFilter, NeverRejectsListedWordsOrPrefixes) {
  money::PrefixFilter f;
  f.add_word("euro");
  f.add_word("$");
  f.add_prefix("venti");
  f.add_prefix("un");
  for (std::string_view w : {"euro", "$", "venti", "ventisei", "un", "uno", "undici"})
    EXPECT_TRUE(f.may_hold(w)) << w;
  // Other first bytes are turned away (these share no three-byte start with the list).
  int rejected = 0;
  for (std::string_view w : {"di", "la", "società", "accordo", "miliardi", "eu", "ve"}) rejected += !f.may_hold(w);
  EXPECT_GE(rejected, 5);
}

}  // namespace
}  // namespace dealscan

// NumberReader's number words: groups and fractions take their scale through
// "di", other words do not; articles count only before a scale or a group;
// the rule names say which reading was taken.
#include <gtest/gtest.h>

#include <string>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

const NumberParser& parser() {
  static const NumberParser p(Lexicon::builtin());
  return p;
}

struct Reading {
  std::string text;  // what was read
  double value;
  std::string rule;
};

Reading read(const std::string& t) {
  auto n = parser().parse_at(t, 0);
  if (!n) return {"", 0, "none"};
  return {t.substr(n->span.begin, n->span.size()), n->value, n->rule};
}

TEST(MoneyNumberWords, GroupsAndFractionsTakeTheirScaleThroughDi) {
  auto a = read("una decina di milioni di euro");
  EXPECT_EQ(a.text, "una decina di milioni");
  EXPECT_DOUBLE_EQ(a.value, 1e7);
  EXPECT_EQ(a.rule, "article+group+scale");
  auto b = read("tre quarti di milione di dollari");
  EXPECT_EQ(b.text, "tre quarti di milione");
  EXPECT_DOUBLE_EQ(b.value, 750000);
  EXPECT_EQ(b.rule, "words+fraction+scale");
  auto c = read("un paio di miliardi");
  EXPECT_DOUBLE_EQ(c.value, 2e9);
  EXPECT_EQ(c.rule, "article+group+scale");
}

TEST(MoneyNumberWords, PlainWordsAndDigitsDoNotTakeAScaleThroughDi) {
  auto a = read("dieci di milioni");
  EXPECT_EQ(a.text, "dieci");
  EXPECT_DOUBLE_EQ(a.value, 10);
  EXPECT_EQ(a.rule, "words");
  auto b = read("12 di miliardi");
  EXPECT_EQ(b.text, "12");
  EXPECT_EQ(b.rule, "digits");
}

TEST(MoneyNumberWords, ArticlesCountOnlyBeforeAScaleOrAGroup) {
  EXPECT_EQ(read("un accordo").rule, "none");
  EXPECT_EQ(read("il gruppo").rule, "none");
  EXPECT_EQ(read("una quarantina").rule, "article+group");
  EXPECT_EQ(read("un quarto").rule, "article+fraction");
  auto il = read("il trilione");
  EXPECT_DOUBLE_EQ(il.value, 1e12);
  EXPECT_EQ(il.rule, "il+scale+scale");
  auto uno = read("uno solo");
  EXPECT_EQ(uno.text, "uno");
  EXPECT_DOUBLE_EQ(uno.value, 1);
  EXPECT_EQ(uno.rule, "words");
}

TEST(MoneyNumberWords, HalfAfterAScaleAndHalfOfAScale) {
  auto a = read("un miliardo e mezzo");
  EXPECT_DOUBLE_EQ(a.value, 1.5e9);
  EXPECT_EQ(a.rule, "un+scale+e-mezzo+scale");
  auto b = read("mezzo miliardo");
  EXPECT_DOUBLE_EQ(b.value, 5e8);
  EXPECT_EQ(b.rule, "mezzo+scale+scale");
  EXPECT_EQ(read("mezzo chilo").rule, "none");
  EXPECT_EQ(read("decina").rule, "none");  // a group alone is no number
}

TEST(MoneyNumberWords, GluedOnlyScalesNeedTheirNumberGlued) {
  EXPECT_DOUBLE_EQ(read("10k").value, 1e4);
  EXPECT_EQ(read("10 k").text, "10");
  EXPECT_DOUBLE_EQ(read("5 mln").value, 5e6);
}

}  // namespace
}  // namespace dealscan

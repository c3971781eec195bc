// AmountMatcher::next_candidate turns away words that open no amount from
// what the word alone allows ("settore") or from the token after it ("il",
// "un", "mezzo", "a" of "A$"): it never skips a token where match finds an
// amount, and it skips most of the words that only look like openers.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/money_amounts.h"
#include "extract/money_tokens.h"

namespace dealscan::money {
namespace {

const AmountMatcher& matcher() {
  static const AmountMatcher m(Lexicon::builtin());
  return m;
}

// Every currency, scale, group and fraction word and vague word of the
// lexicon in the places where they open an amount, and the same opening
// words where they open none.
std::string every_opening() {
  const Lexicon& lex = Lexicon::builtin();
  std::string t =
      "Il settore ha visto un calo e una ripresa, a detta di uno stesso analista; il dollaro scende. "
      "Costa tre quarti di milione di euro, ventuno milioni di dollari, uno virgola niente, 12 euro. ";
  for (const auto& e : lex.list("currencies"))
    for (const auto& f : e.forms) t += "pagati 5 milioni " + f + ", poi " + f + " 7 e " + f + "7; a " + f + ". ";
  for (const auto& e : lex.list("scales"))
    for (const auto& f : e.forms) {
      if (e.attr("type") == "vague") {
        t += f + " di miliardi di dollari, " + f + " di persone. ";
      } else {
        t += "supera il " + f + " di euro, un " + f + " di dollari, una " + f + " di sterline, mezzo " + f +
             " di yen, il " + f + "ario, a " + f + ". ";
      }
    }
  for (const auto& e : lex.list("number_words"))
    for (const auto& f : e.forms)
      t += "una " + f + " di milioni di euro, un " + f + " di dollari, " + f + " euro, il " + f + " e mezzo. ";
  return t;
}

TEST(MoneyOpens, NextCandidateNeverSkipsAnAmount) {
  const std::string text = every_opening();
  Tokens toks;
  tokenize(text, toks);
  const auto& list = toks.list;
  std::size_t found = 0, skipped_words = 0;
  Candidate c;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::size_t next = matcher().next_candidate(list, i);
    ASSERT_GE(next, i);
    for (std::size_t j = i; j < next; ++j) {
      EXPECT_FALSE(matcher().match(list, j, 0, c)) << "skipped an amount at '" << list[j].low << "' ("
                                                    << text.substr(list[j].begin, 40) << ")";
    }
    if (next > i) continue;
    if (matcher().match(list, i, 0, c)) ++found;
  }
  // The words that only look like openers: "il", "un", "una", "a", "settore".
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto w = list[i].low;
    if ((w == "il" || w == "un" || w == "una" || w == "a" || w == "settore" || w == "stesso") &&
        matcher().next_candidate(list, i) > i)
      ++skipped_words;
  }
  EXPECT_GT(found, 300u);
  EXPECT_GT(skipped_words, 100u);
}

TEST(MoneyOpens, OpeningWordsBeforeTheirNextWordStillOpen) {
  const std::string text = "supera il trilione di dollari, un miliardo di euro, una decina di milioni di euro, "
                           "mezzo miliardo di yen, A$ 5 milioni, corone svedesi 10 milioni";
  Tokens toks;
  tokenize(text, toks);
  std::vector<std::string> opened;
  for (std::size_t i = matcher().next_candidate(toks.list, 0); i < toks.list.size();
       i = matcher().next_candidate(toks.list, i + 1))
    opened.emplace_back(toks.list[i].low);
  for (const char* w : {"il", "un", "una", "mezzo", "a", "corone"})
    EXPECT_NE(std::find(opened.begin(), opened.end(), w), opened.end()) << w;
  // "di" and the scales themselves open nothing.
  EXPECT_EQ(std::find(opened.begin(), opened.end(), "di"), opened.end());
}

}  // namespace
}  // namespace dealscan::money

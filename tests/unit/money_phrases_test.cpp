// money::PhraseTable::may_match_at, the inline test callers ask before a
// call: it never refuses a token where match_at finds a phrase (the
// durations of the builtin lexicon, at every token of Italian text), and it
// refuses most other tokens.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/money_phrases.h"
#include "extract/money_tokens.h"

namespace dealscan::money {
namespace {

TEST(MoneyPhrases, MayMatchAtNeverRefusesAMatch) {
  const auto& list = Lexicon::builtin().list("durations");
  PhraseTable intro, fixed;
  intro.add_list(list, "type", "intro");
  fixed.add_list(list, "type", "fixed");
  std::string text =
      "Spenderà 38 miliardi di dollari nell'arco dei prossimi sette anni, cioè circa 5 miliardi all'anno; "
      "il contratto vale 2 miliardi in tre anni e il canone è di 10 milioni l'anno per l'affitto dei server.";
  for (const auto& e : list)
    for (const auto& f : e.forms) text += " " + f + " ancora";
  Tokens toks;
  tokenize(text, toks);
  int matched = 0, refused = 0;
  for (std::size_t i = 0; i <= toks.list.size(); ++i) {
    for (const PhraseTable* t : {&intro, &fixed}) {
      const bool found = t->match_at(toks.list, i).has_value();
      matched += found;
      if (!t->may_match_at(toks.list, i)) {
        ++refused;
        EXPECT_FALSE(found) << i;
      }
    }
  }
  EXPECT_GT(matched, 5);
  EXPECT_GT(refused, static_cast<int>(toks.list.size()));  // most of the 2 x tokens asked
}

}  // namespace
}  // namespace dealscan::money

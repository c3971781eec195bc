// money::PhraseTable::may_match_at, the inline test callers ask before a
// call: it never refuses a token where match_at finds a phrase (the
// durations of the builtin lexicon, at every token of Italian text), and it
// refuses most other tokens. Its lookups: the longest phrase at or before a
// token, the first added among equally long ones, across several lists.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <utility>
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


// A table of entries whose forms share first and last words, added in two
// lists: the longest phrase wins, the first added among equally long ones.
std::vector<LexEntry> entries(std::initializer_list<std::pair<const char*, const char*>> forms_and_tags) {
  std::vector<LexEntry> out;
  for (const auto& [form, tag] : forms_and_tags) {
    LexEntry e;
    e.forms = {form};
    e.origin = tag;
    out.push_back(std::move(e));
  }
  return out;
}

std::string origin_at(const PhraseTable& t, const Tokens& toks, std::size_t i) {
  const auto hit = t.match_at(toks.list, i);
  return hit ? hit->entry->origin + ":" + std::to_string(hit->last - hit->first) : "-";
}

std::string origin_before(const PhraseTable& t, const Tokens& toks, std::size_t end) {
  const auto hit = t.match_before(toks.list, end);
  return hit ? hit->entry->origin + ":" + std::to_string(hit->last - hit->first) : "-";
}

TEST(MoneyPhrases, LongestPhraseWinsAndTheFirstAddedAmongEquals) {
  const auto first = entries({{"più di", "a"}, {"più", "b"}, {"poco più di", "c"}, {"di", "d"}});
  const auto second = entries({{"più di", "e"}, {"più che", "f"}, {"ben oltre", "g"}, {"oltre", "h"}});
  PhraseTable t;
  t.add_list(first);
  t.add_list(second);
  Tokens toks;
  tokenize("ne servono poco più di dieci, più che altro oltre ben oltre più", toks);
  // ne servono poco più di dieci , più che altro oltre ben oltre più
  // 0  1       2    3   4  5     6 7   8   9     10    11  12    13
  EXPECT_EQ(origin_at(t, toks, 2), "c:3");
  EXPECT_EQ(origin_at(t, toks, 3), "a:2");   // "e" is as long but added later
  EXPECT_EQ(origin_at(t, toks, 4), "d:1");
  EXPECT_EQ(origin_at(t, toks, 7), "f:2");
  EXPECT_EQ(origin_at(t, toks, 10), "h:1");
  EXPECT_EQ(origin_at(t, toks, 11), "g:2");
  EXPECT_EQ(origin_at(t, toks, 13), "b:1");  // the last token: no room for "più di"
  EXPECT_EQ(origin_at(t, toks, 5), "-");
  EXPECT_EQ(origin_before(t, toks, 5), "c:3");
  EXPECT_EQ(origin_before(t, toks, 9), "f:2");
  EXPECT_EQ(origin_before(t, toks, 8), "b:1");
  EXPECT_EQ(origin_before(t, toks, 13), "g:2");
  EXPECT_EQ(origin_before(t, toks, 11), "h:1");
  EXPECT_EQ(origin_before(t, toks, 1), "-");
  EXPECT_EQ(t.start_of("più"), PhraseTable::Start::Alone);
  EXPECT_EQ(t.start_of("poco"), PhraseTable::Start::Longer);
  EXPECT_EQ(t.start_of("altro"), PhraseTable::Start::None);
  ASSERT_NE(t.word("oltre"), nullptr);
  EXPECT_EQ(t.word("oltre")->origin, "h");
  EXPECT_EQ(t.word("ben"), nullptr);
  std::vector<std::string> phrases;
  t.for_each_phrase([&](std::span<const std::string> words) {
    std::string p;
    for (const auto& w : words) p += (p.empty() ? "" : " ") + w;
    phrases.push_back(p);
  });
  EXPECT_EQ(phrases, (std::vector<std::string>{"più di", "più", "poco più di", "di", "più di", "più che", "ben oltre",
                                               "oltre"}));
}


// The word next to the shared one is told by a digest first: words that
// share it ("negli", "nello": first bytes and length) are still compared.
TEST(MoneyPhrases, NeighbourWordsSharingADigestAreCompared) {
  const auto list = entries({{"negli anni", "a"}, {"anni", "b"}, {"nello stesso", "c"}});
  PhraseTable t;
  t.add_list(list);
  Tokens toks;
  tokenize("nello anni negli anni nello stesso negli stesso", toks);
  EXPECT_EQ(origin_at(t, toks, 0), "-");    // "nello anni"
  EXPECT_EQ(origin_at(t, toks, 2), "a:2");  // "negli anni"
  EXPECT_EQ(origin_at(t, toks, 4), "c:2");
  EXPECT_EQ(origin_at(t, toks, 6), "-");    // "negli stesso"
  EXPECT_EQ(origin_before(t, toks, 2), "b:1");
  EXPECT_EQ(origin_before(t, toks, 4), "a:2");
}

}  // namespace
}  // namespace dealscan::money

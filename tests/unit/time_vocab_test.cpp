// Time vocabulary: match() returns the longest item with one of the asked
// roles starting at a token, the first in lexicon order among equally long
// ones, whatever order the lexicon lists them in.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan::timevocab {
namespace {

struct Tokens {
  std::string text, lowered;
  std::vector<timetok::Token> list;
};

void tokenize(Tokens& t, const Vocab& vocab) {
  t.lowered = t.text;
  timetok::lower_in_place(t.lowered);
  timetok::tokenize(t.text, t.lowered, t.list);
  vocab.annotate(t.list);
}

Lexicon small_lexicon() {
  Lexicon lex;
  // Short forms listed before the long ones that begin with them.
  lex.add_list("time_words",
               "a\trole=prep\tkind=in\n"
               "a fine\trole=part\tfrom=0.6667\tto=1\n"
               "a partire da\trole=prep\tkind=from\n"
               "a partire\trole=prep\tkind=after\n"
               "a partire da\trole=prep\tkind=until\n"
               "fine\trole=part\tfrom=0.6667\tto=1\n",
               "test");
  return lex;
}

TEST(TimeVocab, LongestItemWinsWhateverTheLexiconOrder) {
  Vocab vocab(small_lexicon());
  Tokens t{"a partire da oggi", {}, {}};
  tokenize(t, vocab);
  const Item* it = vocab.match(kPrep, t.list, 0);
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->words.size(), 3u);
  // Two entries with the same three words: the first listed is kept.
  EXPECT_EQ(it->kind, PrepKind::From);
}

TEST(TimeVocab, OnlyItemsOfTheAskedRoles) {
  Vocab vocab(small_lexicon());
  Tokens t{"a fine anno", {}, {}};
  tokenize(t, vocab);
  const Item* prep = vocab.match(kPrep, t.list, 0);
  ASSERT_NE(prep, nullptr);
  EXPECT_EQ(prep->words.size(), 1u);  // "a": "a fine" is a part, not a prep
  const Item* part = vocab.match(kPart, t.list, 0);
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->words.size(), 2u);
  EXPECT_EQ(vocab.match(kMonth, t.list, 0), nullptr);
  const Item* either = vocab.match(kPrep | kPart, t.list, 0);
  ASSERT_NE(either, nullptr);
  EXPECT_EQ(either->words.size(), 2u);
}

TEST(TimeVocab, ItemsLongerThanTheRestOfTheTextAreSkipped) {
  Vocab vocab(small_lexicon());
  Tokens t{"oggi a partire", {}, {}};
  tokenize(t, vocab);
  const Item* it = vocab.match(kPrep, t.list, 1);
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->words.size(), 2u);
  EXPECT_EQ(it->kind, PrepKind::After);
  EXPECT_EQ(vocab.match(kPrep, t.list, 0), nullptr);  // "oggi" is no item
  EXPECT_EQ(vocab.match(kPrep, t.list, 3), nullptr);  // past the end
}

TEST(TimeVocab, ANonMatchingLaterWordFallsBackToAShorterItem) {
  Vocab vocab(small_lexicon());
  Tokens t{"a partire dal", {}, {}};
  tokenize(t, vocab);
  const Item* it = vocab.match(kPrep, t.list, 0);
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->words.size(), 2u);  // "a partire", not "a partire da"
}

// A word that begins a single item is answered without the item list: a
// one-word item when one of its roles is asked, never a two-word item whose
// second word is missing, and nothing for another role.
TEST(TimeVocab, WordsOfOneItem) {
  Lexicon lex;
  lex.add_list("time_words",
               "fine\trole=part\tfrom=0.6667\tto=1\n"
               "sin da\trole=prep\tkind=from\n",
               "test");
  Vocab vocab(lex);
  Tokens t{"fine sin a sin da", {}, {}};
  tokenize(t, vocab);
  const Item* fine = vocab.match(kPart, t.list, 0);
  ASSERT_NE(fine, nullptr);
  EXPECT_EQ(fine->words, (std::vector<std::string>{"fine"}));
  EXPECT_EQ(vocab.match(kPrep, t.list, 0), nullptr);
  EXPECT_EQ(vocab.match(kPrep, t.list, 1), nullptr);  // "sin a": not "sin da"
  const Item* sin_da = vocab.match(kPrep, t.list, 3);
  ASSERT_NE(sin_da, nullptr);
  EXPECT_EQ(sin_da->words.size(), 2u);
}

}  // namespace
}  // namespace dealscan::timevocab

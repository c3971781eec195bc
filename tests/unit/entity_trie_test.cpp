// PhraseTrie lookups: keys of every length compared inline, the longest form
// found through nodes with and without children, and case rules kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entity_phrases.h"
#include "extract/entity_tokens.h"

namespace dealscan::entity {
namespace {

const std::vector<Sentence> kOneSentence;

// Payload of the longest form at token i of text, and where it ends.
PhraseMatch at(const PhraseTrie& trie, const std::string& text, std::size_t i) {
  static thread_local TokenStream ts;
  tokenize_into(text, kOneSentence, ts);
  return trie.longest(ts, i);
}

TEST(EntityTrie, FindsWordsOfEveryLengthAndNoNeighbour) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  PhraseTrie trie;
  for (int n = 1; n <= 24; ++n) trie.add(letters.substr(0, n), n, CaseRule::Insensitive);
  for (int n = 1; n <= 24; ++n) {
    const std::string word = letters.substr(0, n);
    EXPECT_EQ(at(trie, word, 0).payload, n) << word;
    EXPECT_EQ(at(trie, "Nel " + word + " oggi", 1).payload, n) << word;
    for (int k = 0; k < n; ++k) {  // one letter changed: another word
      std::string other = word;
      other[k] = '0';
      EXPECT_EQ(at(trie, other, 0).payload, -1) << other;
    }
  }
}

TEST(EntityTrie, LongestFormThroughInnerAndLeafNodes) {
  PhraseTrie trie;
  trie.add("Banca", 1, CaseRule::Insensitive);
  trie.add("Banca Popolare di Sondrio", 2, CaseRule::Insensitive);
  trie.add("Popolare", 3, CaseRule::Insensitive);
  const std::string text = "la Banca Popolare di Sondrio e la Banca Popolare di Milano";
  auto full = at(trie, text, 1);
  EXPECT_EQ(full.payload, 2);
  EXPECT_EQ(full.end, 5u);
  auto part = at(trie, text, 7);  // "Banca Popolare di Milano": only "Banca"
  EXPECT_EQ(part.payload, 1);
  EXPECT_EQ(part.end, 8u);
  auto leaf = at(trie, text, 8);  // "Popolare" has no longer form after it
  EXPECT_EQ(leaf.payload, 3);
  EXPECT_EQ(leaf.end, 9u);
}

TEST(EntityTrie, CaseRulesStillApply) {
  PhraseTrie trie;
  trie.add("Meta", 1, CaseRule::Exact);
  trie.add("AMD", 2, CaseRule::Acronym);
  EXPECT_EQ(at(trie, "Meta", 0).payload, 1);
  EXPECT_EQ(at(trie, "META", 0).payload, 1);
  EXPECT_EQ(at(trie, "meta", 0).payload, -1);
  EXPECT_EQ(at(trie, "Amd", 0).payload, 2);
  EXPECT_EQ(at(trie, "amd", 0).payload, -1);
}

// A form listed twice: the first pattern whose case rule accepts the
// surface gives the payload, whichever rule comes first.
TEST(EntityTrie, FirstAcceptingPatternOfANodeWins) {
  PhraseTrie exact_first;
  exact_first.add("Meta", 1, CaseRule::Exact);
  exact_first.add("Meta", 2, CaseRule::Insensitive);
  EXPECT_EQ(at(exact_first, "Meta", 0).payload, 1);
  EXPECT_EQ(at(exact_first, "meta", 0).payload, 2);
  PhraseTrie any_case_first;
  any_case_first.add("Meta", 3, CaseRule::Insensitive);
  any_case_first.add("Meta", 4, CaseRule::Exact);
  EXPECT_EQ(at(any_case_first, "Meta", 0).payload, 3);
  EXPECT_EQ(at(any_case_first, "meta", 0).payload, 3);
}

}  // namespace
}  // namespace dealscan::entity

namespace dealscan::entity {
namespace {

// longest_each agrees with longest at every token, replacing what the table held.
TEST(EntityTrie, LongestEachMatchesLongestAtEveryToken) {
  PhraseTrie trie;
  trie.add("la", 1, CaseRule::Exact);
  trie.add("una", 2, CaseRule::Exact);
  trie.add("Banca Popolare", 3, CaseRule::Insensitive);
  trie.add("dell'", 1, CaseRule::Exact);
  TokenStream ts;
  tokenize_into("La banca popolare e la Banca\nPopolare dell'Etna, una LA sede", kOneSentence, ts);
  std::vector<PhraseMatch> each(3, PhraseMatch{7, 99});
  trie.longest_each(ts, each);
  ASSERT_EQ(each.size(), ts.size());
  int found = 0;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const PhraseMatch one = trie.longest(ts, i);
    EXPECT_EQ(each[i].payload, one.payload) << i;
    if (one.payload >= 0) EXPECT_EQ(each[i].end, one.end) << i;
    found += one.payload >= 0;
  }
  EXPECT_GE(found, 5);
}

// start_test passes every token where a form starts, and longest_started
// there finds what longest finds.
TEST(EntityTrie, StartTestAndLongestStartedAgreeWithLongest) {
  PhraseTrie trie;
  trie.add("S.p.A.", 1, CaseRule::Exact);
  trie.add("Banca Popolare", 2, CaseRule::Insensitive);
  trie.add("Meta", 3, CaseRule::Exact);
  TokenStream ts;
  tokenize_into("La Banca Popolare S.p.A. e meta Meta, BANCA popolare", kOneSentence, ts);
  const auto may_start = trie.start_test();
  int found = 0;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const PhraseMatch one = trie.longest(ts, i);
    if (!may_start(ts.tokens[i].key_hash)) {
      EXPECT_EQ(one.payload, -1) << i;
      continue;
    }
    const PhraseMatch started = trie.longest_started(ts, i);
    EXPECT_EQ(started.payload, one.payload) << i;
    EXPECT_EQ(started.end, one.end) << i;
    found += one.payload >= 0;
  }
  EXPECT_EQ(found, 4);
}

// The starts longest_each lists are exactly the tokens with a match, in order.
TEST(EntityTrie, LongestEachListsTheStartsInOrder) {
  PhraseTrie trie;
  trie.add("la", 1, CaseRule::Exact);
  trie.add("Banca Popolare", 3, CaseRule::Insensitive);
  trie.add("dell'", 1, CaseRule::Exact);
  TokenStream ts;
  tokenize_into("La banca popolare e la Banca\nPopolare dell'Etna, una LA sede la", kOneSentence, ts);
  std::vector<PhraseMatch> each;
  std::vector<std::uint32_t> starts{42, 43};
  trie.longest_each(ts, each, starts);
  std::vector<std::uint32_t> expected;
  for (std::size_t i = 0; i < ts.size(); ++i)
    if (trie.longest(ts, i).payload >= 0) expected.push_back(static_cast<std::uint32_t>(i));
  EXPECT_EQ(starts, expected);
  EXPECT_GE(expected.size(), 5u);
}

}  // namespace
}  // namespace dealscan::entity

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

TEST(EntityTrie, AddCountsTheFormsTokens) {
  PhraseTrie trie;
  EXPECT_EQ(trie.add("Ferrovie Nord", 1, CaseRule::Insensitive), 2u);
  EXPECT_EQ(trie.add("Lanificio", 2, CaseRule::Exact), 1u);
  EXPECT_EQ(trie.add("", 3, CaseRule::Insensitive), 0u);
}

// Forms on the same tokens keep their own rules: an exact one listed first
// rejects a surface that a later any-case one (which keeps no surfaces) accepts.
TEST(EntityTrie, ExactThenAnyCaseFormOnSameTokens) {
  PhraseTrie trie;
  trie.add("Vela", 1, CaseRule::Exact);
  trie.add("vela", 2, CaseRule::Insensitive);
  EXPECT_EQ(at(trie, "la Vela gonfia", 1).payload, 1);
  EXPECT_EQ(at(trie, "la vela gonfia", 1).payload, 2);
  EXPECT_EQ(at(trie, "la vELa gonfia", 1).payload, 2);
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

// StartMarks gives each trie its bit where that trie's start test passes,
// next_marked visits exactly those tokens in order (across the eight-token
// words it reads, to the last token), and longest_marked finds what
// longest_each finds.
TEST(EntityTrie, StartMarksVisitEachTriesStartsInOrder) {
  PhraseTrie names, articles;
  names.add("Banca Popolare", 1, CaseRule::Insensitive);
  names.add("Meta", 2, CaseRule::Exact);
  articles.add("la", 1, CaseRule::Exact);
  articles.add("dell'", 1, CaseRule::Exact);
  StartMarks marks;
  marks.add(names, 1);
  marks.add(articles, 2);
  marks.add_key(",", 4);
  TokenStream ts;
  tokenize_into("la Banca Popolare e la sede dell'Etna, con Meta, la banca popolare di oggi e domani, Meta la",
                kOneSentence, ts);
  std::vector<std::uint8_t> m(3, 0xFF);
  marks.mark(ts, m);
  ASSERT_EQ(m.size(), ts.size() + StartMarks::kPad);
  const std::size_t n = ts.size();
  auto visited = [&](std::uint8_t bits) {
    std::vector<std::size_t> out;
    for (std::size_t i = next_marked(m.data(), 0, n, bits); i < n; i = next_marked(m.data(), i + 1, n, bits)) out.push_back(i);
    return out;
  };
  std::vector<std::size_t> name_starts, article_starts, commas, either;
  for (std::size_t i = 0; i < n; ++i) {
    const bool name = names.start_test()(ts.tokens[i].key_hash), article = articles.start_test()(ts.tokens[i].key_hash);
    if (name) name_starts.push_back(i);
    if (article) article_starts.push_back(i);
    if (ts.surface(i) == ",") commas.push_back(i);
    if (article || ts.surface(i) == ",") either.push_back(i);
  }
  EXPECT_EQ(visited(1), name_starts);
  EXPECT_EQ(visited(2), article_starts);
  EXPECT_EQ(visited(4), commas);
  EXPECT_EQ(visited(2 | 4), either);
  EXPECT_EQ(name_starts.size(), 4u);  // Banca, Meta, banca, Meta
  EXPECT_EQ(article_starts.back(), n - 1);  // the last token is found too
  std::vector<PhraseMatch> each, marked;
  std::vector<std::uint32_t> each_starts, marked_starts{7};
  articles.longest_each(ts, each, each_starts);
  articles.longest_marked(ts, m.data(), 2, marked, marked_starts);
  ASSERT_EQ(marked.size(), each.size());
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(marked[i].payload, each[i].payload) << i;
    EXPECT_EQ(marked[i].end, each[i].end) << i;
  }
  EXPECT_EQ(marked_starts, each_starts);
  EXPECT_EQ(each_starts.size(), 5u);
}

// longest_marked_near looks a form up only where a token marked as a
// follower starts within the longest form's reach after it, or right after
// a token marked as a comma; the others are no match and are not listed.
TEST(EntityTrie, MarkedNearVisitsOnlyFormsBeforeAFollowerOrAfterAComma) {
  PhraseTrie articles, roles;
  articles.add("la", 1, CaseRule::Insensitive);
  articles.add("dell'", 1, CaseRule::Insensitive);  // two tokens: "dell" "'"
  roles.add("presidente", 1, CaseRule::Insensitive);
  StartMarks marks;
  marks.add(articles, 2);
  marks.add(roles, 8);
  marks.add_key(",", 4);
  TokenStream ts;
  // 0 la 1 presidente 2 e 3 la 4 sede 5 dell 6 ' 7 presidente 8 , 9 la 10 casa 11 la
  tokenize_into("la presidente e la sede dell'presidente, la casa la", kOneSentence, ts);
  ASSERT_EQ(ts.size(), 12u);
  std::vector<std::uint8_t> m;
  marks.mark(ts, m);
  std::vector<PhraseMatch> near;
  std::vector<std::uint32_t> near_starts;
  articles.longest_marked_near(ts, m.data(), 2, 8, 4, near, near_starts);
  ASSERT_EQ(near.size(), ts.size());
  // "la" before a role, "dell'" two tokens before one, "la" after the comma.
  EXPECT_EQ(near_starts, (std::vector<std::uint32_t>{0, 5, 9}));
  EXPECT_EQ(near[0].payload, 1);
  EXPECT_EQ(near[0].end, 1u);
  EXPECT_EQ(near[5].end, 7u);
  EXPECT_EQ(near[9].end, 10u);
  for (const std::size_t skipped : {3u, 11u}) EXPECT_EQ(near[skipped].payload, -1) << skipped;
}

// A shape's bit marks exactly the tokens of that shape, beside the tries' bits.
TEST(EntityTrie, StartMarksMarkShapesExactly) {
  PhraseTrie articles;
  articles.add("la", 1, CaseRule::Insensitive);
  StartMarks marks;
  marks.add(articles, 1);
  marks.add_shape(Shape::Title, 64);
  marks.add_shape(Shape::Mixed, 64);
  TokenStream ts;
  tokenize_into("la Vigna di PiccoloMondo e LA BOTTE, la botte Grande", kOneSentence, ts);
  std::vector<std::uint8_t> m;
  marks.mark(ts, m);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const bool shaped = ts.tokens[i].shape == Shape::Title || ts.tokens[i].shape == Shape::Mixed;
    EXPECT_EQ((m[i] & 64) != 0, shaped) << ts.surface(i);
    EXPECT_EQ((m[i] & 1) != 0, articles.start_test()(ts.tokens[i].key_hash)) << ts.surface(i);
  }
  EXPECT_EQ(m[1], 64);  // "Vigna"
  EXPECT_EQ(m[3] & 64, 64);  // "PiccoloMondo"
  EXPECT_EQ(m[5] & 64, 0);  // "LA": upper, not title
}

// may_match holds wherever a form matches (one token or several, any case
// rule), and rules out a common first word followed by a word no form has
// after it ("il dossier" with only "Il Sole 24 Ore" listed).
TEST(EntityTrie, MayMatchHoldsWhereAFormMatchesAndRulesOutOtherOpenings) {
  PhraseTrie trie;
  trie.add("Il Sole 24 Ore", 1, CaseRule::Insensitive);
  trie.add("Gruppo Quercia", 2, CaseRule::Insensitive);
  trie.add("Meta", 3, CaseRule::Exact);
  trie.add("L'Oréal", 4, CaseRule::Insensitive);
  TokenStream ts;
  tokenize_into("Il dossier del gruppo Quercia: il Sole 24 Ore e Meta, l'accordo con L'Oréal. Il gruppo di Meta il",
                kOneSentence, ts);
  const std::size_t n = ts.size();
  int matches = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (trie.longest(ts, i).payload < 0) continue;
    ++matches;
    EXPECT_TRUE(trie.may_match(ts.tokens.data(), n, i)) << i;
  }
  EXPECT_EQ(matches, 5);  // gruppo Quercia, il Sole 24 Ore, Meta, L'Oréal, Meta
  std::vector<std::string> ruled_out;
  for (std::size_t i = 0; i < n; ++i)
    if (!trie.may_match(ts.tokens.data(), n, i) && trie.start_test()(ts.tokens[i].key_hash)) ruled_out.emplace_back(ts.surface(i));
  // "Il dossier", "Il gruppo", "gruppo di", and the last "il" (no next token).
  EXPECT_EQ(ruled_out, (std::vector<std::string>{"Il", "Il", "gruppo", "il"}));
}

}  // namespace
}  // namespace dealscan::entity

// Claims, StartIndex::mark remembers each word's answer per thread: marks
// must equal starts_of for every word (repeated, of every length, words that
// share their first and last bytes), and two indexes used in turn on one
// thread must never answer with each other's memo.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

std::vector<Token> tokens_of(const std::string& text, std::string& lowered) {
  text::assign_lowered(text, lowered);
  return tokenize(text, lowered, Span{0, text.size()});
}

void expect_marks_equal_lookups(const StartIndex& index, const std::string& text) {
  std::string lowered;
  auto tokens = tokens_of(text, lowered);
  index.mark(tokens);
  for (const auto& t : tokens)
    EXPECT_EQ(t.may_start, t.word ? index.starts_of(t.lower) : 0) << "'" << t.lower << "' in: " << text;
}

TEST(StartMemo, MarksEqualLookupsForEveryWordLength) {
  const ClaimLexicon lex(Lexicon::builtin());
  // Words of 1-30 bytes, each twice; pairs of 17-22 bytes that differ only
  // in the middle (same first and last eight bytes); words past 22 bytes.
  std::string text =
      "a di ha era sarà investe investirà investirebbero secondo riferito annunciato "
      "precipitevolissimevolmente precipitevolissimevolmente "
      "acquisizionexxxxxxdefinitiva acquisizioneyyyyyydefinitiva "
      "investimentoaaaaainvestito investimentobbbbbinvestito "
      "controproducentemente controproducentemente "
      "a di ha era sarà investe investirà investirebbero secondo riferito annunciato.";
  expect_marks_equal_lookups(lex.starts, text);
  expect_marks_equal_lookups(lex.starts, text);  // now every word is remembered
}

// Words of one to three bytes are remembered by their bytes: for every
// such word of bytes around the edges the table's key tests (ASCII and not,
// 0x60-0x7F and not), and the short words of the claim lists, the marks
// and the one-word phrases equal the lookups, met first and again.
TEST(StartMemo, ShortWordsByTheirBytesEqualLookups) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string edges = {'\x01', '\'', '0', '9', 'A', '_', '`', 'a', 'd', 'e', 'h', 'i', 'z', '{', '\x7f',
                             '\x80', '\xa8', '\xc3', '\xe0', '\xff'};
  std::vector<std::string> words;
  for (int c = 1; c < 256; ++c) words.emplace_back(1, static_cast<char>(c));
  for (char a : edges)
    for (char b : edges) {
      words.push_back({a, b});
      for (char c : edges) words.push_back({a, b, c});
    }
  for (const char* w : {"di", "da", "a", "e", "ha", "l'", "che", "per", "non", "del", "con", "sul", "ai", "fra"})
    words.emplace_back(w);
  std::vector<Token> tokens;
  for (const auto& w : words) tokens.push_back(Token{Span{0, w.size()}, w, true});
  int starting = 0;
  for (int round = 0; round < 2; ++round) {
    auto marked = tokens;
    lex.starts.mark(marked);
    for (std::size_t i = 0; i < marked.size(); ++i) {
      const std::uint8_t found = lex.starts.looked_up(words[i]);
      EXPECT_EQ(marked[i].may_start, lex.starts.starts_of(words[i])) << "'" << words[i] << "'";
      EXPECT_EQ(marked[i].word_phrase, lex.starts.word_phrase_of(words[i], found)) << "'" << words[i] << "'";
      starting += marked[i].may_start != 0;
    }
  }
  EXPECT_GT(starting, 10);  // "di", "da", "che", "per", "non"... start phrases
}

TEST(StartMemo, MarksEqualLookupsOnRandomWords) {
  const ClaimLexicon lex(Lexicon::builtin());
  std::mt19937 rng(7);
  const std::string letters = "aeiounrstdclmpvgz";
  std::string text;
  for (int w = 0; w < 4000; ++w) {
    std::size_t len = 1 + rng() % 26;
    for (std::size_t i = 0; i < len; ++i) text += letters[rng() % letters.size()];
    text += ' ';
  }
  expect_marks_equal_lookups(lex.starts, text);
  expect_marks_equal_lookups(lex.starts, text);
}

TEST(StartMemo, TwoIndexesInTurnKeepTheirOwnAnswers) {
  Lexicon lexicon;
  lexicon.add_list("first", "investir*\tkind=a\nsecondo\tkind=b\n", "test");
  lexicon.add_list("second", "secondo\tkind=c\n*rebbe\tkind=d\n", "test");
  PhraseMatcher a1(lexicon.list("first")), b1(lexicon.list("second"));
  PhraseMatcher a2(lexicon.list("second")), b2(lexicon.list("first"));
  const StartIndex one({&a1, &b1}), two({&a2, &b2});  // the same words, other bits
  const std::string text = "Secondo Alfa investirebbe, secondo Beta no.";
  for (int round = 0; round < 3; ++round) {
    std::string lowered;
    auto t1 = tokens_of(text, lowered);
    auto t2 = t1;
    one.mark(t1);
    two.mark(t2);
    EXPECT_EQ(t1[0].may_start, 3);  // "secondo": both matchers of one
    EXPECT_EQ(t2[0].may_start, 3);
    EXPECT_EQ(t1[2].may_start, 3);  // "investirebbe": investir* (bit 1) and *rebbe (bit 2)
    EXPECT_EQ(t2[2].may_start, 3);
    EXPECT_EQ(t1[1].may_start, 0);  // "alfa"
    for (std::size_t i = 0; i < t1.size(); ++i) {
      EXPECT_EQ(t1[i].may_start, t1[i].word ? one.starts_of(t1[i].lower) : 0);
      EXPECT_EQ(t2[i].may_start, t2[i].word ? two.starts_of(t2[i].lower) : 0);
    }
  }
}

TEST(StartMemo, LongWordsWithTheSameEndsAreToldApart) {
  // 22 bytes, the same first and last eight bytes: only one is a key.
  Lexicon lexicon;
  lexicon.add_list("first", "sottoscrizionedelcapitale\tkind=a\nsottoscrizioneparziale\tkind=b\n", "test");
  PhraseMatcher first(lexicon.list("first"));
  const StartIndex index({&first});
  for (const std::string text : {"sottoscrizioneparziale sottoscrittoreparziale sottoscrizioneparziale",
                                 "sottoscrittoreparziale sottoscrizioneparziale sottoscrittoreparziale"}) {
    std::string lowered;
    auto tokens = tokens_of(text, lowered);
    ASSERT_EQ(tokens.size(), 3u);
    index.mark(tokens);
    for (const auto& t : tokens) EXPECT_EQ(t.may_start, t.lower == "sottoscrizioneparziale" ? 1 : 0) << t.lower;
  }
}

}  // namespace
}  // namespace dealscan::claims

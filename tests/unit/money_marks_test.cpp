// The shared word scan marks each word with what the money matcher's
// opening_marker says of its key, and the matcher's search for amounts then
// walks the marked words instead of its own tokens: it must stop at exactly
// the tokens next_candidate stops at, whatever the words around them.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/entity_tokens.h"
#include "extract/money_amounts.h"
#include "extract/money_tokens.h"

namespace dealscan::money {
namespace {

const AmountMatcher& matcher() {
  static const AmountMatcher m(Lexicon::builtin());
  return m;
}

// Every stop of next_candidate over toks, in order.
std::vector<std::size_t> stops_over_tokens(const std::vector<Token>& toks) {
  std::vector<std::size_t> stops;
  for (std::size_t i = matcher().next_candidate(toks, 0); i < toks.size(); i = matcher().next_candidate(toks, i + 1))
    stops.push_back(i);
  return stops;
}

// The same found by walking the marked words, resuming past each stop.
std::vector<std::size_t> stops_over_words(const entity::TokenStream& words, const std::vector<Token>& toks) {
  std::vector<std::size_t> stops;
  AmountMatcher::WordCursor at;
  for (std::size_t i = matcher().next_candidate(words, toks, at); i < toks.size();
       i = matcher().next_candidate(words, toks, at)) {
    stops.push_back(i);
    at.from = i + 1;
  }
  return stops;
}

// Text from pieces that open amounts, follow their openers, split or join
// into money tokens, or do nothing, with only plain white space.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "il", "un", "una", "a", "mezzo", "uno", "di", "e", "miliardi", "milioni", "mila", "mld", "euro", "dollari",
      "$", "\xE2\x82\xAC" /* € */, "US", "A", "corone", "svedesi", "decine", "tra", "circa", "oltre", "settore",
      "Il", "EURO", "Mezzo", "citt\xC3\xA0", "pi\xC3\xB9", "\xC3\xA8", "\xC3\x88", "1.500", "10 000", "2,5", "85bn",
      "10mila", "2025", "1", "000", ".", ",", "-", "(", ")", "'", "\xE2\x80\x99" /* ’ */, "\xC2\xAB" /* « */,
      "\xCE\xA9\xCE\xB1" /* Ωα */, "Stra\xC3\x9F" "e", "venti", "duecentocinquanta", "tre", "quarti",
      "trilione", "G42", "mln.", " ", " ", " ", "\n", "\t"};
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::string s;
  for (std::size_t k = 0; k < pieces; ++k) {
    s += kPieces[pick(rng)];
    if (rng() % 3 != 0) s += ' ';
  }
  return s;
}

TEST(MoneyMarks, WalkingMarkedWordsStopsWhereNextCandidateStops) {
  std::mt19937 rng(11);
  for (int round = 0; round < 400; ++round) {
    const std::string s = random_text(rng, 1 + round % 50);
    const std::vector<Sentence> sentences{Sentence{Span{0, static_cast<std::uint32_t>(s.size())}}};
    const DocumentText doc(s, sentences);
    const entity::WordMarker marker = matcher().opening_marker();
    const entity::TokenStream& words = doc.words(marker);
    ASSERT_EQ(words.marked_by, marker.salt) << s;
    ASSERT_TRUE(words.plain_spaces && words.valid_utf8) << s;
    Tokens toks;
    tokenize_words(words, doc.lowered(), toks);
    EXPECT_EQ(stops_over_words(words, toks.list), stops_over_tokens(toks.list)) << s;
  }
}

TEST(MoneyMarks, AWordOpeningOnlyBeforeSomeWordsIsMarkedSo) {
  const std::string s = "il miliardo, il settore, un euro, a 5 miliardi";
  const DocumentText doc(s);
  const entity::TokenStream& words = doc.words(matcher().opening_marker());
  // il, miliardo: "il" opens before a scale only, which "miliardo" may be.
  EXPECT_EQ(words.tokens[0].mark & (AmountMatcher::kOpens | AmountMatcher::kOpensBeforeNext),
            AmountMatcher::kOpensBeforeNext);
  EXPECT_TRUE(words.tokens[1].mark & AmountMatcher::kFollows);
  // "settore" opens nothing and follows nothing; "euro" opens alone; "5" has digits.
  EXPECT_EQ(words.tokens[4].mark & (AmountMatcher::kOpens | AmountMatcher::kOpensBeforeNext | AmountMatcher::kFollows), 0);
  EXPECT_TRUE(words.tokens[7].mark & AmountMatcher::kOpens);
  EXPECT_EQ(words.tokens[10].mark,
            AmountMatcher::kOpens | AmountMatcher::kOpensBeforeNext | AmountMatcher::kFollows);
  Tokens toks;
  tokenize_words(words, doc.lowered(), toks);
  EXPECT_EQ(stops_over_words(words, toks.list), stops_over_tokens(toks.list));
}

TEST(MoneyMarks, AStreamScannedWithoutTheMarkerIsNotTakenForMarked) {
  const std::string s = "Costa 5 miliardi di euro.";
  entity::TokenStream plain;
  entity::tokenize_into(s, {}, plain, entity::WordMarker{1, nullptr, nullptr});  // a marker that marks nothing
  EXPECT_NE(plain.marked_by, matcher().opening_marker().salt);
  for (const auto& t : plain.tokens) EXPECT_TRUE(t.mark == 0 || t.mark == entity::kUnmarked);
  // The money extractor still finds the amount in a document scanned first for another reader.
  const DocumentText doc(s);
  doc.words(entity::WordMarker{1, nullptr, nullptr});
  const MoneyExtractor money(Lexicon::builtin());
  const auto out = money.extract(doc, {Sentence{Span{0, static_cast<std::uint32_t>(s.size())}}});
  ASSERT_EQ(out.money.size(), 1u);
  EXPECT_DOUBLE_EQ(out.money[0].value, 5e9);
}

}  // namespace
}  // namespace dealscan::money

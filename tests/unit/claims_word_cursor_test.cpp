// Claims, WordCursor: a walk over the shared word scan leaves the cursor at
// the next sentence's first word, so that the next walk needs no search.
// The cursor is only a hint: a wrong one (a sentence met out of order, a
// walk that stopped early) must give the same first word, tokens and
// screen answers as no cursor at all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_text.h"

namespace dealscan::claims {
namespace {

const std::string kText =
    "Alfa ha comprato il 30% di Beta per 2 miliardi. Secondo il quotidiano, la cessione si chiuder\u00E0 a marzo. "
    "Gamma non commenta.  Delta, invece, ha riferito che l'accordo \u00E8 vicino. Fine.";

std::vector<Span> sentences_of(const std::string& text) {
  std::vector<Span> spans;
  for (std::size_t b = 0, e; b < text.size(); b = e + 1) {
    e = std::min(text.find('.', b), text.size() - 1);
    spans.push_back(Span{b, e + 1});
    while (e + 1 < text.size() && text[e + 1] == ' ') ++e;
  }
  return spans;
}

TEST(WordCursor, FirstWordAtEqualsTheSearchForAnyHint) {
  const DocumentText doc(kText);
  const auto& words = doc.words().tokens;
  ASSERT_GT(words.size(), 20u);
  for (std::size_t pos = 0; pos <= kText.size(); ++pos) {
    const std::size_t want = first_word_at(words, pos, nullptr);
    ASSERT_TRUE(want == words.size() || words[want].begin >= pos);
    ASSERT_TRUE(want == 0 || words[want - 1].begin < pos);
    for (std::size_t hint : {std::size_t{0}, want, want + 1, want == 0 ? 0 : want - 1, words.size(), words.size() + 5}) {
      const WordCursor cursor{hint};
      EXPECT_EQ(first_word_at(words, pos, &cursor), want) << pos << " hint " << hint;
    }
  }
}

TEST(WordCursor, AWalkLeavesItAtTheNextSentencesFirstWord) {
  const ClaimLexicon lex(Lexicon::builtin());
  const DocumentText doc(kText);
  const auto& words = doc.words().tokens;
  const std::vector<Span> spans = sentences_of(kText);
  ASSERT_EQ(spans.size(), 5u);
  WordCursor cursor;
  std::vector<Token> tokens;
  for (std::size_t s = 0; s < spans.size(); ++s) {
    lex.starts.tokenize_marked(doc.words(), doc.lowered(), spans[s], tokens, &cursor);
    const std::size_t next = s + 1 < spans.size() ? first_word_at(words, spans[s + 1].begin, nullptr) : words.size();
    EXPECT_EQ(cursor.next, next) << s;
  }
  // The screen says false only after reading the whole sentence: "Gamma non commenta." has no cue.
  cursor.next = first_word_at(words, spans[2].begin, nullptr);
  EXPECT_FALSE(lex.attribution_screen.may_match(doc.words(), doc.lowered(), spans[2], &cursor));
  EXPECT_EQ(cursor.next, first_word_at(words, spans[3].begin, nullptr));
}

TEST(WordCursor, AStaleCursorGivesTheSameTokensAndAnswers) {
  const ClaimLexicon lex(Lexicon::builtin());
  const DocumentText doc(kText);
  const std::vector<Span> spans = sentences_of(kText);
  // Sentences met backwards, then each twice: the cursor is wrong every time.
  std::vector<std::size_t> order;
  for (std::size_t s = spans.size(); s-- > 0;) order.push_back(s);
  for (std::size_t s = 0; s < spans.size(); ++s) order.insert(order.end(), {s, s});
  WordCursor cursor;
  for (std::size_t s : order) {
    std::vector<Token> want, got;
    const std::uint8_t want_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), spans[s], want);
    const std::uint8_t got_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), spans[s], got, &cursor);
    EXPECT_EQ(int{got_any}, int{want_any}) << s;
    ASSERT_EQ(got.size(), want.size()) << s;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].span.begin, want[i].span.begin);
      EXPECT_EQ(got[i].lower, want[i].lower);
    }
    EXPECT_EQ(lex.attribution_screen.may_match(doc.words(), doc.lowered(), spans[s], &cursor),
              lex.attribution_screen.may_match(doc.words(), doc.lowered(), spans[s]))
        << s;
  }
}

}  // namespace
}  // namespace dealscan::claims

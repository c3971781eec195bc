// Claims, PhraseMatcher remembers each word's candidate phrases per thread:
// what a matcher finds, with the memo cold or warm, must equal a plain walk
// over all its phrases, and matchers used in turn on one thread must each
// find their own phrases, never another's.
#include <gtest/gtest.h>

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

bool fits(std::string_view pattern, std::string_view token) {
  if (pattern.size() > 1 && pattern.back() == '*') return token.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  if (pattern.size() > 1 && pattern.front() == '*')
    return token.size() > pattern.size() - 1 && token.substr(token.size() - (pattern.size() - 1)) == pattern.substr(1);
  return pattern == token;
}

// The best match at token i by trying every phrase: {end, specificity}, or {0, 0}.
std::pair<std::size_t, std::size_t> plain_best(const PhraseMatcher& m, const std::vector<Token>& tokens, std::size_t i) {
  std::pair<std::size_t, std::size_t> best{0, 0};
  if (!tokens[i].word) return best;
  for (const Phrase& p : m.phrases()) {
    if (i + p.words.size() > tokens.size() || p.specificity <= best.second) continue;
    bool all = true;
    for (std::size_t w = 0; w < p.words.size() && all; ++w) all = fits(p.words[w], tokens[i + w].lower);
    if (all) best = {i + p.words.size(), p.specificity};
  }
  return best;
}

TEST(CandidateMemo, MatchesEqualAPlainWalkColdAndWarm) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<const PhraseMatcher*> matchers = {&lex.triggers, &lex.roles, &lex.modality, &lex.attribution};
  const std::vector<std::string> sentences = {
      "Secondo fonti vicine al dossier, Alfa investirebbe 3 miliardi di euro in Beta.",
      "La societ\u00E0 guidata da Mario Rossi non ha smentito l'accordo da 500 milioni con Gamma.",
      "Il gruppo avrebbe ricevuto da parte di Delta un finanziamento, ha riferito il giornale.",
      "Zeta ha acquistato il 40% di Eta per 1.200 milioni; la cessione si chiuder\u00E0 entro l'anno.",
      "Per la prima volta Theta e Iota firmano in esclusiva un contratto pluriennale da 10 miliardi."};
  std::size_t found = 0;
  for (int round = 0; round < 2; ++round) {  // the first fills the memo, the second reads it
    for (const auto& s : sentences) {
      std::string lowered;
      auto tokens = tokens_of(s, lowered);
      for (const PhraseMatcher* m : matchers) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
          PhraseMatch hit;
          const bool got = m->match_at(tokens, i, hit);
          const auto want = plain_best(*m, tokens, i);
          ASSERT_EQ(got, want.first != 0) << "'" << tokens[i].lower << "' in: " << s;
          if (!got) continue;
          EXPECT_EQ(hit.end, want.first) << s;
          EXPECT_EQ(hit.phrase->specificity, want.second) << s;
          found += round == 1;
        }
      }
    }
  }
  EXPECT_GT(found, 20u);
}

// A word whose phrases are all one word long is matched from the memo
// alone: the most specific phrase, the first of equals, cold and warm,
// and a phrase of several words starting with it still competes.
TEST(CandidateMemo, OneWordPhrasesPickTheFirstMostSpecific) {
  Lexicon lexicon;
  lexicon.add_list("one", "offert*\tkind=stem\nofferta\tkind=first\nofferta\tkind=second\nofferte\tkind=plural\n"
                   "offerto da\tkind=pair\noffert*\tkind=stem-again\n", "test");
  const PhraseMatcher m(lexicon.list("one"));
  std::string lowered;
  const auto tokens = tokens_of("Offerta, offerte, offerti e offerto da Alfa; offerto.", lowered);
  for (int round = 0; round < 3; ++round) {
    PhraseMatch hit;
    ASSERT_TRUE(m.match_at(tokens, 0, hit));
    EXPECT_EQ(hit.phrase->entry->attr("kind"), "first");
    EXPECT_EQ(hit.end, 1u);
    ASSERT_TRUE(m.match_at(tokens, 2, hit));
    EXPECT_EQ(hit.phrase->entry->attr("kind"), "plural");
    ASSERT_TRUE(m.match_at(tokens, 4, hit));  // offerti: the stems tie, the first stays
    EXPECT_EQ(hit.phrase->entry->attr("kind"), "stem");
    ASSERT_TRUE(m.match_at(tokens, 6, hit));  // offerto da
    EXPECT_EQ(hit.phrase->entry->attr("kind"), "pair");
    EXPECT_EQ(hit.end, 8u);
    ASSERT_TRUE(m.match_at(tokens, 10, hit));  // offerto at the end: the stem
    EXPECT_EQ(hit.phrase->entry->attr("kind"), "stem");
    EXPECT_EQ(hit.end, 11u);
  }
}

TEST(CandidateMemo, MatchersUsedInTurnFindTheirOwnPhrases) {
  Lexicon lexicon;
  lexicon.add_list("first", "vende\tkind=first-word\nvend*\tkind=first-stem\n", "test");
  lexicon.add_list("second", "vende la\tkind=second-pair\n*nde\tkind=second-suffix\n", "test");
  const PhraseMatcher first(lexicon.list("first")), second(lexicon.list("second"));
  std::string lowered;
  const auto tokens = tokens_of("Alfa vende la quota e vendono tutto.", lowered);
  for (int round = 0; round < 3; ++round) {
    PhraseMatch m;
    ASSERT_TRUE(first.match_at(tokens, 1, m));
    EXPECT_EQ(m.phrase->entry->attr("kind"), "first-word");
    ASSERT_TRUE(second.match_at(tokens, 1, m));
    EXPECT_EQ(m.phrase->entry->attr("kind"), "second-pair");
    ASSERT_TRUE(first.match_at(tokens, 5, m));  // vendono
    EXPECT_EQ(m.phrase->entry->attr("kind"), "first-stem");
    EXPECT_FALSE(second.match_at(tokens, 5, m));
  }
}

// A word starting only longer phrases is refused from the memo when the
// next token starts like none of their second words; a stem, a "*suffix"
// second word, accented first bytes and the sentence's last token are
// answered as a plain walk answers, cold and warm.
TEST(CandidateMemo, NextTokensFirstByteRefusesOnlyWhatCannotMatch) {
  Lexicon lexicon;
  lexicon.add_list("cues", "di certo non\ttype=a\ndi \u00E8lite\ttype=b\nin esclusiv*\ttype=c\n"
                   "a *mente\ttype=d\n", "test");
  const PhraseMatcher m(lexicon.list("cues"));
  const std::vector<std::string> sentences = {
      "Di certo non sar\u00E0 cos\u00EC, di euro ne servono molti.",
      "Un club di \u00E9lite, anzi di \u00E8lite, ottiene in esclusiva i diritti in euro.",
      "Pagher\u00E0 a rate, a breve, a lungo, a sorpresa e a finalmente; poi di",
      "Da oggi in esclusivit\u00E0 e in Esclusiva: di certo"};
  std::size_t found = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& text : sentences) {
      std::string lowered;
      const auto tokens = tokens_of(text, lowered);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        PhraseMatch hit;
        const bool got = m.match_at(tokens, i, hit);
        const auto want = plain_best(m, tokens, i);
        ASSERT_EQ(got, want.first != 0) << "'" << tokens[i].lower << "' in: " << text;
        if (got) EXPECT_EQ(hit.end, want.first) << text;
        found += got && round == 1;
      }
    }
  }
  EXPECT_EQ(found, 6u);  // di certo non, di èlite, in esclusiva, a finalmente, in esclusività, in Esclusiva
}

}  // namespace
}  // namespace dealscan::claims

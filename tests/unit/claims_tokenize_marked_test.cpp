// Claims, StartIndex::tokenize_marked: tokenizing a sentence and marking
// its tokens in one pass must give exactly the tokens and marks of
// tokenize_into followed by mark, for ASCII words, accented words, joined
// words ("start-up", "1.500"), elided articles and punctuation alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_kind.h"
#include "extract/claim_modality.h"
#include "extract/claim_text.h"

namespace dealscan::claims {
namespace {

TEST(TokenizeMarked, EqualsTokenizeThenMark) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text =
      "Secondo fonti vicine al dossier, la start-up Alfa investirebbe 1.500 milioni nell'azienda di Beta. "
      "La societ\u00E0 guidata da Mario Rossi non ha smentito l'accordo \u2013 \u00ABda parte di Gamma\u00BB. "
      "Zeta ha acquistato il 40% di Eta per 6,6 miliardi; la cessione si chiuder\u00E0 entro l'anno. "
      "PER\u00D2 IL GRUPPO AVREBBE RICEVUTO DA DELTA UN FINANZIAMENTO\u2026 ha riferito il giornale.";
  const DocumentText doc(text);
  // Whole sentences (read from the word scan) and spans cut anywhere.
  std::vector<Span> spans;
  for (std::size_t b = 0, e; b < text.size(); b = e + 2) {
    e = std::min(text.find(". ", b), text.size());
    spans.push_back(Span{b, e + 1});
  }
  for (std::size_t b = 0; b < text.size(); b += 37) spans.push_back(Span{b, std::min(text.size(), b + 120)});
  std::size_t marked_starts = 0;
  for (int round = 0; round < 2; ++round) {  // the memo cold, then warm
    for (const Span span : spans) {
      const std::size_t b = span.begin;
      std::vector<Token> want;
      tokenize_into(doc.words(), doc.lowered(), span, want);
      lex.starts.mark(want);
      std::vector<Token> got = {Token{Span{0, 1}, "x", true, 0x11}};  // replaced, not appended to
      const std::uint8_t any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), span, got);
      ASSERT_EQ(got.size(), want.size()) << b;
      std::uint8_t want_any = 0;
      for (const Token& t : want) want_any |= t.may_start;
      EXPECT_EQ(int{any}, int{want_any}) << b;  // the OR of the marks
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].span.begin, want[i].span.begin);
        EXPECT_EQ(got[i].span.end, want[i].span.end);
        EXPECT_EQ(got[i].lower, want[i].lower);
        EXPECT_EQ(got[i].word, want[i].word);
        EXPECT_EQ(int{got[i].may_start}, int{want[i].may_start}) << "'" << got[i].lower << "' at " << b;
        EXPECT_EQ(got[i].word_phrase, want[i].word_phrase) << "'" << got[i].lower << "' at " << b;
        marked_starts += got[i].may_start != 0;
      }
    }
  }
  EXPECT_GT(marked_starts, 50u);  // the marks are not all empty
}

// Tokens of a word no matcher starts with carry no bit; a role word ("di")
// carries the roles matcher's bit, so the marking really looked the words up.
TEST(TokenizeMarked, MarksWordsByTheirPhrases) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Quota di Alfa, zzzz.";
  const DocumentText doc(text);
  std::vector<Token> tokens;
  lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, tokens);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].lower, "di");
  PhraseMatch m;
  EXPECT_TRUE(lex.roles.match_at(tokens, 1, m));
  EXPECT_NE(tokens[1].may_start, 0);
  EXPECT_EQ(tokens[4].lower, "zzzz");
  EXPECT_EQ(tokens[4].may_start, 0);
  EXPECT_EQ(tokens[3].may_start, 0);  // ","
}

// A marked token carries the roles' one-word phrase ("e": coord; "da":
// source), kStartsLonger when a longer one may start there too ("da", as
// in "da parte di"), and kNotSecondWord unless its word is the second of a
// longer phrase ("parte"); match_at finds at every token what it finds on
// the same tokens without the marks: "da parte di" before "parte", "da"
// alone before "Delta".
TEST(TokenizeMarked, CarriesTheRolesOneWordPhrase) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Alfa e Beta, sostenute da parte di Gamma e da Delta, zzzz.";
  const DocumentText doc(text);
  std::vector<Token> tokens;
  lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, tokens);
  ASSERT_GE(tokens.size(), 14u);
  ASSERT_EQ(tokens[1].lower, "e");
  ASSERT_NE(tokens[1].word_phrase & kWordPhraseIndex, 0);
  EXPECT_EQ(lex.role_of[(tokens[1].word_phrase & kWordPhraseIndex) - 1u], "coord");
  EXPECT_EQ(tokens[1].word_phrase & kStartsLonger, 0);
  ASSERT_EQ(tokens[5].lower, "da");
  ASSERT_NE(tokens[5].word_phrase & kWordPhraseIndex, 0);
  EXPECT_EQ(lex.role_of[(tokens[5].word_phrase & kWordPhraseIndex) - 1u], "source");
  EXPECT_NE(tokens[5].word_phrase & kStartsLonger, 0);
  ASSERT_EQ(tokens[6].lower, "parte");
  EXPECT_EQ(tokens[6].word_phrase & kNotSecondWord, 0);  // "da parte"
  ASSERT_EQ(tokens[11].lower, "delta");
  EXPECT_NE(tokens[11].word_phrase & kNotSecondWord, 0);
  EXPECT_EQ(tokens[0].word_phrase & (kWordPhraseIndex | kStartsLonger), 0);  // "Alfa": no role at all
  std::vector<Token> plain = tokens;
  for (Token& t : plain) t.word_phrase = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    PhraseMatch got, want;
    const bool found = lex.roles.match_at(tokens, i, got);
    ASSERT_EQ(found, lex.roles.match_at(plain, i, want)) << tokens[i].lower;
    if (!found) continue;
    EXPECT_EQ(got.phrase, want.phrase) << tokens[i].lower;
    EXPECT_EQ(got.end, want.end) << tokens[i].lower;
  }
  PhraseMatch m;
  ASSERT_TRUE(lex.roles.match_at(tokens, 5, m));
  EXPECT_EQ(m.end, 8u);  // "da parte di", the longer phrase
  ASSERT_TRUE(lex.roles.match_at(tokens, 10, m));
  EXPECT_EQ(m.end, 11u);  // "da" before "Delta"
  EXPECT_EQ(lex.role_of[lex.roles.index_of(*m.phrase)], "source");
}

// Every word the roles matcher may start at, followed by every word,
// marked: match_at finds what best_at finds without the marks, the
// longer phrase where the next word continues one, at the sentence's end too.
TEST(TokenizeMarked, RolesMarksMatchLikeTheMatcherBeforeAnyWord) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<std::string> firsts = {"il", "la", "i", "le", "a", "in", "da", "del", "dal", "per", "di",
                                           "ha", "come", "insieme", "oltre", "numero", "ex", "start", "e"};
  const std::vector<std::string> nexts = {"quale", "quali", "parte", "valore", "favore", "cambio", "proprietà",
                                          "ciascuna", "detto", "con", "a", "che", "uno", "up", "ceo", "delta", "bene", ""};
  std::size_t longer = 0;
  for (const auto& f : firsts)
    for (const auto& n : nexts) {
      const std::string text = n.empty() ? "Zeta " + f : "Zeta " + f + " " + n + " di Omega";
      const DocumentText doc(text);
      std::vector<Token> tokens;
      lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, tokens);
      std::vector<Token> plain = tokens;
      for (Token& t : plain) t.word_phrase = 0;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        PhraseMatch got, want;
        const bool found = lex.roles.match_at(tokens, i, got);
        ASSERT_EQ(found, lex.roles.match_at(plain, i, want)) << text << " @" << i;
        if (!found) continue;
        EXPECT_EQ(got.phrase, want.phrase) << text << " @" << i;
        EXPECT_EQ(got.end, want.end) << text << " @" << i;
        longer += got.end > got.begin + 1;
      }
    }
  EXPECT_GT(longer, 10u);  // longer phrases were found, not only one-word ones
}

// A view whose tokens no cue word starts (starts_any without the matcher's
// bit) finds no cue; the same sentence with its real marks finds its cue.
TEST(TokenizeMarked, FindersSkipSentencesTheirMatcherCannotStartIn) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Secondo fonti vicine, Alfa non investirebbe in Beta.";
  const DocumentText doc(text);
  SentenceView v;
  v.starts_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, v.tokens);
  v.role.assign(v.tokens.size(), {});
  ASSERT_TRUE(lex.attribution.may_start_in(v.starts_any));
  EXPECT_FALSE(find_cues(lex.attribution, v).empty());
  EXPECT_FALSE(find_cues(lex.modality, v).empty());
  v.starts_any = 0;  // as if no token started anything
  EXPECT_FALSE(lex.attribution.may_start_in(v.starts_any));
  EXPECT_TRUE(find_cues(lex.attribution, v).empty());
  EXPECT_TRUE(find_triggers(lex, v).empty());
}

}  // namespace
}  // namespace dealscan::claims

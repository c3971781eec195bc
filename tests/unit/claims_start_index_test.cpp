// Claims, StartIndex: marking tokens with the matchers that may start there
// must never change what a matcher finds (a differential test against the
// same matchers on unmarked tokens), and must clear the bits of tokens no
// first word, stem or suffix of a matcher fits.
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

std::vector<std::vector<std::size_t>> matches(const PhraseMatcher& m, const std::vector<Token>& tokens) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    PhraseMatch hit;
    if (m.match_at(tokens, i, hit)) out.push_back({i, hit.end, hit.phrase->specificity});
  }
  return out;
}

TEST(StartIndex, MarkedTokensMatchLikeUnmarkedOnes) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<std::string> sentences = {
      "Secondo fonti vicine al dossier, Alfa investirebbe 3 miliardi di euro in Beta.",
      "La societ\u00E0 guidata da Mario Rossi non ha smentito l'accordo da 500 milioni con Gamma.",
      "Il gruppo avrebbe ricevuto da parte di Delta un finanziamento, ha riferito il Sole 24 Ore.",
      "Non \u00E8 vero: l'operazione, stimata in circa 2,5 miliardi, non \u00E8 mai stata firmata.",
      "Zeta ha acquistato il 40% di Eta per 1.200 milioni; la cessione si chiuder\u00E0 entro l'anno.",
      "In esclusiva: Theta e Iota firmano tra loro un contratto pluriennale del valore di 10 miliardi."};
  const std::vector<const PhraseMatcher*> matchers = {&lex.triggers, &lex.roles, &lex.modality, &lex.attribution};
  std::size_t found = 0;
  for (const auto& s : sentences) {
    std::string lowered;
    auto plain = tokens_of(s, lowered);
    auto marked = plain;
    lex.starts.mark(marked);
    for (const auto* m : matchers) {
      auto want = matches(*m, plain);
      EXPECT_EQ(matches(*m, marked), want) << s;
      found += want.size();
    }
  }
  EXPECT_GT(found, 20u);  // the sentences do hold phrases of every kind
}

TEST(StartIndex, ClearsTheBitsOfTokensNoMatcherStartsWith) {
  Lexicon lexicon;
  lexicon.add_list("first", "investir*\tkind=a\nda parte di\tkind=b\n", "test");
  lexicon.add_list("second", "*rebbe\tkind=c\n", "test");
  PhraseMatcher first(lexicon.list("first")), second(lexicon.list("second"));
  const StartIndex index({&first, &second});
  std::string lowered;
  auto tokens = tokens_of("Investiranno da Roma, pagherebbe qui.", lowered);
  index.mark(tokens);
  std::vector<int> starts;
  for (const auto& t : tokens) starts.push_back(t.may_start);
  // Investiranno (stem of first), da (word of first), Roma, ",", pagherebbe (suffix of second), qui, "."
  EXPECT_EQ(starts, (std::vector<int>{1, 1, 0, 0, 2, 0, 0}));
  PhraseMatch m;
  EXPECT_TRUE(first.match_at(tokens, 0, m));
  EXPECT_FALSE(first.match_at(tokens, 1, m));  // "da" but not "da parte di"
  EXPECT_TRUE(second.match_at(tokens, 4, m));
}

}  // namespace
}  // namespace dealscan::claims

// Claims, PhraseMatcher::next_start: the walks over a sentence jump from one
// token a matcher may start at to the next. The jump must never step over
// a token where match_at succeeds, and must stop at the tokens of the
// matcher's bit.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

std::vector<Token> marked_tokens(const ClaimLexicon& lex, const std::string& text, std::string& lowered) {
  text::assign_lowered(text, lowered);
  auto tokens = tokenize(text, lowered, Span{0, text.size()});
  lex.starts.mark(tokens);
  return tokens;
}

TEST(NextStart, StepsOverNoTokenAMatchStartsAt) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<std::string> sentences = {
      "Secondo indiscrezioni di stampa, Alfa avrebbe ceduto a Beta il 30% per 2 miliardi.",
      "Il consiglio di Gamma non ha confermato l'intesa con Delta, ha riferito una fonte.",
      "Epsilon riceverebbe da parte di Zeta un prestito da 700 milioni, secondo Reuters.",
      "Nessuna smentita: la fusione tra Eta e Theta vale circa 4,2 miliardi di dollari."};
  const std::vector<const PhraseMatcher*> matchers = {&lex.triggers, &lex.roles, &lex.modality, &lex.attribution};
  std::size_t starts = 0, skipped = 0;
  for (const auto& s : sentences) {
    std::string lowered;
    const auto tokens = marked_tokens(lex, s, lowered);
    for (const auto* m : matchers) {
      for (std::size_t i = 0; i <= tokens.size(); ++i) {
        const std::size_t next = m->next_start(tokens, i);
        ASSERT_GE(next, i);
        ASSERT_LE(next, tokens.size());
        PhraseMatch hit;
        for (std::size_t k = i; k < next; ++k) EXPECT_FALSE(m->match_at(tokens, k, hit)) << s << " @" << k;
        skipped += next - i;
        if (next < tokens.size()) {
          EXPECT_NE(tokens[next].may_start, 0) << "stopped at a token no matcher starts at: " << s << " @" << next;
          starts += m->match_at(tokens, next, hit);
        }
      }
    }
  }
  EXPECT_GT(starts, 10u);   // the sentences hold phrases of the matchers
  EXPECT_GT(skipped, 100u); // and many tokens are stepped over
}

TEST(NextStart, StopsAtTheTokensOfItsBitOnly) {
  Lexicon lexicon;
  lexicon.add_list("first", "investir*\tkind=a\nda parte di\tkind=b\n", "test");
  lexicon.add_list("second", "*rebbe\tkind=c\n", "test");
  PhraseMatcher first(lexicon.list("first")), second(lexicon.list("second"));
  const StartIndex index({&first, &second});
  std::string lowered;
  text::assign_lowered("Investiranno da Roma, pagherebbe qui.", lowered);
  auto tokens = tokenize("Investiranno da Roma, pagherebbe qui.", lowered, Span{0, lowered.size()});
  index.mark(tokens);
  // Investiranno, da, Roma, ",", pagherebbe, qui, "."
  EXPECT_EQ(first.next_start(tokens, 0), 0u);
  EXPECT_EQ(first.next_start(tokens, 1), 1u);
  EXPECT_EQ(first.next_start(tokens, 2), tokens.size());
  EXPECT_EQ(second.next_start(tokens, 0), 4u);
  EXPECT_EQ(second.next_start(tokens, 5), tokens.size());
  // A matcher in no StartIndex looks everywhere.
  PhraseMatcher alone(lexicon.list("first"));
  EXPECT_EQ(alone.next_start(tokens, 2), 2u);
}

}  // namespace
}  // namespace dealscan::claims

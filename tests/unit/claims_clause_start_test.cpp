// Claims, SentenceView::clause_start: its spelt-out test for a clause break
// must agree with is_punct(t, ";:…") at every token, with marks that share
// bytes with "…" (guillemets, dashes, typographic quotes) not taken for it.
#include <gtest/gtest.h>

#include <string>

#include "extract/claim_context.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

// clause_start as the walk back with is_punct.
std::size_t clause_start_by_is_punct(const SentenceView& v, std::size_t t) {
  std::size_t b = std::min(t, v.tokens.size());
  while (b > 0 && !v.is_punct(b - 1, ";:\u2026")) --b;
  return b;
}

TEST(ClauseStart, AgreesWithIsPunctAtEveryToken) {
  const std::string text =
      "\u00ABAlfa\u00BB \u2013 dice Rossi: l'intesa (da 5 miliardi) vale \u201Cforse\u201D di pi\u00F9\u2026 o no; "
      "e poi \u2014 Beta, Gamma \u2018e\u2019 Delta: fine.";
  std::string lowered;
  text::assign_lowered(text, lowered);
  SentenceView v;
  v.tokens = tokenize(text, lowered, Span{0, text.size()});
  ASSERT_GT(v.tokens.size(), 30u);
  std::size_t breaks = 0;
  for (std::size_t t = 0; t <= v.tokens.size() + 1; ++t) {  // past the end too
    EXPECT_EQ(v.clause_start(t), clause_start_by_is_punct(v, t)) << t;
    breaks += v.clause_start(t) == t && t > 0 && t <= v.tokens.size();
  }
  EXPECT_EQ(breaks, 4u);  // after ":", "…", ";" and ":"
}

TEST(ClauseStart, SameClauseOnlyWithoutBreakBetween) {
  const std::string text = "Alfa investe; Beta vende: Gamma compra";
  std::string lowered;
  text::assign_lowered(text, lowered);
  SentenceView v;
  v.tokens = tokenize(text, lowered, Span{0, text.size()});
  ASSERT_EQ(v.tokens.size(), 8u);
  EXPECT_TRUE(v.same_clause(0, 1));
  EXPECT_FALSE(v.same_clause(1, 3));
  EXPECT_TRUE(v.same_clause(3, 4));
  EXPECT_FALSE(v.same_clause(4, 6));
  EXPECT_EQ(v.clause_start(7), 6u);
}

}  // namespace
}  // namespace dealscan::claims

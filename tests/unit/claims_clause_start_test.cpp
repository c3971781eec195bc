// Claims, SentenceView::clause_start: its spelt-out test for a clause break
// must agree with is_punct(t, ";:…") at every token, with marks that share
// bytes with "…" (guillemets, dashes, typographic quotes) not taken for it.
#include <gtest/gtest.h>

#include <string>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_modality.h"
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

// Marking gives ';', ':' and '…' kClauseBreakBit (and no other mark), so
// a marked view without it is one clause: clause_start answers as the walk
// at every token, with breaks in the sentence and without.
TEST(ClauseStart, MarkedViewAnswersAsTheWalk) {
  const ClaimLexicon lex(Lexicon::builtin());
  for (const std::string text : {std::string("Alfa, con Beta (e Gamma), investir\u00E0 \u00ABmolto\u00BB \u2013 dice Rossi."),
                                 std::string("Alfa cresce: Beta investir\u00E0; Gamma\u2026 no, Delta.")}) {
    const DocumentText doc(text);
    SentenceView marked;
    marked.starts_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), Span{0, text.size()}, marked.tokens);
    std::size_t breaks = 0;
    for (std::size_t t = 0; t < marked.tokens.size(); ++t) {
      const bool is_break = marked.is_punct(t, ";:\u2026");
      breaks += is_break;
      EXPECT_EQ((marked.tokens[t].may_start & kClauseBreakBit) != 0, is_break) << marked.tokens[t].lower;
    }
    EXPECT_EQ((marked.starts_any & kClauseBreakBit) != 0, breaks > 0) << text;
    for (std::size_t t = 0; t <= marked.tokens.size(); ++t)
      EXPECT_EQ(marked.clause_start(t), clause_start_by_is_punct(marked, t)) << text << " at " << t;
  }
}

// A negation denies only in the money's own clause: the modality decider
// finds the clause's start by a walk, skipped in a marked view without a
// clause break. Marked and unmarked views decide alike, breaks or not.
TEST(ClauseStart, NegationsClauseFoundAlikeInMarkedAndPlainViews) {
  const ClaimLexicon lex(Lexicon::builtin());
  const EntityOutput none;
  const EntityIndex by_id(none.entities);
  auto decide = [&](const std::string& text, bool marked) {
    const DocumentText doc(text);
    const Span span{0, text.size()};
    SentenceView v;
    if (marked) {
      v.starts_any = lex.starts.tokenize_marked(doc.words(), doc.lowered(), span, v.tokens);
      build_view_into(lex, 0, span, v, none, by_id, {});  // no mentions, no entities
    } else {
      v = build_view(lex, 0, span, tokenize(text, doc.lowered(), span), none, by_id);
    }
    std::vector<CueHit> modality, attribution;
    find_cues_into(lex.modality, v, modality);
    find_cues_into(lex.attribution, v, attribution);
    const std::size_t at = text.find('5');
    auto [mb, me] = v.token_range(Span{at, at + 10});
    return decide_modality(v, modality, attribution, mb, me).modality;
  };
  for (bool marked : {false, true}) {
    EXPECT_EQ(decide("Beta non paga 5 milioni a Gamma.", marked), Modality::Denied) << marked;
    EXPECT_EQ(decide("Alfa non investe; Beta paga 5 milioni a Gamma.", marked), Modality::Stated) << marked;
    EXPECT_EQ(decide("Alfa investe: Beta non paga 5 milioni a Gamma.", marked), Modality::Denied) << marked;
  }
}

}  // namespace
}  // namespace dealscan::claims

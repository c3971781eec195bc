// Claims, ClaimLexicon reads each trigger and role phrase's attributes once:
// what it keeps per phrase must be what the phrase's entry says, and what
// find_triggers reports for a sentence must come from the matched phrase.
#include <gtest/gtest.h>

#include <string>

#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_kind.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

// text as one sentence's tokens, no role marked yet (the tokens point into
// lowered, built before them; not copyable, so they never dangle).
struct BareView {
  explicit BareView(const std::string& text) {
    text::assign_lowered(text, lowered);
    v.tokens = tokenize(text, lowered, Span{0, text.size()});
    v.role.assign(v.tokens.size(), {});
  }
  BareView(const BareView&) = delete;
  BareView& operator=(const BareView&) = delete;
  std::string lowered;
  SentenceView v;
};

TEST(ClaimLexiconFacts, KeptPerPhraseAsTheEntriesSay) {
  const ClaimLexicon lex(Lexicon::builtin());
  ASSERT_EQ(lex.trigger_facts.size(), lex.triggers.phrases().size());
  ASSERT_EQ(lex.role_of.size(), lex.roles.phrases().size());
  std::size_t verbs = 0, copulas = 0;
  for (const Phrase& p : lex.triggers.phrases()) {
    const TriggerFacts& f = lex.trigger_facts[lex.triggers.index_of(p)];
    EXPECT_EQ(f.kind, kind_from(p.entry->attr("kind")));
    EXPECT_EQ(f.verb, p.entry->attr("pos") == "verb");
    EXPECT_EQ(f.dir, p.entry->attr("dir"));
    EXPECT_EQ(f.weight, p.entry->number("weight", 1));
    EXPECT_EQ(f.copula, p.entry->attr("copula") == "yes");
    verbs += f.verb;
    copulas += f.copula;
  }
  EXPECT_GT(verbs, 0u);
  EXPECT_GT(copulas, 0u);  // "vale", "varrebbe"...
  for (const Phrase& p : lex.roles.phrases()) EXPECT_EQ(lex.role_of[lex.roles.index_of(p)], p.entry->attr("role"));
}

TEST(ClaimLexiconFacts, TriggersOfASentenceCarryTheirPhrasesFacts) {
  Lexicon lexicon;
  lexicon.add_list("claim_triggers",
                   "finanziare\tkind=investment\tpos=verb\tdir=pay\tweight=2.5\n"
                   "quota\tkind=stake\tpos=noun\n",
                   "test");
  const ClaimLexicon lex(lexicon);
  const BareView bare("Alfa vuole finanziare Beta per una quota.");
  const auto hits = find_triggers(lex, bare.v);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].b, 2u);
  EXPECT_EQ(hits[0].kind, Kind::Investment);
  EXPECT_TRUE(hits[0].verb);
  EXPECT_EQ(hits[0].dir, "pay");
  EXPECT_EQ(hits[0].weight, 2.5);
  EXPECT_EQ(hits[1].b, 6u);
  EXPECT_EQ(hits[1].kind, Kind::Stake);
  EXPECT_FALSE(hits[1].verb);
  EXPECT_EQ(hits[1].dir, "");
  EXPECT_EQ(hits[1].weight, 1);
  EXPECT_FALSE(hits[0].copula);
  EXPECT_FALSE(hits[1].copula);
}

// A linking verb's copula=yes, read once per phrase, reaches its hits, and
// decide_kind gives the amount the kind of the noun the verb links: "il
// contratto vale N" is a contract, not a valuation.
TEST(ClaimLexiconFacts, CopulaHitsTakeTheKindOfTheLinkedNoun) {
  Lexicon lexicon;
  lexicon.add_list("claim_triggers",
                   "vale\tkind=valuation\tpos=verb\tdir=owner\tcopula=yes\n"
                   "stima\tkind=valuation\tpos=verb\tdir=owner\n"
                   "contratto\tkind=contract\tpos=noun\n",
                   "test");
  const ClaimLexicon lex(lexicon);
  auto kind_of = [&](const std::string& text, bool& copula) {
    const BareView bare(text);
    const SentenceView& v = bare.v;
    const auto hits = find_triggers(lex, v);
    copula = false;
    for (const auto& h : hits) copula = copula || h.copula;
    const std::size_t mb = v.tokens.size() - 3;  // "5 milioni ."
    return decide_kind(v, hits, mb, mb + 2);
  };
  bool copula = false;
  const KindDecision linked = kind_of("Il contratto vale 5 milioni.", copula);
  EXPECT_TRUE(copula);
  EXPECT_EQ(linked.kind, Kind::Contract);
  EXPECT_EQ(linked.rule, "copula:contratto");
  const KindDecision plain = kind_of("Il contratto stima 5 milioni.", copula);
  EXPECT_FALSE(copula);
  EXPECT_EQ(plain.kind, Kind::Valuation);
}

// Each phrase keeps its entry's type= as read once; the cue lists give
// every phrase one, an entry without it an empty type.
TEST(ClaimLexiconFacts, PhrasesKeepTheirEntrysType) {
  const ClaimLexicon lex(Lexicon::builtin());
  for (const PhraseMatcher* m : {&lex.modality, &lex.attribution}) {
    ASSERT_FALSE(m->phrases().empty());
    for (const Phrase& p : m->phrases()) {
      EXPECT_EQ(p.type, p.entry->attr("type"));
      EXPECT_FALSE(p.type.empty()) << p.entry->canonical();
    }
  }
  Lexicon lexicon;
  lexicon.add_list("plain", "alfa\tkind=x\nbeta gamma\ttype=y\n", "test");
  const PhraseMatcher plain(lexicon.list("plain"));
  ASSERT_EQ(plain.phrases().size(), 2u);
  EXPECT_EQ(plain.phrases()[0].type, "");
  EXPECT_EQ(plain.phrases()[1].type, "y");
}

}  // namespace
}  // namespace dealscan::claims

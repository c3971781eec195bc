// Claims, CarriedAgent: decide_parties asks for the subject carried over
// from earlier sentences only when the figure's own sentence names none
// (finding it may mean analysing those sentences), and then uses it.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_facts.h"
#include "extract/claim_kind.h"
#include "extract/claim_parties.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"
#include "support/entity_mentions.h"

namespace dealscan::claims {
namespace {

struct Counted {
  int asked = 0;
};

std::optional<std::string> find_gamma(const void* c) {
  ++static_cast<Counted*>(const_cast<void*>(c))->asked;
  return std::string("gamma");
}

const ClaimLexicon& lexicon() {
  static const ClaimLexicon lex(Lexicon::builtin());
  return lex;
}

// text as one sentence naming the companies Alfa and Beta, viewed as the
// claims extractor views it (the view points into the members before it).
struct AlfaBetaSentence {
  explicit AlfaBetaSentence(const std::string& text)
      : lowered(lowered_of(text)),
        out(test_support::mentions_by_name(text, entities)),
        v(build_view(lexicon(), 0, Span{0, text.size()}, tokenize(text, lowered, Span{0, text.size()}), out, by_id)) {}
  static std::string lowered_of(const std::string& text) {
    std::string lowered;
    text::assign_lowered(text, lowered);
    return lowered;
  }
  const std::vector<Entity> entities = {{"alfa", "Alfa", EntityType::Org}, {"beta", "Beta", EntityType::Org}};
  const EntityIndex by_id{entities};
  const std::string lowered;
  const EntityOutput out;
  const SentenceView v;
};

// decide_parties on the one money mention of text ("5 miliardi"), with a
// carried subject that counts how often it is asked for.
PartyDecision parties_of(const std::string& text, Counted& counted) {
  const ClaimLexicon& lex = lexicon();
  const AlfaBetaSentence sentence(text);
  const SentenceView& v = sentence.v;
  const std::size_t at = text.find("5 miliardi");
  auto [mb, me] = v.token_range(Span{at, at + 10});
  const std::vector<TriggerHit> triggers = find_triggers(lex, v);  // kd points into them
  const KindDecision kd = decide_kind(v, triggers, mb, me);
  return decide_parties(v, kd, mb, me, CarriedAgent(find_gamma, &counted));
}

TEST(CarriedAgent, AskedOnlyWhenTheSentenceNamesNoSubject) {
  Counted named;
  const PartyDecision own = parties_of("Alfa investir\u00E0 5 miliardi in Beta.", named);
  EXPECT_EQ(own.subject, std::optional<std::string>("alfa"));
  EXPECT_EQ(named.asked, 0);  // Alfa is the agent: nothing carried is looked for

  Counted unnamed;
  const PartyDecision carried = parties_of("Investir\u00E0 5 miliardi in Beta.", unnamed);
  EXPECT_EQ(carried.subject, std::optional<std::string>("gamma"));
  EXPECT_EQ(carried.rule.rfind("carried", 0), 0u) << carried.rule;
  EXPECT_EQ(unnamed.asked, 1);
}

TEST(CarriedAgent, KnownValuesAndNoneAnswerAtOnce) {
  const CarriedAgent known(std::optional<std::string>("delta"));
  EXPECT_EQ(known.get(), std::optional<std::string>("delta"));
  const CarriedAgent none(std::nullopt);
  EXPECT_FALSE(none.get().has_value());
  Counted counted;
  const CarriedAgent lazy(find_gamma, &counted);
  EXPECT_EQ(counted.asked, 0);
  EXPECT_EQ(lazy.get(), std::optional<std::string>("gamma"));
  EXPECT_EQ(lazy.get(), std::optional<std::string>("gamma"));
  EXPECT_EQ(counted.asked, 1);  // found once, then remembered
}

// find_facts on text (one sentence), with a carried holder that counts how
// often it is asked for.
std::vector<Fact> facts_of(const std::string& text, Counted& counted) {
  const ClaimLexicon& lex = lexicon();
  const AlfaBetaSentence sentence(text);
  const SentenceView& v = sentence.v;
  return find_facts(v, text, find_cues(lex.attribution, v), find_cues(lex.modality, v), {}, CarriedAgent(find_gamma, &counted));
}

TEST(CarriedAgent, FactsAskOnlyForARightsHolderTheSentenceDoesNotName) {
  Counted named;
  const auto own = facts_of("Alfa detiene i diritti esclusivi sul marchio.", named);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].subject, std::optional<std::string>("alfa"));
  EXPECT_EQ(named.asked, 0);

  Counted unnamed;
  const auto carried = facts_of("Detiene i diritti esclusivi sul marchio.", unnamed);
  ASSERT_EQ(carried.size(), 1u);
  EXPECT_EQ(carried[0].subject, std::optional<std::string>("gamma"));
  EXPECT_EQ(unnamed.asked, 1);

  Counted report;  // a reporting fact never needs a holder
  facts_of("Secondo Beta, l'accordo \u00E8 vicino.", report);
  EXPECT_EQ(report.asked, 0);
}

}  // namespace
}  // namespace dealscan::claims

// Claims, SentenceView::is_punct: the one-byte fast path answers as the
// substring test it replaces, for one-byte and longer marks ("…", "«").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_parties.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"
#include "support/entity_mentions.h"

namespace dealscan::claims {
namespace {

// text as one sentence, viewed with the mentions of out (the view's tokens
// point into lowered, built before them; not copyable, so they never dangle).
struct WholeView {
  WholeView(const ClaimLexicon& lex, const std::string& text, const EntityOutput& out, const EntityIndex& by_id) {
    text::assign_lowered(text, lowered);
    const Span span{0, text.size()};
    v = build_view(lex, 0, span, tokenize(text, lowered, span), out, by_id);
  }
  WholeView(const WholeView&) = delete;
  WholeView& operator=(const WholeView&) = delete;
  std::string lowered;
  SentenceView v;
};

bool punct_by_substring(const SentenceView& v, std::size_t t, std::string_view chars) {
  return t < v.tokens.size() && !v.tokens[t].word && chars.find(v.tokens[t].lower) != std::string_view::npos;
}

TEST(SentenceView, IsPunctAsASubstringTestOfTheMark) {
  const std::string text = "«Sì», ha detto: l'intesa (da 5 miliardi) vale [forse] di più… o no; e - poi?";
  std::string lowered;
  text::assign_lowered(text, lowered);
  SentenceView v;
  v.tokens = tokenize(text, lowered, Span{0, text.size()});
  ASSERT_GT(v.tokens.size(), 20u);
  const std::vector<std::string_view> sets = {",()[]", ";:…", ";:", "«»\"", "-", "?!.", "…", ""};
  int marks = 0;
  for (std::size_t t = 0; t <= v.tokens.size(); ++t) {  // one past the end too
    if (t < v.tokens.size() && !v.tokens[t].word) ++marks;
    for (auto chars : sets) EXPECT_EQ(v.is_punct(t, chars), punct_by_substring(v, t, chars)) << t << " " << chars;
  }
  EXPECT_GT(marks, 10);
}

TEST(SentenceView, IsPunctFindsEllipsisAndGuillemets) {
  const std::string text = "«Forse» sì… ma: no";
  std::string lowered;
  text::assign_lowered(text, lowered);
  SentenceView v;
  v.tokens = tokenize(text, lowered, Span{0, text.size()});
  std::size_t ellipsis = 0, colon = 0;
  for (std::size_t t = 0; t < v.tokens.size(); ++t) {
    if (v.tokens[t].lower == "…") ellipsis = t;
    if (v.tokens[t].lower == ":") colon = t;
  }
  ASSERT_GT(ellipsis, 0u);
  ASSERT_GT(colon, 0u);
  EXPECT_TRUE(v.is_punct(ellipsis, ";:…"));
  EXPECT_FALSE(v.is_punct(ellipsis, ",()[]"));
  EXPECT_TRUE(v.is_punct(colon, ";:…"));
  EXPECT_TRUE(v.is_punct(0, "«»"));
  EXPECT_FALSE(v.is_punct(1, ",;"));  // "forse" is a word
  EXPECT_EQ(v.clause_start(v.tokens.size()), colon + 1);
}

// The view lists the tokens of its relative role phrases ("che"), and
// find_agent reads them: after a complement "che" the verb has its own
// subject ("Rossi ha annunciato che Alfa ..." => Alfa); after a comma the
// "che" is a relative and the subject stays before it.
TEST(SentenceView, RelativesListedAndReadForTheComplementChe) {
  const ClaimLexicon lex(Lexicon::builtin());
  std::vector<Entity> entities = {{"rossi", "Rossi", EntityType::Person}, {"alfa", "Alfa", EntityType::Org},
                                  {"beta", "Beta", EntityType::Org}};
  const EntityIndex by_id(entities);
  auto agent_of = [&](const std::string& text, std::vector<std::size_t>& relatives) {
    const EntityOutput out = test_support::mentions_by_name(text, entities);
    const WholeView whole(lex, text, out, by_id);
    const SentenceView& v = whole.v;
    relatives = v.relatives;
    auto agent = find_agent(v, v.tokens.size());
    return agent && !agent->several() ? v.mentions[agent->members.front()].id() : std::string("-");
  };
  std::vector<std::size_t> relatives;
  EXPECT_EQ(agent_of("Rossi ha annunciato che Alfa investir\u00E0 in Beta.", relatives), "alfa");
  EXPECT_EQ(relatives, (std::vector<std::size_t>{3}));
  EXPECT_EQ(agent_of("Rossi, che investir\u00E0 in Beta, ha parlato.", relatives), "rossi");
  EXPECT_EQ(relatives, (std::vector<std::size_t>{2}));
  EXPECT_EQ(agent_of("Rossi ha parlato con Beta.", relatives), "rossi");
  EXPECT_TRUE(relatives.empty());
}

// The view lists the tokens of its head role phrases ("società", "gruppo"):
// every token whose role is "head" is among them, in order.
TEST(SentenceView, HeadsListed) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Alfa investir\u00E0 nella societ\u00E0 di Rossi e nel gruppo.";
  const std::vector<Entity> entities = {{"alfa", "Alfa", EntityType::Org}};
  EntityOutput out;
  out.entities = entities;
  out.mentions.push_back({"alfa", Span{0, 4}});
  const WholeView whole(lex, text, out, EntityIndex(entities));
  const SentenceView& v = whole.v;
  EXPECT_EQ(v.heads, (std::vector<std::size_t>{3, 8}));
  std::vector<std::size_t> by_role;
  for (std::size_t t = 0; t < v.tokens.size(); ++t)
    if (v.role[t] == "head") by_role.push_back(t);
  EXPECT_EQ(by_role, v.heads);
}

// Mentions are placed on their tokens and told parenthetical walking the
// sentence once, left to right: each gets the range token_range gives and
// the bracket depth counted from the sentence's start, brackets closing and
// reopening between them, a nested mention dropped.
TEST(SentenceView, MentionsRangesAndBracketsAsCountedFromTheStart) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Alfa (ex Beta Uno) e Gamma [con Delta (Epsilon)] pagano Zeta) e Eta.";
  const std::vector<Entity> entities = {{"alfa", "Alfa", EntityType::Org},       {"beta", "Beta Uno", EntityType::Org},
                                        {"uno", "Uno", EntityType::Org},         {"gamma", "Gamma", EntityType::Org},
                                        {"delta", "Delta", EntityType::Org},     {"epsilon", "Epsilon", EntityType::Org},
                                        {"zeta", "Zeta", EntityType::Org},       {"eta", "Eta.", EntityType::Org}};
  EntityOutput out = test_support::mentions_by_name(text, entities);
  const WholeView whole(lex, text, out, EntityIndex(entities));
  const SentenceView& v = whole.v;
  std::vector<std::string> ids;
  std::vector<bool> inside;
  for (const auto& m : v.mentions) {
    ids.push_back(m.id());
    inside.push_back(m.parenthetical);
    EXPECT_EQ(std::make_pair(m.tb, m.te), v.token_range(m.mention->span)) << m.id();
  }
  // "Uno" inside "Beta Uno" is nested; "Eta." runs past the tokens' "Eta".
  EXPECT_EQ(ids, (std::vector<std::string>{"alfa", "beta", "gamma", "delta", "epsilon", "zeta", "eta"}));
  EXPECT_EQ(inside, (std::vector<bool>{false, true, false, true, true, false, false}));
}

// Each mention's entity looked up once per document: the list follows the
// mentions (a repeated id finds the first entity of it, an unknown one
// none), and a view reading it gives each mention that entity.
TEST(SentenceView, MentionEntitiesListedOnceReadAsLookedUp) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::string text = "Alfa e Rossi (di Beta) pagano Gamma a Zeta, e poi Alfa.";
  std::string lowered;
  text::assign_lowered(text, lowered);
  const std::vector<Entity> entities = {{"alfa", "Alfa", EntityType::Org},    {"rossi", "Rossi", EntityType::Person},
                                        {"beta", "Beta", EntityType::Org},    {"gamma", "Gamma", EntityType::Place},
                                        {"alfa", "Alfa Bis", EntityType::Org}};
  EntityOutput out = test_support::mentions_by_name(text, entities);
  out.mentions.push_back({"zeta", Span{text.find("Zeta"), text.find("Zeta") + 4}});  // no such entity
  std::sort(out.mentions.begin(), out.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
  const EntityIndex by_id(out.entities);
  std::vector<const Entity*> of_mention = {&entities[0]};  // stale: replaced
  mention_entities_into(out.mentions, by_id, of_mention);
  ASSERT_EQ(of_mention.size(), out.mentions.size());
  for (std::size_t k = 0; k < out.mentions.size(); ++k) {
    EXPECT_EQ(of_mention[k], by_id.find(out.mentions[k].entity_id)) << k;
    if (out.mentions[k].entity_id == "alfa") EXPECT_EQ(of_mention[k], &out.entities[0]);
    if (out.mentions[k].entity_id == "zeta") EXPECT_EQ(of_mention[k], nullptr);
  }
  const Span span{0, text.size()};
  SentenceView listed;
  listed.tokens = tokenize(text, lowered, span);
  build_view_into(lex, 0, span, listed, out, by_id, of_mention);
  ASSERT_GE(listed.mentions.size(), 5u);
  for (const MentionRef& m : listed.mentions) {
    if (!m.rule.empty()) continue;  // named through another mention
    EXPECT_EQ(m.entity, by_id.find(m.mention->entity_id)) << m.mention->entity_id;
    EXPECT_EQ(m.id(), m.mention->entity_id);
  }
  // build_view lists them itself.
  const WholeView built(lex, text, out, by_id);
  ASSERT_EQ(built.v.mentions.size(), listed.mentions.size());
  for (std::size_t k = 0; k < listed.mentions.size(); ++k) EXPECT_EQ(built.v.mentions[k].entity, listed.mentions[k].entity) << k;
}

// joined builds a rule name as the + chain it replaces did.
TEST(RuleNames, JoinedEqualsTheConcatenation) {
  const std::string longer(40, 'x');
  for (std::string_view a : {"", "np", "first_reported_by", longer.c_str()})
    for (std::string_view b : {"", "contratto", "di certo non", longer.c_str()})
      EXPECT_EQ(joined(a, ":", b), std::string(a) + ":" + std::string(b));
  EXPECT_EQ(joined("agent", ",", "cp:target"), "agent,cp:target");
}

// EntityIndex finds every entity by its id, the first of a repeated id,
// and nothing for an id the document lacks, however many entities it holds.
TEST(EntityIndex, FindsTheFirstEntityOfEachId) {
  for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 100u}) {
    std::vector<Entity> entities(n);
    for (std::size_t k = 0; k < n; ++k) entities[k].id = "ent-" + std::to_string(k * 7919 % 1000);
    if (n > 1) entities.push_back(Entity{}), entities.back().id = entities[1].id;  // repeated: the first wins
    const EntityIndex index(entities);
    for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(index.find(entities[k].id), &entities[k]) << n << " " << k;
    EXPECT_EQ(index.find("ent-"), nullptr);
    EXPECT_EQ(index.find("ent-1000"), nullptr);
    EXPECT_EQ(index.find(""), nullptr);
  }
  EXPECT_EQ(EntityIndex().find("x"), nullptr);
}

// Ids of every length (the hash reads 1-3, 4-7 and 8 or more bytes
// differently), and ids equal but for one byte anywhere: each finds itself.
TEST(EntityIndex, FindsIdsOfEveryLength) {
  std::vector<Entity> entities;
  for (std::size_t len = 1; len <= 26; ++len)
    for (std::size_t at = 0; at < len; ++at) {
      entities.emplace_back();
      entities.back().id = std::string(len, 'o');
      entities.back().id[at] = 'x';
    }
  const EntityIndex index(entities);
  for (const Entity& e : entities) EXPECT_EQ(index.find(e.id), &e) << e.id;
  for (std::size_t len = 1; len <= 26; ++len) EXPECT_EQ(index.find(std::string(len, 'o')), nullptr) << len;
}

}  // namespace
}  // namespace dealscan::claims

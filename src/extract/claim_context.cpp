#include "extract/claim_context.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace dealscan::claims {

ClaimLexicon::ClaimLexicon(const Lexicon& lexicon)
    : triggers(lexicon.list("claim_triggers")),
      roles(lexicon.list("claim_roles")),
      modality(lexicon.list("claim_modality")),
      attribution(lexicon.list("claim_attribution")),
      starts({&triggers, &roles, &modality, &attribution}, &roles),
      attribution_screen(attribution),
      leaders(build_leader_index(lexicon)) {
  for (const Phrase& p : triggers.phrases()) {
    const LexEntry& e = *p.entry;
    trigger_facts.push_back(TriggerFacts{kind_from(e.attr("kind")), e.attr("pos") == "verb", e.attr("dir"), e.number("weight", 1),
                                         e.attr("copula") == "yes"});
  }
  for (const Phrase& p : roles.phrases()) role_of.push_back(p.entry->attr("role"));
  for (std::string_view r : role_of) relative.push_back(r == "relative"), head.push_back(r == "head");
}

LeaderIndex build_leader_index(const Lexicon& lexicon) {
  LeaderIndex out;
  for (const auto& e : lexicon.list("gazetteer")) {
    std::string_view org = e.attr("id");
    if (org.empty() || e.attr("type") != "ORG") continue;
    for (std::string_view key : {"ceo", "founder"}) {
      std::string_view people = e.attr(key);
      while (!people.empty()) {
        auto bar = people.find('|');
        auto person = std::string(people.substr(0, bar));
        auto& orgs = out[person];
        if (std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.emplace_back(org);
        people = bar == std::string_view::npos ? std::string_view{} : people.substr(bar + 1);
      }
    }
  }
  return out;
}

std::size_t EntityIndex::hash(std::string_view id) {
  // Eight bytes a step, the last eight read overlapping ("org:openai" is
  // two reads), not FNV's byte a step: every mention of a document is looked up.
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    return h ^ (h >> 32);
  };
  const char* p = id.data();
  const std::size_t n = id.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  if (n >= 8) {
    std::uint64_t w;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&w, p + i, 8);
      h = mix(h, w);
    }
    std::memcpy(&w, p + n - 8, 8);
    h = mix(h, w);
  } else if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h = mix(h, std::uint64_t{a} | std::uint64_t{b} << 32);
  } else if (n > 0) {
    h = mix(h, std::uint64_t{static_cast<unsigned char>(p[0])} | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                   std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
  }
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void EntityIndex::assign(const std::vector<Entity>& entities) {
  std::size_t size = 16;
  while (size < 2 * entities.size()) size *= 2;
  slots_.assign(size, nullptr);
  mask_ = size - 1;
  for (const Entity& e : entities)
    for (std::size_t i = hash(e.id) & mask_;; i = (i + 1) & mask_) {
      if (!slots_[i]) {
        slots_[i] = &e;
        break;
      }
      if (slots_[i]->id == e.id) break;  // the first of an id stays
    }
}

void mention_entities_into(const std::vector<EntityMention>& mentions, const EntityIndex& by_id,
                           std::vector<const Entity*>& out) {
  out.resize(mentions.size());
  for (std::size_t k = 0; k < mentions.size(); ++k) out[k] = by_id.find(mentions[k].entity_id);
}

bool MentionRef::party() const {
  return entity && (entity->type == EntityType::Org || entity->type == EntityType::Person);
}

const std::string& MentionRef::id() const { return entity ? entity->id : mention->entity_id; }

std::pair<std::size_t, std::size_t> SentenceView::token_range(Span s) const {
  // Tokens are disjoint and in order: both ends are binary searches (each
  // mention of a sentence asks, and walks from its start were O(tokens)).
  auto b = std::partition_point(tokens.begin(), tokens.end(), [&](const Token& t) { return t.span.end <= s.begin; });
  auto e = std::partition_point(b, tokens.end(), [&](const Token& t) { return t.span.begin < s.end; });
  return {static_cast<std::size_t>(b - tokens.begin()), static_cast<std::size_t>(e - tokens.begin())};
}

int SentenceView::mention_at(std::size_t t) const {
  for (std::size_t k = 0; k < mentions.size(); ++k)
    if (mentions[k].tb <= t && t < mentions[k].te) return static_cast<int>(k);
  return -1;
}

std::size_t SentenceView::clause_start(std::size_t t) const {
  // Marked tokens none of which ends a clause (most sentences): no walk.
  if (!(starts_any & kClauseBreakBit)) return 0;
  std::size_t b = std::min(t, tokens.size());
  while (b > 0 && !is_clause_break(tokens[b - 1])) --b;
  return b;
}

bool SentenceView::same_clause(std::size_t a, std::size_t b) const {
  return clause_start(std::max(a, b)) <= std::min(a, b);
}

MentionGroup SentenceView::coordinated(std::size_t k) const {
  // Walks left and right over "A, B e C": only commas, coordinating words and
  // bracketed short forms between ("Amazon Web Services (AWS) e OpenAI").
  // Parenthetical mentions but k are stepped over, not joined.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto plain = [&](std::size_t i) { return !mentions[i].parenthetical || i == k; };
  auto plain_before = [&](std::size_t i) {
    while (i-- > 0)
      if (plain(i)) return i;
    return kNone;
  };
  auto plain_after = [&](std::size_t i) {
    while (++i < mentions.size())
      if (plain(i)) return i;
    return kNone;
  };
  auto inside_paren_mention = [&](std::size_t t) {
    int m = mention_at(t);
    return m >= 0 && mentions[static_cast<std::size_t>(m)].parenthetical;
  };
  auto joined = [&](std::size_t a, std::size_t b) {
    if (mentions[b].tb <= mentions[a].te) return false;  // adjacent mentions are one name, not a list
    for (std::size_t t = mentions[a].te; t < mentions[b].tb; ++t)
      if (!is_punct(t, ",()[]") && role[t] != "coord" && !inside_paren_mention(t)) return false;
    return true;
  };
  std::size_t lo = k, hi = k;
  for (std::size_t p = plain_before(lo); p != kNone && joined(p, lo); p = plain_before(lo)) lo = p;
  for (std::size_t q = plain_after(hi); q != kNone && joined(hi, q); q = plain_after(hi)) hi = q;
  return MentionGroup(mentions, lo, hi);
}

namespace {

void assign_roles(const ClaimLexicon& lex, SentenceView& v) {
  v.role.assign(v.tokens.size(), {});
  v.relatives.clear();
  v.heads.clear();
  // find_all's walk, without collecting the matches in a vector first.
  PhraseMatch m;
  for (std::size_t i = lex.roles.next_start(v.tokens, 0); i < v.tokens.size(); i = lex.roles.next_start(v.tokens, i)) {
    if (!lex.roles.match_at(v.tokens, i, m)) {
      ++i;
      continue;
    }
    const std::size_t p = lex.roles.index_of(*m.phrase);
    std::string_view r = lex.role_of[p];
    for (std::size_t t = m.begin; t < m.end; ++t) v.role[t] = r;
    if (lex.relative[p])
      for (std::size_t t = m.begin; t < m.end; ++t) v.relatives.push_back(t);
    if (lex.head[p])
      for (std::size_t t = m.begin; t < m.end; ++t) v.heads.push_back(t);
    i = m.end;
  }
}

// The role of the preposition governing a mention: "in OpenAI" => target,
// "da parte di Nvidia" => source. Articles and job titles between are
// skipped ("del fondatore e presidente Larry Ellison" => of).
std::string_view governing_role(const SentenceView& v, std::size_t tb) {
  std::size_t t = tb;
  while (t > 0) {
    --t;
    auto r = v.role[t];
    if (r == "article" || r == "title") continue;
    if (r == "coord" && t > 0 && v.role[t - 1] == "title") continue;
    if (r.empty() || r == "link" || r == "coord" || r == "head" || r == "possessive" || r == "relative") return {};
    return r;
  }
  return {};
}

// Whether token tb is inside brackets, asked for tokens left to right: the
// bracket depth is carried from one question to the next instead of being
// counted from the sentence's start each time.
class BracketDepth {
 public:
  bool inside(const SentenceView& v, std::size_t tb) {
    for (; t_ < tb; ++t_) {
      if (v.is_punct(t_, "([")) ++depth_;
      if (v.is_punct(t_, ")]") && depth_ > 0) --depth_;
    }
    return depth_ > 0;
  }

 private:
  std::size_t t_ = 0;
  int depth_ = 0;
};

// SentenceView::token_range(s) for spans met left to right (by begin): the
// walk goes on from the last range's first token instead of searching all
// tokens again (a sentence's mentions are a few tokens apart).
class RangeWalk {
 public:
  std::pair<std::size_t, std::size_t> range(const std::vector<Token>& tokens, Span s) {
    while (b_ < tokens.size() && tokens[b_].span.end <= s.begin) ++b_;
    std::size_t e = b_;
    while (e < tokens.size() && tokens[e].span.begin < s.end) ++e;
    return {b_, e};
  }

 private:
  std::size_t b_ = 0;
};

// "l'azienda guidata da Sam Altman", "il gruppo di Jensen Huang": a head noun
// standing for a company, then the person who leads or founded it. Returns
// the company when exactly one of that person's companies is in the document.
const Entity* led_company(const ClaimLexicon& lex, const SentenceView& v, const MentionRef& r,
                          const EntityIndex& by_id) {
  if (!r.entity || r.entity->type != EntityType::Person || r.tb < 2) return nullptr;
  std::size_t t = r.tb;
  while (t > 0 && (v.role[t - 1] == "led" || v.role[t - 1] == "of")) --t;
  if (t == r.tb || t == 0 || v.role[t - 1] != "head") return nullptr;
  auto it = lex.leaders.find(r.entity->id);
  if (it == lex.leaders.end()) return nullptr;
  const Entity* found = nullptr;
  for (const auto& org : it->second) {
    const Entity* e = by_id.find(org);
    if (!e) continue;
    if (found) return nullptr;  // several of the person's companies: unclear
    found = e;
  }
  return found;
}

// The first token of the noun phrase "[article] head [led|of]" before tb.
std::size_t head_begin(const SentenceView& v, std::size_t tb) {
  std::size_t t = tb;
  while (t > 0 && (v.role[t - 1] == "led" || v.role[t - 1] == "of")) --t;
  while (t > 0 && v.role[t - 1] == "head") --t;
  while (t > 0 && v.role[t - 1] == "article") --t;
  return t;
}

}  // namespace

SentenceView build_view(const ClaimLexicon& lex, std::size_t index, Span span, std::vector<Token> tokens, const EntityOutput& entities,
                        const EntityIndex& by_id) {
  SentenceView v;
  v.tokens = std::move(tokens);
  std::vector<const Entity*> mention_entity;
  mention_entities_into(entities.mentions, by_id, mention_entity);
  build_view_into(lex, index, span, v, entities, by_id, mention_entity);
  return v;
}

void build_view_into(const ClaimLexicon& lex, std::size_t index, Span span, SentenceView& v, const EntityOutput& entities,
                     const EntityIndex& by_id, std::span<const Entity* const> mention_entity) {
  assert(mention_entity.size() == entities.mentions.size());
  v.index = index;
  v.span = span;
  v.mentions.clear();
  assign_roles(lex, v);
  auto first = std::lower_bound(entities.mentions.begin(), entities.mentions.end(), span.begin,
                                [](const EntityMention& m, std::size_t pos) { return m.span.begin < pos; });
  std::size_t covered_to = 0;
  RangeWalk ranges;
  BracketDepth brackets;
  for (auto it = first; it != entities.mentions.end() && it->span.begin < span.end; ++it) {
    if (it->span.end > span.end || it->span.begin < covered_to) continue;  // nested or crossing
    auto [tb, te] = ranges.range(v.tokens, it->span);
    if (tb >= te) continue;
    MentionRef r;
    r.mention = &*it;
    r.entity = mention_entity[static_cast<std::size_t>(it - entities.mentions.begin())];
    r.tb = tb;
    r.te = te;
    for (std::size_t t = tb; t < te; ++t) v.role[t] = {};  // a name is never a preposition
    r.role = governing_role(v, tb);
    r.parenthetical = brackets.inside(v, tb);
    if (const Entity* company = led_company(lex, v, r, by_id)) {
      // The whole phrase names the company; its role is the one before the head noun.
      r.entity = company;
      r.rule = "led-by";
      std::size_t hb = head_begin(v, tb);
      r.role = governing_role(v, hb);
      r.tb = hb;
    }
    v.mentions.push_back(r);
    covered_to = it->span.end;
  }
}

}  // namespace dealscan::claims

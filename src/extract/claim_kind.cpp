#include "extract/claim_kind.h"

#include <limits>

namespace dealscan::claims {
namespace {

constexpr std::size_t kNpLeftGap = 4;   // content words allowed between a noun and "da/di N"
constexpr std::size_t kNpRightGap = 2;  // "N di fatturato", "N in potenza di calcolo"
constexpr std::size_t kFar = std::numeric_limits<std::size_t>::max();

bool clause_break(const SentenceView& v, std::size_t t) { return v.is_punct(t, ";:") ; }

// Content tokens between a and b (exclusive): prepositions, articles, link
// words, names and brackets do not count; a clause break makes it "far".
std::size_t gap(const SentenceView& v, std::size_t a, std::size_t b) {
  std::size_t n = 0;
  for (std::size_t t = a; t < b; ++t) {
    if (clause_break(v, t)) return kFar;
    if (!v.role[t].empty() || v.mention_at(t) >= 0) continue;
    if (!v.tokens[t].word && !v.is_punct(t, ",")) continue;
    ++n;
  }
  return n;
}

bool better(const TriggerHit* cand, std::size_t cand_gap, const TriggerHit* best, std::size_t best_gap) {
  if (!best) return true;
  if (cand_gap != best_gap) return cand_gap < best_gap;
  return cand->weight > best->weight;
}

std::string rule_name(std::string_view tier, const TriggerHit& h) {
  return joined(tier, ":", h.entry->canonical());
}

// Tier 1: the trigger the amount attaches to ("un contratto da N", "N di ricavi").
const TriggerHit* noun_phrase(const SentenceView& v, const std::vector<TriggerHit>& hits, std::size_t mb,
                              std::size_t me) {
  const TriggerHit* best = nullptr;
  std::size_t best_gap = kFar;
  for (const auto& h : hits) {
    if (!h.kind) continue;
    std::size_t g = kFar;
    if (h.e <= mb) {
      g = gap(v, h.e, mb);
      if (g > kNpLeftGap) continue;
    } else if (h.b >= me && !h.verb) {
      g = gap(v, me, h.b);
      if (g > kNpRightGap) continue;
      ++g;  // on equal distance the left noun wins
    } else {
      continue;
    }
    if (better(&h, g, best, best_gap)) best = &h, best_gap = g;
  }
  return best;
}

// Tier 2: the nearest verb trigger to the left in the same clause.
// need_kind: only verbs that name a kind; otherwise only verbs that name a direction.
const TriggerHit* governing_verb(const SentenceView& v, const std::vector<TriggerHit>& hits, std::size_t mb,
                                 bool need_kind) {
  const TriggerHit* best = nullptr;
  for (const auto& h : hits) {
    if (!h.verb || h.e > mb || (need_kind ? !h.kind : h.dir.empty() || h.dir == "owner")) continue;
    if (gap(v, h.e, mb) == kFar) continue;
    if (!best || h.b > best->b) best = &h;
  }
  return best;
}

// Tier 3: any trigger in the sentence, nearest first.
const TriggerHit* nearest(const std::vector<TriggerHit>& hits, std::size_t mb, std::size_t me) {
  const TriggerHit* best = nullptr;
  std::size_t best_d = kFar;
  for (const auto& h : hits) {
    if (!h.kind) continue;
    std::size_t d = h.e <= mb ? mb - h.e : h.b >= me ? h.b - me + 1 : 0;
    if (better(&h, d, best, best_d)) best = &h, best_d = d;
  }
  return best;
}

}  // namespace

std::vector<TriggerHit> find_triggers(const ClaimLexicon& lex, const SentenceView& v) {
  std::vector<TriggerHit> out;
  find_triggers_into(lex, v, out);
  return out;
}

void find_triggers_into(const ClaimLexicon& lex, const SentenceView& v, std::vector<TriggerHit>& out) {
  out.clear();
  if (!lex.triggers.may_start_in(v.starts_any)) return;  // no token may start a trigger
  PhraseMatch m;
  for (std::size_t i = lex.triggers.next_start(v.tokens, 0); i < v.tokens.size(); i = lex.triggers.next_start(v.tokens, i)) {
    if (!lex.triggers.match_at(v.tokens, i, m) || v.mention_at(i) >= 0) {  // the cheap test first
      ++i;
      continue;
    }
    TriggerHit h;
    h.b = m.begin;
    h.e = m.end;
    h.entry = m.phrase->entry;
    const TriggerFacts& facts = lex.trigger_facts[lex.triggers.index_of(*m.phrase)];
    h.kind = facts.kind;
    h.verb = facts.verb;
    h.dir = facts.dir;
    h.weight = facts.weight;
    h.copula = facts.copula;
    if (h.kind || !h.dir.empty()) out.push_back(h);  // kind=none entries only mask shorter words
    i = m.end;
  }
}

KindDecision decide_kind(const SentenceView& v, const std::vector<TriggerHit>& hits, std::size_t mb,
                         std::size_t me) {
  KindDecision d;
  d.hits = &hits;
  if (const auto* h = noun_phrase(v, hits, mb, me)) {
    d.trigger = h;
    d.rule = rule_name(h->verb ? "verb" : "np", *h);
  } else if (const auto* h = governing_verb(v, hits, mb, true)) {
    d.trigger = h;
    d.rule = rule_name("verb", *h);
  } else if (const auto* h = nearest(hits, mb, me)) {
    d.trigger = h;
    d.rule = rule_name("sentence", *h);
  }
  if (d.trigger && d.trigger->copula) {
    // "il contratto ... vale N": a copula takes the kind of the noun it links.
    for (const auto& h : hits)
      if (&h != d.trigger && h.kind && !h.verb && h.e <= d.trigger->b && gap(v, h.e, d.trigger->b) != kFar) {
        d.trigger = &h;
        d.rule = rule_name("copula", h);
      }
  }
  if (d.trigger) d.kind = *d.trigger->kind;
  // Direction: a verb that says it ("ha ricevuto", "vende") beats the noun's default.
  bool owner = d.trigger ? d.trigger->dir == "owner" : false;
  if (owner || d.kind == Kind::Valuation || d.kind == Kind::Revenue || d.kind == Kind::Loss) {
    d.dir = "owner";
  } else if (const auto* verb = governing_verb(v, hits, mb, false)) {
    d.dir = verb->dir;
    d.dir_verb = verb;
  } else if (d.trigger && !d.trigger->dir.empty()) {
    d.dir = d.trigger->dir;
  } else {
    d.dir = d.kind == Kind::Fundraising ? "receive" : d.trigger ? "pay" : "owner";
  }
  return d;
}

}  // namespace dealscan::claims

#include "extract/claim_modality.h"

namespace dealscan::claims {
namespace {

constexpr std::size_t kNegationReach = 4;  // "non sarà di N", "di certo non quei N"
constexpr std::size_t kMediaReach = 8;     // "secondo quanto riportato dal Financial Times"
constexpr std::size_t kPartyReach = 2;     // "secondo Alfa", "secondo la società"

// Start of the clause holding token t: after the last ';' ':' before it.
std::size_t clause_begin(const SentenceView& v, std::size_t t) {
  // No token marked a clause break (';', ':' among them): 0 without the walk.
  if (!(v.starts_any & kClauseBreakBit)) return 0;
  while (t > 0 && !v.is_punct(t - 1, ";:")) --t;
  return t;
}

// End of what follows the money in its clause: up to a comma, a relative
// "che" or a coordinating word (a new predicate starts there).
std::size_t clause_tail(const SentenceView& v, std::size_t me) {
  std::size_t t = me;
  while (t < v.tokens.size() && !v.is_punct(t, ",;:.") && v.tokens[t].lower != "che" && v.role[t] != "coord") ++t;
  return t;
}

const CueHit* negation(const SentenceView& v, const std::vector<CueHit>& cues, std::size_t mb) {
  std::size_t from = clause_begin(v, mb);
  for (const auto& c : cues) {
    if (c.type != "negation" || c.b < from || c.e > mb) continue;
    std::size_t words = 0;
    for (std::size_t t = c.e; t < mb; ++t) words += v.tokens[t].word ? 1 : 0;
    if (words <= kNegationReach && !v.is_punct(mb - 1, ",")) return &c;
  }
  return nullptr;
}

const CueHit* of_type(const std::vector<CueHit>& cues, std::string_view type, std::size_t b, std::size_t e) {
  for (const auto& c : cues)
    if (c.type == type && c.b >= b && c.e <= e) return &c;
  return nullptr;
}

std::string rule(std::string_view tier, const CueHit& c) { return joined(tier, ":", c.entry->canonical()); }

}  // namespace

std::vector<CueHit> find_cues(const PhraseMatcher& matcher, const SentenceView& v) {
  std::vector<CueHit> out;
  find_cues_into(matcher, v, out);
  return out;
}

void find_cues_into(const PhraseMatcher& matcher, const SentenceView& v, std::vector<CueHit>& out) {
  out.clear();
  if (!matcher.may_start_in(v.starts_any)) return;  // no token may start a cue
  PhraseMatch m;
  for (std::size_t i = matcher.next_start(v.tokens, 0); i < v.tokens.size(); i = matcher.next_start(v.tokens, i)) {
    if (!matcher.match_at(v.tokens, i, m) || v.mention_at(i) >= 0) {  // the cheap test first
      ++i;
      continue;
    }
    out.push_back(CueHit{m.begin, m.end, m.phrase->entry, m.phrase->type});
    i = m.end;
  }
}

std::optional<std::string> cue_source(const SentenceView& v, const CueHit& cue) {
  for (const auto& m : v.mentions) {
    if (m.tb < cue.e || !m.entity) continue;
    std::size_t d = m.tb - cue.e;
    if (m.entity->type == EntityType::Media && d <= kMediaReach) return m.id();
    if (m.party() && d <= kPartyReach) return m.id();
    if (d > kMediaReach) break;
  }
  return std::nullopt;
}

ModalityDecision decide_modality(const SentenceView& v, const std::vector<CueHit>& modality,
                                 const std::vector<CueHit>& attribution, std::size_t mb, std::size_t me) {
  ModalityDecision d;
  for (const auto& c : attribution) {
    if (c.type != "source") continue;
    if (!d.attributed_to) d.attributed_to = cue_source(v, c);
    if (d.rule == "stated") d.rule = rule("attributed", c);
  }
  std::size_t from = clause_begin(v, mb), to = clause_tail(v, me);
  if (const auto* c = negation(v, modality, mb)) {
    d.modality = Modality::Denied;
    d.rule = rule("denied", *c);
  } else if (const auto* c = of_type(modality, "deny", 0, v.tokens.size())) {
    d.modality = Modality::Denied;
    d.rule = rule("denied", *c);
  } else if (d.rule != "stated") {
    d.modality = Modality::Attributed;
  } else if (const auto* c = of_type(modality, "conditional", from, to)) {
    d.modality = Modality::Conditional;
    d.rule = rule("conditional", *c);
  }
  return d;
}

}  // namespace dealscan::claims

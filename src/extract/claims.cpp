// Claims: turns each money mention into a Figure (kind, parties, modality,
// time) and collects the non-money facts. The deciders live in claim_*.cpp;
// this file walks the sentences and stitches their answers together.
#include <algorithm>
#include <unordered_map>

#include "dealscan/extract.h"
#include "extract/claim_context.h"
#include "extract/claim_facts.h"
#include "extract/claim_kind.h"
#include "extract/claim_modality.h"
#include "extract/claim_parties.h"

namespace dealscan {
namespace {

using namespace claims;

constexpr std::size_t kCarrySentences = 2;  // how far back a subject carries over

// Everything the deciders need about one sentence, computed once.
struct SentenceData {
  SentenceView view;
  std::vector<TriggerHit> triggers;
  std::vector<CueHit> modality;
  std::vector<CueHit> attribution;
  std::optional<std::string> agent;  // single named subject, for carry-over
};

struct Doc {
  const ClaimInput& in;
  std::vector<Sentence> sentences;  // never empty
  std::unordered_map<std::string_view, const Entity*> by_id;
  std::vector<SentenceData> data;
};

std::size_t sentence_of(const std::vector<Sentence>& sentences, std::size_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Sentence& s) { return p < s.span.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

SentenceData analyse(const ClaimLexicon& lex, const Doc& doc, std::size_t i) {
  SentenceData d;
  d.view = build_view(lex, doc.in.text.text, i, doc.sentences[i].span, doc.in.entities, doc.by_id);
  d.triggers = find_triggers(lex, d.view);
  d.modality = find_cues(lex.modality, d.view);
  d.attribution = find_cues(lex.attribution, d.view);
  if (auto agent = find_agent(d.view, d.view.tokens.size()); agent && !agent->several())
    d.agent = d.view.mentions[agent->members.front()].mention->entity_id;
  return d;
}

// The subject of the nearest earlier sentence that named one.
std::optional<std::string> carried_agent(const Doc& doc, std::size_t s) {
  for (std::size_t back = 1; back <= kCarrySentences && back <= s; ++back)
    if (doc.data[s - back].agent) return doc.data[s - back].agent;
  return std::nullopt;
}

// The time expression of the money's clause, nearest to it; never the
// duration that belongs to the amount itself ("in sette anni").
std::optional<TimeExpr> attach_time(const Doc& doc, const SentenceView& v, const MoneyMention& m) {
  std::optional<TimeExpr> best;
  std::size_t best_d = 0;
  auto same_clause = [&](std::size_t a, std::size_t b) {
    auto [ta, _a] = v.token_range(Span{a, a + 1});
    auto [tb, _b] = v.token_range(Span{b, b + 1});
    for (std::size_t t = std::min(ta, tb); t < std::max(ta, tb); ++t)
      if (v.is_punct(t, ";:")) return false;
    return true;
  };
  for (const auto& t : doc.in.times) {
    if (t.span.begin < v.span.begin || t.span.end > v.span.end) continue;
    bool overlaps = t.span.begin < m.span.end && m.span.begin < t.span.end;
    bool is_period = !m.period_span.empty() && t.span.begin < m.period_span.end && m.period_span.begin < t.span.end;
    if (overlaps || is_period || !same_clause(t.span.begin, m.span.begin)) continue;
    std::size_t d = t.span.begin >= m.span.end ? t.span.begin - m.span.end : m.span.begin - std::min(m.span.begin, t.span.end);
    if (!best || d < best_d) best = t, best_d = d;
  }
  return best;
}

Figure make_figure(const Doc& doc, std::size_t i) {
  const auto& m = doc.in.money[i];
  Figure f;
  f.id = doc.in.source.id + "#f" + std::to_string(i + 1);
  f.source = doc.in.source.id;
  f.money = m;
  f.text = doc.in.text.text.substr(m.span.begin, m.span.size());
  f.orig = doc.in.text.orig(m.span);
  f.sentence = sentence_of(doc.sentences, m.span.begin);
  const auto& s = doc.sentences[f.sentence].span;
  f.sentence_text = doc.in.text.text.substr(s.begin, s.size());
  const SentenceData& d = doc.data[f.sentence];
  auto [mb, me] = d.view.token_range(m.span);
  KindDecision kd = decide_kind(d.view, d.triggers, mb, me);
  f.kind = kd.kind;
  f.kind_rule = kd.rule;
  PartyDecision pd = decide_parties(d.view, kd, mb, me, carried_agent(doc, f.sentence));
  f.subject = pd.subject;
  f.counterparty = pd.counterparty;
  f.party_rule = pd.rule;
  ModalityDecision md = decide_modality(d.view, d.modality, d.attribution, mb, me);
  f.modality = md.modality;
  f.attributed_to = md.attributed_to;
  f.time = attach_time(doc, d.view, m);
  if (!kd.trigger) f.kind_rule = "default";
  return f;
}

bool same_amount(const MoneyMention& a, const MoneyMention& b) {
  return a.currency == b.currency && a.value == b.value && a.max == b.max;
}

// A figure with no trigger of its own takes what an earlier mention of the
// same amount (or the amount it converts) said: "l'operazione da 10 miliardi".
void carry_over(std::vector<Figure>& figs) {
  for (std::size_t i = 0; i < figs.size(); ++i) {
    auto& f = figs[i];
    const Figure* from = nullptr;
    std::string why;
    if (f.money.conversion_of && *f.money.conversion_of < i) {
      from = &figs[*f.money.conversion_of];
      why = "conversion";
    } else if (f.kind_rule == "default") {
      for (std::size_t j = 0; j < i && !from; ++j)
        if (figs[j].kind_rule != "default" && same_amount(figs[j].money, f.money)) from = &figs[j];
      why = "repeated";
    }
    if (!from) continue;
    f.kind = from->kind;
    f.kind_rule = why + ":" + from->id;
    if (why == "repeated" || (!f.subject && !f.counterparty)) {  // the same deal again
      f.subject = from->subject;
      f.counterparty = from->counterparty;
      f.party_rule = why + ":" + from->id;
    }
    if (why == "conversion") f.modality = from->modality;
  }
}

}  // namespace

struct ClaimExtractor::Impl {
  explicit Impl(const Lexicon& lexicon) : lex(lexicon) {}
  claims::ClaimLexicon lex;
};

ClaimExtractor::ClaimExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
ClaimExtractor::~ClaimExtractor() = default;
ClaimExtractor::ClaimExtractor(ClaimExtractor&&) noexcept = default;
ClaimExtractor& ClaimExtractor::operator=(ClaimExtractor&&) noexcept = default;

ClaimOutput ClaimExtractor::extract(const ClaimInput& in) const {
  Doc doc{in, in.sentences, {}, {}};
  if (doc.sentences.empty()) doc.sentences.push_back(Sentence{Span{0, in.text.text.size()}});
  for (const auto& e : in.entities.entities) doc.by_id.emplace(e.id, &e);
  doc.data.reserve(doc.sentences.size());
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) doc.data.push_back(analyse(impl_->lex, doc, s));

  ClaimOutput out;
  out.figures.reserve(in.money.size());
  for (std::size_t i = 0; i < in.money.size(); ++i) out.figures.push_back(make_figure(doc, i));
  carry_over(out.figures);

  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& d = doc.data[s];
    if (d.attribution.empty()) continue;
    for (auto& f : find_facts(d.view, in.text.text, d.attribution, d.modality, in.times, carried_agent(doc, s))) {
      f.source = in.source.id;
      f.sentence = s;
      f.sentence_text = in.text.text.substr(d.view.span.begin, d.view.span.size());
      f.orig = in.text.orig(f.orig);
      claims::merge_fact(out.facts, std::move(f));
    }
  }
  for (std::size_t k = 0; k < out.facts.size(); ++k) out.facts[k].id = in.source.id + "#c" + std::to_string(k + 1);
  return out;
}

}  // namespace dealscan

// Claims: turns each money mention into a Figure (kind, parties, modality,
// time) and collects the non-money facts. The deciders live in claim_*.cpp;
// this file walks the sentences and stitches their answers together.
#include <algorithm>
#include <charconv>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "dealscan/extract.h"
#include "extract/claim_context.h"
#include "extract/claim_facts.h"
#include "extract/claim_kind.h"
#include "extract/claim_modality.h"
#include "extract/claim_parties.h"
#include "extract/claim_story.h"

namespace dealscan {
namespace {

using namespace claims;

constexpr std::size_t kCarrySentences = 2;  // how far back a subject carries over
constexpr std::size_t kKeepSentenceBuffers = 4096;  // sentences whose buffers a thread keeps

// Everything the deciders need about one sentence, computed once. A
// thread keeps them (their token, role, mention and hit buffers) from
// document to document: fresh vectors per sentence were allocations per
// sentence. An entry of a sentence not analysed holds no hits and no agent.
struct SentenceData {
  SentenceView view;
  std::vector<TriggerHit> triggers;
  std::vector<CueHit> modality;
  std::vector<CueHit> attribution;
  std::optional<std::string> agent;  // single named subject, for carry-over (once agent_found)
  bool tokenized = false;  // view.tokens are this document's sentence's, marked
  bool analysed = false;   // the rest too (analyse)
  bool agent_found = false;  // agent is known: only carry-over reads it, so it is found when asked
};

struct Doc {
  const ClaimLexicon& lex;
  const ClaimInput& in;
  std::vector<Sentence> sentences;  // never empty
  EntityIndex by_id;
  std::vector<const Entity*> mention_entity;  // per entity mention of in: its entity, looked up once
  std::span<SentenceData> data;     // per sentence: the thread's buffers (sentence_data)
  std::span<SentenceFlags> flags;   // per sentence: the thread's (sentence_flags)
  const LeaderIndex* leaders = nullptr;
  std::vector<bool> has_money;  // per sentence: holds the start of a money mention
  std::string_view lowered;     // the text lower-cased (DocumentText): tokens' views point into it
  const entity::TokenStream* words = nullptr;  // the text's shared word scan (DocumentText)
  // Where the last walk over words stopped: analyse_needed meets the
  // sentences in order, so each starts there without a search.
  WordCursor* words_at = nullptr;
  std::vector<std::size_t> money_sentence;  // per money mention: the sentence holding its start
  bool times_sorted = false;  // in.times in text order (as the time extractor gives them)
};

// The thread's sentence buffers, reused by every document it extracts.
thread_local std::vector<SentenceData> sentence_data;
thread_local std::vector<SentenceFlags> sentence_flags;

std::size_t sentence_of(const std::vector<Sentence>& sentences, std::size_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::size_t p, const Sentence& s) { return p < s.span.begin; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin() - 1);
}

// Tokenizes and marks sentence s, once.
void tokenize_once(const Doc& doc, std::size_t s) {
  SentenceData& d = doc.data[s];
  if (d.tokenized) return;
  d.view.starts_any = doc.lex.starts.tokenize_marked(*doc.words, doc.lowered, doc.sentences[s].span, d.view.tokens, doc.words_at);
  d.tokenized = true;
}

// Fills d's view for sentence s, once: all that is read of a sentence
// before a figure or a fact (carried_agent), reusing its buffers.
void analyse_view(const Doc& doc, std::size_t s) {
  SentenceData& d = doc.data[s];
  if (d.analysed) return;
  tokenize_once(doc, s);
  build_view_into(doc.lex, s, doc.sentences[s].span, d.view, doc.in.entities, doc.by_id, doc.mention_entity);
  d.analysed = true;
}

// The single named subject of sentence s, found once (after analyse_view):
// only a later sentence's carry-over asks, for few sentences.
const std::optional<std::string>& agent_of(const Doc& doc, std::size_t s) {
  SentenceData& d = doc.data[s];
  if (d.agent_found) return d.agent;
  if (auto agent = find_agent(d.view, d.view.tokens.size()); agent && !agent->several())
    d.agent = d.view.mentions[agent->members.front()].id();
  d.agent_found = true;
  return d.agent;
}

// analyse_view, and the cues of sentence s; for a sentence with money
// (the only ones a figure reads them of) its triggers and flags too.
void analyse(const Doc& doc, std::size_t s) {
  const ClaimLexicon& lex = doc.lex;
  SentenceData& d = doc.data[s];
  if (d.analysed) return;
  analyse_view(doc, s);
  find_cues_into(lex.attribution, d.view, d.attribution);
  // Modality only matters to a figure or a fact of this sentence.
  if (doc.has_money[s] || !d.attribution.empty()) find_cues_into(lex.modality, d.view, d.modality);
  if (!doc.has_money[s]) return;
  find_triggers_into(lex, d.view, d.triggers);
  SentenceFlags& flags = doc.flags[s];
  for (const auto& m : d.view.mentions)
    if (m.party()) flags.has_party = true, flags.named.push_back(m.id());
  for (const auto& h : d.triggers) flags.pay_verb = flags.pay_verb || (h.verb && (h.dir == "pay" || h.dir == "receive"));
  for (const auto& h : d.triggers) flags.deal_noun = flags.deal_noun || (!h.verb && h.kind == Kind::Contract);
  for (std::size_t t : d.view.heads)  // the tokens given a head role, a name's since cleared
    if (t >= 1 && d.view.role[t] == "head" && (d.view.role[t - 1] == "target" ||
                                     (d.view.role[t - 1] == "article" && t > 1 && d.view.role[t - 2] == "target")))
      flags.target_head = true;
}

// False when no entity mention inside sentence s is of an ORG or a PERSON:
// such a sentence has no agent (find_agent takes parties only; a company
// "led by" someone is read from a person's mention), so it need not be
// tokenized to find out.
bool may_name_party(const Doc& doc, std::size_t s) {
  const Span span = doc.sentences[s].span;
  const auto& mentions = doc.in.entities.mentions;
  auto it = std::lower_bound(mentions.begin(), mentions.end(), span.begin,
                             [](const EntityMention& m, std::size_t pos) { return m.span.begin < pos; });
  for (; it != mentions.end() && it->span.begin < span.end; ++it) {
    if (it->span.end > span.end) continue;  // crossing the sentence's end: not in its view
    const Entity* e = doc.mention_entity[static_cast<std::size_t>(it - mentions.begin())];
    if (e && (e->type == EntityType::Org || e->type == EntityType::Person)) return true;
  }
  return false;
}

// The subject of the nearest earlier sentence that named one. A person
// carries over only to money about a person (wealth, pay): a company deal
// in a later sentence is the company's, not its manager's.
std::optional<std::string> carried_agent(const Doc& doc, std::size_t s, std::optional<Kind> kind = std::nullopt) {
  for (std::size_t back = 1; back <= kCarrySentences && back <= s; ++back) {
    if (!doc.data[s - back].analysed && !may_name_party(doc, s - back)) continue;
    analyse_view(doc, s - back);  // a sentence needing more was analysed by analyse_needed
    const auto& a = agent_of(doc, s - back);
    if (!a) continue;
    const Entity* e = doc.by_id.find(*a);
    bool person = e && e->type == EntityType::Person;
    if (person && kind && *kind != Kind::Other) return std::nullopt;
    return a;
  }
  return std::nullopt;
}

// What carried_agent is asked, for a CarriedAgent that asks it only when a
// decider needs the carried subject (most figures' sentences name their own).
struct CarryQuestion {
  const Doc* doc;
  std::size_t sentence;
  std::optional<Kind> kind;
};

CarriedAgent carried_when_asked(const CarryQuestion& q) {
  return CarriedAgent(
      [](const void* c) {
        const auto& q = *static_cast<const CarryQuestion*>(c);
        return carried_agent(*q.doc, q.sentence, q.kind);
      },
      &q);
}

// The document's time expressions that may lie in span, in order: those
// starting in it when they are sorted, else all.
std::span<const TimeExpr> times_in(const Doc& doc, Span span) {
  const std::vector<TimeExpr>& times = doc.in.times;
  if (!doc.times_sorted) return times;
  auto starts_before = [](const TimeExpr& t, std::size_t pos) { return t.span.begin < pos; };
  const auto first = std::lower_bound(times.begin(), times.end(), span.begin, starts_before);
  const auto last = std::upper_bound(first, times.end(), span.end,
                                     [](std::size_t pos, const TimeExpr& t) { return pos < t.span.begin; });
  return std::span<const TimeExpr>(first, last);
}

// The time expression of the money's clause, nearest to it; never the
// duration that belongs to the amount itself ("in sette anni"). Null when
// none: the caller copies the one it keeps, not each nearer one met.
const TimeExpr* attach_time(const Doc& doc, const SentenceView& v, const MoneyMention& m) {
  const TimeExpr* best = nullptr;
  std::size_t best_d = 0;
  auto same_clause = [&](std::size_t a, std::size_t b) {
    if (!(v.starts_any & kClauseBreakBit)) return true;  // marked, and no ';' or ':' in the sentence
    auto [ta, _a] = v.token_range(Span{a, a + 1});
    auto [tb, _b] = v.token_range(Span{b, b + 1});
    for (std::size_t t = std::min(ta, tb); t < std::max(ta, tb); ++t)
      if (v.is_punct(t, ";:")) return false;
    return true;
  };
  for (const auto& t : times_in(doc, v.span)) {
    if (t.span.begin < v.span.begin || t.span.end > v.span.end) continue;
    bool overlaps = t.span.begin < m.span.end && m.span.begin < t.span.end;
    bool is_period = !m.period_span.empty() && t.span.begin < m.period_span.end && m.period_span.begin < t.span.end;
    if (overlaps || is_period || !same_clause(t.span.begin, m.span.begin)) continue;
    std::size_t d = t.span.begin >= m.span.end ? t.span.begin - m.span.end : m.span.begin - std::min(m.span.begin, t.span.end);
    if (!best || d < best_d) best = &t, best_d = d;
  }
  return best;
}

// True when some token starts an attribution cue. find_cues only probes a
// subset of these positions, so false means the sentence has no cue.
bool may_attribute(const ClaimLexicon& lex, const SentenceView& v) {
  if (!lex.attribution.may_start_in(v.starts_any)) return false;
  const std::vector<Token>& tokens = v.tokens;
  PhraseMatch m;
  for (std::size_t i = lex.attribution.next_start(tokens, 0); i < tokens.size(); i = lex.attribution.next_start(tokens, i + 1))
    if (lex.attribution.match_at(tokens, i, m)) return true;
  return false;
}

// Analyses the sentences every reader needs: those with money (figures) or
// an attribution cue (facts). The kCarrySentences before each are analysed
// when a carried subject is asked for (carried_agent); the others stay
// empty: no figure, fact or carry-over looks at them, and a sentence with
// no cue found here has none for the full analysis either. doc.data and
// doc.flags are the thread's buffers, sized to the sentences.
void analyse_needed(const ClaimLexicon& lex, const Doc& doc) {
  std::size_t n = doc.sentences.size();
  for (std::size_t s = 0; s < n; ++s) {  // empty until analysed; the buffers stay
    SentenceData& d = doc.data[s];
    d.tokenized = d.analysed = d.agent_found = false;
    d.triggers.clear();
    d.modality.clear();
    d.attribution.clear();
    d.agent.reset();
    SentenceFlags& f = doc.flags[s];
    f.has_party = f.pay_verb = f.deal_noun = f.target_head = false;
    f.named.clear();
  }
  // Marking (mostly remembered answers) lets the attribution matcher skip
  // every token no cue starts with; the marks serve the analysis too.
  for (std::size_t s = 0; s < n; ++s) {
    if (doc.has_money[s]) {
      analyse(doc, s);
    } else if (lex.attribution_screen.may_match(*doc.words, doc.lowered, doc.sentences[s].span, doc.words_at)) {
      tokenize_once(doc, s);
      if (may_attribute(lex, doc.data[s].view)) analyse(doc, s);
    }
  }
}

// The thread's buffers for n sentences; a huge document's are not kept
// (release_sentence_buffers).
void size_sentence_buffers(std::size_t n) {
  if (sentence_data.size() < n) sentence_data.resize(n);
  if (sentence_flags.size() < n) sentence_flags.resize(n);
}

void release_sentence_buffers(std::size_t n) {
  if (n <= kKeepSentenceBuffers) return;
  std::vector<SentenceData>().swap(sentence_data);
  std::vector<SentenceFlags>().swap(sentence_flags);
}

// "<source><tag><n>", built in one allocation (a chain of + made two).
std::string numbered_id(const std::string& source, std::string_view tag, std::size_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  std::string id;
  id.reserve(source.size() + tag.size() + static_cast<std::size_t>(end - digits));
  id.append(source).append(tag).append(digits, end);
  return id;
}

// Fills f, a new figure, for money mention i. In place, the deciders'
// strings moved in: a Figure built apart and then moved into the list cost
// ~360 instructions a figure (fifteen strings).
void make_figure(const Doc& doc, std::size_t i, Figure& f) {
  const auto& m = doc.in.money[i];
  f.id = numbered_id(doc.in.source.id, "#f", i + 1);
  f.source = doc.in.source.id;
  f.money = m;
  f.text = doc.in.text.text.substr(m.span.begin, m.span.size());
  f.orig = doc.in.text.orig(m.span);
  f.sentence = doc.money_sentence[i];
  const auto& s = doc.sentences[f.sentence].span;
  f.sentence_text = doc.in.text.text.substr(s.begin, s.size());
  const SentenceData& d = doc.data[f.sentence];
  auto [mb, me] = d.view.token_range(m.span);
  KindDecision kd = decide_kind(d.view, d.triggers, mb, me);
  f.kind = kd.kind;
  f.kind_rule = kd.trigger ? std::move(kd.rule) : std::string("default");
  const CarryQuestion ask{&doc, f.sentence, kd.kind};
  PartyDecision pd = decide_parties(d.view, kd, mb, me, carried_when_asked(ask), doc.leaders);
  f.subject = std::move(pd.subject);
  f.counterparty = std::move(pd.counterparty);
  f.party_rule = std::move(pd.rule);
  ModalityDecision md = decide_modality(d.view, d.modality, d.attribution, mb, me);
  f.modality = md.modality;
  f.attributed_to = std::move(md.attributed_to);
  if (const TimeExpr* t = attach_time(doc, d.view, m)) f.time = *t;
}

// Where a sentence's facts come from, written on each (stamp_with) before
// it joins the document's.
struct FactPlace {
  const ClaimInput* in;
  std::size_t sentence;
  Span span;  // the sentence's
};

FactStamp stamp_with(const FactPlace& place) {
  return FactStamp(
      [](const void* c, Fact& f) {
        const auto& p = *static_cast<const FactPlace*>(c);
        f.source = p.in->source.id;
        f.sentence = p.sentence;
        f.sentence_text = p.in->text.text.substr(p.span.begin, p.span.size());
        f.orig = p.in->text.orig(f.orig);
      },
      &place);
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
    f.kind_rule = joined(why, ":", from->id);
    if (!f.subject && !f.counterparty) {  // the same deal again, parties unnamed here
      f.subject = from->subject;
      f.counterparty = from->counterparty;
      f.party_rule = f.kind_rule;  // the same "why:id"
    }
    if (why == "conversion") f.modality = from->modality;
  }
}

// "il suo patrimonio" after another figure of the same kind in the same
// sentence: the possessive points at that figure's owner.
void possessives_in_sentence(std::vector<Figure>& figs) {
  for (std::size_t i = 1; i < figs.size(); ++i) {
    auto& f = figs[i];
    if (f.party_rule != "owner:possessive" && f.party_rule != "owner:possessive-carried") continue;
    for (std::size_t j = i; j-- > 0;) {
      const auto& g = figs[j];
      if (g.sentence != f.sentence) break;
      if (g.kind == f.kind && g.subject && g.party_rule.rfind("owner:possessive", 0) != 0) {
        f.subject = g.subject;
        f.party_rule = "owner:possessive-same-sentence";
        break;
      }
    }
  }
}

// A company never pays itself or its own parent: "Alfa (di Beta) ... Beta".
void drop_family_counterparty(std::vector<Figure>& figs, const ParentOf& parents) {
  for (auto& f : figs)
    if (f.subject && f.counterparty && same_family(parents, *f.subject, *f.counterparty)) {
      f.counterparty.reset();
      f.party_rule += ",cp:same-family";
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

ClaimOutput ClaimExtractor::extract(const ClaimInput& in) const { return extract(in, DocumentText(in.text.text)); }

ClaimOutput ClaimExtractor::extract(const ClaimInput& in, const DocumentText& text) const {
  WordCursor words_at;
  Doc doc{impl_->lex, in, in.sentences, {}, {}, {}, {}, &impl_->lex.leaders, {}, text.lowered(), &text.words(), &words_at, {}, false};
  if (doc.sentences.empty()) doc.sentences.push_back(Sentence{Span{0, in.text.text.size()}});
  size_sentence_buffers(doc.sentences.size());
  doc.data = std::span<SentenceData>(sentence_data.data(), doc.sentences.size());
  doc.flags = std::span<SentenceFlags>(sentence_flags.data(), doc.sentences.size());
  doc.by_id.assign(in.entities.entities);
  mention_entities_into(in.entities.mentions, doc.by_id, doc.mention_entity);
  doc.has_money.assign(doc.sentences.size(), false);
  doc.money_sentence.resize(in.money.size());
  for (std::size_t i = 0; i < in.money.size(); ++i)
    doc.has_money[doc.money_sentence[i] = sentence_of(doc.sentences, in.money[i].span.begin)] = true;
  doc.times_sorted = std::is_sorted(in.times.begin(), in.times.end(),
                                    [](const TimeExpr& a, const TimeExpr& b) { return a.span.begin < b.span.begin; });
  analyse_needed(impl_->lex, doc);

  ClaimOutput out;
  out.figures.reserve(in.money.size());
  for (std::size_t i = 0; i < in.money.size(); ++i) make_figure(doc, i, out.figures.emplace_back());
  carry_over(out.figures);
  possessives_in_sentence(out.figures);
  ParentOf parents;
  for (const auto& e : in.entities.entities)
    if (e.parent) parents.emplace(e.id, *e.parent);
  drop_family_counterparty(out.figures, parents);
  std::vector<std::pair<std::string, int>> org_mentions;  // document order of first mention
  // Per entity (the first of its id, as by_id finds it): its place in
  // org_mentions, so a mention is counted without comparing ids.
  std::vector<int> org_slot(in.entities.entities.size(), -1);
  for (std::size_t k = 0; k < in.entities.mentions.size(); ++k) {
    const EntityMention& m = in.entities.mentions[k];
    const Entity* e = doc.mention_entity[k];
    if (!e || e->type != EntityType::Org) continue;
    int& slot = org_slot[static_cast<std::size_t>(e - in.entities.entities.data())];
    if (slot < 0) {
      slot = static_cast<int>(org_mentions.size());
      org_mentions.emplace_back(m.entity_id, 1);
    } else {
      ++org_mentions[static_cast<std::size_t>(slot)].second;
    }
  }
  std::unordered_set<std::string> persons;
  for (const auto& e : in.entities.entities)
    if (e.type == EntityType::Person) persons.insert(e.id);
  if (auto story = main_pair(out.figures, org_mentions, persons)) apply_story(out.figures, *story, doc.flags, parents);
  revenue_clients(out.figures, doc.flags, org_mentions, parents);

  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const auto& d = doc.data[s];
    if (d.attribution.empty()) continue;
    const CarryQuestion ask{&doc, s, std::nullopt};
    const FactPlace place{&in, s, d.view.span};
    find_facts_into(d.view, in.text.text, d.attribution, d.modality, in.times, carried_when_asked(ask), stamp_with(place),
                    out.facts);
  }
  for (std::size_t k = 0; k < out.facts.size(); ++k) out.facts[k].id = numbered_id(in.source.id, "#c", k + 1);
  release_sentence_buffers(doc.sentences.size());
  return out;
}

}  // namespace dealscan

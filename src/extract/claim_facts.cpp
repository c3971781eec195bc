#include "extract/claim_facts.h"

#include <algorithm>

#include "extract/claim_parties.h"

namespace dealscan::claims {
namespace {

constexpr std::size_t kReportReach = 8;   // tokens from a reporting cue to the medium after it
constexpr std::size_t kReportBefore = 3;  // "X ne aveva dato notizia"

Fact make(std::string kind, std::string_view text, Span span, std::string rule) {
  Fact f;
  f.kind = std::move(kind);
  f.text = std::string(text.substr(span.begin, span.size()));
  f.orig = span;  // normalised for now; the caller maps it to the original
  f.rule = std::move(rule);
  return f;
}

// Appends f to the document's facts. Grown from eight: a fact holds a
// dozen strings, and growing from one moved every fact three times.
void append(std::vector<Fact>& out, Fact&& f) {
  if (out.size() == out.capacity()) out.reserve(std::max<std::size_t>(8, 2 * out.size()));
  out.push_back(std::move(f));
}

bool is_reporting(std::string_view kind) { return kind == "first_reported_by" || kind == "reported_by"; }

constexpr std::size_t kYields = static_cast<std::size_t>(-1);

// Where a reporting fact about medium goes in out, which keeps one per
// medium ("first" wins): the index of the fact it replaces, out.size() when
// the medium has none yet, kYields when the medium's fact there stays (then
// the new one need not be built).
std::size_t reporting_slot(const std::vector<Fact>& out, bool first, const std::string& medium) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Fact& g = out[i];
    if (is_reporting(g.kind) && g.subject == medium) return first && g.kind != "first_reported_by" ? i : kYields;
  }
  return out.size();
}

// The first time expression in the sentence after token position pos.
std::optional<TimeExpr> time_after(const SentenceView& v, const std::vector<TimeExpr>& times, std::size_t pos) {
  for (const auto& t : times)
    if (t.span.begin >= pos && t.span.end <= v.span.end) return t;
  return std::nullopt;
}

void exclusive_rights(const SentenceView& v, std::string_view text, const CueHit& cue,
                      const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                      const CarriedAgent& carried, const FactStamp& stamp, std::vector<Fact>& out) {
  auto agent = find_agent(v, cue.b);
  std::optional<std::string> holder =
      agent && !agent->several() ? std::optional<std::string>(v.mentions[agent->members.front()].id()) : carried.get();
  auto until = time_after(v, times, v.tokens[cue.b].span.begin);
  Span s{v.tokens[cue.b].span.begin, until ? until->span.end : v.tokens[cue.e - 1].span.end};
  Fact f = make("exclusive_rights", text, s, joined("exclusive_rights", ":", cue.entry->canonical()));
  f.subject = holder;
  f.until = until;
  // Only a negation in the cue's own clause denies it: in "l'accordo non
  // permetterebbe X, poiché Y detiene i diritti esclusivi" the "non" is another
  // predicate's.
  for (const auto& m : modality) {
    if (m.type != "negation" || m.e > cue.b || !v.same_clause(m.e, cue.b)) continue;
    bool comma = false;
    for (std::size_t t = m.e; t < cue.b; ++t) comma |= v.is_punct(t, ",");
    if (!comma) f.modality = Modality::Denied;
  }
  stamp(f);
  append(out, std::move(f));
}

// Media named near a reporting cue: after it ("riportato da X") or just
// before ("X rivela"), with any medium listed with them ("X e Y").
void reported_by(const SentenceView& v, std::string_view text, const CueHit& cue, bool first, const FactStamp& stamp,
                 std::vector<Fact>& out) {
  auto is_media = [&](std::size_t k) { return v.mentions[k].entity && v.mentions[k].entity->type == EntityType::Media; };
  for (std::size_t k = 0; k < v.mentions.size(); ++k) {
    const auto& m = v.mentions[k];
    if (!is_media(k)) continue;
    bool after = m.tb >= cue.e && m.tb - cue.e <= kReportReach;
    bool before = m.te <= cue.b && cue.b - m.te <= kReportBefore;
    if (!after && !before) continue;
    for (auto j : v.coordinated(k)) {
      if (!is_media(j)) continue;
      const auto& mj = v.mentions[j];
      const std::size_t at = reporting_slot(out, first, mj.id());
      if (at == kYields) continue;
      Span s{v.tokens[std::min(mj.tb, cue.b)].span.begin, v.tokens[std::max(mj.te, cue.e) - 1].span.end};
      Fact f = make(first ? "first_reported_by" : "reported_by", text, s,
                    joined(first ? "first_reported_by" : "reported_by", ":", cue.entry->canonical()));
      f.subject = mj.id();
      stamp(f);
      if (at == out.size()) append(out, std::move(f));
      else out[at] = std::move(f);
    }
  }
}

}  // namespace

// Facts go straight into the document's list: merging them into a list of
// the sentence's first, then into the document's, keeps the same facts in
// the same places (a fact replaces or yields to its medium's in place).
void find_facts_into(const SentenceView& v, std::string_view text, const std::vector<CueHit>& attribution,
                     const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                     const CarriedAgent& carried, const FactStamp& stamp, std::vector<Fact>& out) {
  bool first = std::any_of(attribution.begin(), attribution.end(), [](const CueHit& c) { return c.type == "first"; });
  for (const auto& c : attribution) {
    if (c.type == "exclusive_rights") exclusive_rights(v, text, c, modality, times, carried, stamp, out);
    if (c.type == "source" || c.type == "report" || c.type == "first") reported_by(v, text, c, first, stamp, out);
  }
}

std::vector<Fact> find_facts(const SentenceView& v, std::string_view text, const std::vector<CueHit>& attribution,
                             const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                             const CarriedAgent& carried) {
  std::vector<Fact> out;
  find_facts_into(v, text, attribution, modality, times, carried, FactStamp{}, out);
  return out;
}

}  // namespace dealscan::claims

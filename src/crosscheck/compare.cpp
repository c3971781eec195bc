// Claims -> conflicts. Within a claim, mentions are sorted into classes (one
// per distinct amount, qualifier, period, date, medium) and each pair of
// classes that disagree gives one entry listing every source on both sides,
// so any two disagreeing sources share an entry. Mentions of one source that
// disagree among themselves land in the same entry as their own two sides.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>

#include "crosscheck/first_seen.h"
#include "crosscheck/internal.h"
#include "dealscan/extract.h"

namespace dealscan::crosscheck {
namespace {

// One mention of a claim, ready to be quoted. Its strings are views into the
// documents' figure or fact: items are copied once per field compared.
struct Item {
  std::size_t doc = 0;
  std::string_view source;
  std::string_view text;
  std::optional<double> value;
  std::string_view id;
  std::string label;  // the class this item falls in for the field compared
};

using Classes = std::vector<std::vector<const Item*>>;

// Groups items by label, classes in order of first appearance.
Classes classes_by_label(const std::vector<Item>& items) {
  Classes out;
  FirstSeen slot;
  for (const auto& it : items) {
    auto [k, fresh] = slot.add(it.label);
    if (fresh) out.emplace_back();
    out[k].push_back(&it);
  }
  return out;
}

// First mention per source, in input order.
std::vector<const Item*> one_per_source(const std::vector<const Item*>& side) {
  std::vector<const Item*> out;
  FirstSeen seen;
  for (const auto* it : side)
    if (seen.add(it->source).second) out.push_back(it);
  return out;
}

// The message quotes every source of a side up to kMaxQuoted, then the first
// kQuotedWhenLong and a count: values[] still lists them all.
constexpr std::size_t kMaxQuoted = 8;
constexpr std::size_t kQuotedWhenLong = 5;

std::string quote_side(const std::vector<const Item*>& side) {
  std::string s;
  const std::size_t quoted = side.size() > kMaxQuoted ? kQuotedWhenLong : side.size();
  for (std::size_t i = 0; i < quoted; ++i) {
    if (!s.empty()) s += ", ";
    s.append(side[i]->source).append(" \"").append(side[i]->text).append("\"");
  }
  if (quoted < side.size()) s += " and " + std::to_string(side.size() - quoted) + " more sources";
  return s;
}

class Emitter {
 public:
  Emitter(const std::string& claim, const std::string& story, std::vector<Conflict>& out)
      : claim_(claim), story_(story), out_(out) {}

  void emit(const std::string& field, Severity sev, const std::vector<const Item*>& a,
            const std::vector<const Item*>& b, const std::string& what) {
    auto xa = one_per_source(a), xb = one_per_source(b);
    if (xa.empty() || xb.empty()) return;
    Conflict c;
    c.claim = claim_;
    c.story = story_;
    c.field = field;
    c.severity = sev;
    for (const auto* side : {&xa, &xb})
      for (const auto* it : *side)
        c.values.push_back({std::string(it->source), std::string(it->text), it->value, std::string(it->id)});
    bool internal = xa.size() == 1 && xb.size() == 1 && xa[0]->source == xb[0]->source;
    c.message = field + ": " + what + (internal ? " within one source: " : ": ") + quote_side(xa) + " vs " +
                quote_side(xb);
    out_.push_back(std::move(c));
  }

 private:
  const std::string& claim_;
  const std::string& story_;
  std::vector<Conflict>& out_;
};

// Compares every pair of classes; judge says whether and how they disagree.
using Judge = std::function<std::optional<std::pair<Severity, std::string>>(const std::vector<const Item*>&,
                                                                             const std::vector<const Item*>&)>;
void compare_classes(const Classes& cls, const std::string& field, std::size_t cap, const Judge& judge,
                     Emitter& em) {
  std::size_t n = std::min(cls.size(), cap);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (auto verdict = judge(cls[i], cls[j])) em.emit(field, verdict->first, cls[i], cls[j], verdict->second);
}

// ---------------------------------------------------------------- money

std::vector<Item> figure_items(const std::vector<DocumentResult>& docs, const ClaimGroup& claim,
                               std::vector<const Figure*>& figs, bool denied) {
  std::vector<Item> items;
  items.reserve(claim.figures.size());
  for (const auto& r : claim.figures) {
    const Figure& f = docs[r.doc].figures[r.index];
    if ((f.modality == Modality::Denied) != denied) continue;
    items.push_back({r.doc, f.source, f.text, f.money.value, f.id, {}});
    figs.push_back(&f);
  }
  return items;
}

// Disjoint intervals conflict; overlapping ones that differ were given at
// different precision ("fino al 2030" vs "fino agli anni Trenta").
std::optional<std::pair<Severity, std::string>> judge_times(const TimeExpr& a, const TimeExpr& b) {
  switch (compare_times(a, b)) {
    case TimeRelation::Disjoint: return std::pair{Severity::Conflict, std::string("different dates")};
    case TimeRelation::Overlap: return std::pair{Severity::Discrepancy, std::string("dates differ in precision")};
    default: return std::nullopt;
  }
}

// rule: contradictory-qualifiers — "almeno" against "fino a" cannot both hold
// unless the amount is exact; mere hedging ("circa" vs none) is a discrepancy.
Severity qualifier_severity(Qualifier a, Qualifier b) {
  auto lower = [](Qualifier q) { return q == Qualifier::Over || q == Qualifier::AtLeast; };
  auto upper = [](Qualifier q) { return q == Qualifier::Under || q == Qualifier::Nearly || q == Qualifier::UpTo; };
  return (lower(a) && upper(b)) || (upper(a) && lower(b)) ? Severity::Conflict : Severity::Discrepancy;
}

std::string period_label(const Figure& f) {
  if (!f.money.period_years) return "none";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", *f.money.period_years);
  return buf;
}

void compare_money(const std::vector<DocumentResult>& docs, const ClaimGroup& claim, const Tunables& t,
                   Emitter& em) {
  std::vector<const Figure*> figs;
  auto items = figure_items(docs, claim, figs, false);
  auto fig_of = [&](const Item* it) { return figs[it - items.data()]; };
  // A class told by thousands of sources states few distinct ranges.
  auto distinct_intervals = [&](const std::vector<const Item*>& cls) {
    std::vector<Interval> out;
    for (const auto* it : cls) {
      Interval i = money_interval(fig_of(it)->money, t);
      if (std::none_of(out.begin(), out.end(), [&](const Interval& o) { return o.lo == i.lo && o.hi == i.hi; }))
        out.push_back(i);
    }
    return out;
  };

  // Value classes: same currency and the same amount up to rounding.
  std::vector<std::pair<std::string, double>> anchors;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& m = figs[i]->money;
    auto a = std::find_if(anchors.begin(), anchors.end(),
                          [&](auto& x) { return x.first == m.currency && same_amount(x.second, m.value, t); });
    if (a == anchors.end()) a = anchors.insert(anchors.end(), {m.currency, m.value});
    items[i].label = "v" + std::to_string(a - anchors.begin());
  }
  auto by_value = classes_by_label(items);

  // rule: value — amounts whose qualified ranges cannot both be true.
  compare_classes(by_value, "value", t.max_value_classes, [&](const auto& x, const auto& y)
                  -> std::optional<std::pair<Severity, std::string>> {
    const auto& mx = fig_of(x.front())->money;
    const auto& my = fig_of(y.front())->money;
    if (mx.currency != my.currency) return std::nullopt;  // conversions are not compared
    if (scale_slip(mx.value, my.value)) return std::pair{Severity::Conflict, std::string("scale word differs")};
    const auto ys = distinct_intervals(y);
    for (const auto& a : distinct_intervals(x))
      for (const auto& b : ys)
        if (!overlaps(a, b)) return std::pair{Severity::Conflict, std::string("different amounts")};
    return std::nullopt;
  }, em);

  // rule: qualifier — the same amount hedged or bounded differently.
  for (const auto& cls : by_value) {
    std::vector<Item> sub;
    std::vector<const Figure*> sub_figs;
    for (const auto* it : cls) {
      sub.push_back(*it);
      sub.back().label = std::string(to_string(fig_of(it)->money.qualifier));
      sub_figs.push_back(fig_of(it));
    }
    auto by_q = classes_by_label(sub);
    compare_classes(by_q, "qualifier", t.max_value_classes, [&](const auto& x, const auto& y)
                    -> std::optional<std::pair<Severity, std::string>> {
      auto qa = sub_figs[x.front() - sub.data()]->money.qualifier;
      auto qb = sub_figs[y.front() - sub.data()]->money.qualifier;
      return std::pair{qualifier_severity(qa, qb),
                       std::string(to_string(qa)) + " vs " + std::string(to_string(qb))};
    }, em);
  }

  // rule: period — a duration given by one source only, or two durations.
  {
    std::vector<Item> sub = items;
    for (std::size_t i = 0; i < sub.size(); ++i) sub[i].label = period_label(*figs[i]);
    // A source that states the period anywhere is not silent about it.
    FirstSeen stating;
    for (const auto& it : sub)
      if (it.label != "none") stating.add(it.source);
    for (auto& it : sub)
      if (it.label == "none" && stating.contains(it.source)) it.label = "stated-elsewhere";
    sub.erase(std::remove_if(sub.begin(), sub.end(), [](const Item& i) { return i.label == "stated-elsewhere"; }),
              sub.end());
    compare_classes(classes_by_label(sub), "period", t.max_value_classes, [](const auto& x, const auto& y)
                    -> std::optional<std::pair<Severity, std::string>> {
      if (x.front()->label == "none" || y.front()->label == "none")
        return std::pair{Severity::Discrepancy, std::string("period given by one side only")};
      return std::pair{Severity::Conflict, x.front()->label + " vs " + y.front()->label + " years"};
    }, em);
  }

  // rule: date — when the amount was committed, compared as intervals.
  {
    std::vector<Item> sub;
    std::vector<const TimeExpr*> times;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (figs[i]->time) {
        sub.push_back(items[i]);
        sub.back().label = figs[i]->time->begin + "/" + figs[i]->time->end;
        times.push_back(&*figs[i]->time);
      }
    compare_classes(classes_by_label(sub), "date", t.max_value_classes, [&](const auto& x, const auto& y)
                    -> std::optional<std::pair<Severity, std::string>> {
      return judge_times(*times[x.front() - sub.data()], *times[y.front() - sub.data()]);
    }, em);
  }

  // rule: denial — a source denies what another states.
  std::vector<const Figure*> denied_figs;
  auto denied = figure_items(docs, claim, denied_figs, true);
  std::vector<const Item*> yes, no;
  for (const auto& it : items) yes.push_back(&it);
  for (const auto& it : denied) no.push_back(&it);
  em.emit("denial", Severity::Conflict, no, yes, "denied vs stated");
}

// ---------------------------------------------------------------- facts

void compare_facts(const std::vector<DocumentResult>& docs, const ClaimGroup& claim, const Tunables& t,
                   Emitter& em) {
  std::vector<Item> items;
  std::vector<const Fact*> facts;
  for (auto [d, i] : claim.facts) {
    const Fact& f = docs[d].facts[i];
    items.push_back({d, f.source, f.text, std::nullopt, f.id, {}});
    facts.push_back(&f);
  }
  auto fact_of = [&](const Item* it) { return facts[it - items.data()]; };

  if (claim.fact_kind == "attribution") {
    // rule: attribution — different media credited with the news.
    for (std::size_t i = 0; i < items.size(); ++i) items[i].label = facts[i]->subject.value_or("?");
    compare_classes(classes_by_label(items), "attribution", t.max_value_classes, [&](const auto& x, const auto& y)
                    -> std::optional<std::pair<Severity, std::string>> {
      auto first = [&](const std::vector<const Item*>& c) {
        return std::any_of(c.begin(), c.end(), [&](const Item* it) { return fact_of(it)->kind == "first_reported_by"; });
      };
      if (first(x) && first(y)) return std::pair{Severity::Conflict, std::string("different media credited first")};
      if (first(x) || first(y)) return std::pair{Severity::Discrepancy, std::string("different media credited")};
      return std::nullopt;
    }, em);
    return;
  }

  // rule: until — how long a right lasts, compared as intervals. Denied facts
  // are compared too: the date is what the sentence gives, whatever it negates.
  std::vector<Item> dated;
  std::vector<const TimeExpr*> ends;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (facts[i]->until) {
      dated.push_back(items[i]);
      ends.push_back(&*facts[i]->until);
      dated.back().label = ends.back()->begin + "/" + ends.back()->end + "/" + ends.back()->precision;
    }
  compare_classes(classes_by_label(dated), "date", t.max_value_classes, [&](const auto& x, const auto& y) {
    return judge_times(*ends[x.front() - dated.data()], *ends[y.front() - dated.data()]);
  }, em);

  // rule: denial — a fact one source states and another denies.
  std::vector<const Item*> yes, no;
  for (const auto& it : items) (fact_of(&it)->modality == Modality::Denied ? no : yes).push_back(&it);
  em.emit("denial", Severity::Conflict, no, yes, "denied vs stated");
}

bool share_a_source(const std::vector<Item>& a, const std::vector<Item>& b) {
  FirstSeen in_a;
  for (const auto& it : a) in_a.add(it.source);
  return std::any_of(b.begin(), b.end(), [&](const Item& it) { return in_a.contains(it.source); });
}

}  // namespace

std::string topic_value_what(const std::string& a, const std::string& b) {
  return "different amounts for one deal (claims " + a + " and " + b + ")";
}

std::vector<std::pair<std::size_t, std::size_t>> compare_topics(const std::vector<DocumentResult>& docs,
                                                                const std::vector<ClaimGroup>& claims,
                                                                const std::vector<Claim>& made,
                                                                const std::string& story_id, const Tunables& t,
                                                                std::vector<Conflict>& out) {
  // Topic: kind class and both parties, in order.
  std::map<std::string, std::vector<std::size_t>> topics;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const ClaimGroup& g = claims[i];
    if (g.figures.empty() || !g.kind || !g.subject || !g.counterparty) continue;
    // A deal has one price; revenue and losses differ from period to period.
    if (*g.kind == Kind::Revenue || *g.kind == Kind::Loss || *g.kind == Kind::Other) continue;
    topics[std::string(kind_class(*g.kind)) + "|" + *g.subject + "|" + *g.counterparty].push_back(i);
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [topic, members] : topics) {
    const std::size_t n = std::min(members.size(), t.max_value_classes);
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t y = x + 1; y < n; ++y) {
        const ClaimGroup &a = claims[members[x]], &b = claims[members[y]];
        std::vector<const Figure*> fa, fb;
        auto ia = figure_items(docs, a, fa, false), ib = figure_items(docs, b, fb, false);  // stated only
        // A source giving both amounts tells two figures apart (a tranche and
        // the total, an offer and the price paid): not a disagreement.
        if (ia.empty() || ib.empty() || share_a_source(ia, ib)) continue;
        if (fa.front()->money.currency != fb.front()->money.currency) continue;
        bool apart = std::all_of(fa.begin(), fa.end(), [&](const Figure* p) {
          return std::none_of(fb.begin(), fb.end(), [&](const Figure* q) {
            return overlaps(money_interval(p->money, t), money_interval(q->money, t));
          });
        });
        if (!apart) continue;
        std::vector<const Item*> sa, sb;
        for (const auto& it : ia) sa.push_back(&it);
        for (const auto& it : ib) sb.push_back(&it);
        Emitter em(made[members[x]].id, story_id, out);
        em.emit("value", Severity::Conflict, sa, sb, topic_value_what(made[members[x]].id, made[members[y]].id));
        pairs.emplace_back(members[x], members[y]);
      }
  }
  return pairs;
}

void compare_claim(const std::vector<DocumentResult>& documents, const ClaimGroup& claim, const std::string& claim_id,
                   const std::string& story_id, const Tunables& t, std::vector<Conflict>& out) {
  Emitter em(claim_id, story_id, out);
  // Every rule compares two mentions (two classes, or a denial and a
  // statement), so a claim told once has nothing to compare: most claims.
  if (claim.figures.size() >= 2) compare_money(documents, claim, t, em);
  if (claim.facts.size() >= 2) compare_facts(documents, claim, t, em);
}

std::string format_money(double value, const std::string& currency) {
  std::string sym = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : "";
  const char* unit = "";
  double v = value;
  if (std::fabs(v) >= 1e12) v /= 1e12, unit = "tn";
  else if (std::fabs(v) >= 1e9) v /= 1e9, unit = "bn";
  else if (std::fabs(v) >= 1e6) v /= 1e6, unit = "m";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g%s", v, unit);
  if (!sym.empty()) return sym + buf;
  return currency.empty() ? std::string(buf) : std::string(buf) + " " + currency;
}

}  // namespace dealscan::crosscheck

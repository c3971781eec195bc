// Claims -> conflicts. Within a claim, mentions are sorted into classes (one
// per distinct amount, qualifier, period, date, medium) and each pair of
// classes that disagree gives one entry listing every source on both sides,
// so any two disagreeing sources share an entry. Mentions of one source that
// disagree among themselves land in the same entry as their own two sides.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/first_seen.h"
#include "crosscheck/internal.h"
#include "dealscan/extract.h"

namespace dealscan::crosscheck {
namespace {

// One mention of a claim, ready to be quoted. Its strings are views into the
// documents' figure or fact, which it also points at (one of the two).
struct Item {
  std::size_t doc = 0;
  std::string_view source;
  std::string_view text;
  std::optional<double> value;
  std::string_view id;
  const Figure* figure = nullptr;
  const Fact* fact = nullptr;
};

using Side = std::vector<const Item*>;
using Classes = std::vector<Side>;

Side all_of(const std::vector<Item>& items) {
  Side out;
  out.reserve(items.size());
  for (const auto& it : items) out.push_back(&it);
  return out;
}

// Groups items by a class number number(item) (small: a slot table is kept
// by number), classes in order of first appearance. Rules compare numbers,
// not labels spelt out as strings.
template <class Number>
Classes classes_by_number(const Side& items, Number number) {
  Classes out;
  std::vector<std::uint32_t> slot;  // number -> its class + 1
  for (const Item* it : items) {
    const std::size_t n = number(it);
    if (n >= slot.size()) slot.resize(n + 1, 0);
    if (!slot[n]) {
      out.emplace_back();
      slot[n] = static_cast<std::uint32_t>(out.size());
    }
    out[slot[n] - 1].push_back(it);
  }
  return out;
}

// Groups items by a label (a string_view that outlives the call).
template <class Label>
Classes classes_by_label(const Side& items, Label label) {
  FirstSeen seen;
  return classes_by_number(items, [&](const Item* it) { return seen.add(label(it)).first; });
}

// First mention per source, in input order.
Side one_per_source(const Side& side) {
  Side out;
  out.reserve(side.size());  // one block, not one per doubling
  FirstSeen seen;
  for (const auto* it : side)
    if (seen.add(it->source).second) out.push_back(it);
  return out;
}

// The message quotes every source of a side up to kMaxQuoted, then the first
// kQuotedWhenLong and a count: values[] still lists them all.
constexpr std::size_t kMaxQuoted = 8;
constexpr std::size_t kQuotedWhenLong = 5;

std::size_t quoted_count(const Side& side) { return side.size() > kMaxQuoted ? kQuotedWhenLong : side.size(); }

// What quote_side appends, give or take the count of further sources.
std::size_t quoted_length(const Side& side) {
  std::size_t n = 32;
  for (std::size_t i = 0; i < quoted_count(side); ++i) n += side[i]->source.size() + side[i]->text.size() + 5;
  return n;
}

void quote_side(const Side& side, std::string& s) {
  const std::size_t quoted = quoted_count(side);
  for (std::size_t i = 0; i < quoted; ++i) {
    if (i > 0) s += ", ";
    s.append(side[i]->source).append(" \"").append(side[i]->text).append("\"");
  }
  if (quoted < side.size()) s.append(" and ").append(std::to_string(side.size() - quoted)).append(" more sources");
}

class Emitter {
 public:
  Emitter(const std::string& claim, const std::string& story, std::vector<Conflict>& out)
      : claim_(claim), story_(story), out_(out) {}

  void emit(std::string_view field, Severity sev, const Side& a, const Side& b, std::string_view what) {
    if (a.empty() || b.empty()) return;  // most claims deny nothing
    auto xa = one_per_source(a), xb = one_per_source(b);
    Conflict c;
    c.claim = claim_;
    c.story = story_;
    c.field = field;
    c.severity = sev;
    c.values.reserve(xa.size() + xb.size());
    for (const auto* side : {&xa, &xb})
      for (const auto* it : *side)
        c.values.push_back({std::string(it->source), std::string(it->text), it->value, std::string(it->id)});
    bool internal = xa.size() == 1 && xb.size() == 1 && xa[0]->source == xb[0]->source;
    c.message.reserve(field.size() + what.size() + 24 + quoted_length(xa) + quoted_length(xb));
    c.message.append(field).append(": ").append(what).append(internal ? " within one source: " : ": ");
    quote_side(xa, c.message);
    c.message += " vs ";
    quote_side(xb, c.message);
    out_.push_back(std::move(c));
  }

 private:
  const std::string& claim_;
  const std::string& story_;
  std::vector<Conflict>& out_;
};

using Verdict = std::optional<std::pair<Severity, std::string>>;

// Compares every pair of classes; judge(x, y) says whether and how they disagree.
template <class Judge>
void compare_classes(const Classes& cls, std::string_view field, std::size_t cap, Judge judge, Emitter& em) {
  std::size_t n = std::min(cls.size(), cap);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (Verdict verdict = judge(cls[i], cls[j])) em.emit(field, verdict->first, cls[i], cls[j], verdict->second);
}

// ---------------------------------------------------------------- money

std::vector<Item> figure_items(const std::vector<DocumentResult>& docs, const ClaimGroup& claim, bool denied) {
  std::vector<Item> items;
  items.reserve(claim.figures.size());
  for (const auto& r : claim.figures) {
    const Figure& f = docs[r.doc].figures[r.index];
    if ((f.modality == Modality::Denied) != denied) continue;
    items.push_back({r.doc, f.source, f.text, f.money.value, f.id, &f, nullptr});
  }
  return items;
}

// Disjoint intervals conflict; overlapping ones that differ were given at
// different precision ("fino al 2030" vs "fino agli anni Trenta").
Verdict judge_times(const TimeExpr& a, const TimeExpr& b) {
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

// printf's "%g" of v, without printf: significant_digits writes its bytes.
std::string_view shortest_g(double v, char (&buf)[32]) {
  return {buf, static_cast<std::size_t>(significant_digits(v, 6, buf, buf + sizeof buf) - buf)};
}

std::string period_label(const Figure& f) {
  if (!f.money.period_years) return "none";
  char buf[32];
  return std::string(shortest_g(*f.money.period_years, buf));
}

// rule: value — amounts whose qualified ranges cannot both be true.
// Classes: same currency and the same amount up to rounding.
Classes compare_values(const Side& items, const Tunables& t, Emitter& em) {
  std::vector<std::pair<std::string_view, double>> anchors;
  auto by_value = classes_by_number(items, [&](const Item* it) {
    const auto& m = it->figure->money;
    auto a = std::find_if(anchors.begin(), anchors.end(),
                          [&](auto& x) { return x.first == m.currency && same_amount(x.second, m.value, t); });
    if (a == anchors.end()) a = anchors.insert(anchors.end(), {m.currency, m.value});
    return std::size_t(a - anchors.begin());
  });
  // A class told by thousands of sources states few distinct ranges.
  auto distinct_intervals = [&](const Side& cls) {
    std::vector<Interval> out;
    for (const auto* it : cls) {
      Interval i = money_interval(it->figure->money, t);
      if (std::none_of(out.begin(), out.end(), [&](const Interval& o) { return o.lo == i.lo && o.hi == i.hi; }))
        out.push_back(i);
    }
    return out;
  };
  compare_classes(by_value, "value", t.max_value_classes, [&](const Side& x, const Side& y) -> Verdict {
    const auto& mx = x.front()->figure->money;
    const auto& my = y.front()->figure->money;
    if (mx.currency != my.currency) return std::nullopt;  // conversions are not compared
    if (scale_slip(mx.value, my.value)) return std::pair{Severity::Conflict, std::string("scale word differs")};
    const auto ys = distinct_intervals(y);
    for (const auto& a : distinct_intervals(x))
      for (const auto& b : ys)
        if (!overlaps(a, b)) return std::pair{Severity::Conflict, std::string("different amounts")};
    return std::nullopt;
  }, em);
  return by_value;
}

// rule: qualifier — the same amount hedged or bounded differently.
void compare_qualifiers(const Classes& by_value, const Tunables& t, Emitter& em) {
  for (const auto& cls : by_value) {
    if (cls.size() < 2) continue;  // one mention: one qualifier
    auto by_q = classes_by_number(cls, [](const Item* it) { return std::size_t(it->figure->money.qualifier); });
    compare_classes(by_q, "qualifier", t.max_value_classes, [](const Side& x, const Side& y) -> Verdict {
      auto qa = x.front()->figure->money.qualifier;
      auto qb = y.front()->figure->money.qualifier;
      return std::pair{qualifier_severity(qa, qb), std::string(to_string(qa)) + " vs " + std::string(to_string(qb))};
    }, em);
  }
}

// rule: period — a duration given by one source only, or two durations.
void compare_periods(const std::vector<Item>& items, const Tunables& t, Emitter& em) {
  // Most figures state no period: their label is "none", spelt out only
  // for the others. When none states one, all are "none": one class.
  if (std::none_of(items.begin(), items.end(), [](const Item& it) { return bool(it.figure->money.period_years); }))
    return;
  std::vector<std::string> labels(items.size());
  FirstSeen stating;  // a source that states the period anywhere is not silent about it
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].figure->money.period_years) {
      labels[i] = period_label(*items[i].figure);
      if (labels[i] != "none") stating.add(items[i].source);
    }
  auto label = [&](const Item* it) -> std::string_view {
    const std::string& l = labels[it - items.data()];
    return l.empty() ? std::string_view("none") : std::string_view(l);
  };
  Side sub;
  sub.reserve(items.size());
  for (const auto& it : items)
    if (label(&it) != "none" || !stating.contains(it.source)) sub.push_back(&it);
  compare_classes(classes_by_label(sub, label), "period", t.max_value_classes, [&](const Side& x, const Side& y) -> Verdict {
    const std::string_view lx = label(x.front()), ly = label(y.front());
    if (lx == "none" || ly == "none")
      return std::pair{Severity::Discrepancy, std::string("period given by one side only")};
    return std::pair{Severity::Conflict, std::string(lx) + " vs " + std::string(ly) + " years"};
  }, em);
}

// rule: date — when the amount was committed, compared as intervals.
void compare_dates(const std::vector<Item>& items, const Tunables& t, Emitter& em) {
  auto dated = [](const Item& it) { return bool(it.figure->time); };
  if (std::count_if(items.begin(), items.end(), dated) < 2) return;  // nothing to compare
  Side sub;
  std::vector<std::string> labels(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    if (const auto& time = items[i].figure->time) {
      sub.push_back(&items[i]);
      labels[i] = time->begin + "/" + time->end;
    }
  auto label = [&](const Item* it) -> std::string_view { return labels[it - items.data()]; };
  compare_classes(classes_by_label(sub, label), "date", t.max_value_classes, [](const Side& x, const Side& y) {
    return judge_times(*x.front()->figure->time, *y.front()->figure->time);
  }, em);
}

void compare_money(const std::vector<DocumentResult>& docs, const ClaimGroup& claim, const Tunables& t,
                   Emitter& em) {
  const auto items = figure_items(docs, claim, false);
  const Side stated = all_of(items);
  const Classes by_value = compare_values(stated, t, em);
  compare_qualifiers(by_value, t, em);
  compare_periods(items, t, em);
  compare_dates(items, t, em);

  // rule: denial — a source denies what another states.
  const auto denied = figure_items(docs, claim, true);
  em.emit("denial", Severity::Conflict, all_of(denied), stated, "denied vs stated");
}

// ---------------------------------------------------------------- facts

void compare_facts(const std::vector<DocumentResult>& docs, const ClaimGroup& claim, const Tunables& t,
                   Emitter& em) {
  std::vector<Item> items;
  items.reserve(claim.facts.size());
  for (auto [d, i] : claim.facts) {
    const Fact& f = docs[d].facts[i];
    items.push_back({d, f.source, f.text, std::nullopt, f.id, nullptr, &f});
  }
  const Side all = all_of(items);

  if (claim.fact_kind == "attribution") {
    // rule: attribution — different media credited with the news.
    auto medium = [](const Item* it) -> std::string_view {
      return it->fact->subject ? std::string_view(*it->fact->subject) : "?";
    };
    // Whether each item credits a medium first, read once: every pair of
    // classes asks it of both.
    std::vector<char> credits_first(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) credits_first[i] = items[i].fact->kind == "first_reported_by";
    compare_classes(classes_by_label(all, medium), "attribution", t.max_value_classes,
                    [&](const Side& x, const Side& y) -> Verdict {
      auto first = [&](const Side& c) {
        return std::any_of(c.begin(), c.end(), [&](const Item* it) { return credits_first[it - items.data()]; });
      };
      if (first(x) && first(y)) return std::pair{Severity::Conflict, std::string("different media credited first")};
      if (first(x) || first(y)) return std::pair{Severity::Discrepancy, std::string("different media credited")};
      return std::nullopt;
    }, em);
    return;
  }

  // rule: until — how long a right lasts, compared as intervals. Denied facts
  // are compared too: the date is what the sentence gives, whatever it negates.
  Side dated;
  std::vector<std::string> labels(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    if (const auto& end = items[i].fact->until) {
      dated.push_back(&items[i]);
      labels[i] = end->begin + "/" + end->end + "/" + end->precision;
    }
  auto label = [&](const Item* it) -> std::string_view { return labels[it - items.data()]; };
  compare_classes(classes_by_label(dated, label), "date", t.max_value_classes, [](const Side& x, const Side& y) {
    return judge_times(*x.front()->fact->until, *y.front()->fact->until);
  }, em);

  // rule: denial — a fact one source states and another denies.
  Side yes, no;
  for (const auto& it : items) (it.fact->modality == Modality::Denied ? no : yes).push_back(&it);
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
    const Claim& g = made[i];
    if (claims[i].figures.empty() || !g.kind || !g.subject || !g.counterparty) continue;
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
        auto ia = figure_items(docs, a, false), ib = figure_items(docs, b, false);  // stated only
        // A source giving both amounts tells two figures apart (a tranche and
        // the total, an offer and the price paid): not a disagreement.
        if (ia.empty() || ib.empty() || share_a_source(ia, ib)) continue;
        if (ia.front().figure->money.currency != ib.front().figure->money.currency) continue;
        bool apart = std::all_of(ia.begin(), ia.end(), [&](const Item& p) {
          return std::none_of(ib.begin(), ib.end(), [&](const Item& q) {
            return overlaps(money_interval(p.figure->money, t), money_interval(q.figure->money, t));
          });
        });
        if (!apart) continue;
        Emitter em(made[members[x]].id, story_id, out);
        em.emit("value", Severity::Conflict, all_of(ia), all_of(ib),
                topic_value_what(made[members[x]].id, made[members[y]].id));
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
  const std::string_view sym = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : "";
  std::string_view unit;
  double v = value;
  if (std::fabs(v) >= 1e12) v /= 1e12, unit = "tn";
  else if (std::fabs(v) >= 1e9) v /= 1e9, unit = "bn";
  else if (std::fabs(v) >= 1e6) v /= 1e6, unit = "m";
  char buf[32];
  const std::string_view number = shortest_g(v, buf);
  const bool suffix = sym.empty() && !currency.empty();  // "250m CHF"
  std::string out;
  out.reserve(sym.size() + number.size() + unit.size() + (suffix ? 1 + currency.size() : 0));
  out.append(sym).append(number).append(unit);
  if (suffix) out.append(" ").append(currency);
  return out;
}

}  // namespace dealscan::crosscheck

#include "extract/time_cores.h"

#include <cmath>
#include <cstdlib>

namespace dealscan::timegrammar {
namespace {

using timetok::Kind;
using timetok::Token;
using namespace timevocab;
using timecal::Ymd;

const Token* tok(const Context& c, std::size_t i) { return i < c.toks.size() ? &c.toks[i] : nullptr; }
bool adjacent(const Context& c, std::size_t i) { return i > 0 && i < c.toks.size() && c.toks[i - 1].end == c.toks[i].begin; }
bool is_number(const Context& c, std::size_t i, std::size_t min_len, std::size_t max_len) {
  const Token* t = tok(c, i);
  if (!t || t->kind != Kind::Number) return false;
  auto len = t->end - t->begin;
  return len >= min_len && len <= max_len;
}
bool punct_is(const Context& c, std::size_t i, std::string_view s) {
  const Token* t = tok(c, i);
  return t && t->kind == Kind::Punct && t->lower == s;
}

std::optional<Day> doc_day(const Context& c) {
  if (!c.doc || !c.doc->has_day) return std::nullopt;
  return c.doc_day;
}
// The document day, or the first of its month when only the month is known.
std::optional<Day> doc_anchor(const Context& c) {
  if (!c.doc) return std::nullopt;
  return c.doc_day;
}

Interval days(Day b, Day e, std::string_view precision) { return Interval{b, e, precision}; }

Core make(std::size_t end, Interval iv, std::string_view rule) {
  Core k;
  k.end = end;
  k.outer_precision = iv.precision;
  k.iv = iv;
  k.rule = CoreRule{rule};
  return k;
}

// A count before a unit: a number word, digits (1-99) or nothing.
struct Count {
  int n = 1;
  bool few = false;
  bool present = false;
  std::size_t end = 0;
};
Count count_at(const Context& c, std::size_t i) {
  Count k;
  k.end = i;
  if (const Item* w = c.vocab.match(kCount, c.toks, i)) {
    k = Count{w->n, w->few, true, i + w->words.size()};
  } else if (is_number(c, i, 1, 2) && c.toks[i].number > 0) {
    k = Count{c.toks[i].number, false, true, i + 1};
  }
  return k;
}

// A count and the unit item after it (nullptr: none), as the rules of
// counted units read them ("tre anni", "pochi giorni", "anni").
struct CountedUnit {
  Count count;
  const Item* unit = nullptr;
};
CountedUnit counted_unit_at(const Context& c, std::size_t i) {
  const Count n = count_at(c, i);
  return CountedUnit{n, c.vocab.match(kUnit, c.toks, n.end)};
}

// The precision of the interval of one unit (unit_containing's).
std::string_view unit_precision(Unit u) {
  switch (u) {
    case Unit::Day: return "day";
    case Unit::Week: return "week";
    case Unit::Month: return "month";
    default: return "year";
  }
}

// Interval of n units after (n > 0) or before (n < 0) an anchor day, as the
// whole unit containing the shifted day.
Interval unit_containing(Unit u, Day d) {
  switch (u) {
    case Unit::Day: return days(d, d, unit_precision(u));
    case Unit::Week: {
      Day mon = d - (timecal::weekday(d) - 1);
      return days(mon, mon + 6, unit_precision(u));
    }
    case Unit::Month: {
      const Ymd y = timecal::to_ymd(d);
      return month_interval(y.year, y.month);
    }
    default: return year_interval(timecal::to_ymd(d).year);
  }
}
Day shift_by(Unit u, Day d, int n) {
  switch (u) {
    case Unit::Day: return d + n;
    case Unit::Week: return d + 7L * n;
    case Unit::Month: return timecal::add_months(d, n);
    default: return timecal::add_months(d, 12 * n);
  }
}

// ---- parts: "inizio", "metà", "fine" of a period

Interval apply_part(const Interval& base, const Item& part) {
  Day b = *base.begin, e = *base.end;
  Ymd yb = timecal::to_ymd(b), ye = timecal::to_ymd(e);
  int months = (ye.year - yb.year) * 12 + ye.month - yb.month + 1;
  bool whole_months = yb.day == 1 && ye.day == timecal::days_in_month(ye.year, ye.month);
  auto cut = [&](int n, double f) { return static_cast<int>(std::lround(f * n)); };
  if (whole_months && months >= 24 && months % 12 == 0) {  // decades: in years
    int years = months / 12;
    int s = cut(years, part.from), t = cut(years, part.to_frac);
    return days(timecal::to_day(Ymd{yb.year + s, 1, 1}), timecal::to_day(Ymd{yb.year + t - 1, 12, 31}), "part");
  }
  if (whole_months && months >= 2) {  // years, halves, quarters: in months
    int s = cut(months, part.from), t = cut(months, part.to_frac);
    Day first = timecal::add_months(b, s);
    Day last = timecal::add_months(b, t) - 1;
    return days(first, last, "part");
  }
  int n = static_cast<int>(e - b + 1);  // a month or a season: in days
  int s = cut(n, part.from), t = cut(n, part.to_frac);
  return days(b + s, b + t - 1, "part");
}

std::optional<Core> core_part(const Context& c, std::size_t i) {
  const Item* p = c.vocab.match(kPart, c.toks, i);
  if (!p) return std::nullopt;
  std::size_t j = skip_in_preps(c, i + p->words.size());
  CoreFlags inner{true, true, false, false};
  auto base = parse_core(c, j, inner);
  if (!base || !base->iv.begin || !base->iv.end) return std::nullopt;
  if (base->iv.precision == "day" || base->iv.precision == "week" || base->iv.precision == "part") return std::nullopt;
  // The inner core is no part (allow_part off): one "part-of-" at most.
  Core k = make(base->end, apply_part(base->iv, *p), base->rule.name);
  k.rule.part_of = true;
  k.outer_precision = base->outer_precision;
  return k;
}

// ---- ordinal sub-periods: "terzo trimestre 2025", "seconda metà del 2026", "Q3 2025"

// The year after a sub-period: explicit, "dell'anno [scorso]", or the document's.
std::optional<std::pair<int, std::size_t>> year_after(const Context& c, std::size_t j) {
  std::size_t k = skip_in_preps(c, j);
  if (auto y = year_at(c, k)) return std::make_pair(*y, k + 1);
  if (const Item* u = c.vocab.match(kUnit, c.toks, k); u && u->unit == Unit::Year && !u->plural) {
    std::size_t e = k + u->words.size();
    if (auto y = year_at(c, e)) return std::make_pair(*y, e + 1);
    int off = 0;
    if (const Item* s = c.vocab.match(kShift, c.toks, e); s && !s->plural) {
      off = s->offset;
      e += s->words.size();
    }
    if (c.doc) return std::make_pair(c.doc->ymd.year + off, e);
    return std::nullopt;
  }
  if (c.doc) return std::make_pair(c.doc->ymd.year, j);
  return std::nullopt;
}

std::optional<Core> core_subperiod(const Context& c, std::size_t i) {
  int n = 0, months = 0;
  std::string_view precision;  // the item's, which the vocabulary keeps
  std::size_t j = i;
  if (const Item* q = c.vocab.match(kQcode, c.toks, i)) {
    n = q->n, months = q->months, precision = q->precision;
    j += q->words.size();
  } else if (const Item* o = c.vocab.match(kOrdinal, c.toks, i)) {
    const Item* s = c.vocab.match(kSubperiod, c.toks, i + o->words.size());
    if (!s || s->months <= 0) return std::nullopt;
    n = o->n, months = s->months, precision = s->precision;
    j = i + o->words.size() + s->words.size();
  } else {
    return std::nullopt;
  }
  if (n < 1 || n * months > 12) return std::nullopt;
  auto y = year_after(c, j);
  if (!y) return std::nullopt;
  Day b = timecal::first_of_month(y->first, (n - 1) * months + 1);
  Day e = timecal::last_of_month(y->first, n * months);
  return make(y->second, days(b, e, precision.empty() ? "part" : precision), "ordinal-subperiod");
}

std::optional<Core> core_fiscal(const Context& c, std::size_t i) {
  const Item* f = c.vocab.match(kFiscal, c.toks, i);
  if (!f) return std::nullopt;
  std::size_t j = skip_in_preps(c, i + f->words.size());
  auto y = year_at(c, j);
  if (!y) return std::nullopt;
  return make(j + 1, year_interval(*y), "fiscal-year");
}

// ---- dates

std::optional<Core> resolved_date(const Context& c, std::size_t end, int year, int month, int day, bool explicit_year,
                                  std::string_view rule) {
  if (!explicit_year) {
    if (!c.doc) return std::nullopt;
    year = nearest_year(*c.doc, month);
  }
  Ymd ymd{year, month, day};
  if (!timecal::valid(ymd)) return std::nullopt;
  Day d = timecal::to_day(ymd);
  Core k = make(end, days(d, d, "day"), rule);
  k.implicit_year = !explicit_year;
  k.explicit_year = explicit_year;
  k.year = year, k.month = month, k.day = day;
  return k;
}

// "21/01/2025", "21.01.2025", "2025-01-21".
std::optional<Core> core_numeric_date(const Context& c, std::size_t i) {
  if (!is_number(c, i, 1, 4) || !adjacent(c, i + 1) || !adjacent(c, i + 2) || !adjacent(c, i + 3) ||
      !adjacent(c, i + 4))
    return std::nullopt;
  const Token& sep = c.toks[i + 1];
  if (sep.kind != Kind::Punct || !(sep.lower == "/" || sep.lower == "." || sep.lower == "-") ||
      c.toks[i + 3].lower != sep.lower)
    return std::nullopt;
  if (is_number(c, i, 4, 4) && is_number(c, i + 2, 1, 2) && is_number(c, i + 4, 1, 2) && sep.lower == "-") {
    return resolved_date(c, i + 5, c.toks[i].number, c.toks[i + 2].number, c.toks[i + 4].number, true, "iso-date");
  }
  if (is_number(c, i, 1, 2) && is_number(c, i + 2, 1, 2) && is_number(c, i + 4, 4, 4)) {
    return resolved_date(c, i + 5, c.toks[i + 4].number, c.toks[i + 2].number, c.toks[i].number, true, "numeric-date");
  }
  return std::nullopt;
}

// "[martedì] 21 gennaio [2025]", "1° maggio", "primo gennaio del 2026".
std::optional<Core> core_date(const Context& c, std::size_t i) {
  std::size_t j = i;
  if (const Item* w = c.vocab.match(kWeekday, c.toks, j)) {
    j += w->words.size();
    if (punct_is(c, j, ",")) ++j;
  }
  int day = 0;
  if (is_number(c, j, 1, 2)) {
    day = c.toks[j].number;
    ++j;
    if (adjacent(c, j) && (punct_is(c, j, "°") || punct_is(c, j, "º"))) ++j;
  } else if (const Item* o = c.vocab.match(kOrdinal, c.toks, j); o && o->n == 1) {
    day = 1;
    j += o->words.size();
  } else {
    return std::nullopt;
  }
  const Item* m = c.vocab.match(kMonth, c.toks, j);
  if (!m || day < 1 || day > 31) return std::nullopt;
  j += m->words.size();
  std::size_t k = skip_in_preps(c, j);
  if (auto y = year_at(c, k)) return resolved_date(c, k + 1, *y, m->month, day, true, "day-month-year");
  return resolved_date(c, j, 0, m->month, day, false, "day-month");
}

// ---- months: "novembre 2025", "lo scorso settembre", "a settembre"

std::optional<Core> core_month(const Context& c, std::size_t i, CoreFlags flags) {
  std::size_t j = i;
  const Item* pre = c.vocab.match(kShift, c.toks, j);
  if (pre && pre->plural) pre = nullptr;
  if (pre) j += pre->words.size();
  const Item* m = c.vocab.match(kMonth, c.toks, j);
  if (!m) return std::nullopt;
  j += m->words.size();
  const Item* post = pre ? nullptr : c.vocab.match(kShift, c.toks, j);
  if (post && post->plural) post = nullptr;
  if (post) j += post->words.size();
  const Item* shift = pre ? pre : post;
  if (!shift) {
    std::size_t k = skip_in_preps(c, j);
    if (auto y = year_at(c, k)) {
      Core core = make(k + 1, month_interval(*y, m->month), "month-year");
      core.explicit_year = true, core.year = *y, core.month = m->month;
      return core;
    }
    if (!flags.bare_month || !c.doc) return std::nullopt;
    int y = nearest_year(*c.doc, m->month);
    Core core = make(j, month_interval(y, m->month), "month");
    core.implicit_year = true, core.year = y, core.month = m->month;
    return core;
  }
  if (!c.doc) return std::nullopt;
  int dm = c.doc->ymd.month, y = c.doc->ymd.year;
  if (shift->offset < 0) y = m->month < dm ? y : y - 1;
  if (shift->offset > 0) y = m->month > dm ? y : y + 1;
  return make(j, month_interval(y, m->month), "month-shift");
}

// ---- years: "2023", "2026-2027", "2026/27", "l'anno 2025"

std::optional<Core> core_year(const Context& c, std::size_t i) {
  std::size_t j = i;
  if (const Item* u = c.vocab.match(kUnit, c.toks, j); u && u->unit == Unit::Year && !u->plural) j += u->words.size();
  auto y = year_at(c, j);
  if (!y) return std::nullopt;
  if (const Item* d = c.vocab.match(kDash, c.toks, j + 1); d && j + 2 < c.toks.size()) {
    std::size_t k = j + 1 + d->words.size();
    int y2 = 0;
    if (auto full = year_at(c, k)) {
      y2 = *full;
    } else if (is_number(c, k, 2, 2) && adjacent(c, k) && !c.vocab.match(kBlocker, c.toks, k + 1)) {
      y2 = *y / 100 * 100 + c.toks[k].number;
    }
    if (y2 > *y) {
      Interval iv{year_interval(*y).begin, year_interval(y2).end, "year"};
      return make(k + 1, iv, "year-range");
    }
  }
  Core core = make(j + 1, year_interval(*y), j == i ? "year" : "anno-year");
  core.explicit_year = true, core.year = *y;
  return core;
}

// ---- decades: "anni Trenta", "anni '30", "anni 2020"

std::optional<Core> core_decade(const Context& c, std::size_t i) {
  const Item* h = c.vocab.match(kDecadeHead, c.toks, i);
  if (!h) return std::nullopt;
  std::size_t j = i + h->words.size();
  int value = -1, abs = 0;
  if (const Item* d = c.vocab.match(kDecade, c.toks, j)) {
    value = d->value, abs = d->abs;
    j += d->words.size();
  } else {
    if (punct_is(c, j, "'")) ++j;
    if (is_number(c, j, 2, 2) && c.toks[j].number % 10 == 0) {
      value = c.toks[j].number;
    } else if (is_number(c, j, 4, 4) && c.toks[j].number % 10 == 0 && c.toks[j].number >= 1900 &&
               c.toks[j].number <= 2090) {
      abs = c.toks[j].number;
    } else {
      return std::nullopt;
    }
    if (c.vocab.match(kBlocker, c.toks, j + 1)) return std::nullopt;
    ++j;
  }
  int start = abs;
  if (!abs) {
    if (!c.ref_year) return std::nullopt;
    // Same century as the anchor, unless that lies over 30 years ahead of it.
    start = c.ref_year / 100 * 100 + value;
    if (start > c.ref_year + 30) start -= 100;
  }
  Interval iv{timecal::to_day(Ymd{start, 1, 1}), timecal::to_day(Ymd{start + 9, 12, 31}), "decade"};
  return make(j, iv, "decade");
}

// ---- units relative to the document date: "l'anno scorso", "quest'anno", "la prossima settimana"

std::optional<Core> core_relative_unit(const Context& c, std::size_t i, CoreFlags flags) {
  std::size_t j = i;
  const Item* pre = c.vocab.match(kShift, c.toks, j);
  if (pre && pre->plural) pre = nullptr;
  if (pre) j += pre->words.size();
  const Item* u = c.vocab.match(kUnit, c.toks, j);
  if (!u || u->plural || u->unit == Unit::Day) return std::nullopt;
  j += u->words.size();
  const Item* post = pre ? nullptr : c.vocab.match(kShift, c.toks, j);
  if (post && post->plural) post = nullptr;
  if (post) j += post->words.size();
  const Item* shift = pre ? pre : post;
  if (!shift && !flags.current_unit) return std::nullopt;
  int off = shift ? shift->offset : 0;
  auto anchor = u->unit == Unit::Week ? doc_day(c) : doc_anchor(c);
  if (!anchor) return std::nullopt;
  return make(j, unit_containing(u->unit, shift_by(u->unit, *anchor, off)), shift ? "relative-unit" : "current-unit");
}

// ---- seasons: "la scorsa estate", "l'estate 2024"

Interval season_of(const Item& s, int year) {
  int end_year = s.season_end < s.season_begin ? year + 1 : year;
  return days(timecal::to_day(Ymd{year, s.season_begin / 100, s.season_begin % 100}),
              timecal::to_day(Ymd{end_year, s.season_end / 100, s.season_end % 100}), "season");
}

std::optional<Core> core_season(const Context& c, std::size_t i) {
  std::size_t j = i;
  const Item* pre = c.vocab.match(kShift, c.toks, j);
  if (pre && pre->plural) pre = nullptr;
  if (pre) j += pre->words.size();
  const Item* s = c.vocab.match(kSeason, c.toks, j);
  if (!s || !s->season_begin || !s->season_end) return std::nullopt;
  j += s->words.size();
  if (!pre) {
    std::size_t k = skip_in_preps(c, j);
    if (auto y = year_at(c, k)) return make(k + 1, season_of(*s, *y), "season-year");
  }
  const Item* post = pre ? nullptr : c.vocab.match(kShift, c.toks, j);
  if (post && post->plural) post = nullptr;
  if (post) j += post->words.size();
  const Item* shift = pre ? pre : post;
  auto anchor = doc_anchor(c);
  if (!shift || !anchor) return std::nullopt;
  int y0 = c.doc->ymd.year;
  for (int y = y0 - 2; y <= y0 + 1; ++y) {
    Interval iv = season_of(*s, y);
    bool ok = shift->offset < 0 ? *iv.end < *anchor && *season_of(*s, y + 1).end >= *anchor
              : shift->offset > 0 ? *iv.begin > *anchor && *season_of(*s, y - 1).begin <= *anchor
                                  : *iv.end >= *anchor && *season_of(*s, y - 1).end < *anchor;
    if (ok) return make(j, iv, "season-shift");
  }
  return std::nullopt;
}

// ---- days: "ieri", "oggi", "martedì"

// After "di", "oggi" and "domani" mean nowadays and the future: "le reti di domani".
bool genitive_before(const Context& c, std::size_t i) {
  if (i == 0) return false;
  const Item* p = c.vocab.match(kPrep, c.toks, i - 1);
  return p && p->genitive && p->words.size() == 1;
}

std::optional<Core> core_dayword(const Context& c, std::size_t i) {
  const Item* w = c.vocab.match(kDayword, c.toks, i);
  auto d = doc_day(c);
  if (!w || !d || (w->figurative && genitive_before(c, i))) return std::nullopt;
  Day x = *d + w->offset;
  return make(i + w->words.size(), days(x, x, "day"), "dayword");
}

std::optional<Core> core_weekday(const Context& c, std::size_t i) {
  const Item* w = c.vocab.match(kWeekday, c.toks, i);
  auto d = doc_day(c);
  if (!w || !d) return std::nullopt;
  std::size_t j = i + w->words.size();
  int off = -1;
  if (const Item* s = c.vocab.match(kShift, c.toks, j); s && !s->plural) {
    off = s->offset;
    j += s->words.size();
  }
  int back = (timecal::weekday(*d) - w->weekday + 7) % 7;
  Day x = off < 0 ? *d - (back ? back : 7)            // the most recent one before the date
          : off > 0 ? *d + (7 - back)                 // the next one after it
                    : *d - (timecal::weekday(*d) - 1) + (w->weekday - 1);  // in this week
  return make(j, days(x, x, "day"), "weekday");
}

// ---- spans around the document date: "negli ultimi tre anni", "nei giorni scorsi", "due anni fa"

// at_i: the count and unit from i, which "ultimi" may come before.
std::optional<Core> core_recent(const Context& c, std::size_t i, CountedUnit at_i) {
  int dir = 0;
  if (const Item* r = c.vocab.match(kRecent, c.toks, i)) {
    dir = r->dir;
    at_i = counted_unit_at(c, i + r->words.size());
  }
  const Count n = at_i.count;
  const Item* u = at_i.unit;
  std::size_t j = n.end;
  if (!u || !u->plural) return std::nullopt;
  j += u->words.size();
  if (!dir) {
    const Item* s = c.vocab.match(kShift, c.toks, j);
    if (!s || !s->plural || n.present) return std::nullopt;
    dir = s->offset < 0 ? -1 : 1;
    j += s->words.size();
  }
  auto anchor = doc_anchor(c);
  if (!anchor || dir == 0) return std::nullopt;
  int count = n.present && !n.few ? n.n : (u->recent ? u->recent : 1);
  Day other = shift_by(u->unit, *anchor, dir * count);
  const std::string_view precision = unit_precision(u->unit);
  const Interval iv = dir < 0 ? days(other, *anchor, precision) : days(*anchor, other, precision);
  return make(j, iv, "recent-span");
}

std::optional<Core> core_ago(const Context& c, CountedUnit at_i) {
  const Count n = at_i.count;
  const Item* u = at_i.unit;
  if (!n.present || n.few || !u) return std::nullopt;
  std::size_t j = n.end + u->words.size();
  const Item* a = c.vocab.match(kAgo, c.toks, j);
  auto anchor = u->unit == Unit::Day || u->unit == Unit::Week ? doc_day(c) : doc_anchor(c);
  if (!a || !anchor) return std::nullopt;
  return make(j + a->words.size(), unit_containing(u->unit, shift_by(u->unit, *anchor, -n.n)), "ago");
}

// "pochi giorni dopo", "il giorno dopo", "due settimane prima": from the previous expression.
std::optional<Core> core_later(const Context& c, CountedUnit at_i) {
  const Count n = at_i.count;
  const Item* u = at_i.unit;
  if (!u || (u->plural != (n.present && n.n > 1))) return std::nullopt;
  std::size_t j = n.end + u->words.size();
  const Item* l = c.vocab.match(kLater, c.toks, j);
  if (!l || !c.prev || !c.prev->begin) return std::nullopt;
  j += l->words.size();
  Day b = *c.prev->begin;
  if (!n.few && c.prev->precision == "day") {
    Day x = shift_by(u->unit, b, l->dir * n.n);
    return make(j, unit_containing(u->unit, x), "later");
  }
  Interval iv = l->dir > 0 ? Interval{b + 1, std::nullopt, "open"} : Interval{std::nullopt, b - 1, "open"};
  return make(j, iv, "later-vague");
}

// "due anni" after "entro"/"tra": the day that many units from the document date.
std::optional<Core> core_duration(const Context& c, CountedUnit at_i) {
  const Count n = at_i.count;
  const Item* u = at_i.unit;
  auto anchor = doc_anchor(c);
  if (!n.present || n.few || !u || !anchor) return std::nullopt;
  Day x = shift_by(u->unit, *anchor, n.n);
  Core k = make(n.end + u->words.size(), days(x, x, unit_precision(u->unit)), "duration");
  k.duration = true;
  return k;
}

}  // namespace

Interval year_interval(int y) {
  return Interval{timecal::to_day(Ymd{y, 1, 1}), timecal::to_day(Ymd{y, 12, 31}), "year"};
}
Interval month_interval(int y, int m) {
  return Interval{timecal::first_of_month(y, m), timecal::last_of_month(y, m), "month"};
}

int nearest_year(const timecal::DocDate& doc, int month) {
  int now = doc.ymd.year * 12 + doc.ymd.month - 1;
  int best = doc.ymd.year - 1;
  for (int y = doc.ymd.year; y <= doc.ymd.year + 1; ++y)
    if (std::abs(y * 12 + month - 1 - now) < std::abs(best * 12 + month - 1 - now)) best = y;
  return best;
}

std::size_t skip_in_preps(const Context& c, std::size_t i) {
  for (int n = 0; n < 3; ++n) {
    const Item* p = c.vocab.match(kPrep, c.toks, i);
    if (!p || p->kind != PrepKind::In) break;
    i += p->words.size();
  }
  return i;
}

std::optional<int> year_at(const Context& c, std::size_t i) {
  if (!is_number(c, i, 4, 4)) return std::nullopt;
  int y = c.toks[i].number;
  if (y < 1900 || y > 2100) return std::nullopt;
  // Part of a decimal or a model name: "1.2025", "2025,5", "GPT-2030".
  if (adjacent(c, i) && i >= 2 && adjacent(c, i - 1)) {
    const Token& p = c.toks[i - 1];
    Kind before = c.toks[i - 2].kind;
    if (p.kind == Kind::Punct && (((p.lower == "." || p.lower == ",") && before == Kind::Number) ||
                                  (p.lower == "-" && before == Kind::Word)))
      return std::nullopt;
  }
  if (adjacent(c, i + 1) && adjacent(c, i + 2) && (punct_is(c, i + 1, ",") || punct_is(c, i + 1, ".")) &&
      c.toks[i + 2].kind == Kind::Number)
    return std::nullopt;
  // A quantity: "2000 dollari", "$ 2000", "2000-3000 euro".
  if (c.vocab.match(kBlocker, c.toks, i + 1)) return std::nullopt;
  if (i > 0 && c.toks[i - 1].kind == Kind::Punct && c.vocab.match(kBlocker, c.toks, i - 1)) return std::nullopt;
  if (const Item* link = c.vocab.match(kDash | kAnd | kPrep, c.toks, i + 1)) {
    std::size_t k = i + 1 + link->words.size();
    if (is_number(c, k, 1, 9) && c.vocab.match(kBlocker, c.toks, k + 1)) return std::nullopt;
  }
  return y;
}

std::optional<Core> parse_core(const Context& c, std::size_t i, CoreFlags flags) {
  if (i >= c.toks.size()) return std::nullopt;
  // Every core starts with a number or a word of the vocabulary; each rule
  // is only tried when the first token can start it.
  const std::uint32_t r = c.vocab.roles_of(c.toks[i]);
  if (!(r & kCoreStarts)) return std::nullopt;
  // What a word of one role needs after it, whatever the flags (the
  // extractor's core_may_begin asks it too, but not of preposition words:
  // "prima" of "prima di" is also an ordinal).
  if (c.refuse_lone_roles && !lone_role_may_begin(c, i, r & kCoreStarts)) return std::nullopt;
  const std::uint32_t counted = kCount | kUnit | kNumber;
  std::optional<Core> best;
  auto consider = [&](std::uint32_t starts, auto rule) {
    if (!(r & starts)) return;
    std::optional<Core> k = rule();
    if (k && (!best || k->end > best->end)) best = k;
  };
  if (flags.allow_part) consider(kPart, [&] { return core_part(c, i); });
  consider(kQcode | kOrdinal, [&] { return core_subperiod(c, i); });
  consider(kFiscal, [&] { return core_fiscal(c, i); });
  consider(kNumber, [&] { return core_numeric_date(c, i); });
  consider(kWeekday | kOrdinal | kNumber, [&] { return core_date(c, i); });
  consider(kShift | kMonth, [&] { return core_month(c, i, flags); });
  consider(kUnit | kNumber, [&] { return core_year(c, i); });
  consider(kDecadeHead, [&] { return core_decade(c, i); });
  consider(kShift | kUnit, [&] { return core_relative_unit(c, i, flags); });
  consider(kShift | kSeason, [&] { return core_season(c, i); });
  consider(kDayword, [&] { return core_dayword(c, i); });
  consider(kWeekday, [&] { return core_weekday(c, i); });
  // The rules of counted units all need a unit after the count ("tre anni",
  // "anni"), which most numbers and "un", "una" lack; "ultimi" may come first.
  // Read once here for the four rules.
  if (!(r & (counted | kRecent))) return best;
  const CountedUnit at_i = counted_unit_at(c, i);
  const bool unit_follows = (r & counted) && at_i.unit;
  if (!unit_follows && !(r & kRecent)) return best;
  consider(kRecent | counted, [&] { return core_recent(c, i, at_i); });
  if (!unit_follows) return best;
  consider(counted, [&] { return core_ago(c, at_i); });
  consider(counted, [&] { return core_later(c, at_i); });
  if (flags.duration) consider(counted, [&] { return core_duration(c, at_i); });
  return best;
}

}  // namespace dealscan::timegrammar

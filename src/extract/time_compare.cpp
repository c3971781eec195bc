// compare_times: how two time expressions relate as intervals of days.
#include "dealscan/extract.h"
#include "extract/time_calendar.h"

namespace dealscan {
namespace {

struct Bounds {
  std::optional<timecal::Day> begin, end;
};

Bounds bounds(const TimeExpr& t) {
  return Bounds{timecal::parse_iso(t.begin), timecal::parse_iso(t.end)};
}

// An open interval is compared by its closed end, as a point; e.g. "fino al
// 2030" by 2030-12-31, "dal 2023" by 2023-01-01.
Bounds closed_part(const Bounds& b) {
  if (b.begin && b.end) return b;
  auto p = b.begin ? b.begin : b.end;
  return Bounds{p, p};
}

// For an open end, the whole year/decade (its precision) that the closed end
// closes: "fino al 2030" -> 2030, "fino agli anni Trenta" -> the 2030s.
Bounds closed_unit(const TimeExpr& t, const Bounds& b) {
  if (b.begin && b.end) return b;
  auto p = b.begin ? *b.begin : *b.end;
  auto y = timecal::to_ymd(p);
  if (t.precision == "year") return Bounds{timecal::to_day({y.year, 1, 1}), timecal::to_day({y.year, 12, 31})};
  if (t.precision == "decade") {
    int d = y.year / 10 * 10;
    return Bounds{timecal::to_day({d, 1, 1}), timecal::to_day({d + 9, 12, 31})};
  }
  if (t.precision == "month") return Bounds{timecal::first_of_month(y.year, y.month), timecal::last_of_month(y.year, y.month)};
  return closed_part(b);
}

}  // namespace

TimeRelation compare_times(const TimeExpr& a, const TimeExpr& b) {
  Bounds x = bounds(a), y = bounds(b);
  if ((!x.begin && !x.end) || (!y.begin && !y.end)) return TimeRelation::Unknown;
  bool a_open = !x.begin || !x.end, b_open = !y.begin || !y.end;
  if (a_open && b_open && (bool)x.begin != (bool)y.begin) return TimeRelation::Unknown;  // since vs until
  if (x.begin == y.begin && x.end == y.end) return TimeRelation::Same;
  Bounds p = a_open ? closed_unit(a, x) : x;
  Bounds q = b_open ? closed_unit(b, y) : y;
  bool overlap = *p.begin <= *q.end && *q.begin <= *p.end;
  return overlap ? TimeRelation::Overlap : TimeRelation::Disjoint;
}

}  // namespace dealscan

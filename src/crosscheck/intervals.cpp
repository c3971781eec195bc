// What a figure allows given its qualifier, as an interval of amounts, and
// when two amounts are the same, a rounding, or a slipped scale word.
#include <algorithm>
#include <cmath>
#include <limits>

#include "crosscheck/internal.h"

namespace dealscan::crosscheck {

Interval money_interval(const MoneyMention& m, const Tunables& t) {
  const double v = m.value;
  const double hi = m.max ? std::max(*m.max, v) : v;
  const double inf = std::numeric_limits<double>::infinity();
  const double r = t.rounding_tolerance;
  switch (m.qualifier) {
    case Qualifier::Exact: return {v * (1 - r), hi * (1 + r)};
    case Qualifier::About: return {v * (1 - t.about_width), hi * (1 + t.about_width)};
    case Qualifier::Over: return {hi * (1 + r), hi * (1 + t.over_width)};
    case Qualifier::AtLeast: return {v, inf};
    case Qualifier::UpTo: return {0, hi};
    case Qualifier::Under: return {0, hi * (1 - r)};
    case Qualifier::Nearly: return {v * (1 - t.nearly_width), v * (1 - r)};
  }
  return {v, hi};
}

bool overlaps(const Interval& a, const Interval& b) { return a.lo <= b.hi && b.lo <= a.hi; }

namespace {

// Significant digits of a positive amount: 383e9 -> 3, 1.5e9 -> 2, 400 -> 1.
int significant_digits(double v) {
  if (v <= 0 || !std::isfinite(v)) return 0;
  double mant = v / std::pow(10.0, std::floor(std::log10(v)));  // [1, 10)
  for (int d = 1; d < 8; ++d) {
    double scaled = mant * std::pow(10.0, d - 1);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 8;
}

double round_to_digits(double v, int digits) {
  if (v <= 0) return v;
  double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(v)));
  return std::round(v * scale) / scale;
}

}  // namespace

bool same_amount(double a, double b, const Tunables& t) {
  double big = std::max(std::fabs(a), std::fabs(b));
  double gap = std::fabs(a - b);
  if (gap <= t.rounding_tolerance * big) return true;
  // Rounding to two or more digits moves an amount by at most 5%, so a wider
  // gap needs no digit counting (the common case, and pow/log10 are slow).
  if (gap > kMaxRoundingGap * big) return false;
  // "1,5 miliardi" and "1,52 miliardi" agree; "400" and "393" do not, since a
  // round single digit is as likely a claim of its own as a rounding.
  double coarse = significant_digits(a) <= significant_digits(b) ? a : b;
  double fine = coarse == a ? b : a;
  int digits = significant_digits(coarse);
  return digits >= 2 && std::fabs(round_to_digits(fine, digits) - coarse) <= 1e-9 * big;
}

bool scale_slip(double a, double b) {
  if (a <= 0 || b <= 0) return false;
  double ratio = std::max(a, b) / std::min(a, b);
  for (double s : {1e3, 1e6, 1e9, 1e12})
    if (std::fabs(ratio / s - 1) < 0.005) return true;
  return false;
}

bool close_amount(const MoneyMention& a, const MoneyMention& b, const Tunables& t) {
  if (!a.currency.empty() && !b.currency.empty() && a.currency != b.currency) return false;
  // Point ranges, not qualifier intervals: "fino a 100" must not swallow "10".
  const double w = t.same_value_tolerance;
  Interval ia{a.value * (1 - w), (a.max ? *a.max : a.value) * (1 + w)};
  Interval ib{b.value, b.max ? *b.max : b.value};
  return overlaps(ia, ib) || scale_slip(a.value, b.value);
}

}  // namespace dealscan::crosscheck

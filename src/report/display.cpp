// display_money: the compact, English-style money notation used in tables
// and in the JSON "display" field, so a reader compares figures at a glance.
#include <array>
#include <cmath>
#include <string>

#include "dealscan/report.h"
#include "report/text_util.h"

namespace dealscan {
namespace {

using report_detail::short_number;

struct Scale {
  double factor;
  const char* suffix;
};
constexpr std::array<Scale, 5> kScales = {{{1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}, {1e3, "k"}, {1, ""}}};

const Scale& scale_of(double v) {
  for (const auto& s : kScales)
    if (std::fabs(v) >= s.factor) return s;
  return kScales.back();
}

// Symbols for the common currencies; other ISO codes are written before the
// number with a space ("CHF 3bn").
std::string currency_prefix(const std::string& iso) {
  if (iso == "USD") return "$";
  if (iso == "EUR") return "€";
  if (iso == "GBP") return "£";
  if (iso == "JPY") return "¥";
  if (iso.empty()) return "";
  return iso + " ";
}

std::string qualifier_prefix(Qualifier q) {
  switch (q) {
    case Qualifier::Exact: return "";
    case Qualifier::About: return "~";
    case Qualifier::Over: return ">";
    case Qualifier::AtLeast: return "≥";
    case Qualifier::UpTo: return "≤";
    case Qualifier::Under: return "<";
    case Qualifier::Nearly: return "≲";
  }
  return "";
}

std::string scaled(double v, const Scale& s) { return short_number(v / s.factor) + s.suffix; }

// "100–200bn" when both ends share a scale, "500m–1.2bn" otherwise.
std::string amount(double value, const std::optional<double>& max) {
  const Scale& lo = scale_of(value);
  if (!max || *max == value) return scaled(value, lo);
  const Scale& hi = scale_of(*max);
  if (&lo == &hi) return short_number(value / lo.factor) + "–" + scaled(*max, hi);
  return scaled(value, lo) + "–" + scaled(*max, hi);
}

std::string period_suffix(const std::optional<double>& years) {
  if (!years) return "";
  if (*years == 1) return "/yr";
  return "/" + short_number(*years) + "yr";
}

}  // namespace

std::string display_money(const MoneyMention& m) {
  std::string out = qualifier_prefix(m.qualifier);
  if (m.value < 0) out += "-";
  out += currency_prefix(m.currency);
  std::optional<double> max = m.max;
  if (max && m.value < 0) max = -*max;
  out += amount(std::fabs(m.value), max);
  out += period_suffix(m.period_years);
  return out;
}

}  // namespace dealscan

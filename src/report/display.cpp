// display_money: the compact, English-style money notation used in tables
// and in the JSON "display" field, so a reader compares figures at a glance.
#include <array>
#include <cmath>
#include <string>

#include "dealscan/report.h"
#include "report/text_util.h"

namespace dealscan {
namespace {

using report_detail::append_short_number;

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
void append_currency(std::string& out, const std::string& iso) {
  if (iso == "USD") out += "$";
  else if (iso == "EUR") out += "€";
  else if (iso == "GBP") out += "£";
  else if (iso == "JPY") out += "¥";
  else if (!iso.empty()) (out += iso) += ' ';
}

const char* qualifier_prefix(Qualifier q) {
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

void append_scaled(std::string& out, double v, const Scale& s) {
  append_short_number(out, v / s.factor);
  out += s.suffix;
}

// "100–200bn" when both ends share a scale, "500m–1.2bn" otherwise.
void append_amount(std::string& out, double value, const std::optional<double>& max) {
  const Scale& lo = scale_of(value);
  if (!max || *max == value) return append_scaled(out, value, lo);
  const Scale& hi = scale_of(*max);
  if (&lo == &hi) append_short_number(out, value / lo.factor);
  else append_scaled(out, value, lo);
  out += "–";
  append_scaled(out, *max, hi);
}

void append_period(std::string& out, const std::optional<double>& years) {
  if (!years) return;
  if (*years == 1) {
    out += "/yr";
    return;
  }
  out += '/';
  append_short_number(out, *years);
  out += "yr";
}

}  // namespace

// Built in one string (this runs for every figure of a JSON report).
std::string display_money(const MoneyMention& m) {
  std::string out = qualifier_prefix(m.qualifier);
  if (m.value < 0) out += "-";
  append_currency(out, m.currency);
  std::optional<double> max = m.max;
  if (max && m.value < 0) max = -*max;
  append_amount(out, std::fabs(m.value), max);
  append_period(out, m.period_years);
  return out;
}

}  // namespace dealscan

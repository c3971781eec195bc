// display_money: the compact, English-style money notation used in tables
// and in the JSON "display" field, so a reader compares figures at a glance.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dealscan/report.h"
#include "report/display.h"
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

// Appends s (a literal or a string) to out.
template <class Out>
void put(Out& out, std::string_view s) {
  out.append(s.data(), s.size());
}

// Symbols for the common currencies; other ISO codes are written before the
// number with a space ("CHF 3bn").
// Three bytes as one number, to compare currency codes at once.
constexpr std::uint32_t code3(const char* c) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(c[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(c[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(c[2])) << 16;
}

// The symbol of a common currency's ISO code, or nullptr.
const char* currency_symbol(std::string_view iso) {
  if (iso.size() != 3) return nullptr;
  switch (code3(iso.data())) {
    case code3("USD"): return "$";
    case code3("EUR"): return "€";
    case code3("GBP"): return "£";
    case code3("JPY"): return "¥";
  }
  return nullptr;
}

template <class Out>
void append_currency(Out& out, const std::string& iso) {
  if (const char* symbol = currency_symbol(iso)) put(out, symbol);
  else if (!iso.empty()) put(out, iso), out.push_back(' ');
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

template <class Out>
void append_scaled(Out& out, double v, const Scale& s) {
  append_short_number(out, v / s.factor);
  put(out, s.suffix);
}

// "100–200bn" when both ends share a scale, "500m–1.2bn" otherwise.
template <class Out>
void append_amount(Out& out, double value, const std::optional<double>& max) {
  const Scale& lo = scale_of(value);
  if (!max || *max == value) return append_scaled(out, value, lo);
  const Scale& hi = scale_of(*max);
  if (&lo == &hi) append_short_number(out, value / lo.factor);
  else append_scaled(out, value, lo);
  put(out, "–");
  append_scaled(out, *max, hi);
}

template <class Out>
void append_period(Out& out, const std::optional<double>& years) {
  if (!years) return;
  if (*years == 1) return put(out, "/yr");
  out.push_back('/');
  append_short_number(out, *years);
  put(out, "yr");
}

}  // namespace

namespace report_detail {

template <class Out>
void append_display_money(Out& out, const MoneyMention& m) {
  put(out, qualifier_prefix(m.qualifier));
  if (m.value < 0) out.push_back('-');
  append_currency(out, m.currency);
  std::optional<double> max = m.max;
  if (max && m.value < 0) max = -*max;
  append_amount(out, std::fabs(m.value), max);
  append_period(out, m.period_years);
}

template void append_display_money(std::string&, const MoneyMention&);
template void append_display_money(FixedText<48>&, const MoneyMention&);

void DisplayMoney::make(const MoneyMention& m) {
  fixed_.clear();
  append_display_money(fixed_, m);
  if (fixed_.overflowed()) {
    spare_.clear();
    append_display_money(spare_, m);
  }
}

namespace {

// Do a and b show the same? (All that display_money reads; equal doubles
// are written alike, -0 and 0 too.)
bool same_display(const MoneyMention& a, const MoneyMention& b) {
  return a.value == b.value && a.max == b.max && a.period_years == b.period_years && a.qualifier == b.qualifier &&
         a.currency == b.currency;
}

}  // namespace

std::string_view RecentDisplays::text(const MoneyMention& m) {
  for (std::size_t i = 0; i < used_; ++i)
    if (same_display(*slots_[i].money, m)) return slots_[i].shown.text();
  Slot& slot = slots_[next_];
  next_ = (next_ + 1) % kSlots;
  used_ = std::max(used_, next_ == 0 ? kSlots : next_);
  slot.money = &m;
  slot.shown.make(m);
  return slot.shown.text();
}

}  // namespace report_detail

std::string display_money(const MoneyMention& m) {
  std::string out;
  report_detail::append_display_money(out, m);
  return out;
}

}  // namespace dealscan

// Small UTF-8 helpers for the report writers: terminal columns are counted in
// code points, never bytes, so Italian accents and "€" don't skew tables.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace dealscan::report_detail {

// Number of code points in s (continuation bytes are not counted).
std::size_t utf8_width(std::string_view s);

// s cut to at most width code points, ending in "…" when cut.
// "Amazon Web Services", 8 => "Amazon …"
std::string utf8_truncate(std::string_view s, std::size_t width);

// s padded with spaces on the right to width code points (never cut).
std::string pad_right(std::string_view s, std::size_t width);

// The sentence trimmed to about context code points either side of needle,
// with "…" where it was cut; the whole sentence when needle is not found
// near enough or the sentence is short.
std::string trim_around(std::string_view sentence, std::string_view needle, std::size_t context);

// "1.5", "38", "383.2": at most three decimals, trailing zeros dropped.
std::string short_number(double v);
// short_number(v) by printf's "%.3f" (the exact binary value, correctly
// rounded): for the values append_short_number cannot round by itself.
std::string short_number_exact(double v);

// Appends short_number(v) to out: a std::string, or any text with
// append(const char*, n) and push_back(char).
template <class Out>
void append_short_number(Out& out, double v) {
  // Below 1e9, v * 1000 is within 2^-13 of its exact value; when that is
  // clearly (0.4) nearer one integer n than any other, n thousandths is the
  // correct rounding, and only halfway cases need the exact formatter.
  const double thousandths = v * 1000;
  const double n = std::nearbyint(thousandths);
  if (!(std::fabs(v) < 1e9) || !(std::fabs(thousandths - n) <= 0.4)) {
    const std::string exact = short_number_exact(v);
    out.append(exact.data(), exact.size());
    return;
  }
  auto units = static_cast<long long>(n);
  if (units < 0) {
    out.push_back('-');
    units = -units;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, units / 1000);
  out.append(buf, static_cast<std::size_t>(end - buf));
  auto frac = static_cast<int>(units % 1000);
  if (frac == 0) return;
  char digits[4] = {'.', static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                    static_cast<char>('0' + frac % 10)};
  std::size_t len = 4;
  while (digits[len - 1] == '0') --len;
  out.append(digits, len);
}

}  // namespace dealscan::report_detail

// Small UTF-8 helpers for the report writers: terminal columns are counted in
// code points, never bytes, so Italian accents and "€" don't skew tables.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "report/digits.h"

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
// append(const char*, n).
template <class Out>
void append_short_number(Out& out, double v) {
  // Below 1e9, v * 1000 is within 2^-13 of its exact value; when that is
  // clearly (0.4) nearer one integer n than any other, n thousandths is the
  // correct rounding, and only halfway cases need the exact formatter. The
  // nearest integer is found by adding a half and truncating.
  const double thousandths = v * 1000;
  long long units = 0;
  if (std::fabs(v) < 1e9) units = static_cast<long long>(thousandths + (thousandths < 0 ? -0.5 : 0.5));
  if (!(std::fabs(v) < 1e9) || !(std::fabs(thousandths - static_cast<double>(units)) <= 0.4)) {
    const std::string exact = short_number_exact(v);
    out.append(exact.data(), exact.size());
    return;
  }
  char buf[40];  // sign, up to ten digits, point, three decimals; the digit writer stores past them
  buf[0] = '-';
  const auto magnitude = static_cast<unsigned long long>(units < 0 ? -units : units);
  char* end = digits::put(buf + (units < 0), magnitude / 1000);
  if (const auto frac = static_cast<unsigned>(magnitude % 1000)) {
    // ".d", ".dd" or ".ddd": the three decimals, trailing zeros dropped.
    end[0] = '.';
    end[1] = static_cast<char>('0' + frac / 100);
    std::memcpy(end + 2, digits::kPairs + 2 * (frac % 100), 2);
    end += frac % 100 == 0 ? 2 : frac % 10 == 0 ? 3 : 4;
  }
  out.append(buf, static_cast<std::size_t>(end - buf));
}

}  // namespace dealscan::report_detail

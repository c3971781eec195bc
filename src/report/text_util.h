// Small UTF-8 helpers for the report writers: terminal columns are counted in
// code points, never bytes, so Italian accents and "€" don't skew tables.
#pragma once

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
// Appends short_number(v) to out.
void append_short_number(std::string& out, double v);

}  // namespace dealscan::report_detail

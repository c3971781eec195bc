#include "ingest/date_marker.h"

namespace dealscan::ingest {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the horizontal space at s[i] (space, tab, U+00A0), else 0.
std::size_t hspace(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  return 0;
}

// Length of anything that may precede the marker at s[i], else 0.
std::size_t leading_space(std::string_view s, std::size_t i) {
  if (std::size_t h = hspace(s, i)) return h;
  if (s[i] == '\n' || s[i] == '\r') return 1;
  if (s.compare(i, 3, "\xEF\xBB\xBF") == 0 || s.compare(i, 3, "\xE2\x80\x8B") == 0) return 3;  // BOM, ZWSP
  return 0;
}

bool digits(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) return false;
  for (std::size_t k = 0; k < n; ++k)
    if (!is_digit(s[i + k])) return false;
  return true;
}

int number(std::string_view s, std::size_t i, std::size_t n) {
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) v = v * 10 + (s[i + k] - '0');
  return v;
}

bool valid_date(int y, int m, int d) {
  if (m < 1 || m > 12) return false;
  if (d == 0) return true;  // month precision
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d >= 1 && d <= max;
}

}  // namespace

std::optional<DateMarker> find_date_marker(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = leading_space(s, i);
    if (!n) break;
    i += n;
  }
  std::size_t begin = i;
  if (i + 4 > s.size()) return std::nullopt;
  for (std::size_t k = 0; k < 4; ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != "date"[k]) return std::nullopt;
  }
  i += 4;
  bool colon = i < s.size() && s[i] == ':';
  if (colon) ++i;
  std::size_t gap = 0;
  while (std::size_t h = hspace(s, i)) {
    i += h;
    ++gap;
  }
  if (!gap && !colon) return std::nullopt;
  // YYYY-MM or YYYY-MM-DD
  if (!digits(s, i, 4) || i + 7 > s.size() || s[i + 4] != '-' || !digits(s, i + 5, 2)) return std::nullopt;
  int y = number(s, i, 4), m = number(s, i + 5, 2), d = 0;
  std::size_t date_begin = i;
  i += 7;
  if (i + 3 <= s.size() && s[i] == '-' && digits(s, i + 1, 2)) {
    d = number(s, i + 1, 2);
    i += 3;
  }
  std::size_t date_end = i;
  // The marker must end here.
  if (i < s.size() && !hspace(s, i) && s[i] != '\n' && s[i] != '\r') return std::nullopt;
  DateMarker out;
  out.marker = std::string(s.substr(begin, date_end - begin));
  if (valid_date(y, m, d)) out.date = std::string(s.substr(date_begin, date_end - date_begin));
  while (std::size_t h = hspace(s, i)) i += h;
  if (s.compare(i, 2, "\r\n") == 0) {
    i += 2;
  } else if (i < s.size() && (s[i] == '\n' || s[i] == '\r')) {
    ++i;
  }
  out.end = i;
  return out;
}

}  // namespace dealscan::ingest

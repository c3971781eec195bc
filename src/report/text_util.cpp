#include "report/text_util.h"

#include <fmt/format.h>

namespace dealscan::report_detail {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset of the code point n code points after byte pos (clamped).
std::size_t advance(std::string_view s, std::size_t pos, std::size_t n) {
  while (pos < s.size() && n > 0) {
    ++pos;
    while (pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos]))) ++pos;
    --n;
  }
  return pos;
}

// Byte offset n code points before pos (clamped at 0).
std::size_t retreat(std::string_view s, std::size_t pos, std::size_t n) {
  while (pos > 0 && n > 0) {
    --pos;
    while (pos > 0 && is_continuation(static_cast<unsigned char>(s[pos]))) --pos;
    --n;
  }
  return pos;
}

}  // namespace

std::size_t utf8_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += !is_continuation(c);
  return n;
}

std::string utf8_truncate(std::string_view s, std::size_t width) {
  if (utf8_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  return std::string(s.substr(0, advance(s, 0, width - 1))) + "…";
}

std::string pad_right(std::string_view s, std::size_t width) {
  std::string out(s);
  for (std::size_t w = utf8_width(s); w < width; ++w) out += ' ';
  return out;
}

std::string trim_around(std::string_view sentence, std::string_view needle, std::size_t context) {
  std::size_t at = needle.empty() ? std::string_view::npos : sentence.find(needle);
  if (at == std::string_view::npos) at = 0;
  std::size_t end = at + needle.size();
  std::size_t from = retreat(sentence, at, context);
  std::size_t to = advance(sentence, end, context);
  // Cut at a space so words stay whole.
  if (from > 0) {
    std::size_t sp = sentence.find(' ', from);
    if (sp != std::string_view::npos && sp < at) from = sp + 1;
  }
  if (to < sentence.size()) {
    std::size_t sp = sentence.rfind(' ', to);
    if (sp != std::string_view::npos && sp > end) to = sp;
  }
  std::string out;
  if (from > 0) out += "…";
  out += sentence.substr(from, to - from);
  if (to < sentence.size()) out += "…";
  return out;
}

std::string short_number_exact(double v) {
  std::string s = fmt::format("{:.3f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string short_number(double v) {
  std::string s;
  append_short_number(s, v);
  return s;
}

}  // namespace dealscan::report_detail

#include "report/json_writer.h"

#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::report_detail {
namespace {

// The length of the UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0
// when it is not strict UTF-8 (overlong, surrogate, past U+10FFFF, cut short):
// the sequences nlohmann's decoder accepts.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b >= 0xC2 && b <= 0xDF) n = 1;
  else if (b == 0xE0) n = 2, lo = 0xA0;
  else if (b == 0xED) n = 2, hi = 0x9F;
  else if (b >= 0xE1 && b <= 0xEF) n = 2;
  else if (b == 0xF0) n = 3, lo = 0x90;
  else if (b == 0xF4) n = 3, hi = 0x8F;
  else if (b >= 0xF1 && b <= 0xF3) n = 3;
  else return 0;
  if (i + n >= s.size()) return 0;
  for (std::size_t k = 1; k <= n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return 0;
  }
  return n + 1;
}

// A mask with the high bit set in each of w's bytes that needs a look
// (>= 0x80, < 0x20, '"' or '\\'), bytes in memory order little-endian. Bits
// above the lowest may be false (a borrow runs up), the lowest is exact: the
// bit tricks from "Bit Twiddling Hacks".
std::uint64_t look_mask(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero_bytes = [&](std::uint64_t x) { return (x - kOnes) & ~x; };
  const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  return (w | ((w - kOnes * 0x20) & ~w) | zero_bytes(quote) | zero_bytes(backslash)) & kHigh;
}

std::uint64_t load_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Position of the first byte that needs a look in a word with a nonzero mask.
std::size_t first_marked(std::uint64_t mask) { return static_cast<std::size_t>(std::countr_zero(mask)) / 8; }

// Does byte c need a look ('"', '\\', < 0x20 or >= 0x80)?
bool needs_look(char c) { return static_cast<signed char>(c) < 0x20 || c == '"' || c == '\\'; }

#if defined(__SSE2__)
// Bit k set when byte p[k] of the 16 at p needs a look: exact per byte. A
// signed compare with 0x20 takes in the bytes >= 0x80 too.
unsigned look_bits16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const __m128i low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), low_or_high)));
}
#endif

// The first position from i on that is not a plain byte (s.size() if none):
// sixteen bytes at a time where SSE2 is there, else eight; the last few bytes
// of a long string in one more word that overlaps bytes already seen.
std::size_t plain_prefix(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16)
    if (const unsigned m = look_bits16(s.data() + i)) return i + static_cast<std::size_t>(std::countr_zero(m));
  if (i == n) return n;
  if (n >= 16) {
    const std::size_t from = n - 16;
    const unsigned m = look_bits16(s.data() + from) >> (i - from);  // bits of bytes from i on
    return m ? i + static_cast<std::size_t>(std::countr_zero(m)) : n;
  }
#endif
  for (; i + 8 <= n; i += 8)
    if (const std::uint64_t m = look_mask(load_word(s.data() + i))) return i + first_marked(m);
  if (i == n) return n;
  if (n >= 8) {
    // The bytes before i read as spaces: a mark there could carry a false one up to i.
    constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
    const std::size_t from = n - 8, seen = i - from;  // seen: 1..7
    const std::uint64_t seen_bits = (std::uint64_t{1} << (8 * seen)) - 1;
    const std::uint64_t w = (load_word(s.data() + from) & ~seen_bits) | (kSpaces & seen_bits);
    const std::uint64_t m = look_mask(w);
    return m ? from + first_marked(m) : n;
  }
  while (i < n && !needs_look(s[i])) ++i;  // a short string: a few bytes
  return i;
}

// The first position from i on that escaping changes: a '"', '\\', control
// byte or byte of invalid UTF-8 (s.size() if none). Valid UTF-8 is passed
// inside the same scan, sixteen bytes at a time where SSE2 is there, instead
// of restarting plain_prefix after each accented letter.
std::size_t escape_at(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
#if defined(__SSE2__)
  if (n >= 16) {
    for (; i + 16 <= n;) {
      const unsigned m = look_bits16(s.data() + i);
      if (m == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(m));
      if (static_cast<unsigned char>(s[i]) < 0x80) return i;
      const std::size_t len = sequence_length(s, i);
      if (len == 0) return i;
      i += len;
    }
    // The last bytes: one block ending at n, its bits from i on.
    if (i >= n) return n;
    const std::size_t from = n - 16;
    unsigned m = look_bits16(s.data() + from) >> (i - from);
    while (m) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(m));
      if (static_cast<unsigned char>(s[at]) < 0x80) return at;
      const std::size_t len = sequence_length(s, at);
      if (len == 0) return at;
      if (at + len >= n) return n;
      m >>= at + len - i;
      i = at + len;
    }
    return n;
  }
  if (n < 16) {
    // A short string (most field values): byte by byte, no call per letter.
    while (i < n) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!needs_look(static_cast<char>(c))) {
        ++i;
        continue;
      }
      if (c < 0x80) return i;
      const std::size_t len = sequence_length(s, i);
      if (len == 0) return i;
      i += len;
    }
    return n;
  }
#endif
  while ((i = plain_prefix(s, i)) < n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) break;
    const std::size_t len = sequence_length(s, i);  // UTF-8 goes out as it is
    if (len == 0) break;
    i += len;
  }
  return i;
}

}  // namespace

std::size_t JsonWriter::plain_length(std::string_view v) {
  // Most field values are short: two overlapping loads cover 4 to 15 bytes,
  // and a string none of whose bytes needs a look is plain as a whole (the
  // lowest marked byte of a word is always marked).
  const std::size_t n = v.size();
  if (n >= 4 && n < 16) {
    std::uint64_t a, b;
    if (n >= 8) {
      a = load_word(v.data());
      b = load_word(v.data() + n - 8);
    } else {
      constexpr std::uint64_t kSpacesHigh = 0x2020202000000000ull;  // the upper half reads as spaces
      std::uint32_t lo, hi;
      std::memcpy(&lo, v.data(), 4);
      std::memcpy(&hi, v.data() + n - 4, 4);
      if constexpr (std::endian::native == std::endian::big) lo = __builtin_bswap32(lo), hi = __builtin_bswap32(hi);
      a = lo | kSpacesHigh;
      b = hi | kSpacesHigh;
    }
    if (!look_mask(a) && !look_mask(b)) return n;
  }
  return escape_at(v, 0);
}

std::size_t JsonWriter::put_count(char* buf, std::size_t v) {
  return static_cast<std::size_t>(std::to_chars(buf, buf + 20, v).ptr - buf);
}

void JsonWriter::newline(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

JsonWriter& JsonWriter::open(char c) {
  before_value();
  out_ += c;
  items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  const bool empty = items_.back() == 0;
  items_.pop_back();
  if (!empty && indent_ >= 0) newline(items_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  // Keys are short plain names: quoted with the colon in one append.
  constexpr std::size_t kShort = 48;
  if (k.size() <= kShort && plain_prefix(k, 0) == k.size()) {
    char buf[kShort + 4];
    buf[0] = '"';
    std::memcpy(buf + 1, k.data(), k.size());
    std::size_t len = k.size() + 1;
    buf[len++] = '"';
    buf[len++] = ':';
    if (indent_ >= 0) buf[len++] = ' ';
    out_.append(buf, len);
  } else {
    escaped(k);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(double v) {
  before_value();
  if (!std::isfinite(v)) {
    out_ += "null";
    return *this;
  }
  // A whole number below 10^15 (amounts mostly are): nlohmann writes its
  // digits and ".0", so no shortest-digits search is needed. Zero keeps its sign below.
  if (v != 0 && std::fabs(v) < 1e15 && v == std::trunc(v)) {
    char digits[24];
    char* p = digits;
    if (v < 0) *p++ = '-';
    p = std::to_chars(p, digits + sizeof digits, static_cast<std::uint64_t>(std::fabs(v))).ptr;
    *p++ = '.';
    *p++ = '0';
    out_.append(digits, p);
    return *this;
  }
  // nlohmann's own shortest round-trip digits, "1e16" written "1e+16".
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::value(bool v) {
  before_value();
  out_ += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& s : items) value(s);
  return end_array();
}

void JsonWriter::escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t start = out_.size();
  out_ += '"';
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the bytes copied as they are
  for (std::size_t i = 0; i < n;) {
    i = escape_at(s, i);
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Invalid UTF-8, rare (decoding already replaced bad bytes): let nlohmann do the replacing.
      out_.resize(start);
      out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    out_.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
    }
  }
  out_.append(s.data() + run, n - run);
  out_ += '"';
}

}  // namespace dealscan::report_detail

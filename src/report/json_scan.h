// Byte tests shared by the JSON writers: which bytes of a string escaping
// may change ('"', '\\', control bytes, and bytes >= 0x80 whose UTF-8 must be
// checked), a word or sixteen bytes at a time.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::report_detail::json_scan {

// The length of the UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0
// when it is not strict UTF-8 (overlong, surrogate, past U+10FFFF, cut short):
// the sequences nlohmann's decoder accepts.
inline std::size_t sequence_length(std::string_view s, std::size_t i) {
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
[[gnu::always_inline]] inline std::uint64_t look_mask(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto zero_bytes = [&](std::uint64_t x) { return (x - kOnes) & ~x; };
  const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  return (w | ((w - kOnes * 0x20) & ~w) | zero_bytes(quote) | zero_bytes(backslash)) & kHigh;
}

[[gnu::always_inline]] inline std::uint64_t load_word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Four bytes as the low half of a word whose high half reads as spaces
// (plain), so look_mask sees only those four.
[[gnu::always_inline]] inline std::uint64_t load_half_word(const char* p) {
  constexpr std::uint64_t kSpacesHigh = 0x2020202000000000ull;
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
  return w | kSpacesHigh;
}

// Position of the first byte that needs a look in a word with a nonzero mask.
inline std::size_t first_marked(std::uint64_t mask) { return static_cast<std::size_t>(std::countr_zero(mask)) / 8; }

// Does byte c need a look ('"', '\\', < 0x20 or >= 0x80)?
[[gnu::always_inline]] inline bool needs_look(char c) { return static_cast<signed char>(c) < 0x20 || c == '"' || c == '\\'; }

#if defined(__SSE2__)
// Bit k set when byte k of v needs a look: exact per byte. A signed compare
// with 0x20 takes in the bytes >= 0x80 too.
[[gnu::always_inline]] inline unsigned look_bits16(__m128i v) {
  const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
  const __m128i low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), low_or_high)));
}
[[gnu::always_inline]] inline __m128i load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
[[gnu::always_inline]] inline unsigned look_bits16(const char* p) { return look_bits16(load16(p)); }
#endif

// Whether none of the n bytes at p (4 <= n < 16) needs a look: two
// overlapping loads (eight bytes each from 8 on, four below) checked at once.
[[gnu::always_inline]] inline bool short_plain(const char* p, std::size_t n) {
#if defined(__SSE2__)
  __m128i v;
  unsigned used;  // bits of the lanes loaded
  if (n >= 8) {
    std::int64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
    v = _mm_set_epi64x(b, a);
    used = 0xFFFF;
  } else {
    std::int32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    v = _mm_set_epi32(0, b, 0, a);
    used = 0x0F0F;
  }
  return (look_bits16(v) & used) == 0;
#else
  if (n >= 8) return !(look_mask(load_word(p)) | look_mask(load_word(p + n - 8)));
  return !(look_mask(load_half_word(p)) | look_mask(load_half_word(p + n - 4)));
#endif
}

// Whether none of the n bytes at p (1 <= n < 4) needs a look: the first,
// middle and last byte cover them all.
[[gnu::always_inline]] inline bool tiny_plain(const char* p, std::size_t n) {
  return !needs_look(p[0]) && !needs_look(p[n / 2]) && !needs_look(p[n - 1]);
}

// The JSON escape of an ASCII byte that needs one ('"', '\\' or a control
// byte) at out, as nlohmann writes it; its length (2 or 6).
inline std::size_t put_escape(char* out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out[0] = '\\';
  switch (c) {
    case '"': out[1] = '"'; return 2;
    case '\\': out[1] = '\\'; return 2;
    case '\b': out[1] = 'b'; return 2;
    case '\f': out[1] = 'f'; return 2;
    case '\n': out[1] = 'n'; return 2;
    case '\r': out[1] = 'r'; return 2;
    case '\t': out[1] = 't'; return 2;
    default:
      std::memcpy(out + 1, "u00", 3);
      out[4] = kHex[c >> 4];
      out[5] = kHex[c & 0xF];
      return 6;
  }
}

}  // namespace dealscan::report_detail::json_scan

// ASCII and Latin-1 lower-casing for Italian word matching, without ICU's
// full case mapping on the hot path: "È" -> "è", "PIÙ" -> "più". Letters
// outside U+00C0..U+00DE keep their case (the lexicons are written in lower case).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::text {

// Eight ASCII bytes (none >= 0x80) with 'A'-'Z' lowered: per byte, the high
// bit of b + (0x80 - 'A') says b >= 'A' and that of b + (0x7F - 'Z') says
// b > 'Z' (no carries: b < 0x80); the difference is moved onto bit 0x20.
inline std::uint64_t lower_ascii_word(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const std::uint64_t at_least_a = w + kOnes * (0x80 - 'A');
  const std::uint64_t above_z = w + kOnes * (0x7F - 'Z');
  return w | ((at_least_a & ~above_z & kHigh) >> 2);
}

inline void lower_latin_in_place(std::string& s) {
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    // Plain ASCII text goes eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      w = lower_ascii_word(w);
      std::memcpy(s.data() + i, &w, 8);
      i += 8;
    }
    if (i >= n) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      s[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < n) {
      // U+00C0..U+00DE (but U+00D7, the multiplication sign) -> +0x20.
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) s[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
}

// Sixteen ASCII bytes at in (none >= 0x80) with 'A'-'Z' lowered, stored at out.
inline void lower_ascii_16(const char* in, char* out) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const __m128i capital = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_or_si128(v, _mm_and_si128(capital, _mm_set1_epi8(0x20))));
#else
  for (int half = 0; half < 16; half += 8) {
    std::uint64_t w;
    std::memcpy(&w, in + half, 8);
    w = lower_ascii_word(w);
    std::memcpy(out + half, &w, 8);
  }
#endif
}

// How many of the sixteen bytes at p, from the first, are ASCII (16: all).
inline unsigned ascii_prefix_16(const char* p) {
#if defined(__SSE2__)
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
  return high ? static_cast<unsigned>(__builtin_ctz(high)) : 16u;
#else
  unsigned k = 0;
  while (k < 16 && static_cast<unsigned char>(p[k]) < 0x80) ++k;
  return k;
#endif
}

// lower_latin_in_place's result, read from s and written to out (no copy
// first): sixteen ASCII bytes at a time, each character beyond ASCII as
// lower_latin_in_place treats it (so a byte after 0xC3 is never lowered as
// ASCII, even when the text is not UTF-8).
inline std::string lower_latin(std::string_view s) {
  const std::size_t n = s.size();
  std::string out(n, '\0');
  const char* in = s.data();
  char* to = out.data();
  std::size_t i = 0;
  while (i < n) {
    if (i + 16 <= n) {
      // The block is stored lowered whole: its bytes from the first beyond
      // ASCII on are written again below (it reads s, not out).
      lower_ascii_16(in + i, to + i);
      const unsigned ascii = ascii_prefix_16(in + i);
      i += ascii;
      if (ascii == 16) continue;
    }
    const auto c = static_cast<unsigned char>(in[i]);
    if (c >= 'A' && c <= 'Z') {
      to[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < n) {
      // U+00C0..U+00DE (but U+00D7, the multiplication sign) -> +0x20.
      const auto d = static_cast<unsigned char>(in[i + 1]);
      to[i] = static_cast<char>(c);
      to[i + 1] = static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
    } else {
      to[i] = static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

// out = lower_latin(text), reusing out's buffer. (Documents are lowered
// once, by DocumentText, and shared by the extractors.)
inline void assign_lowered(std::string_view text, std::string& out) {
  out.assign(text);
  lower_latin_in_place(out);
}

}  // namespace dealscan::text

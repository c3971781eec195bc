// ASCII and Latin-1 lower-casing for Italian word matching, without ICU's
// full case mapping on the hot path: "È" -> "è", "PIÙ" -> "più". Letters
// outside U+00C0..U+00DE keep their case (the lexicons are written in lower case).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

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

inline std::string lower_latin(std::string_view s) {
  std::string out(s);
  lower_latin_in_place(out);
  return out;
}

// out = lower_latin(text), reusing out's buffer. (Documents are lowered
// once, by DocumentText, and shared by the extractors.)
inline void assign_lowered(std::string_view text, std::string& out) {
  out.assign(text);
  lower_latin_in_place(out);
}

}  // namespace dealscan::text

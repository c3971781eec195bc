// ASCII and Latin-1 lower-casing for Italian word matching, without ICU's
// full case mapping on the hot path: "È" -> "è", "PIÙ" -> "più". Letters
// outside U+00C0..U+00DE keep their case (the lexicons are written in lower case).
#pragma once

#include <string>
#include <string_view>

namespace dealscan::text {

inline void lower_latin_in_place(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      s[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
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

}  // namespace dealscan::text

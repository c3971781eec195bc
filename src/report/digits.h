// Unsigned integers in decimal, as std::to_chars writes them, inline: the
// report writes offsets, counts, amounts and display numbers by the
// thousand, and the generic to_chars (a call, a length loop) cost several
// times more than the digits themselves.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace dealscan::report_detail::digits {

// "00" to "99".
inline constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// kPowers[k] = 10^k.
inline constexpr auto kPowers = [] {
  std::array<std::uint64_t, 20> p{};
  p[0] = 1;
  for (std::size_t k = 1; k < p.size(); ++k) p[k] = p[k - 1] * 10;
  return p;
}();

// Number of decimal digits of v (1 for 0): from its bit length (log10(2) is
// about 1233/4096), which gives it or one more, and one compare.
[[gnu::always_inline]] inline int count(std::uint64_t v) {
  const int t = (static_cast<int>(std::bit_width(v | 1)) * 1233) >> 12;  // 0..19
  return t + 1 - ((v | 1) < kPowers[t]);
}

// The eight digits of v (< 10^8, leading zeros included) as ASCII bytes in
// memory order, all at once: v split into lanes of 32, then 16, then 8 bits,
// each lane divided by a multiply and a shift (SWAR).
[[gnu::always_inline]] inline std::uint64_t eight_digits(std::uint32_t v) {
  std::uint64_t x = (v / 10000) | (static_cast<std::uint64_t>(v % 10000) << 32);  // abcd | efgh
  const std::uint64_t hundreds = ((x * 10486) >> 20) & 0x0000007F0000007Full;     // ab | ef
  x = hundreds | ((x - hundreds * 100) << 16);                                    // ab cd ef gh
  const std::uint64_t tens = ((x * 103) >> 10) & 0x000F000F000F000Full;           // a c e g
  x = tens | ((x - tens * 10) << 8);                                              // a b c d e f g h
  return x + 0x3030303030303030ull;
}

// The last len (1..8) digits of v (< 10^8) at p, as eight bytes stored (the
// ones past len are zero); p + len.
[[gnu::always_inline]] inline char* put_short(char* p, std::uint32_t v, int len) {
  const std::uint64_t x = eight_digits(v) >> (8 * (8 - len));
  std::memcpy(p, &x, 8);
  return p + len;
}

// The len digits of v written backwards from p + len, two at a time; p + len.
template <class U>
[[gnu::always_inline]] inline char* put_len(char* p, U v, int len) {
  char* const end = p + len;
  char* q = end;
  for (; v >= 100; v /= 100) {
    q -= 2;
    std::memcpy(q, kPairs + 2 * (v % 100), 2);
  }
  if (v >= 10)
    std::memcpy(q - 2, kPairs + 2 * v, 2);
  else
    q[-1] = static_cast<char>('0' + v);
  return end;
}

// v in decimal at p; the end. Room for twenty bytes (up to eight are
// written past the end). Below a million (offsets, counts, display numbers)
// two digits a step; amounts, longer, eight at a time.
[[gnu::always_inline]] inline char* put(char* p, std::uint64_t v) {
  constexpr std::uint64_t k8 = 100000000;
  if (v < 1000000) {
    const auto x = static_cast<std::uint32_t>(v);
    return put_len(p, x, x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : 6);
  }
  if (v < k8) return put_short(p, static_cast<std::uint32_t>(v), count(v));
  if (v >= k8 * k8) return put_len(p, v, count(v));
  const std::uint64_t high = v / k8;
  p = put_short(p, static_cast<std::uint32_t>(high), count(high));
  const std::uint64_t low = eight_digits(static_cast<std::uint32_t>(v % k8));
  std::memcpy(p, &low, 8);
  return p + 8;
}

}  // namespace dealscan::report_detail::digits

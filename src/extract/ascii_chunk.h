// Eight bytes of text classified at once (capitals, small letters, digits),
// for the tokenizers' word scans: most of a document is ASCII words, and
// testing them a byte at a time was most of what tokenizing cost.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::text {

inline constexpr std::uint64_t kByteOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kByteHighs = 0x8080808080808080ull;

// High bit of each byte of w (all < 0x80) set where the byte is in [lo, hi]:
// the high bit of b + (0x80 - c) says b >= c, without carries while b < 0x80.
// A byte >= 0x80 may carry into the bytes after it: AsciiChunk cuts there.
constexpr std::uint64_t bytes_in(std::uint64_t w, unsigned char lo, unsigned char hi) {
  const std::uint64_t at_least_lo = w + kByteOnes * (0x80u - lo);
  const std::uint64_t above_hi = w + kByteOnes * (0x7Fu - hi);
  return at_least_lo & ~above_hi & kByteHighs;
}

// The eight bytes of text at pos (pos + 8 <= text.size()): how many of them,
// from the first, are ASCII letters or digits (`run`), and which of those are
// capitals, small letters and digits (high bit of each byte, bytes past run
// cleared).
struct AsciiChunk {
  std::uint64_t bytes = 0;  // as loaded, little-endian: byte k is text[pos + k]
  std::uint64_t upper = 0, lower = 0, digit = 0;
  unsigned run = 0;  // 0..8

  static AsciiChunk at(std::string_view text, std::size_t pos) {
    AsciiChunk c;
    std::memcpy(&c.bytes, text.data() + pos, 8);
    // Letters of either case at once: setting bit 0x20 lowers 'A'-'Z' and
    // takes no other byte below 0x80 into 'a'-'z'; a capital is a letter
    // whose bit 0x20 is clear (shifted up onto the byte's high bit).
    const std::uint64_t letter = bytes_in(c.bytes | (kByteOnes * 0x20), 'a', 'z');
    const std::uint64_t dig = bytes_in(c.bytes, '0', '9');
    const std::uint64_t stop = (~(letter | dig) | c.bytes) & kByteHighs;
    c.run = static_cast<unsigned>(std::countr_zero(stop)) / 8;  // 64 / 8 when none stops
    const std::uint64_t keep = (stop & (~stop + 1)) - 1;       // bits below the first stop (all when none)
    c.upper = letter & ~(c.bytes << 2) & keep;
    c.lower = letter & keep & ~c.upper;
    c.digit = dig & keep;
    return c;
  }
  // The bytes with 'A'-'Z' lowered (exact for the first run bytes).
  std::uint64_t folded() const { return bytes | (upper >> 2); }
};

// The sixteen bytes of text at pos (pos + 16 <= text.size()), as AsciiChunk
// reads eight but with one bit per byte (bit k for text[pos + k]): a word
// of up to fifteen bytes (most Italian words) ends inside its first chunk.
// The folded bytes are stored at key (16 bytes of room) rather than kept.
struct AsciiChunk16 {
  std::uint32_t upper = 0, lower = 0, digit = 0;
  unsigned run = 0;  // 0..16

  static AsciiChunk16 fold_at(std::string_view text, std::size_t pos, char* key) {
    AsciiChunk16 c;
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
    // Signed compares: bytes >= 0x80 are negative, below every range.
    const __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const __m128i upper = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8(0x20)), letter);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(key), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    const auto letters = static_cast<std::uint32_t>(_mm_movemask_epi8(letter));
    const auto digits = static_cast<std::uint32_t>(_mm_movemask_epi8(digit));
    const auto uppers = static_cast<std::uint32_t>(_mm_movemask_epi8(upper));
#else
    std::uint32_t letters = 0, digits = 0, uppers = 0;
    for (unsigned k = 0; k < 16; ++k) {
      const auto b = static_cast<unsigned char>(text[pos + k]);
      const bool up = b >= 'A' && b <= 'Z', lo = b >= 'a' && b <= 'z';
      letters |= static_cast<std::uint32_t>(up || lo) << k;
      digits |= static_cast<std::uint32_t>(b >= '0' && b <= '9') << k;
      uppers |= static_cast<std::uint32_t>(up) << k;
      key[k] = static_cast<char>(up ? b + 32 : b);
    }
#endif
    const std::uint32_t stop = ~(letters | digits) | 0x10000u;  // bit 16: the chunk's end
    c.run = static_cast<unsigned>(std::countr_zero(stop));
    const std::uint32_t keep = (stop & (~stop + 1)) - 1;  // the bits below the first stop
    c.upper = uppers & keep;
    c.lower = letters & keep & ~uppers;
    c.digit = digits & keep;
    return c;
  }
};

// One past the run of ASCII letters (and digits, with_digits) starting at
// pos in text: eight bytes at a time, then byte by byte near the end.
template <bool with_digits>
std::size_t ascii_run_end(std::string_view text, std::size_t pos) {
  for (; pos + 8 <= text.size();) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + pos, 8);
    std::uint64_t in = bytes_in(w | (kByteOnes * 0x20), 'a', 'z');  // letters of either case, as AsciiChunk
    if constexpr (with_digits) in |= bytes_in(w, '0', '9');
    const std::uint64_t stop = (~in & kByteHighs) | (w & kByteHighs);
    if (stop) return pos + static_cast<unsigned>(std::countr_zero(stop)) / 8;
    pos += 8;
  }
  for (; pos < text.size(); ++pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(with_digits && c >= '0' && c <= '9')) break;
  }
  return pos;
}
inline std::size_t ascii_alnum_end(std::string_view text, std::size_t pos) { return ascii_run_end<true>(text, pos); }
inline std::size_t ascii_letters_end(std::string_view text, std::size_t pos) { return ascii_run_end<false>(text, pos); }

// FNV-1a (as entity::hash_key) continued from h over the first n (<= 8)
// bytes of w, in text order, unrolled.
inline std::uint64_t fnv1a_bytes(std::uint64_t h, std::uint64_t w, unsigned n) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  switch (n) {
    case 8: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 7: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 6: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 5: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 4: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 3: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 2: h = (h ^ (w & 0xFF)) * kPrime, w >>= 8; [[fallthrough]];
    case 1: h = (h ^ (w & 0xFF)) * kPrime; [[fallthrough]];
    default: return h;
  }
}

// The same over the first n (<= 16) bytes at p, read from memory: a byte
// costs a load, an xor and a multiply (no shift to bring it down).
[[gnu::always_inline]] inline std::uint64_t fnv1a_mem(std::uint64_t h, const char* p, unsigned n) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  const auto* end = reinterpret_cast<const unsigned char*>(p) + n;  // case k reads byte n - k
  switch (n) {
    case 16: h = (h ^ end[-16]) * kPrime; [[fallthrough]];
    case 15: h = (h ^ end[-15]) * kPrime; [[fallthrough]];
    case 14: h = (h ^ end[-14]) * kPrime; [[fallthrough]];
    case 13: h = (h ^ end[-13]) * kPrime; [[fallthrough]];
    case 12: h = (h ^ end[-12]) * kPrime; [[fallthrough]];
    case 11: h = (h ^ end[-11]) * kPrime; [[fallthrough]];
    case 10: h = (h ^ end[-10]) * kPrime; [[fallthrough]];
    case 9: h = (h ^ end[-9]) * kPrime; [[fallthrough]];
    case 8: h = (h ^ end[-8]) * kPrime; [[fallthrough]];
    case 7: h = (h ^ end[-7]) * kPrime; [[fallthrough]];
    case 6: h = (h ^ end[-6]) * kPrime; [[fallthrough]];
    case 5: h = (h ^ end[-5]) * kPrime; [[fallthrough]];
    case 4: h = (h ^ end[-4]) * kPrime; [[fallthrough]];
    case 3: h = (h ^ end[-3]) * kPrime; [[fallthrough]];
    case 2: h = (h ^ end[-2]) * kPrime; [[fallthrough]];
    case 1: h = (h ^ end[-1]) * kPrime; [[fallthrough]];
    default: return h;
  }
}

}  // namespace dealscan::text

// Eight bytes of text classified at once (capitals, small letters, digits),
// for the tokenizers' word scans: most of a document is ASCII words, and
// testing them a byte at a time was most of what tokenizing cost.
#pragma once

#include <algorithm>
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
    // A byte is in [lo, lo + n] when b - lo (wrapping) is at most n: the
    // unsigned saturating b - lo - n is then zero. One range test a class.
    const __m128i zero = _mm_setzero_si128();
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i low = _mm_or_si128(v, case_bit);
    const __m128i letter =
        _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(low, _mm_set1_epi8('a')), _mm_set1_epi8('z' - 'a')), zero);
    const __m128i digit =
        _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8('9' - '0')), zero);
    const __m128i upper = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(v, case_bit), zero), letter);
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

// The hash of a folded key (entity::hash_key): its bytes read as two
// eight-byte words per sixteen and mixed with its length, a few multiplies
// a key rather than one a byte (FNV-1a's). Every table that keys words by
// it compares the words' bytes too: the hash only spreads them.
inline std::uint64_t mix_key_words(std::uint64_t lo, std::uint64_t hi, std::uint64_t seed) {
  std::uint64_t h = (lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full) ^ seed;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// key_hash of the first n (<= 16) bytes at p, where sixteen bytes may be
// read (the scan's key buffer keeps that room): the bytes past n are masked off.
[[gnu::always_inline]] inline std::uint64_t key_hash_upto16(const char* p, unsigned n) {
  std::uint64_t lo, hi;
  std::memcpy(&lo, p, 8);
  std::memcpy(&hi, p + 8, 8);
  lo &= n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
  hi &= n <= 8 ? 0ull : ~0ull >> (8 * (16 - n));
  return mix_key_words(lo, hi, n);
}

// The hash of any key: sixteen bytes at a time, each block's hash seeding
// the next's (a key of up to sixteen bytes hashes as key_hash_upto16).
inline std::uint64_t key_hash(std::string_view key) {
  char block[16];
  std::size_t at = 0;
  std::uint64_t seed = 0;
  do {
    const std::size_t n = std::min<std::size_t>(16, key.size() - at);
    std::memset(block, 0, sizeof block);
    if (n) std::memcpy(block, key.data() + at, n);
    std::uint64_t lo, hi;
    std::memcpy(&lo, block, 8);
    std::memcpy(&hi, block + 8, 8);
    seed = mix_key_words(lo, hi, seed ^ n);
    at += n;
  } while (at < key.size());
  return seed;
}

}  // namespace dealscan::text

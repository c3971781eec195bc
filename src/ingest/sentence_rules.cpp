#include "ingest/sentence_rules.h"

#include "ingest/mapped_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <bit>
#include <climits>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::ingest {
namespace {

bool is_term(std::uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }

// Classes whose rules (SB3-SB5, SB4's paragraph breaks) are not written here.
bool needs_icu(std::uint8_t c) {
  return c == U_SB_EXTEND || c == U_SB_FORMAT || c == U_SB_SEP || c == U_SB_CR || c == U_SB_LF;
}

std::uint8_t class_of(UChar32 c) { return static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)); }

constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

// High bit of each byte of w in [lo, hi], exact for the bytes below 0x80
// up to the first byte that is not (its carry may spoil the ones after).
constexpr std::uint64_t bytes_in(std::uint64_t w, unsigned char lo, unsigned char hi) {
  return (w + kOnes * (0x80u - lo)) & ~(w + kOnes * (0x7Fu - hi)) & kHighs;
}

bool plain_byte(std::uint8_t b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ' ';
}

// One past the run of ASCII letters, digits and spaces from p[i], eight
// bytes at a time: most of a line, and never a place skimming stops at.
std::size_t skip_plain(const std::uint8_t* p, std::size_t i, std::size_t n) {
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t plain =
        (bytes_in(w | kOnes * 0x20, 'a', 'z') | bytes_in(w, '0', '9') | bytes_in(w, ' ', ' ')) & ~w;
    if (const std::uint64_t other = ~plain & kHighs) return i + static_cast<std::size_t>(std::countr_zero(other)) / 8;
  }
  while (i < n && plain_byte(p[i])) ++i;
  return i;
}

// The ASCII bytes skim() compares sixteen at a time: every terminator and
// line end ICU knows in ASCII (the constructor checks).
constexpr unsigned char kWideStops[] = {'.', '!', '?', '\n', '\r'};

#if defined(__SSE2__)
// Bit k set when p[k] may stop skimming: one of kWideStops, or a byte >= 0x80
// that is not part of a two-byte Latin-1 letter (C3 80..BF) lying wholly in
// the sixteen bytes. Most blocks have neither, and cost a dozen instructions.
unsigned stop_bits16(const std::uint8_t* p) {
  static_assert(sizeof kWideStops == 5);
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto eq = [&](unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  const __m128i stops = _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(kWideStops[0]), eq(kWideStops[1])),
                                                  _mm_or_si128(eq(kWideStops[2]), eq(kWideStops[3]))),
                                     eq(kWideStops[4]));
  const auto stop = static_cast<unsigned>(_mm_movemask_epi8(stops));
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
  if (high == 0) return stop;
  const unsigned pair = latin1_pairs16(v);
  return stop | (high & ~(pair | pair << 1));
}
#endif

}  // namespace

SentenceRules::SentenceRules() {
  for (int b = 0; b < 256; ++b) stop_[b] = b >= 0x80;
  for (UChar32 c = 0; c < 128; ++c) {
    ascii_class_[c] = class_of(c);
    stop_[c] = is_term(ascii_class_[c]) || needs_icu(ascii_class_[c]);
  }
  // Skimming may pass plain bytes and Latin-1 letters (U+00C0..U+00FF) without
  // looking at their classes only if none of them is one to stop at.
  skim_fast_ = true;
  for (int b = 0; b < 128; ++b) skim_fast_ = skim_fast_ && !(plain_byte(static_cast<std::uint8_t>(b)) && stop_[b]);
  for (UChar32 c = 0xC0; c <= 0xFF; ++c) skim_fast_ = skim_fast_ && !is_term(class_of(c)) && !needs_icu(class_of(c));
  auto passes = [](std::uint8_t k) { return !is_term(k) && !needs_icu(k); };
  for (UChar32 c = 0; c < 0x800; ++c) pass2_[c] = c >= 0x80 && passes(class_of(c));
  for (UChar32 c = 0; c < 0x100; ++c) pass_punct_[c] = passes(class_of(0x2000 + c));
  skim_wide_ = skim_fast_;
  for (int b = 0; b < 128; ++b)
    if (stop_[b] && std::memchr(kWideStops, b, sizeof kWideStops) == nullptr) skim_wide_ = false;
}

std::size_t SentenceRules::passable(const std::uint8_t* p, std::size_t i, std::size_t n) const {
  const std::uint8_t b = p[i];
  if (b < 0x80) return stop_[b] ? 0 : 1;
  if (b >= 0xC2 && b <= 0xDF) {
    if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return 0;
    return pass2_[(b & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu)] ? 2 : 0;
  }
  // E2 80..83 xx: U+2000..U+20FF, valid whenever the last byte continues.
  if (b == 0xE2 && i + 2 < n && (p[i + 1] & 0xFC) == 0x80 && (p[i + 2] & 0xC0) == 0x80)
    return pass_punct_[(p[i + 1] & 0x03u) << 6 | (p[i + 2] & 0x3Fu)] ? 3 : 0;
  return 0;
}

std::size_t SentenceRules::skim(const std::uint8_t* p, std::size_t i, std::size_t n) const {
#if defined(__SSE2__)
  if (skim_wide_) {
    while (i + 16 <= n) {
      const unsigned m = stop_bits16(p + i);
      if (m == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(m));
      if (p[i] < 0x80) {  // one of kWideStops
        if (stop_[p[i]]) return i;
        ++i;
        continue;
      }
      const std::size_t len = passable(p, i, n);
      if (len == 0) return i;
      i += len;
    }
  }
#endif
  while (i < n) {
    i = skip_plain(p, i, n);
    if (i >= n) break;
    if (p[i] == 0xC3 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {  // a Latin-1 letter: "è", "À"
      i += 2;
      continue;
    }
    const std::size_t len = passable(p, i, n);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

std::uint8_t SentenceRules::class_of_multibyte(std::string_view line, std::size_t& i) const {
  const auto* p = reinterpret_cast<const std::uint8_t*>(line.data());
  auto pos = static_cast<std::int32_t>(i);
  UChar32 cp;
  U8_NEXT(p, pos, static_cast<std::int32_t>(line.size()), cp);
  i = static_cast<std::size_t>(pos);
  return cp < 0 ? kInvalid : class_of(cp);
}

// Class of the character ending at line[i] (already read, so valid UTF-8).
std::uint8_t SentenceRules::class_before(std::string_view line, std::size_t i) const {
  const auto* p = reinterpret_cast<const std::uint8_t*>(line.data());
  if (p[i - 1] < 0x80) return ascii_class_[p[i - 1]];
  auto pos = static_cast<std::int32_t>(i);
  UChar32 cp;
  U8_PREV(p, 0, pos, cp);
  return cp < 0 ? kInvalid : class_of(cp);
}

// SB8: ATerm Close* Sp* x (not OLetter, Upper, Lower, ParaSep, SATerm)* Lower.
bool SentenceRules::lower_follows(std::string_view line, std::size_t i) const {
  while (i < line.size()) {
    const std::uint8_t c = class_at(line, i);
    if (c == U_SB_LOWER) return true;
    if (c == U_SB_OLETTER || c == U_SB_UPPER || is_term(c) || c == kInvalid || needs_icu(c)) return false;
  }
  return false;
}

std::size_t SentenceRules::after_terminator(std::string_view line, std::size_t term,
                                            std::vector<std::uint32_t>& out) const {
  std::size_t k = term;
  const std::uint8_t t = class_at(line, k);  // k: just past the terminator
  const bool aterm = t == U_SB_ATERM;
  const std::size_t right_after = k;
  bool spaced = false;  // SATerm Close* Sp+ so far, else SATerm Close*
  // SB8's look-ahead skips closing marks and spaces, so it answers the same
  // from anywhere in the context: asked once (else a long run of spaces
  // would be rescanned from each of them).
  int lower_next = -1;  // unknown, 0 no, 1 yes
  while (k < line.size()) {
    std::size_t next = k;
    const std::uint8_t b = class_at(line, next);
    if (b == kInvalid || needs_icu(b)) return std::string_view::npos;
    bool keep = false;
    if (aterm && k == right_after && b == U_SB_NUMERIC) keep = true;  // SB6: "1.5"
    else if (aterm && k == right_after && b == U_SB_UPPER && term > 0 &&
             (class_before(line, term) == U_SB_UPPER || class_before(line, term) == U_SB_LOWER))
      keep = true;                                                 // SB7: "U.S"
    else if (aterm && (lower_next < 0 ? (lower_next = lower_follows(line, k)) : lower_next))
      keep = true;                                                 // SB8: "ecc. e poi"
    else if (b == U_SB_SCONTINUE || is_term(b)) keep = true;       // SB8a: "?!", "., "
    else if (!spaced && b == U_SB_CLOSE) keep = true;              // SB9
    else if (b == U_SB_SP) keep = true;                            // SB9, SB10
    if (!keep) out.push_back(static_cast<std::uint32_t>(k));       // SB11
    // The context goes on through closing marks, then spaces; a terminator starts anew.
    if (b == U_SB_SP) spaced = true;
    else if (is_term(b) || b != U_SB_CLOSE || spaced) return k;
    k = next;
  }
  return k;
}

bool SentenceRules::breaks(std::string_view line, std::vector<std::uint32_t>& out) const {
  out.clear();
  if (line.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  const auto* p = reinterpret_cast<const std::uint8_t*>(line.data());
  const std::size_t n = line.size();
  std::size_t i = 0;
  while (i < n) {
    if (skim_fast_) {
      i = skim(p, i, n);
      if (i >= n) break;
    }
    if (!stop_[p[i]]) {
      ++i;
      continue;
    }
    std::size_t next = i;
    const std::uint8_t c = class_at(line, next);
    if (c == kInvalid || needs_icu(c)) {
      out.clear();
      return false;
    }
    if (!is_term(c)) {
      i = next;
      continue;
    }
    i = after_terminator(line, i, out);
    if (i == std::string_view::npos) {
      out.clear();
      return false;
    }
  }
  out.push_back(static_cast<std::uint32_t>(line.size()));
  return true;
}

}  // namespace dealscan::ingest

// Internal to ingest: UTF-8 text whose every byte remembers the byte offset
// in the original file it came from, plus small UTF-8 helpers shared by the
// decoding, HTML and normalisation steps.
//
//   put(U'è', 7)        appends C3 A8, both mapped to original byte 7
//   copy(in, i, n)      appends in.text[i, i+n) keeping in.offs[i, i+n)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <memory>

#include "dealscan/types.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dealscan::ingest {

inline constexpr char32_t kReplacement = 0xFFFD;

// Appends the UTF-8 encoding of cp (which must be a valid scalar value).
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

inline bool is_scalar(char32_t cp) { return cp < 0x110000 && (cp < 0xD800 || cp > 0xDFFF); }

// Decodes the code point starting at text[i] of text known to be valid UTF-8
// (as produced by the decoder); sets len to its byte length.
inline char32_t next_cp(std::string_view text, std::size_t i, std::size_t& len) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  auto cont = [&](std::size_t k) -> char32_t {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) & 0x3F : 0;
  };
  if (b < 0xE0) {
    len = 2;
    return (char32_t(b & 0x1F) << 6) | cont(1);
  }
  if (b < 0xF0) {
    len = 3;
    return (char32_t(b & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  len = 4;
  return (char32_t(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

#ifdef __SSE2__
// Bit k set when v[k] starts a two-byte Latin-1 letter (C3 80..BF: U+00C0..
// U+00FF) lying wholly in the sixteen bytes, so k + 1 is its second byte.
inline unsigned latin1_pairs16(__m128i v) {
  const auto lead = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC3)))));
  // Continuation bytes 0x80..0xBF are the signed bytes below -64.
  const auto cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
  return lead & (cont >> 1);
}
#endif

// An allocator whose resize() leaves new numbers unset: copy_source writes
// every offset it adds, and zeroing them first cost as much as writing them.
template <class T>
struct UninitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitAllocator<U>;
  };
  UninitAllocator() = default;
  template <class U>
  UninitAllocator(const UninitAllocator<U>&) noexcept {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;  // default-initialised: no zero written
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Fills out[0, n) with orig, orig + 1, ...: four at a time with SSE2, else
// eight stores from one base (-O2 leaves a plain loop of unknown trip count
// scalar).
inline void fill_offsets(std::uint32_t* out, std::size_t n, std::uint32_t orig) {
  std::size_t k = 0;
#ifdef __SSE2__
  // Four offsets a store: a vector of four counts stepped by four.
  __m128i at = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(orig)), _mm_setr_epi32(0, 1, 2, 3));
  const __m128i step = _mm_set1_epi32(4);
  for (; k + 4 <= n; k += 4) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + k), at);
    at = _mm_add_epi32(at, step);
  }
#endif
  for (; k + 8 <= n; k += 8) {
    const auto b = orig + static_cast<std::uint32_t>(k);
    out[k] = b, out[k + 1] = b + 1, out[k + 2] = b + 2, out[k + 3] = b + 3;
    out[k + 4] = b + 4, out[k + 5] = b + 5, out[k + 6] = b + 6, out[k + 7] = b + 7;
  }
  for (; k < n; ++k) out[k] = orig + static_cast<std::uint32_t>(k);
}

// Mapped text read in place: either a MappedText's bytes and offsets, or
// source bytes taken verbatim (offs null), byte i coming from base + i. The
// decoder hands valid UTF-8 over this way instead of copying it.
struct MappedView {
  std::string_view text;
  const std::uint32_t* offs = nullptr;
  std::uint32_t base = 0;

  std::size_t size() const { return text.size(); }
  std::uint32_t at(std::size_t i) const { return offs ? offs[i] : base + static_cast<std::uint32_t>(i); }
  // Appends the offsets of bytes [i, i+n) to out.
  void append_offsets(OffsetMap& out, std::size_t i, std::size_t n) const {
    if (!offs) {
      out.append_run(base + static_cast<std::uint32_t>(i), n);
      return;
    }
    for (std::size_t k = i; k < i + n; ++k) out.push_back(offs[k]);
  }
  template <class Vec>
  void append_offsets(Vec& out, std::size_t i, std::size_t n) const {
    if (offs) {
      out.insert(out.end(), offs + i, offs + i + n);
      return;
    }
    const std::size_t from = out.size();
    out.resize(from + n);
    fill_offsets(out.data() + from, n, base + static_cast<std::uint32_t>(i));
  }
};

struct MappedText {
  std::string text;
  std::vector<std::uint32_t, UninitAllocator<std::uint32_t>> offs;  // offs.size() == text.size()

  void reserve(std::size_t n) {
    text.reserve(n);
    offs.reserve(n);
  }
  std::size_t size() const { return text.size(); }
  // Appends cp; each of its UTF-8 bytes maps to orig.
  void put(char32_t cp, std::uint32_t orig) {
    append_utf8(text, cp);
    offs.resize(text.size(), orig);
  }
  // Appends bytes [i, i+n) of in, keeping their offsets.
  void copy(const MappedView& in, std::size_t i, std::size_t n) {
    text.append(in.text.substr(i, n));
    in.append_offsets(offs, i, n);
  }
  // Appends n bytes of verbatim source starting at original offset orig.
  void copy_source(std::string_view bytes, std::uint32_t orig) {
    text.append(bytes);
    const std::size_t at = offs.size();
    offs.resize(at + bytes.size());  // sized first (unset), then filled
    fill_offsets(offs.data() + at, bytes.size(), orig);
  }
  MappedView view() const { return MappedView{text, offs.data(), 0}; }
};

}  // namespace dealscan::ingest

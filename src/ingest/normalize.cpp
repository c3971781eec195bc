#include "ingest/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dealscan::ingest {
namespace {

using u32 = std::uint32_t;

// Longest run of characters normalised together. Real text has a handful of
// combining marks per letter; capping the run (as UAX #15's stream-safe
// format does) keeps thousands of stacked marks from making ICU's canonical
// reordering quadratic.
constexpr std::size_t kMaxSegment = 32;

const icu::Normalizer2* nfc_instance() {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
  return U_SUCCESS(st) ? n : nullptr;
}

// One code point waiting in the current normalisation segment.
struct Item {
  char32_t cp;
  u32 orig;         // original offset of its first byte
  std::size_t pos;  // where it is in the input
  std::uint8_t len;
  bool folded;  // cp differs from the input bytes
};

// The fold table for single code points (ranges are handled in fold()).
struct FoldEntry {
  char32_t from;
  Fold::Action action;
  char32_t to;
};
constexpr FoldEntry kFolds[] = {
    // Apostrophes and single quotes -> '
    {0x2018, Fold::Replace, '\''},  // ‘
    {0x2019, Fold::Replace, '\''},  // ’
    {0x201B, Fold::Replace, '\''},  // ‛
    {0x2032, Fold::Replace, '\''},  // ′
    {0x02BC, Fold::Replace, '\''},  // ʼ modifier letter apostrophe
    {0x00B4, Fold::Replace, '\''},  // ´ acute accent typed as an apostrophe
    {0xFF07, Fold::Replace, '\''},  // ＇
    // Double quotes and guillemets -> "
    {0x201C, Fold::Replace, '"'},  // “
    {0x201D, Fold::Replace, '"'},  // ”
    {0x201E, Fold::Replace, '"'},  // „
    {0x201F, Fold::Replace, '"'},  // ‟
    {0x00AB, Fold::Replace, '"'},  // «
    {0x00BB, Fold::Replace, '"'},  // »
    {0x2039, Fold::Replace, '"'},  // ‹
    {0x203A, Fold::Replace, '"'},  // ›
    {0x2033, Fold::Replace, '"'},  // ″
    {0xFF02, Fold::Replace, '"'},  // ＂
    // Spaces (U+2000-U+200A below) -> ' '
    {0x00A0, Fold::Replace, ' '},  // no-break space
    {0x1680, Fold::Replace, ' '},  // ogham space mark
    {0x202F, Fold::Replace, ' '},  // narrow no-break space
    {0x205F, Fold::Replace, ' '},  // medium mathematical space
    {0x3000, Fold::Replace, ' '},  // ideographic space
    // Dashes and minus -> -
    {0x2010, Fold::Replace, '-'},  // hyphen
    {0x2011, Fold::Replace, '-'},  // non-breaking hyphen
    {0x2012, Fold::Replace, '-'},  // figure dash
    {0x2013, Fold::Replace, '-'},  // –
    {0x2014, Fold::Replace, '-'},  // —
    {0x2015, Fold::Replace, '-'},  // horizontal bar
    {0x2212, Fold::Replace, '-'},  // minus sign
    // Line and paragraph separators -> LF
    {0x2028, Fold::Replace, '\n'},
    {0x2029, Fold::Replace, '\n'},
    // Invisible: soft hyphen, Mongolian vowel separator, BOM / ZWNBSP
    {0x00AD, Fold::Drop, 0},
    {0x180E, Fold::Drop, 0},
    {0xFEFF, Fold::Drop, 0},
};

// fold() for constant evaluation: the tables below are made at compile time.
constexpr Fold fold_of(char32_t cp) {
  auto replace = [](char32_t to) { return Fold{Fold::Replace, to}; };
  if (cp < 0x80) {
    if (cp == '\t' || cp == '\n') return {};
    if (cp == '\v' || cp == '\f' || cp == '\r') return replace('\n');
    if (cp < 0x20 || cp == 0x7F) return replace(' ');  // other C0 controls, DEL
    return {};
  }
  if (cp <= 0x9F) return replace(cp == 0x85 ? '\n' : ' ');  // C1 controls; NEL is a line break
  if (cp >= 0x2000 && cp <= 0x200A) return replace(' ');    // en quad ... hair space
  // Zero-width characters, bidi marks and embeddings, word joiner, invisible operators.
  if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
      (cp >= 0x2066 && cp <= 0x2069))
    return {Fold::Drop, 0};
  for (const auto& f : kFolds)
    if (f.from == cp) return {f.action, f.to};
  return {};
}

// fold() answered from tables for the characters text is made of: the
// two-byte range (U+0000..U+07FF) and general punctuation (U+2000..U+20FF:
// quotes, dashes, spaces). Characters below U+0300 that it keeps never
// combine with what comes before them; only a combining mark after them can
// change them.
struct FoldTable {
  Fold two_byte[0x800]{};
  Fold punct[0x100]{};
  constexpr FoldTable() {
    for (char32_t cp = 0; cp < 0x800; ++cp) two_byte[cp] = fold_of(cp);
    for (char32_t cp = 0; cp < 0x100; ++cp) punct[cp] = fold_of(0x2000 + cp);
  }
  Fold operator()(char32_t cp) const {
    if (cp < 0x800) return two_byte[cp];
    if (cp >= 0x2000 && cp < 0x2100) return punct[cp - 0x2000];
    return fold_of(cp);
  }
  bool kept(char32_t cp) const { return two_byte[cp].action == Fold::Keep; }  // cp < 0x800
};
// Made by the compiler, not at the first document (2,304 calls of fold_of).
constexpr FoldTable kFoldTable;

// A byte the kept runs take as it is: printable ASCII, tab or LF.
bool plain_byte(unsigned char b) { return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n'; }

#if defined(__SSE2__)
// Bit k set when p[k] is not a plain byte and not part of a two-byte Latin-1
// letter (C3 80..BF, all kept) lying wholly in the sixteen bytes.
unsigned irregular_bits16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  // Signed compare: controls and every byte >= 0x80 are below 0x20.
  const __m128i low = _mm_andnot_si128(_mm_or_si128(eq('\t'), eq('\n')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
  const auto odd = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, eq(0x7F))));
  const auto high = static_cast<unsigned>(_mm_movemask_epi8(v));
  if (high == 0) return odd;
  const unsigned pair = latin1_pairs16(v);
  return odd & ~(pair | pair << 1);
}
#endif

// One past the run of kept characters below U+0300 starting at s[i]
// (printable ASCII, tab, LF, Latin letters: most of a text): sixteen bytes
// at a time, stopping only at other characters and Latin-1 letters split
// across two blocks.
std::size_t kept_run_end(std::string_view s, std::size_t i, const FoldTable& table) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  while (i < n) {
#if defined(__SSE2__)
    if (i + 16 <= n) {
      const unsigned m = irregular_bits16(p + i);
      if (m == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(m));
    } else
#endif
    {
      while (i < n && plain_byte(p[i])) ++i;
      if (i >= n) break;
    }
    const unsigned char b = p[i];
    if (b >= 0xC2 && b < 0xCC && i + 1 < n && table.kept(((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu))) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// Where the last character of a kept run [.., end) starts: every character
// in it is one byte or two.
std::size_t last_char_start(std::string_view s, std::size_t end) {
  return static_cast<unsigned char>(s[end - 1]) < 0x80 ? end - 1 : end - 2;
}

}  // namespace

Fold fold(char32_t cp) { return fold_of(cp); }

Normalizer::Normalizer() : nfc_(nfc_instance()) {}

NormalizedText Normalizer::run(const MappedView& in, std::size_t start, std::uint32_t end_offset) const {
  const FoldTable& folds = kFoldTable;
  const auto* nfc = static_cast<const icu::Normalizer2*>(nfc_);
  const std::string_view s = in.text;
  NormalizedText out;
  std::size_t n = s.size();
  out.text.reserve(n - std::min(start, n));
  out.to_orig.reserve(n - std::min(start, n) + 1);

  // Characters below U+0300 never change and never combine with what comes
  // before them, so they are written at once; only the last one written is
  // remembered, to be taken back into a segment if a combining mark follows.
  std::vector<Item> seg;
  Item last{};
  std::size_t last_out = 0;  // where last starts in out.text
  bool has_last = false;

  // Appends cp; each of its UTF-8 bytes maps to orig.
  auto put = [&](char32_t cp, u32 orig) {
    const std::size_t from = out.text.size();
    append_utf8(out.text, cp);
    for (std::size_t k = from; k < out.text.size(); ++k) out.to_orig.push_back(orig);
  };
  auto emit = [&](const Item& it) {
    if (it.folded) {
      put(it.cp, it.orig);
    } else {
      out.text.append(s.substr(it.pos, it.len));
      in.append_offsets(out.to_orig, it.pos, it.len);
    }
  };
  auto emit_unchanged = [&] {
    for (const Item& it : seg) emit(it);
  };
  // Writes the pending segment, normalised when it is not NFC already.
  auto flush = [&] {
    if (seg.empty()) return;
    if (!nfc) {
      emit_unchanged();
      seg.clear();
      return;
    }
    icu::UnicodeString us;
    for (const Item& it : seg) us.append(static_cast<UChar32>(it.cp));
    UErrorCode st = U_ZERO_ERROR;
    if (nfc->isNormalized(us, st) || U_FAILURE(st)) {
      emit_unchanged();
      seg.clear();
      return;
    }
    st = U_ZERO_ERROR;
    icu::UnicodeString norm = nfc->normalize(us, st);
    if (U_FAILURE(st)) {
      emit_unchanged();
      seg.clear();
      return;
    }
    // The composed characters come from the whole segment.
    u32 at = seg.front().orig;
    for (int32_t k = 0; k < norm.length(); k = norm.moveIndex32(k, 1)) put(static_cast<char32_t>(norm.char32At(k)), at);
    seg.clear();
  };
  // Writes a character below U+0300 (seg must be empty) and remembers it.
  auto write_last = [&](const Item& it) {
    last = it;
    last_out = out.text.size();
    has_last = true;
    emit(it);
  };
  // The last character written goes back into the segment.
  auto take_back_last = [&] {
    out.text.resize(last_out);
    out.to_orig.truncate(last_out);
    seg.push_back(last);
  };

  std::size_t i = start;
  while (i < n) {
    const std::size_t end = kept_run_end(s, i, folds);
    if (end > i) {
      flush();
      out.text.append(s.substr(i, end - i));
      in.append_offsets(out.to_orig, i, end - i);
      const std::size_t at = last_char_start(s, end);
      std::size_t last_len = 1;
      const char32_t last_cp = next_cp(s, at, last_len);
      last = Item{last_cp, in.at(at), at, static_cast<std::uint8_t>(last_len), false};
      last_out = out.text.size() - last_len;
      has_last = true;
      i = end;
      continue;
    }
    std::size_t len = 1;
    char32_t cp = next_cp(s, i, len);
    u32 orig = in.at(i);
    std::size_t consumed = len;
    if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') consumed = 2;  // CR LF -> one LF at the CR
    Fold f = folds(cp);
    if (f.action == Fold::Drop) {
      i += consumed;
      continue;
    }
    bool folded = f.action == Fold::Replace;
    char32_t c = folded ? f.to : cp;
    const Item item{c, orig, i, static_cast<std::uint8_t>(len), folded};
    i += consumed;
    if (c < 0x300) {
      flush();
      write_last(item);
      continue;
    }
    if (!nfc || seg.size() >= kMaxSegment || nfc->hasBoundaryBefore(static_cast<UChar32>(c))) {
      flush();
    } else if (has_last) {
      take_back_last();  // a combining mark: it may change the character before it
    }
    has_last = false;
    seg.push_back(item);
  }
  flush();
  out.to_orig.push_back(end_offset);
  return out;
}

}  // namespace dealscan::ingest

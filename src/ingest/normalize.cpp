#include "ingest/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

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

bool printable_ascii(unsigned char b) { return b >= 0x20 && b < 0x7F; }

// One past the run of printable ASCII (0x20..0x7E) starting at s[i]: eight
// bytes at a time (most of a text is such runs), the last few one by one.
std::size_t printable_run_end(std::string_view s, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const std::size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // With every byte below 0x80 the sums carry into no other byte: the
    // high bit of b + 0x60 says b >= 0x20, of b + 1 that b >= 0x7F.
    const std::uint64_t bad = (w | ~(w + kOnes * 0x60) | (w + kOnes)) & kHighs;
    if (bad) return i + static_cast<std::size_t>(std::countr_zero(bad)) / 8;
  }
  while (i < n && printable_ascii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
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

// Characters below U+0300 that the fold table keeps: nothing before them
// combines with them, and only a combining mark after them can change them.
struct KeptBelow300 {
  bool kept[0x300];
  KeptBelow300() {
    for (char32_t cp = 0; cp < 0x300; ++cp) kept[cp] = fold(cp).action == Fold::Keep;
  }
};

// One past the run of kept characters below U+0300 starting at s[i] (printable
// ASCII, tab, LF, Latin letters: most of a text); last is where the run's
// last character starts.
std::size_t kept_run_end(std::string_view s, std::size_t i, const KeptBelow300& table, std::size_t& last) {
  const std::size_t n = s.size();
  while (i < n) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (printable_ascii(b)) {
      const std::size_t e = printable_run_end(s, i + 1);
      last = e - 1;
      i = e;
    } else if (b == '\t' || b == '\n') {
      last = i++;
    } else if (b >= 0xC2 && b < 0xCC && i + 1 < n &&
               table.kept[((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu)]) {
      last = i;
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

Fold fold(char32_t cp) {
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

Normalizer::Normalizer() : nfc_(nfc_instance()) {}

NormalizedText Normalizer::run(const MappedView& in, std::size_t start, std::uint32_t end_offset) const {
  static const KeptBelow300 kept;
  const auto* nfc = static_cast<const icu::Normalizer2*>(nfc_);
  const std::string_view s = in.text;
  NormalizedText out;
  std::size_t n = s.size();
  out.text.reserve(n - std::min(start, n));
  out.to_orig.reserve(n - std::min(start, n) + 1);

  std::vector<Item> seg;
  auto put = [&](char32_t cp, u32 orig) {
    append_utf8(out.text, cp);
    out.to_orig.resize(out.text.size(), orig);
  };
  auto emit_unchanged = [&] {
    for (const Item& it : seg) {
      if (it.folded) {
        put(it.cp, it.orig);
      } else {
        out.text.append(s.substr(it.pos, it.len));
        in.append_offsets(out.to_orig, it.pos, it.len);
      }
    }
  };
  // Writes the pending segment, normalised when it is not NFC already.
  auto flush = [&] {
    if (seg.empty()) return;
    if ((seg.size() == 1 && seg[0].cp < 0x300) || !nfc) {
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

  std::size_t i = start;
  while (i < n) {
    // Kept characters below U+0300 are never changed and never combine with
    // what comes before them: copy the run, keeping only its last character
    // pending (a combining mark may follow it).
    std::size_t last = i;
    const std::size_t end = kept_run_end(s, i, kept, last);
    if (end > i) {
      std::size_t from = i;
      if (seg.size() == 1 && seg[0].cp < 0x300 && !seg[0].folded && seg[0].pos + seg[0].len == i) {
        from = seg[0].pos;  // a lone kept character pending just before: it goes out with the run
        seg.clear();
      } else {
        flush();
      }
      out.text.append(s.substr(from, last - from));
      in.append_offsets(out.to_orig, from, last - from);
      std::size_t last_len = 1;
      const char32_t last_cp = next_cp(s, last, last_len);
      seg.push_back(Item{last_cp, in.at(last), last, static_cast<std::uint8_t>(last_len), false});
      i = end;
      continue;
    }
    std::size_t len = 1;
    char32_t cp = next_cp(s, i, len);
    u32 orig = in.at(i);
    std::size_t consumed = len;
    if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') consumed = 2;  // CR LF -> one LF at the CR
    Fold f = fold(cp);
    if (f.action == Fold::Drop) {
      i += consumed;
      continue;
    }
    bool folded = f.action == Fold::Replace;
    char32_t c = folded ? f.to : cp;
    if (c < 0x300 || !nfc || seg.size() >= kMaxSegment || nfc->hasBoundaryBefore(static_cast<UChar32>(c))) flush();
    seg.push_back(Item{c, orig, i, static_cast<std::uint8_t>(len), folded});
    i += consumed;
  }
  flush();
  out.to_orig.push_back(end_offset);
  return out;
}

}  // namespace dealscan::ingest

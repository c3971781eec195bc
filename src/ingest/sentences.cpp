// Sentence splitting: ICU's sentence rules for Italian, run line by line, then
// breaks ICU found after an abbreviation are taken back. The rules themselves
// run as ingest::SentenceRules (same breaks, a fraction of the cost); ICU's
// iterator takes the lines those leave to it:
//
//   "Il Sig. Rossi ha firmato."          -> one sentence ("Sig." from abbreviations.tsv)
//   "Lo ha detto J. Smith ieri."         -> one sentence (single capital initial)
//   "1. Introduzione al piano"           -> one sentence (list number at the start)
//   "Vale 6,6 miliardi. Il titolo sale." -> two sentences
//
// A line break ends a sentence, so headings without a full stop stand alone,
// except where the text was hard-wrapped inside a sentence: a line without
// final punctuation followed (no blank line between) by one starting in lower
// case, with a number that is not a list item, or with an elided "'":
//
//   "Titolo\nIl testo."                  -> two sentences
//   "ha versato\n277 milioni di euro."   -> one sentence
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <functional>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_set>

#include "dealscan/ingest.h"
#include "ingest/mapped_text.h"
#include "ingest/sentence_rules.h"

namespace dealscan {
namespace {

// ' ', tab, LF, VT, FF and CR as bits: one compare and one bit test a byte.
constexpr std::uint64_t kWsBits = 1ull << ' ' | 1ull << '\t' | 1ull << '\n' | 1ull << '\v' | 1ull << '\f' | 1ull << '\r';
bool is_ws(unsigned char c) { return c <= ' ' && ((kWsBits >> c) & 1u) != 0; }

// Is there a U+00A0 (C2 A0) at byte i?
bool nbsp_at(std::string_view t, std::size_t i) { return t[i] == '\xC2' && t[i + 1] == '\xA0'; }

// Trims whitespace (ASCII and U+00A0) from both ends of [b, e).
Span trim(std::string_view t, std::size_t b, std::size_t e) {
  for (;;) {
    if (b < e && is_ws(static_cast<unsigned char>(t[b]))) {
      ++b;
    } else if (b + 1 < e && nbsp_at(t, b)) {
      b += 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (e > b && is_ws(static_cast<unsigned char>(t[e - 1]))) {
      --e;
    } else if (e >= b + 2 && nbsp_at(t, e - 2)) {
      e -= 2;
    } else {
      break;
    }
  }
  return Span{b, e};
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Does a closing quote or bracket end at e?
bool is_closing(std::string_view t, std::size_t e) {
  if (e == 0) return false;
  char c = t[e - 1];
  if (c == '"' || c == '\'' || c == ')') return true;
  auto ends_with = [&](std::string_view q) { return e >= q.size() && t.substr(e - q.size(), q.size()) == q; };
  return ends_with("\u00BB") || ends_with("\u201D") || ends_with("\u2019");
}

bool is_opening(char c) { return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '-'; }

// "J." or "J.R.": single upper-case letters, each followed by a full stop.
bool is_initials(std::string_view tok) {
  std::size_t i = 0;
  if (tok.empty()) return false;
  while (i < tok.size()) {
    std::size_t len = 0;
    char32_t cp = ingest::next_cp(tok, i, len);
    if (!u_isupper(static_cast<UChar32>(cp))) return false;
    i += len;
    if (i >= tok.size() || tok[i] != '.') return false;
    ++i;
  }
  return true;
}

bool has_alnum(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (u_isalnum(static_cast<UChar32>(ingest::next_cp(s, i, len)))) return true;
    i += len;
  }
  return false;
}

bool is_number_dot(std::string_view tok) {
  if (tok.size() < 2 || tok.size() > 4 || tok.back() != '.') return false;
  for (std::size_t i = 0; i + 1 < tok.size(); ++i)
    if (tok[i] < '0' || tok[i] > '9') return false;
  return true;
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
  ingest::SentenceRules rules;
  mutable std::vector<std::uint32_t> breaks;  // rules' breaks of the current line
  // Lower case, each ending in '.'; found by string_view (no key string built).
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> abbreviations;
  std::size_t longest_abbreviation = 0;
  // A bit per abbreviation_key of the abbreviations: most words before a
  // full stop have none set and skip the lower-casing and the hash lookup.
  std::bitset<4096> abbreviation_keys;

  // Length, first byte and byte before the final '.' of tok (at least two
  // bytes), the same in either ASCII case.
  static std::size_t abbreviation_key(std::string_view tok) {
    const auto folded = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c) | 0x20u); };
    return ((tok.size() & 15u) << 8 | (folded(tok.front()) * 7u ^ folded(tok[tok.size() - 2]))) & 0xFFFu;
  }
  // ICU walks UTF-16 in memory directly but converts UTF-8 chunk by chunk:
  // a line is handed over as UTF-16, with the byte offset of each unit to
  // map breaks back. Reused per line (a splitter serves one thread, as its
  // breaker already does).
  mutable std::vector<UChar> units;
  mutable std::vector<std::uint32_t> unit_bytes;  // per unit, plus the end

  // Eight ASCII bytes from offset at as eight units and their offsets
  // (separate, unaliased arrays: the compiler can vectorise the copy).
  static void widen8(const uint8_t* __restrict in, std::uint32_t at, UChar* __restrict out,
                     std::uint32_t* __restrict offsets) {
    for (std::uint32_t k = 0; k < 8; ++k) {
      out[k] = in[k];
      offsets[k] = at + k;
    }
  }

  // Copies t to units/unit_bytes; false when t is not valid UTF-8.
  bool to_utf16(std::string_view t) const {
    const std::size_t n = t.size();
    units.resize(n);  // never more units than bytes
    unit_bytes.resize(n + 1);
    const auto* p = reinterpret_cast<const uint8_t*>(t.data());
    std::size_t u = 0;
    for (std::size_t i = 0; i < n;) {
      // Eight ASCII bytes are eight units, each at its own byte.
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        widen8(p + i, static_cast<std::uint32_t>(i), units.data() + u, unit_bytes.data() + u);
        u += 8;
        i += 8;
      }
      if (i >= n) break;
      if (p[i] < 0x80) {
        units[u] = p[i];
        unit_bytes[u++] = static_cast<std::uint32_t>(i++);
        continue;
      }
      const auto at = static_cast<std::uint32_t>(i);
      int32_t pos = static_cast<int32_t>(i);
      UChar32 c;
      U8_NEXT(p, pos, static_cast<int32_t>(n), c);
      if (c < 0) return false;
      i = static_cast<std::size_t>(pos);
      if (c <= 0xFFFF) {
        units[u] = static_cast<UChar>(c);
        unit_bytes[u++] = at;
      } else {
        units[u] = U16_LEAD(c);
        unit_bytes[u++] = at;
        units[u] = U16_TRAIL(c);
        unit_bytes[u++] = at;
      }
    }
    unit_bytes[u] = static_cast<std::uint32_t>(n);
    units.resize(u);
    unit_bytes.resize(u + 1);
    return true;
  }

  explicit Impl(const Lexicon& lexicon) {
    UErrorCode st = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("it"), st));
    if (U_FAILURE(st)) breaker.reset();
    for (const auto& e : lexicon.list("abbreviations")) {
      for (const auto& form : e.forms) {
        // Only the last word of a multi-word form ("ad es.") ends at the break.
        std::string_view f = form;
        auto sp = f.find_last_of(' ');
        if (sp != std::string_view::npos) f = f.substr(sp + 1);
        if (!f.empty() && f.back() == '.') {
          abbreviations.insert(ascii_lower(f));
          if (f.size() >= 2) abbreviation_keys.set(abbreviation_key(f));
          longest_abbreviation = std::max(longest_abbreviation, f.size());
        }
      }
    }
  }

  // Is tok, in ASCII lower case, one of the abbreviations?
  bool is_abbreviation(std::string_view tok) const {
    if (tok.size() > longest_abbreviation || !abbreviation_keys.test(abbreviation_key(tok))) return false;
    char low[64];
    if (tok.size() > sizeof low) return abbreviations.count(ascii_lower(tok)) > 0;
    for (std::size_t k = 0; k < tok.size(); ++k) {
      const char c = tok[k];
      low[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return abbreviations.find(std::string_view(low, tok.size())) != abbreviations.end();
  }

  // Does a break ICU put at end, after the piece s (trimmed) since the
  // previous break, fall after a word that does not end a sentence?
  bool keep_going(std::string_view t, std::size_t sentence_start, Span s, std::size_t end) const {
    if (s.empty()) return false;
    if (t[s.end - 1] != '.') {
      // '"Chi paga?" si chiede': a quotation that goes on in lower case.
      std::size_t len = 0;
      return is_closing(t, s.end) && end < t.size() && u_islower(static_cast<UChar32>(ingest::next_cp(t, end, len)));
    }
    // The word before the full stop, and the last apostrophe in it.
    std::size_t b = s.end, apostrophe = std::string_view::npos;
    for (; b > s.begin && !is_ws(static_cast<unsigned char>(t[b - 1])); --b)
      if (t[b - 1] == '\'' && apostrophe == std::string_view::npos) apostrophe = b - 1;
    std::size_t word_start = b;
    while (b < s.end && is_opening(t[b])) ++b;
    // Elision: "l'Ing.", "dell'art." -> the word after the apostrophe.
    if (apostrophe != std::string_view::npos && apostrophe >= b) b = apostrophe + 1;
    std::string_view tok = t.substr(b, s.end - b);
    if (tok.size() < 2) return false;  // a lone "."
    if (is_abbreviation(tok)) return true;
    if (is_initials(tok)) return true;
    // "1. Titolo": a list number opening the sentence.
    if (is_number_dot(tok) && trim(t, sentence_start, s.end).begin == word_start) return true;
    return false;
  }

  // Splits the line (trimmed, not empty). cur is where the sentence being built started
  // (npos: none yet; it may lie on an earlier line). When the text goes on
  // past the line (join), its last sentence is left open in cur.
  // A piece of punctuation alone (an opening quote or a dash at the end of a
  // line) is carried into the next line when there is one (next_line).
  // carried_alnum says whether the part of the open sentence before this line
  // has a letter or digit (so each byte is looked at once).
  void split_line(std::string_view t, Span line, std::size_t& cur, bool& carried_alnum, bool join, bool next_line,
                  std::vector<Sentence>& out) const {
    auto emit = [&](Span s) {
      if (!s.empty()) out.push_back(Sentence{s});
    };
    if (cur == std::string_view::npos) {
      cur = line.begin;
      carried_alnum = false;
    }
    std::size_t prev = line.begin;  // previous break
    // Takes a break at byte at unless it follows an abbreviation; false past the line.
    auto on_break = [&](std::size_t at) {
      if (at >= line.end) return false;
      const Span piece = trim(t, prev, at);  // the sentence's last piece, or all of it
      if (!keep_going(t, cur, piece, at)) {
        emit(cur == prev ? piece : trim(t, cur, at));
        cur = at;
        carried_alnum = false;
      }
      prev = at;
      return true;
    };
    if (breaker && rules.breaks(t.substr(line.begin, line.size()), breaks)) {
      for (std::uint32_t b : breaks)
        if (!on_break(line.begin + b)) break;
    } else if (breaker && line.size() <= static_cast<std::size_t>(INT32_MAX)) {
      UErrorCode st = U_ZERO_ERROR;
      UText ut = UTEXT_INITIALIZER;
      const bool utf16 = to_utf16(t.substr(line.begin, line.size()));
      if (utf16) utext_openUChars(&ut, units.data(), static_cast<int64_t>(units.size()), &st);
      else utext_openUTF8(&ut, t.data() + line.begin, static_cast<int64_t>(line.size()), &st);
      if (U_SUCCESS(st)) breaker->setText(&ut, st);
      if (U_SUCCESS(st)) {
        breaker->first();
        for (int32_t p = breaker->next(); p != icu::BreakIterator::DONE; p = breaker->next()) {
          const auto index = static_cast<std::size_t>(p);
          if (!on_break(line.begin + (utf16 ? unit_bytes[index] : index))) break;
        }
      }
      utext_close(&ut);
    }
    std::size_t from = std::max(cur, line.begin);
    bool alnum = (cur < line.begin && carried_alnum) || has_alnum(t.substr(from, line.end - from));
    if (join || (next_line && !alnum)) {
      carried_alnum = alnum;
    } else {
      emit(trim(t, cur, line.end));
      cur = std::string_view::npos;
    }
  }
};

namespace {

// Does the sentence go on from a line into the next one (both trimmed)?
bool wrapped(std::string_view t, Span line, Span next) {
  if (line.empty() || next.empty()) return false;
  // The line must not end a sentence: no . ! ? or … before closing quotes/brackets.
  std::size_t end = line.end;
  while (end > line.begin && is_closing(t, end)) {
    std::size_t k = end - 1;
    while (k > line.begin && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
    end = k;
  }
  if (end == line.begin) return false;
  char last = t[end - 1];
  if (last == '.' || last == '!' || last == '?' || (end >= 3 && t.substr(end - 3, 3) == "\u2026")) return false;
  // The next line must read as a continuation.
  std::size_t len = 0;
  char32_t first = ingest::next_cp(t, next.begin, len);
  if (u_islower(static_cast<UChar32>(first))) return true;
  if (first == '\'' || first == 0x2019) {
    std::size_t i = next.begin + len;
    return i < next.end && u_islower(static_cast<UChar32>(ingest::next_cp(t, i, len)));
  }
  if (first >= '0' && first <= '9') {
    std::size_t i = next.begin;
    while (i < next.end && t[i] >= '0' && t[i] <= '9') ++i;
    bool list_item = i < next.end && (t[i] == '.' || t[i] == ')') && (i + 1 >= next.end || t[i + 1] == ' ');
    return !list_item;
  }
  return false;
}

}  // namespace

SentenceSplitter::SentenceSplitter(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  std::size_t cur = std::string_view::npos;
  bool carried_alnum = false;
  // End of the line starting at from (the text's end for the last line).
  auto line_end = [&](std::size_t from) {
    const std::size_t e = text.find('\n', from);
    return e == std::string_view::npos ? text.size() : e;
  };
  // Each line's end is found and the line trimmed once, as the next line.
  std::size_t b = 0;
  std::size_t e = line_end(0);
  Span line = trim(text, 0, e);
  while (b < text.size()) {
    bool join = false, next_line = false;
    std::size_t ne = text.size();
    Span next{};
    if (e < text.size()) {
      ne = line_end(e + 1);
      next = trim(text, e + 1, ne);
      join = wrapped(text, line, next);
      next_line = !next.empty();
    }
    if (!line.empty()) impl_->split_line(text, line, cur, carried_alnum, join, next_line, out);
    b = e + 1;
    e = ne;
    line = next;
  }
  return out;
}

}  // namespace dealscan

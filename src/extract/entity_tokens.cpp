#include "extract/entity_tokens.h"
#include "extract/ascii_chunk.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace dealscan::entity {
namespace {

struct CodePoint {
  UChar32 c;
  std::size_t next;
};

CodePoint decode(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {static_cast<UChar32>(b), i + 1};
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  return {c < 0 ? 0xFFFD : c, static_cast<std::size_t>(pos)};
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return u_isUWhiteSpace(c);
}

Shape shape_of(std::string_view w) {
  bool ascii = true;
  for (char ch : w) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
  if (ascii) {
    int up = 0, low = 0;
    bool first_up = false, seen = false, later_up = false;
    for (char ch : w) {
      bool u = ch >= 'A' && ch <= 'Z', l = ch >= 'a' && ch <= 'z';
      if (!u && !l) continue;
      if (!seen) first_up = u, seen = true;
      else if (u) later_up = true;
      (u ? up : low)++;
    }
    if (up + low == 0) return Shape::None;
    if (low == 0) return Shape::Upper;
    if (up == 0) return Shape::Lower;
    return first_up && !later_up ? Shape::Title : Shape::Mixed;
  }
  int upper = 0, lower = 0;
  bool first_upper = false, first_seen = false, later_upper = false;
  for (std::size_t i = 0; i < w.size();) {
    auto [c, next] = decode(w, i);
    i = next;
    if (!u_isalpha(c)) continue;
    bool up = u_isupper(c) || u_istitle(c);
    if (!first_seen) {
      first_seen = true;
      first_upper = up;
    } else if (up) {
      later_upper = true;
    }
    (up ? upper : lower)++;
  }
  if (upper + lower == 0) return Shape::None;
  if (lower == 0) return Shape::Upper;
  if (upper == 0) return Shape::Lower;
  if (first_upper && !later_upper) return Shape::Title;
  return Shape::Mixed;
}

}  // namespace

bool TokenStream::capitalised(std::size_t i) const {
  const Token& t = tokens[i];
  if (!t.word) return false;
  if (t.shape == Shape::Title || t.shape == Shape::Upper) return true;
  if (t.shape != Shape::Mixed) return false;
  auto [c, next] = decode(text, t.begin);
  return u_isupper(c) || u_istitle(c);
}

void fold_into(std::string_view s, std::string& out) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  if (ascii) {
    std::size_t at = out.size();
    out.append(s);
    for (std::size_t k = at; k < out.size(); ++k)
      if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
    return;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  u.toUTF8String(out);
}

std::string fold(std::string_view s) {
  std::string out;
  fold_into(s, out);
  return out;
}

std::string upper(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.toUpper().toUTF8String(out);
  return out;
}

std::string titlecase(std::string_view s) {
  if (s.empty()) return {};
  auto [c, next] = decode(s, 0);
  std::string head = upper(s.substr(0, next));
  std::string rest = fold(s.substr(next));
  return head + rest;
}

TokenStream tokenize(std::string_view text, const std::vector<Sentence>& sentences) {
  TokenStream ts;
  tokenize_into(text, sentences, ts);
  return ts;
}

namespace {

// What tokenizing needs to know of an ASCII byte, looked up once per byte.
enum : std::uint8_t { kAlnum = 1, kUpperBit = 2, kLowerBit = 4, kSpaceBit = 8 };
constexpr std::array<std::uint8_t, 128> kAsciiFlags = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'A' && c <= 'Z') t[c] = kAlnum | kUpperBit;
    else if (c >= 'a' && c <= 'z') t[c] = kAlnum | kLowerBit;
    else if (c >= '0' && c <= '9') t[c] = kAlnum;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') t[c] = kSpaceBit;
  }
  return t;
}();

// Keys are written straight into a buffer sized ahead (no append per token);
// used is how much of it holds keys. The buffer keeps room for the rest of
// the text and eight bytes more (kSpare): an ASCII key is as long as its
// word, so ASCII words and white space keep that room without a test, and
// only the rare other tokens (whose keys ICU may lengthen) check it.
struct KeyBuffer {
  static constexpr std::size_t kSpare = 16;
  std::string& keys;
  std::size_t used = 0;
  char* at() { return keys.data() + used; }
  char* room(std::size_t n) {
    if (keys.size() < used + n) [[unlikely]] grow(used + n);
    return at();
  }
  // Room again for `rest` more bytes of text after a token beyond ASCII.
  void keep_room(std::size_t rest) {
    if (keys.size() < used + rest + kSpare) [[unlikely]] grow(used + rest + kSpare);
  }
  [[gnu::noinline]] void grow(std::size_t need) { keys.resize(std::max(need, 2 * keys.size())); }
};

// Marks a sentence that reads as a heading: no closing punctuation, or
// written in capitals. Rules for unknown names skip such sentences. words
// and caps count its words with letters and its words in capitals; last is
// its last token.
[[gnu::noinline]] void mark_heading(std::string_view text, const Token& last, int words, int caps, std::vector<bool>::reference heading) {
  // The marks that close a sentence: . ! ? " ) : ; (a bit each, by byte value; all below 64).
  constexpr std::uint64_t kClosers = (1ull << '.') | (1ull << '!') | (1ull << '?') | (1ull << '"') | (1ull << ')') |
                                     (1ull << ':') | (1ull << ';');
  const auto mark = static_cast<unsigned char>(text[last.begin]);
  const bool closed = last.end - last.begin == 1 && mark < 64 && ((kClosers >> mark) & 1u) != 0;
  heading = (!closed && words > 0) || (words >= 3 && caps * 2 > words);
}

// Case of the letters of a word seen so far, for its Shape.
struct CaseSeen {
  bool any_upper = false, any_lower = false;
  bool first_upper = false, later_upper = false;  // of the first letter; of any after it

  // upper and lower: the capitals and small letters among the next bytes
  // (one bit each, in text order from the lowest).
  void add(std::uint64_t upper, std::uint64_t lower) {
    const std::uint64_t letters = upper | lower;
    if (!letters) return;
    if (!any_upper && !any_lower) {
      const std::uint64_t first = letters & (~letters + 1);
      first_upper = (upper & first) != 0;
      later_upper = (upper & ~first) != 0;
    } else {
      later_upper = later_upper || upper != 0;
    }
    any_upper = any_upper || upper != 0;
    any_lower = any_lower || lower != 0;
  }
  Shape shape() const {
    if (!any_upper && !any_lower) return Shape::None;
    if (!any_lower) return Shape::Upper;
    if (!any_upper) return Shape::Lower;
    return first_upper && !later_upper ? Shape::Title : Shape::Mixed;
  }
};

// Shape of a word whose letters all lie in one chunk: upper and lower are
// its capitals and small letters (one bit each, in text order from the lowest).
inline Shape chunk_shape(std::uint64_t upper, std::uint64_t lower) {
  if (!lower) return upper ? Shape::Upper : Shape::None;
  if (!upper) return Shape::Lower;
  const std::uint64_t letters = upper | lower;
  return upper == (letters & (~letters + 1)) ? Shape::Title : Shape::Mixed;  // only the first is a capital
}

// Scans the ASCII run of the word starting at text[i] (an ASCII letter or
// digit), writing its folded key at key (which has room up to the end of
// the text and sixteen bytes more); fills the token's hash and shape as
// fold_into, hash_key and shape_of would. Sixteen bytes at once for a word
// that ends in them (most words), else eight at a time while they last.
// Returns one past the run.
[[gnu::always_inline]] inline std::size_t scan_ascii_word(std::string_view text, std::size_t i, char* key, Token& t) {
  if (i + 16 <= text.size()) {
    // Most words end within their first sixteen bytes: one chunk, no running tallies.
    const auto chunk = text::AsciiChunk16::fold_at(text, i, key);  // only chunk.run bytes are kept
    if (chunk.run < 16) [[likely]] {
      t.key_hash = text::key_hash_upto16(key, chunk.run);  // the folded bytes, just stored
      t.shape = chunk_shape(chunk.upper, chunk.lower);
      t.digits = chunk.digit != 0;
      return i + chunk.run;
    }
  }
  CaseSeen seen;
  std::uint64_t digits = 0;  // nonzero once a digit is seen
  std::size_t j = i;
  bool ended = false;  // a chunk held the word's end
  while (!ended && j + 8 <= text.size()) {
    const auto chunk = text::AsciiChunk::at(text, j);
    const std::uint64_t folded = chunk.folded();
    std::memcpy(key + (j - i), &folded, 8);  // only chunk.run bytes are kept
    seen.add(chunk.upper, chunk.lower);
    digits |= chunk.digit;
    j += chunk.run;
    ended = chunk.run < 8;
  }
  for (; !ended && j < text.size(); ++j) {  // the last few bytes of the text
    const auto b = static_cast<unsigned char>(text[j]);
    if (b >= 0x80) break;
    const std::uint8_t f = kAsciiFlags[b];
    if (!(f & kAlnum)) break;
    const bool u = f & kUpperBit;
    key[j - i] = static_cast<char>(u ? b + ('a' - 'A') : b);
    seen.add(u, (f & kLowerBit) != 0);
    digits |= !(f & (kUpperBit | kLowerBit));
  }
  t.key_hash = hash_key(std::string_view(key, j - i));
  t.shape = seen.shape();
  t.digits = digits != 0;
  return j;
}

// Scans the word starting at text[i] when its letters beyond ASCII are all
// Latin-1 ones (U+00C0..U+00FF but the signs x and / and sharp s): "città",
// "PIÙ". Writes its folded key at key (capitals + 0x20, as ICU folds them)
// and fills hash and shape as fold_into, hash_key and shape_of would.
// Returns one past the word, or npos when another character carries the
// word on (ICU then reads it).
std::size_t scan_latin1_word(std::string_view text, std::size_t i, char* key, Token& t) {
  auto put = [&](std::size_t at, unsigned char folded) { key[at - i] = static_cast<char>(folded); };
  CaseSeen seen;
  bool digit = false;  // an ASCII digit in the word
  bool latin = false;  // a Latin-1 letter in the word
  std::size_t j = i;
  while (j < text.size()) {
    const auto b = static_cast<unsigned char>(text[j]);
    if (b < 0x80 && j + 8 <= text.size()) {  // ASCII letters and digits eight at a time
      const auto chunk = text::AsciiChunk::at(text, j);
      if (chunk.run == 0) break;
      const std::uint64_t folded = chunk.folded();
      std::memcpy(key + (j - i), &folded, 8);  // only chunk.run bytes are kept; the room reaches the text's end
      seen.add(chunk.upper, chunk.lower);
      digit = digit || chunk.digit != 0;
      j += chunk.run;
      continue;
    }
    if (b < 0x80) {  // the last few bytes of the text
      const std::uint8_t f = kAsciiFlags[b];
      if (!(f & kAlnum)) break;
      const bool u = f & kUpperBit;
      put(j, u ? b + ('a' - 'A') : b);
      seen.add(u, (f & kLowerBit) != 0);
      digit = digit || !(f & (kUpperBit | kLowerBit));
      ++j;
      continue;
    }
    const auto b2 = j + 1 < text.size() ? static_cast<unsigned char>(text[j + 1]) : 0u;
    if (b == 0xC3 && b2 >= 0x80 && b2 <= 0xBF && b2 != 0x97 && b2 != 0xB7 && b2 != 0x9F) {
      const bool u = b2 <= 0x9E;  // U+00C0..U+00DE
      put(j, b);
      put(j + 1, u ? b2 + 0x20 : b2);
      seen.add(u, !u);
      latin = true;
      j += 2;
      continue;
    }
    if (is_word_char(decode(text, j).c)) return std::string_view::npos;
    break;
  }
  t.key_hash = hash_key(std::string_view(key, j - i));
  t.shape = seen.shape();
  t.latin_letters = latin && !digit;
  return j;
}

// One past the word whose characters go on from j (any script).
std::size_t word_end(std::string_view text, std::size_t j) {
  while (j < text.size()) {
    auto b = static_cast<unsigned char>(text[j]);
    if (b < 0x80) {  // ASCII fast path: no decoding
      if (!is_ascii_alnum(b)) break;
      ++j;
      continue;
    }
    auto [c2, n2] = decode(text, j);
    if (!is_word_char(c2)) break;
    j = n2;
  }
  return j;
}

// Key, hash and shape of a token with non-ASCII characters (case folding by ICU).
void fold_unicode_token(std::string_view w, bool word, KeyBuffer& kb, Token& t) {
  thread_local std::string folded;
  folded.clear();
  fold_into(w, folded);
  std::memcpy(kb.room(folded.size()), folded.data(), folded.size());
  kb.used += folded.size();
  t.shape = word ? shape_of(w) : Shape::None;
  t.key_hash = hash_key(folded);
}

// The marker of this thread's scans and its remembered answers, one key a
// slot: its hash, the lowest byte replaced by the mark; 0: empty. A new
// marker empties the table. Constant-initialised: reaching it needs no guard.
constexpr int kMarkSlotBits = 14;
struct ThreadMarks {
  WordMarker marker;
  bool active = false;  // a marked scan runs: marker (whose owner may since be gone) is asked
  std::uint64_t of_key[std::size_t{1} << kMarkSlotBits]{};
};
thread_local ThreadMarks thread_marks;

void use_marker(const WordMarker& marker) {
  if (thread_marks.marker.salt == marker.salt && thread_marks.marker.owner == marker.owner) return;
  thread_marks.marker = marker;
  std::fill(std::begin(thread_marks.of_key), std::end(thread_marks.of_key), 0);
}

[[gnu::noinline]] std::uint8_t classify_key(std::uint64_t key_hash, std::string_view key) {
  const WordMarker& marker = thread_marks.marker;
  if (!thread_marks.active || !marker.classify) return 0;  // an unmarked scan: marks unused
  const std::uint8_t mark = marker.classify(marker.owner, key);
  thread_marks.of_key[key_hash >> (64 - kMarkSlotBits)] = (key_hash & ~std::uint64_t{0xFF}) | mark;
  return mark;
}

// The thread's marker's mark for a key hashed as key_hash, the key itself
// at key (read only when its mark is not remembered).
[[gnu::always_inline]] inline std::uint8_t mark_of(std::uint64_t key_hash, const char* key, std::size_t size) {
  const std::uint64_t m = thread_marks.of_key[key_hash >> (64 - kMarkSlotBits)];
  if ((m ^ key_hash) >> 8 == 0) return static_cast<std::uint8_t>(m);
  return classify_key(key_hash, std::string_view(key, size));
}

}  // namespace

void tokenize_into(std::string_view text, const std::vector<Sentence>& sentences, TokenStream& ts,
                   const WordMarker& marker) {
  use_marker(marker);
  thread_marks.active = true;
  tokenize_into(text, sentences, ts);
  thread_marks.active = false;
  ts.marked_by = marker.salt;
}

void tokenize_into(std::string_view text, const std::vector<Sentence>& sentences, TokenStream& ts) {
  ts.text = text;
  ts.marked_by = 0;  // the marked scan above says otherwise
  std::vector<Token>& tokens = ts.tokens;
  tokens.clear();
  tokens.reserve(text.size() / 5 + 1);
  ts.keys.clear();
  ts.keys.resize(text.size() + KeyBuffer::kSpare);  // ASCII keys are as long as their words
  KeyBuffer kb{ts.keys};
  ts.valid_utf8 = true;
  ts.plain_spaces = true;
  ts.heading.assign(std::max<std::size_t>(sentences.size(), 1), false);
  std::size_t sentence = 0;
  // Where the current sentence ends (none past the last): one test per token
  // says the sentence index stays.
  auto end_of = [&](std::size_t k) { return k + 1 < sentences.size() ? sentences[k].span.end : SIZE_MAX; };
  std::size_t sentence_end = end_of(0);
  // Headings are tallied as the tokens go by (they come in sentence order),
  // not in a second pass: per token two counts, without branches. A word
  // has a shape unless it has no letter; a mark never has one.
  int words = 0, caps = 0;
  // The next word opens its sentence or line: a line break or a new
  // sentence came since the last word (or none came before it).
  bool initial = true;
  // The sentence of a token starting at pos, not yet in the stream: when it
  // is a new one, the heading of the last is decided (its last token is the
  // stream's last) and the tallies start again.
  auto sentence_at = [&](std::size_t pos) {
    if (pos < sentence_end) [[likely]] return static_cast<std::uint32_t>(sentence);
    if (!tokens.empty()) mark_heading(text, tokens.back(), words, caps, ts.heading[sentence]);
    words = caps = 0;
    initial = true;
    while (sentence + 1 < sentences.size() && sentences[sentence].span.end <= pos) ++sentence;
    sentence_end = end_of(sentence);
    return static_cast<std::uint32_t>(sentence);
  };
  auto tally = [&](const Token& t) {  // t: the next token, its sentence found
    words += t.shape != Shape::None;
    caps += t.shape == Shape::Upper && t.end - t.begin > 1;
  };
  bool newline = true, space = false;
  for (std::size_t i = 0; i < text.size();) {
    // ASCII (most of the text) needs no decoding call.
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead == ' ') {  // the most common byte between tokens
      space = true;
      ++i;
      continue;
    }
    const std::uint8_t flags = lead < 0x80 ? kAsciiFlags[lead] : 0;
    if (flags & kSpaceBit) {
      if (lead == '\n' || lead == '\r') newline = initial = true;
      else if (lead == '\f' || lead == '\v') ts.plain_spaces = false;
      space = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(i);
    t.key_begin = static_cast<std::uint32_t>(kb.used);
    std::size_t ascii_end = i;  // one past the ASCII run of a word starting here
    // The key buffer keeps room for the rest of the text: no test here.
    if (flags & kAlnum) ascii_end = scan_ascii_word(text, i, kb.at(), t);
    if ((flags & kAlnum) && (ascii_end == text.size() || static_cast<unsigned char>(text[ascii_end]) < 0x80))
        [[likely]] {
      // Most tokens: an ASCII word, its key, hash and shape written by the scan.
      t.end = static_cast<std::uint32_t>(ascii_end);
      t.mark = mark_of(t.key_hash, kb.at(), ascii_end - i);
      t.word = t.ascii = true;
      t.sentence = sentence_at(t.begin);
      t.newline_before = newline;
      t.space_before = space;
      t.sentence_initial = initial;
      initial = newline = false;
      kb.used += ascii_end - i;
    } else {
      const auto [c, next] = lead < 0x80 ? CodePoint{lead, i + 1} : decode(text, i);
      if (c == 0xFFFD && text.substr(i, 3) != "\uFFFD") ts.valid_utf8 = false;  // decode's stand-in for bad bytes
      if (lead >= 0x80 && is_space(c)) {
        if (c == 0x2028 || c == 0x2029) newline = initial = true;
        ts.plain_spaces = false;
        space = true;
        i = next;
        continue;
      }
      bool ascii = false;  // key, hash and shape done by the ASCII scan
      bool keyed = false;  // key, hash and shape done here, the key as long as the word
      if (flags & kAlnum) {
        // Only a non-ASCII character can carry the word on past the ASCII run:
        // Latin-1 letters are folded here, other letters by ICU.
        std::size_t e = scan_latin1_word(text, i, kb.room(text.size() - i), t);
        keyed = e != std::string_view::npos;
        if (!keyed) e = word_end(text, ascii_end);
        ascii = e == ascii_end;  // a sign, not a letter, came after the ASCII run
        t.end = static_cast<std::uint32_t>(e);
        t.word = true;
      } else if (lead >= 0x80 && is_word_char(c)) {  // an ASCII byte here is a mark
        std::size_t e = scan_latin1_word(text, i, kb.room(text.size() - i), t);
        keyed = e != std::string_view::npos;
        t.end = static_cast<std::uint32_t>(keyed ? e : word_end(text, next));
        t.word = true;
      } else {
        t.end = static_cast<std::uint32_t>(next);
      }
      t.sentence = sentence_at(t.begin);
      const std::string_view w(text.data() + t.begin, t.end - t.begin);
      t.newline_before = newline;
      t.space_before = space;
      // The first word of a sentence or line opens it ("Secondo ...", "Indice ...").
      // Leading punctuation ("(Teleborsa)", quotes) keeps the next word initial.
      if (t.word) {
        t.sentence_initial = initial;
        initial = newline = false;
      }
      t.ascii = ascii || (lead < 0x80 && !t.word);
      if (keyed) {
        t.mark = mark_of(t.key_hash, kb.at(), w.size());
        kb.used += w.size();
      } else if (lead < 0x80 && !t.word) {  // one ASCII punctuation mark: its own key
        *kb.room(1) = static_cast<char>(lead);
        t.key_hash = text::key_hash_upto16(kb.at(), 1);  // the buffer keeps sixteen bytes of room
        t.mark = mark_of(t.key_hash, kb.at(), 1);
        kb.used += 1;
        t.shape = Shape::None;
      } else {
        fold_unicode_token(w, t.word, kb, t);
        t.mark = kUnmarked;
      }
      kb.keep_room(text.size() - t.end);
    }
    t.key_end = static_cast<std::uint32_t>(kb.used);
    space = false;
    tally(t);
    tokens.push_back(t);
    i = t.end;
  }
  if (!tokens.empty()) mark_heading(text, tokens.back(), words, caps, ts.heading[sentence]);
  ts.keys.resize(kb.used);
}

std::vector<std::string> form_tokens(std::string_view form) {
  TokenStream ts = tokenize(form, {});
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ts.size(); ++i) out.emplace_back(ts.surface(i));
  return out;
}

std::string slug(std::string_view name) {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode err = U_ZERO_ERROR;
    return icu::Normalizer2::getNFDInstance(err);
  }();
  std::string folded = fold(name);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = nfd->normalize(icu::UnicodeString::fromUTF8(folded), err);
  std::string out;
  bool dash = false;
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar ch = u.charAt(i);
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(ch));
    } else if (!(U_GET_GC_MASK(ch) & U_GC_M_MASK)) {
      dash = true;  // accents are dropped, anything else separates
    }
  }
  return out;
}

int edit_distance(std::string_view a, std::string_view b, int cap) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (int i = 0; i <= n; ++i) d[i][0] = i;
  for (int j = 0; j <= m; ++j) d[0][j] = j;
  for (int i = 1; i <= n; ++i) {
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return std::min(d[n][m], cap + 1);
}

}  // namespace dealscan::entity

#include "extract/money_tokens.h"

#include <iterator>
#include <type_traits>

#include "extract/ascii_chunk.h"
#include "extract/latin_case.h"

namespace dealscan::money {
namespace {

// Decodes the code point at i; sets len. Invalid bytes count as one byte.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > s.size()) { len = 1; return c; }
  char32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  len = n;
  return cp;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the digit run starting at i.
std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j - i;
}

// End of a number written with digits and separators starting at i.
std::size_t scan_digits(std::string_view s, std::size_t i) {
  std::size_t first = digits_at(s, i);
  std::size_t j = i + first;
  bool spaced = false;
  while (j + 1 < s.size()) {
    char c = s[j];
    if ((c == '.' || c == ',') && is_digit(s[j + 1]) && !spaced) {
      j += 1 + digits_at(s, j + 1);
    } else if (c == ' ' && first <= 3 && digits_at(s, j + 1) == 3 &&
               (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
      spaced = true;  // "10 000": only groups of three, never mixed with dots
      j += 4;
    } else {
      break;
    }
  }
  // "10 000,00": a decimal comma may close a spaced number.
  if (spaced && j + 1 < s.size() && s[j] == ',' && is_digit(s[j + 1])) j += 1 + digits_at(s, j + 1);
  return j;
}

}  // namespace

std::string lower(std::string_view s) { return text::lower_latin(s); }

void tokenize(std::string_view text, Tokens& result) {
  result.lowered.assign(text);  // reuses the buffer of an earlier call
  text::lower_latin_in_place(result.lowered);
  tokenize(text, result.lowered, result);
}

namespace {

constexpr std::size_t kTokenChunk = 64;  // tokens the vector grows by while tokens are appended

// Extends out (whose size is the end of its last chunk) by a chunk of blank
// tokens, copied in as bytes: resize would construct them one at a time.
void grow_chunk(std::vector<Token>& out) {
  static_assert(std::is_trivially_copyable_v<Token>);
  static constexpr Token kBlank[kTokenChunk]{};
  out.insert(out.end(), std::begin(kBlank), std::end(kBlank));
}

// ' ', '\n', '\t', '\r' as one shift and mask (asked once per word).
bool is_space(char c) {
  constexpr std::uint64_t kSpaces = (1ull << ' ') | (1ull << '\n') | (1ull << '\t') | (1ull << '\r');
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((kSpaces >> u) & 1u);
}

// low_text[b, e) with no bounds check: every token's bytes lie inside the
// text (substr's check and its throw path cost more than the view, per token).
std::string_view view(std::string_view low_text, std::size_t b, std::size_t e) {
  return std::string_view(low_text.data() + b, e - b);
}

// Appends tokens by writing them straight into the vector's storage, which
// grows a chunk at a time (the vector's size is the chunk's end): no call
// and no second copy per token (push_back is not inlined here, and a batch
// copied in costs a copy more). Nothing else may read or append to the
// vector while the appender lives; the caller sizes it at the end.
class TokenAppender {
 public:
  TokenAppender(std::vector<Token>& out, std::size_t next) : out_(out), data_(out.data()), next_(next), end_(out.size()) {}
  TokenAppender(const TokenAppender&) = delete;
  TokenAppender& operator=(const TokenAppender&) = delete;

  void push_back(const Token& t) {
    if (next_ == end_) grow();
    data_[next_++] = t;
  }
  bool empty() const { return next_ == 0; }
  std::size_t next() const { return next_; }

 private:
  void grow() {
    grow_chunk(out_);
    end_ = out_.size();
    data_ = out_.data();
  }
  std::vector<Token>& out_;
  Token* data_;  // out_.data(), kept: the vector is not re-read per token
  std::size_t next_;  // where the next token goes
  std::size_t end_;   // end of the chunk: the vector's size
};

// Reads what starts at i as tokenize does: a space (space is set) or one
// token (appended to out: a token vector or a TokenAppender). Returns where
// the next starts.
template <class Out>
std::size_t read_at(std::string_view text, std::string_view low_text, std::size_t i, bool& space, Out& out) {
  char c = text[i];
  if (is_space(c)) {
    space = true;
    return i + 1;
  }
  Token t;
  t.begin = static_cast<std::uint32_t>(i);
  t.glued_left = !space && !out.empty();
  std::size_t len = 1;
  char32_t cp = decode(text, i, len);
  std::size_t j;
  if (is_digit(c)) {
    t.kind = TokKind::Digits;
    j = scan_digits(text, i);
    t.low = view(low_text, i, j);
  } else if (is_letter(cp)) {
    t.kind = TokKind::Word;
    j = i;
    while (j < text.size()) {
      j = text::ascii_letters_end(text, j);  // ASCII: no decoding
      if (j >= text.size() || static_cast<unsigned char>(text[j]) < 0x80) break;
      std::size_t l = 1;
      if (!is_letter(decode(text, j, l))) break;
      j += l;
    }
    t.low = view(low_text, i, j);
  } else {
    t.kind = TokKind::Symbol;
    j = i + len;
    t.low = view(low_text, i, i + len);
  }
  t.end = static_cast<std::uint32_t>(j);
  out.push_back(std::move(t));
  space = false;
  return j;
}

}  // namespace

void tokenize(std::string_view text, std::string_view low_text, Tokens& result) {
  auto& out = result.list;
  out.clear();
  out.reserve(text.size() / 5);
  bool space = true;
  for (std::size_t i = 0; i < text.size();) i = read_at(text, low_text, i, space, out);
}

namespace {

// Where tokenize_words stands: its hot loop keeps these in registers (no
// address of them escapes), and hands them to read_until by value.
struct WordCursor {
  std::size_t done = 0;  // the text before this is tokenized
  std::size_t next = 0;  // where the next token goes in the vector
  bool space = true;     // white space since the last token
};

// Reads text[c.done, to) as tokenize does, appending to out (sized to its
// chunk's end, as TokenAppender keeps it).
WordCursor read_until(std::string_view text, std::string_view low_text, std::size_t to, WordCursor c,
                      std::vector<Token>& out) {
  TokenAppender appender(out, c.next);
  while (c.done < to) c.done = read_at(text, low_text, c.done, c.space, appender);
  c.next = appender.next();
  return c;
}

// tokenize_words for a scan whose white space is all plain (kPlainSpaces,
// words.plain_spaces) or not: the hot loop does not ask per word.
template <bool kPlainSpaces>
void tokenize_words_as(const entity::TokenStream& words, std::string_view low_text, Tokens& result) {
  const std::string_view text = words.text;
  auto& out = result.list;
  // The tokens are written over the last call's (the vector keeps its size
  // until the end): blank chunks are copied in only past the last count.
  out.reserve(text.size() / 5);
  WordCursor c;
  Token* data = out.data();
  std::size_t end = out.size();  // the end of the chunk being filled
  auto slow = [&](std::size_t to) {
    c = read_until(text, low_text, to, c, out);
    data = out.data();
    end = out.size();
  };
  // Appends the token text[c.done, to) of this kind, as read_at would.
  auto append = [&](std::size_t to, TokKind kind) {
    if (c.next == end) {
      grow_chunk(out);
      end = out.size();
      data = out.data();
    }
    Token& t = data[c.next];
    t.begin = static_cast<std::uint32_t>(c.done);
    t.end = static_cast<std::uint32_t>(to);
    t.kind = kind;
    t.glued_left = !c.space;  // space is set until the first token (c.next == 0)
    t.low = std::string_view(low_text.data() + c.done, to - c.done);
    ++c.next;
    c.space = false;
    c.done = to;
  };
  for (const auto& w : words.tokens) {
    if (w.begin < c.done) [[unlikely]] {  // read with a number before it ("1.500", "10 000")
      if (w.end > c.done) slow(w.end);      // the number ended inside it
      continue;
    }
    // White space before it: any gap when the scan saw only plain white
    // space, else one plain space, or read as tokenize does (form feeds
    // and spaces beyond ASCII are symbols here).
    if (w.begin != c.done) {
      if (kPlainSpaces || (w.begin == c.done + 1 && is_space(text[c.done]))) c.space = true;
      else slow(w.begin);
    }
    c.done = w.begin;
    if (w.ascii && !w.digits) {  // ASCII letters: one word; else one ASCII mark
      append(w.end, w.word ? TokKind::Word : TokKind::Symbol);
    } else if (w.ascii && w.word && w.shape == entity::Shape::None) {
      // Digits only: the number they start, with its separators and groups.
      append(scan_digits(text, w.begin), TokKind::Digits);
    } else if (w.latin_letters) {  // letters beyond ASCII, all Latin-1: one word
      append(w.end, TokKind::Word);
    } else {  // words with digits and letters, or other letters: as tokenize reads them
      slow(w.end);
    }
  }
  slow(text.size());
  out.resize(c.next);  // drops the unused rest of the chunk
}

}  // namespace

void tokenize_words(const entity::TokenStream& words, std::string_view low_text, Tokens& result) {
  if (words.plain_spaces) tokenize_words_as<true>(words, low_text, result);
  else tokenize_words_as<false>(words, low_text, result);
}

}  // namespace dealscan::money

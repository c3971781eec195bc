#include "extract/time_tokens.h"

#include <algorithm>

#include "extract/ascii_chunk.h"
#include "extract/latin_case.h"

namespace dealscan::timetok {
namespace {

bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence starting with lead byte c (1 for stray bytes).
std::size_t seq_len(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Latin-1 supplement and Latin Extended-A letters (lead bytes C3..C5) count
// as letters; other non-ASCII characters are punctuation.
bool letter_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (ascii_alpha(c)) return true;
  if (c < 0xC3 || c > 0xC5 || i + 1 >= s.size()) return false;
  auto c2 = static_cast<unsigned char>(s[i + 1]);
  return !(c == 0xC3 && (c2 == 0x97 || c2 == 0xB7));  // × and ÷
}

// lowered[begin, end), which the callers know lies inside it: substr's range
// check and its throw cost more than the token's other fields.
std::string_view view(std::string_view lowered, std::size_t begin, std::size_t end) {
  return std::string_view(lowered.data() + begin, end - begin);
}

bool space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

void lower_in_place(std::string& s) { text::lower_latin_in_place(s); }

namespace {

// Tokens written in place into the first slots of a store that only grows,
// each looked up in the index as it is written.
class Sink {
 public:
  Sink(std::vector<Token>& store, const WordIndex& index, std::uint32_t mark_roles = 0,
       std::vector<std::uint32_t>* marked = nullptr)
      : store_(store),
        index_(index),
        marked_(marked),
        mark_roles_(marked ? mark_roles : 0u),
        slots_(store.data()),
        capacity_(store.size()) {}
  // Inline, fields written in place: a call per token, or a token built
  // aside and copied, cost more than the token's own work.
  [[gnu::always_inline]] void add(std::size_t begin, std::size_t end, Kind kind, std::string_view lower, int number,
                                  bool hashed, std::uint32_t hash) {
    if (n_ == capacity_) grow();
    Token& t = slots_[n_++];
    t.begin = begin;
    t.end = end;
    t.kind = kind;
    t.lower = lower;
    t.number = number;
    index_.look_up(t, hashed, hash);
    if (t.roles & mark_roles_) marked_->push_back(static_cast<std::uint32_t>(n_ - 1));
  }
  // A word of no item in the place of the tokens of text[begin, end).
  void add_inert(std::size_t begin, std::size_t end) {
    if (n_ == capacity_) grow();
    Token& t = slots_[n_++];
    t = Token{};
    t.begin = begin;
    t.end = end;
  }
  const Token& back() const { return slots_[n_ - 1]; }
  std::size_t size() const { return n_; }

 private:
  [[gnu::noinline]] void grow() {
    // From 16: the vocabulary tokenizes each of its short forms into a fresh vector.
    store_.resize(std::max<std::size_t>(16, 2 * store_.size()));
    slots_ = store_.data();
    capacity_ = store_.size();
  }
  std::vector<Token>& store_;
  const WordIndex& index_;
  std::vector<std::uint32_t>* marked_;
  std::uint32_t mark_roles_;  // 0 without a list of marked tokens
  // The store's slots, kept here: read through the vector, they were
  // reloaded at every token (a token's fields might have been its pointers).
  Token* slots_;
  std::size_t capacity_;
  std::size_t n_ = 0;
};

// An index of no words: the tokenizers' vector forms look nothing up.
const WordIndex kNoWords{};

// One past the digits of text[i, n) from i; number is their value when
// there are at most nine, else -1.
std::size_t read_number(std::string_view text, std::size_t i, std::size_t n, int& number) {
  const std::size_t begin = i;
  long v = 0;
  while (i < n && digit(static_cast<unsigned char>(text[i]))) {
    if (i - begin < 9) v = v * 10 + (text[i] - '0');
    ++i;
  }
  number = i - begin <= 9 ? static_cast<int>(v) : -1;
  return i;
}

// Adds the tokens of text[begin, end): what tokenize makes of that part
// when a token starts at begin and none crosses end (but a word's apostrophe
// just past end is taken, as tokenize would).
void tokenize_range(std::string_view text, std::string_view lowered, std::size_t begin, std::size_t n, Sink& out) {
  const std::string_view bounded = text.substr(0, n);
  std::size_t i = begin;
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (space(c)) {
      ++i;
      continue;
    }
    const std::size_t begin_at = i;
    Kind kind = Kind::Word;
    int number = -1;
    if (digit(c)) {
      kind = Kind::Number;
      i = read_number(text, i, n, number);
    } else if (letter_at(text, i)) {
      while (i < n) {
        i = text::ascii_alnum_end(bounded, i);  // ASCII letters and digits
        if (i < n && static_cast<unsigned char>(text[i]) >= 0x80 && letter_at(text, i)) {
          i += 2;
        } else {
          break;
        }
      }
      if (i < text.size() && text[i] == '\'') ++i;  // elision: "dell'", "quest'"
    } else {
      kind = Kind::Punct;
      i += seq_len(c);
      if (i > n) i = n;
    }
    out.add(begin_at, i, kind, view(lowered, begin_at, i), number, false, 0);
  }
}

bool has_non_ascii(std::string_view s) {
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0x80) return true;
  return false;
}

}  // namespace

const WordIndex::Slot WordIndex::kNone{};

void WordIndex::add_to_screen(std::string_view word, std::uint8_t bits) {
  screen[screen_slot(entity::hash_key(word))] |= bits;
  if (word.size() > 1 && word.back() == '\'') add_to_screen(word.substr(0, word.size() - 1), bits);  // "dell"
}

void WordIndex::build(const std::vector<Slot>& words) {
  std::size_t size = 16;
  while (size < 4 * words.size()) size *= 2;  // a quarter full at most: short probes
  table.assign(size, Slot{});
  mask = size - 1;
  for (Slot slot : words) {
    slot.hash = word_hash(slot.word);
    std::size_t at = slot.hash & mask;
    while (table[at].entry >= 0) at = (at + 1) & mask;
    table[at] = slot;
    add_to_screen(slot.word, kItemWord);
  }
}

namespace {

// Whether the white space of text[from, to) between two scan tokens makes
// tokens: only characters beyond ASCII (never one byte) do.
[[gnu::always_inline]] inline bool gap_makes_tokens(std::string_view text, std::size_t from, std::size_t to) {
  return to > from + 1 && has_non_ascii(text.substr(from, to - from));
}

// A scan word the time tokens take whole as one word: an ASCII word, or a
// word of Latin-1 letters; its scan key is its lower-cased text, hashed. A
// word of letters only starts with one; with digits, its first byte tells.
[[gnu::always_inline]] inline bool whole_word(const entity::Token& w, std::string_view text) {
  // Bitwise on the flags: loads, not a branch each.
  const bool ascii_word = w.ascii & w.word;
  if ((ascii_word & !w.digits) | w.latin_letters) return true;
  return ascii_word && ascii_alpha(static_cast<unsigned char>(text[w.begin]));
}

// One past a whole word with its elided apostrophe, if any ("dell'").
std::size_t whole_word_end(const entity::Token& w, std::string_view text) {
  return w.end < text.size() && text[w.end] == '\'' ? w.end + 1 : w.end;
}

// Makes the time tokens of spans of the shared scan's tokens, in order.
class ScanReader {
 public:
  ScanReader(const entity::TokenStream& words, std::string_view lowered, Sink& out)
      : text_(words.text),
        lowered_(lowered),
        tokens_(words.tokens),
        out_(out),
        plain_spaces_(words.plain_spaces) {}
  // The tokens of scan tokens [from, to) and of the white space before each.
  void read(std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const entity::Token& w = tokens_[k];
      // Most tokens, inline: a word of ASCII letters after white space that
      // makes no tokens (read_token's first tests, which it passes).
      if (plain_spaces_ && (w.ascii & w.word & !w.digits) && w.begin >= done_)
        add_whole_word(w);
      else
        read_token(w);
    }
  }
  // The text before `at` is taken care of (its tokens left unmade).
  void skip_to(std::size_t at) { done_ = at; }
  // The tokens of the white space after the last scan token.
  void finish() {
    if (gap_makes_tokens(text_, done_, text_.size())) tokenize_range(text_, lowered_, done_, text_.size(), out_);
  }

 private:
  void read_token(const entity::Token& w) {
    if (w.begin < done_) return;  // the apostrophe of the word before
    if (gap_makes_tokens(text_, done_, w.begin)) tokenize_range(text_, lowered_, done_, w.begin, out_);
    if (whole_word(w, text_)) {
      add_whole_word(w);
    } else if (w.ascii && w.word && w.shape == entity::Shape::None) {  // ASCII digits only: one number
      int number = -1;
      read_number(text_, w.begin, w.end, number);
      out_.add(w.begin, w.end, Kind::Number, view(lowered_, w.begin, w.end), number, true,
               static_cast<std::uint32_t>(w.key_hash));
      done_ = w.end;
    } else if (w.ascii && !w.word) {  // one ASCII mark
      out_.add(w.begin, w.end, Kind::Punct, view(lowered_, w.begin, w.end), -1, true,
               static_cast<std::uint32_t>(w.key_hash));
      done_ = w.end;
    } else {  // numbers, and words with other letters: as tokenize reads them
      tokenize_range(text_, lowered_, w.begin, w.end, out_);
      done_ = std::max<std::size_t>(w.end, out_.back().end);
    }
  }

  // A word whole_word takes, with its elided apostrophe if any.
  [[gnu::always_inline]] void add_whole_word(const entity::Token& w) {
    const std::size_t end = whole_word_end(w, text_);
    auto h = static_cast<std::uint32_t>(w.key_hash);
    if (end != w.end) h = word_hash(view(lowered_, w.begin, end));  // "dell'"
    out_.add(w.begin, end, Kind::Word, view(lowered_, w.begin, end), -1, true, h);
    done_ = end;
  }

  std::string_view text_;
  std::string_view lowered_;
  const std::vector<entity::Token>& tokens_;
  Sink& out_;
  bool plain_spaces_;     // no white space beyond ASCII: no gap makes tokens
  std::size_t done_ = 0;  // the text before this is tokenized
};

// What tokenize_near_starts makes of a scan token (and the white space
// before it): an inert word, a token the grammar may read, or a possible start.
enum class Seen : std::uint8_t { Inert, Read, Start };

constexpr std::size_t kNoScanToken = static_cast<std::size_t>(-1);

// The screen's verdict on scan token w whose screen slot has `bits`, when
// no white space before it makes tokens; needs_next is set when it is a
// start only if the token after it completes it (see tokenize_near_starts).
// The grammar's refusals it follows are core_may_begin's (time_cores.h).
[[gnu::always_inline]] inline Seen screen_token(const entity::Token& w, bool whole, std::uint8_t bits,
                                                bool& needs_next) {
  const std::size_t length = w.end - w.begin;
  if (whole) {
    if (bits & WordIndex::kStartWord) return Seen::Start;
    needs_next = bits & WordIndex::kStartBeforeNext;
    // Its apostrophe may come after it: one byte short of the longest looked up.
    if (bits || length >= WordIndex::kMaxLen - 1) return Seen::Read;
    return Seen::Inert;
  }
  if (!w.ascii) return Seen::Start;  // read byte by byte
  if (!w.word) return bits & (WordIndex::kStartWord | WordIndex::kStartBeforeNext) ? Seen::Start : Seen::Read;
  if (w.shape != entity::Shape::None || (bits & WordIndex::kItemWord) || length == 4) return Seen::Start;
  // A number of no item: one of three or of five or more digits starts no
  // core, one of one or two digits only before a unit, a month or a mark.
  needs_next = length <= 2;
  return Seen::Read;
}

// Whether the token after a token needing it (a number ending at number_end,
// if it was one) completes it: a start, a word with kCompletes, or a mark
// of a numeric date right after the number ("21/01", "2025-01", "21.01").
[[gnu::always_inline]] inline bool completes(const entity::Token& w, std::string_view text, Seen seen,
                                             std::uint8_t bits, std::size_t number_end) {
  if (seen == Seen::Start || (bits & WordIndex::kCompletes)) return true;
  if (w.begin != number_end || w.word || !w.ascii) return false;
  const char c = text[w.begin];
  return c == '/' || c == '.' || c == '-';
}

// Makes the tokens of scan tokens [run, to), after one inert token in the
// place of the stretch from scan token `stretch` (none: kNoScanToken) to the
// run.
[[gnu::noinline]] void make_run(const entity::TokenStream& words, std::size_t stretch, std::size_t run, std::size_t to,
                                Sink& out, ScanReader& reader) {
  if (stretch != kNoScanToken) {
    out.add_inert(words.tokens[stretch].begin, words.tokens[run - 1].end);
    reader.skip_to(words.tokens[run - 1].end);
  }
  reader.read(run, to);
}

}  // namespace

void tokenize(std::string_view text, std::string_view lowered, std::vector<Token>& out) {
  Sink sink(out, kNoWords);
  tokenize_range(text, lowered, 0, text.size(), sink);
  out.resize(sink.size());
}

void tokenize_words(const entity::TokenStream& words, std::string_view lowered, std::vector<Token>& out) {
  out.resize(tokenize_words_into(words, lowered, kNoWords, out));
}

std::size_t tokenize_words_into(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                                std::vector<Token>& store) {
  Sink out(store, index);
  ScanReader reader(words, lowered, out);
  reader.read(0, words.tokens.size());
  reader.finish();
  return out.size();
}

namespace {

// tokenize_near_starts for a text whose white space is all ASCII
// (kPlainSpaces) or not.
template <bool kPlainSpaces>
std::size_t screen_and_make(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                            std::vector<Token>& store, std::vector<std::uint32_t>& marked) {
  const std::string_view text = words.text;
  const entity::Token* const scan = words.tokens.data();
  const std::size_t count = words.tokens.size();
  const std::uint8_t* const screen = index.screen.data();  // kept here: the tokens written might alias it
  marked.clear();
  Sink out(store, index, index.start_roles, &marked);
  ScanReader reader(words, lowered, out);
  std::size_t stretch = kNoScanToken;     // the first scan token of the stretch left unmade, if any
  std::size_t run = kNoScanToken;         // the first scan token of the run being screened, if any
  bool live = false;                      // the run holds a possible start
  bool pending = false;                   // the token before is a start if this one completes it
  std::size_t done = 0;                   // the end of the scan token before (kept with spaces beyond ASCII)
  std::size_t word_end = kNoScanToken;    // the end of the whole word before, if it came last
  std::size_t number_end = kNoScanToken;  // the end of the number before, if it came last
  // An inert word at k: it ends the run before it (made if live) and
  // belongs to the stretch after it.
  auto inert_at = [&](std::size_t k) {
    if (run != kNoScanToken) {
      if (live) {
        make_run(words, stretch, run, k, out, reader);
        stretch = kNoScanToken;
      } else if (stretch == kNoScanToken) {
        stretch = run;  // a run at the start, before any made
      }
      run = kNoScanToken;
      live = false;
    }
    if (stretch == kNoScanToken) stretch = k;
  };
  for (std::size_t k = 0; k < count; ++k) {
    const entity::Token& w = scan[k];
    const std::uint8_t bits = screen[WordIndex::screen_slot(w.key_hash)];
    const bool gap = !kPlainSpaces && gap_makes_tokens(text, done, w.begin);
    if constexpr (!kPlainSpaces) done = w.end;
    // Most tokens: words of ASCII letters, inert or a word of an item that
    // may neither start nor complete a start (articles, prepositions). Only
    // an inert one is measured: one too long to be looked up is read.
    if ((w.ascii & w.word & !w.digits) && (bits & ~WordIndex::kItemWord) == 0 && !gap &&
        (bits != 0 || w.end - w.begin < WordIndex::kMaxLen - 1)) {
      pending = false;
      word_end = w.end;
      if (bits == 0) inert_at(k);
      else if (run == kNoScanToken) run = k;
      continue;
    }
    if (!gap && w.begin == word_end && text[w.begin] == '\'') {  // the elided apostrophe of the word before
      word_end = kNoScanToken;
      continue;
    }
    const bool whole = whole_word(w, text);
    bool needs_next = false;
    const Seen seen = gap ? Seen::Start : screen_token(w, whole, bits, needs_next);
    if (pending) live = live || completes(w, text, seen, bits, number_end);
    pending = needs_next;
    word_end = whole ? w.end : kNoScanToken;
    number_end = needs_next && !whole ? w.end : kNoScanToken;
    if (seen == Seen::Inert) {
      inert_at(k);
      continue;
    }
    if (run == kNoScanToken) run = k;
    live = live || seen == Seen::Start;
  }
  // Tokens of the white space after the last scan token are made after it.
  if (!kPlainSpaces && gap_makes_tokens(text, done, text.size())) {
    if (run == kNoScanToken) run = count;
    live = true;
  }
  if (run != kNoScanToken && live) {
    make_run(words, stretch, run, count, out, reader);
    reader.finish();
  } else if (run != kNoScanToken || stretch != kNoScanToken) {
    out.add_inert(scan[stretch != kNoScanToken ? stretch : run].begin, scan[count - 1].end);
  }
  return out.size();
}

}  // namespace

std::size_t tokenize_near_starts(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                                 std::vector<Token>& store, std::vector<std::uint32_t>& marked) {
  // The scan makes a token of every character but white space: only white
  // space beyond ASCII, which clears plain_spaces, makes time tokens between two.
  if (words.plain_spaces) return screen_and_make<true>(words, lowered, index, store, marked);
  return screen_and_make<false>(words, lowered, index, store, marked);
}

}  // namespace dealscan::timetok

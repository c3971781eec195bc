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
      : store_(store), index_(index), marked_(marked), mark_roles_(marked ? mark_roles : 0u),
        slots_(store.data()), capacity_(store.size()) {}
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
  }
}

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
  std::vector<std::uint32_t> none;
  return tokenize_words_into(words, lowered, index, store, 0, none);
}

std::size_t tokenize_words_into(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                                std::vector<Token>& store, std::uint32_t mark_roles,
                                std::vector<std::uint32_t>& marked) {
  const std::string_view text = words.text;
  std::size_t done = 0;  // the text before this is tokenized
  marked.clear();
  Sink out(store, index, mark_roles, &marked);
  // White space up to `to`: only characters beyond ASCII (never one byte) make tokens.
  auto gap = [&](std::size_t to) {
    if (to > done + 1 && has_non_ascii(text.substr(done, to - done))) tokenize_range(text, lowered, done, to, out);
  };
  for (const auto& w : words.tokens) {
    if (w.begin < done) continue;  // the apostrophe of the word before
    gap(w.begin);
    // An ASCII word or mark, or a word of Latin-1 letters: its scan key is
    // its lower-cased text, hashed. A word of letters only starts with one;
    // with digits, its first byte tells.
    if ((w.ascii && w.word && (!w.digits || ascii_alpha(static_cast<unsigned char>(text[w.begin])))) ||
        w.latin_letters) {
      // A word: one time word, with its apostrophe.
      std::size_t end = w.end;
      auto h = static_cast<std::uint32_t>(w.key_hash);
      if (end < text.size() && text[end] == '\'') h = word_hash(view(lowered, w.begin, ++end));  // "dell'"
      out.add(w.begin, end, Kind::Word, view(lowered, w.begin, end), -1, true, h);
      done = end;
    } else if (w.ascii && w.word && w.shape == entity::Shape::None) {  // ASCII digits only: one number
      int number = -1;
      read_number(text, w.begin, w.end, number);
      out.add(w.begin, w.end, Kind::Number, view(lowered, w.begin, w.end), number, true,
              static_cast<std::uint32_t>(w.key_hash));
      done = w.end;
    } else if (w.ascii && !w.word) {  // one ASCII mark
      out.add(w.begin, w.end, Kind::Punct, view(lowered, w.begin, w.end), -1, true,
              static_cast<std::uint32_t>(w.key_hash));
      done = w.end;
    } else {  // numbers, and words with other letters: as tokenize reads them
      tokenize_range(text, lowered, w.begin, w.end, out);
      done = std::max<std::size_t>(w.end, out.back().end);
    }
  }
  gap(text.size());
  return out.size();
}

}  // namespace dealscan::timetok

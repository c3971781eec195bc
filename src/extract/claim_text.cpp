#include "extract/claim_text.h"
#include "extract/latin_case.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <iterator>

namespace dealscan::claims {
namespace {

constexpr std::size_t kStemKey = 3;  // bytes of a prefix pattern used as hash key

constexpr bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// is_ascii_alnum as a table, for the loops over every byte.
constexpr std::array<bool, 256> kAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = is_ascii_alnum(static_cast<unsigned char>(c));
  return t;
}();

// Length of the UTF-8 sequence starting with lead byte c.
std::size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// Multi-byte characters that are punctuation, not letters: dashes, guillemets,
// typographic quotes, ellipsis (the normaliser folds most, not all).
bool is_multibyte_punct(std::string_view ch) {
  // All of them start with 0xC2 (U+00A0..U+00BB) or 0xE2 (U+2013..U+2026):
  // accented letters (0xC3 ..) are told apart without the list.
  auto lead = static_cast<unsigned char>(ch.front());
  if (lead != 0xC2 && lead != 0xE2) return false;
  static constexpr std::string_view kPunct[] = {"\u2013", "\u2014", "\u00AB", "\u00BB", "\u201C", "\u201D",
                                                "\u2018", "\u2019", "\u2026", "\u00A0", "\u2022"};
  return std::find(std::begin(kPunct), std::end(kPunct), ch) != std::end(kPunct);
}

bool is_word_char(std::string_view text, std::size_t i, std::size_t& len) {
  auto c = static_cast<unsigned char>(text[i]);
  len = std::min(utf8_len(c), text.size() - i);
  if (c < 0x80) return is_ascii_alnum(c);
  return !is_multibyte_punct(text.substr(i, len));
}

// Lowercases ASCII and the Latin-1 capitals (U+00C0..U+00DE) that Italian uses.
std::string lower(std::string_view s) { return text::lower_latin(s); }

// Characters that join two word parts into one token: "start-up", "1.500", "6,6".
bool joins(std::string_view text, std::size_t i) {
  if (i == 0 || i + 1 >= text.size()) return false;
  char c = text[i];
  auto prev = static_cast<unsigned char>(text[i - 1]);
  auto next = static_cast<unsigned char>(text[i + 1]);
  if (c == '-') return (prev >= 0x80 || is_ascii_alnum(prev)) && (next >= 0x80 || is_ascii_alnum(next));
  if (c == '.' || c == ',') return prev >= '0' && prev <= '9' && next >= '0' && next <= '9';
  return false;
}

// One past the word starting at i: word characters, and the characters that
// join two word parts ("start-up", "1.500").
std::size_t word_end(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    auto c = static_cast<unsigned char>(text[i]);
    if (kAlnum[c]) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (!joins(text, i)) break;
      ++i;
      continue;
    }
    std::size_t len = std::min(utf8_len(c), text.size() - i);
    if (is_multibyte_punct(text.substr(i, len))) break;
    i += len;
  }
  return i;
}

}  // namespace

namespace {

// Reads what starts at i (< end) as tokenize does: a token (appended) or
// white space. Returns where the next starts.
std::size_t read_at(std::string_view text, std::string_view lowered, std::size_t i, std::size_t end,
                    std::vector<Token>& out) {
  if (text[i] == ' ') return i + 1;  // the commonest byte between words: no token
  std::size_t len = 1;
  if (is_word_char(text, i, len)) {
    std::size_t b = i;
    i = word_end(text, i, end);
    // An elided article keeps its apostrophe: "l'" "un'" "dell'".
    if (i < end && text[i] == '\'') ++i;
    out.push_back(Token{Span{b, i}, std::string_view(lowered.data() + b, i - b), true});
    return i;
  }
  auto c = static_cast<unsigned char>(text[i]);
  if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && text.substr(i, len) != "\u00A0") {
    out.push_back(Token{Span{i, i + len}, lowered.substr(i, len), false});
  }
  return i + len;
}

// The bytes after an ASCII word that may carry it on: joiners and
// characters beyond ASCII.
bool may_join(char c) { return c == '-' || c == '.' || c == ',' || static_cast<unsigned char>(c) >= 0x80; }

// Skips the white space of [i, to) that makes no token (ASCII spaces, tabs,
// line breaks, U+00A0); false when something else is there.
bool blank_between(std::string_view text, std::size_t i, std::size_t to) {
  while (i < to) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (text.substr(i, 2) == "\u00A0" && i + 2 <= to) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// tokenize's tokens of [span) from the shared word scan, or false (out
// unspecified) when the span does not line up with it simply. mark(token)
// is called on every token as it is made (StartIndex marks them here, while
// each is in hand, not in a second pass).
template <class Mark>
bool tokens_from_words(const entity::TokenStream& words, std::string_view lowered, Span span, std::vector<Token>& out,
                       WordCursor* cursor, Mark&& mark) {
  const std::string_view text = words.text;
  const std::size_t end = std::min(span.end, text.size());
  const auto& toks = words.tokens;
  const auto first = toks.begin() + static_cast<std::ptrdiff_t>(first_word_at(toks, span.begin, cursor));
  if (first != toks.begin() && std::prev(first)->end > span.begin) return false;  // a word across the start
  std::size_t done = span.begin;  // the span before this is tokenized
  auto it = first;
  for (; it != toks.end() && it->begin < end; ++it) {
    const entity::Token& w = *it;
    if (w.end <= done) continue;     // taken by the word before ("start-up", "1.500", "dell'")
    if (w.begin < done) return false;
    const bool one_space = w.begin == done || (w.begin == done + 1 && text[done] == ' ');  // most gaps
    if (!one_space && !blank_between(text, done, w.begin)) return false;
    if (w.end > end) return false;   // a word across the end
    if (!w.ascii) {
      const std::size_t from = out.size();
      done = read_at(text, lowered, w.begin, end, out);
      for (std::size_t k = from; k < out.size(); ++k) mark(out[k]);
      continue;
    }
    // One ASCII mark, or an ASCII word: it ends where the scan's word ends,
    // unless joined on. One push_back for both, so that it is inlined.
    std::size_t e = w.end;
    if (w.word) {
      if (e < end && may_join(text[e]) && (static_cast<unsigned char>(text[e]) >= 0x80 || joins(text, e)))
        e = word_end(text, e, end);
      if (e < end && text[e] == '\'') ++e;
    }
    Token t{Span{w.begin, e}, std::string_view(lowered.data() + w.begin, e - w.begin), w.word};  // e <= end <= size
    mark(t);
    out.push_back(t);  // an lvalue: push_back(const&) is inlined, emplace_back is not
    done = e;
  }
  if (cursor) cursor->next = static_cast<std::size_t>(it - toks.begin());
  return blank_between(text, done, end);
}

}  // namespace

std::size_t first_word_at(const std::vector<entity::Token>& words, std::size_t pos, const WordCursor* cursor) {
  if (cursor) {
    const std::size_t k = cursor->next;
    if (k <= words.size() && (k == words.size() || words[k].begin >= pos) && (k == 0 || words[k - 1].begin < pos)) return k;
  }
  auto it = std::lower_bound(words.begin(), words.end(), pos, [](const entity::Token& t, std::size_t p) { return t.begin < p; });
  return static_cast<std::size_t>(it - words.begin());
}

std::vector<Token> tokenize(std::string_view text, std::string_view lowered, Span span) {
  std::vector<Token> out;
  std::size_t i = span.begin, end = std::min(span.end, text.size());
  out.reserve((end - std::min(i, end)) / 4 + 4);  // Italian words average 5-6 bytes with their space
  while (i < end) i = read_at(text, lowered, i, end, out);
  return out;
}

std::vector<Token> tokenize(const entity::TokenStream& words, std::string_view lowered, Span span) {
  std::vector<Token> out;
  tokenize_into(words, lowered, span, out);
  return out;
}

namespace {

// tokenize_into with mark(token) called on every token.
template <class Mark>
void tokenize_into(const entity::TokenStream& words, std::string_view lowered, Span span, std::vector<Token>& out,
                   WordCursor* cursor, Mark&& mark) {
  out.clear();
  const std::size_t end = std::min(span.end, words.text.size());
  out.reserve((end - std::min<std::size_t>(span.begin, end)) / 4 + 4);
  if (words.valid_utf8 && tokens_from_words(words, lowered, span, out, cursor, mark)) return;
  out.clear();
  for (std::size_t i = span.begin; i < end;) i = read_at(words.text, lowered, i, end, out);
  for (Token& t : out) mark(t);
}

}  // namespace

void tokenize_into(const entity::TokenStream& words, std::string_view lowered, Span span, std::vector<Token>& out) {
  tokenize_into(words, lowered, span, out, nullptr, [](Token&) {});
}

namespace {
std::atomic<std::uint32_t> next_matcher_id{1};
// The memo's view of w: its head and tail words (see StartMemo below).
[[gnu::always_inline]] inline void memo_words(std::string_view w, std::uint64_t& head, std::uint64_t& tail) {
  const char* p = w.data();
  const std::size_t n = w.size();
  head = tail = 0;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t h4, t4;
    std::memcpy(&h4, p, 4);
    std::memcpy(&t4, p + n - 4, 4);
    head = h4;
    tail = t4;
  } else if (n > 0) {
    // First, middle and last byte: with the length, they are the word (1-3
    // bytes), read without a loop.
    head = std::uint64_t{static_cast<unsigned char>(p[0])} | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
           std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
  }
}
}  // namespace

PhraseMatcher::PhraseMatcher(const std::vector<LexEntry>& entries) : id_(next_matcher_id++) {
  for (const auto& e : entries) {
    for (const auto& form : e.forms) {
      Phrase p;
      p.entry = &e;
      p.type = e.attr("type");
      std::size_t i = 0;
      while (i < form.size()) {
        auto sp = form.find(' ', i);
        auto w = form.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        if (!w.empty()) p.words.push_back(lower(w));
        if (sp == std::string::npos) break;
        i = sp + 1;
      }
      if (p.words.empty()) continue;
      for (const auto& w : p.words) p.specificity += 100 + (w.find('*') == std::string::npos ? 50 : w.size());
      phrases_.push_back(std::move(p));
    }
  }
  for (const auto& p : phrases_) {  // is_second_word's lists; word_matches tells patterns by the same tests
    if (p.words.size() < 2) continue;
    const std::string& w = p.words[1];
    const bool pattern = w.size() > 1 && (w.back() == '*' || w.front() == '*');
    (pattern ? second_patterns_ : second_words_).push_back(w);
  }
  std::sort(second_words_.begin(), second_words_.end());
  second_words_.erase(std::unique(second_words_.begin(), second_words_.end()), second_words_.end());
  std::size_t keys = 0;
  for (const auto& p : phrases_) keys += p.words.front().front() != '*';
  std::size_t size = 16;
  while (size < 4 * keys) size *= 2;
  slots_.resize(size);
  tags_.assign(size, 0);
  for (std::size_t k = 0; k < phrases_.size(); ++k) {
    const auto& first = phrases_[k].words.front();
    if (first.front() == '*') {
      suffix_.push_back(k);
      suffix_last_.set(static_cast<unsigned char>(first.back()));
    } else if (first.back() == '*') {
      add_key(first.substr(0, std::min(kStemKey, first.size() - 1)), true, k);
    } else {
      add_key(first, false, k);
    }
  }
}

namespace {
constexpr std::uint64_t kFnvBasis = 1469598103934665603ull, kFnvPrime = 1099511628211ull;
std::uint64_t fnv_step(std::uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * kFnvPrime; }
std::uint16_t tag_of(std::uint64_t h) { return static_cast<std::uint16_t>(h >> 48) | 1; }
std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = kFnvBasis;
  for (char c : s) h = fnv_step(h, c);
  return h;
}
}  // namespace

std::size_t PhraseMatcher::head2(std::string_view s) {
  auto b0 = static_cast<unsigned char>(s[0]);
  auto b1 = s.size() > 1 ? static_cast<unsigned char>(s[1]) : 0u;
  return std::size_t{b0} << 8 | b1;
}

void PhraseMatcher::add_key(std::string_view key, bool prefix, std::size_t phrase) {
  if (prefix) {
    stem_head_.set(head2(key));
    stem_lengths_ |= 1u << key.size();
  } else {
    word_head_.set(head2(key));
  }
  std::size_t mask = slots_.size() - 1;
  std::uint64_t h = fnv(key);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.key.empty()) {
      s.key = std::string(key);
      s.prefix = prefix;
      tags_[i] = tag_of(h);
    } else if (s.key != key || s.prefix != prefix) {
      continue;
    }
    s.phrases.push_back(phrase);
    return;
  }
}

namespace {
// a[0, n) == b[0, n), compared in place: keys and words are a few bytes,
// fewer than a call to memcmp costs.
bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    if (a[k] != b[k]) return false;
  return true;
}
}  // namespace

const PhraseMatcher::Slot* PhraseMatcher::find_key(std::uint64_t hash, std::string_view key, bool prefix) const {
  std::size_t mask = slots_.size() - 1;
  std::uint16_t tag = tag_of(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    if (tags_[i] == 0) return nullptr;
    if (tags_[i] != tag) continue;
    const Slot& s = slots_[i];
    if (s.prefix == prefix && s.key.size() == key.size() && same_bytes(s.key.data(), key.data(), key.size()))
      return &s;
  }
}

bool PhraseMatcher::word_matches(std::string_view pattern, std::string_view token) {
  if (pattern.size() > 1 && pattern.back() == '*') {
    const std::size_t stem = pattern.size() - 1;
    return token.size() >= stem && same_bytes(token.data(), pattern.data(), stem);
  }
  if (pattern.size() > 1 && pattern.front() == '*') {
    const std::size_t tail = pattern.size() - 1;
    return token.size() > tail && same_bytes(token.data() + token.size() - tail, pattern.data() + 1, tail);
  }
  return pattern.size() == token.size() && same_bytes(pattern.data(), token.data(), token.size());
}

template <class F>
void PhraseMatcher::for_each_candidate(std::string_view token, F&& f) const {
  if (!token.empty()) {
    // Stem keys are the token's first 1-3 bytes; the whole word is the exact key.
    const Slot* stems[kStemKey] = {};
    std::uint64_t h = kFnvBasis;
    std::size_t n = 0;
    for (; n < std::min(kStemKey, token.size()); ++n) {
      h = fnv_step(h, token[n]);
      if ((stem_lengths_ >> (n + 1) & 1) && stem_head_.test(head2(token.substr(0, n + 1))))
        stems[n] = find_key(h, token.substr(0, n + 1), true);
    }
    if (word_head_.test(head2(token))) {
      for (; n < token.size(); ++n) h = fnv_step(h, token[n]);
      if (const Slot* s = find_key(h, token, false))
        for (auto k : s->phrases) f(phrases_[k]);
    }
    for (const Slot* s : stems)
      if (s)
        for (auto k : s->phrases)
          if (word_matches(phrases_[k].words.front(), token)) f(phrases_[k]);
  }
  if (token.empty() || !suffix_last_.test(static_cast<unsigned char>(token.back()))) return;
  for (auto k : suffix_)
    if (word_matches(phrases_[k].words.front(), token)) f(phrases_[k]);
}

namespace {

// A word's bit in CandidateMemo::Slot::next_bytes: its first byte, mod 64
// (lower-case letters get a bit each). No bit for an empty word.
std::uint64_t next_byte_bit(std::string_view w) {
  return w.empty() ? 0 : std::uint64_t{1} << (static_cast<unsigned char>(w.front()) & 63);
}

// The candidate phrases of words already looked up by a thread, per matcher,
// direct-mapped: the same words recur in every sentence, and their stem,
// word and suffix probes cost more than one hash and compare. Words are
// held as StartMemo holds them (up to 16 bytes: longer ones are looked up
// each time), with at most kMax candidates (more: looked up each time).
struct CandidateMemo {
  static constexpr std::size_t kSlots = 2048;
  static constexpr std::size_t kMaxWord = 16;
  static constexpr std::uint8_t kMax = 8, kTooMany = 0xFF;  // 8: the slot stays 40 bytes
  // count for a word whose candidates are all one word long: then the
  // match is the word's alone, and phrases[0] is the one best_at picks.
  static constexpr std::uint8_t kOneWordBest = 0xFE;
  struct Slot {
    std::uint64_t head = 0, tail = 0;
    std::uint32_t owner = 0;  // the matcher's id_
    std::uint8_t len = 0;     // 0: empty (a word is never empty)
    std::uint8_t count = 0;   // candidates, or kTooMany
    std::uint16_t phrases[kMax];
    // The candidates' second words' first bytes, a bit each (mod 64); all
    // set when one is a single word or starts its second word with '*'.
    // "di" starts "di certo non" only: "di euro" is refused on one bit.
    std::uint64_t next_bytes = 0;
  };
  std::array<Slot, kSlots> slots{};
};
thread_local CandidateMemo candidate_memo;
static_assert(CandidateMemo::kSlots == std::size_t{1} << 11, "the slot is the hash's top 11 bits");

}  // namespace

// Inline here, its only caller: a hit is a hash and a compare, the miss
// path is out of line.
inline const std::uint16_t* PhraseMatcher::remembered_candidates(std::string_view token, std::size_t& count,
                                                                 std::uint64_t& next_bytes) const {
  if (id_ == 0 || token.empty() || token.size() > CandidateMemo::kMaxWord || phrases_.size() > 0xFFFF) return nullptr;
  std::uint64_t head, tail;
  memo_words(token, head, tail);
  const std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ (std::uint64_t{id_} << 8) ^ token.size()) * 0xff51afd7ed558ccdull;
  const std::size_t at = h >> 53;  // the top 11 bits: kSlots
  const CandidateMemo::Slot& slot = candidate_memo.slots[at];
  if (!(slot.owner == id_ && slot.head == head && slot.tail == tail && slot.len == token.size()))
    remember_candidates(at, token, head, tail);
  if (slot.count == CandidateMemo::kTooMany) return nullptr;
  count = slot.count;
  next_bytes = slot.next_bytes;
  return slot.phrases;
}

void PhraseMatcher::remember_candidates(std::size_t at, std::string_view token, std::uint64_t head, std::uint64_t tail) const {
  CandidateMemo::Slot& slot = candidate_memo.slots[at];
  slot.owner = id_;
  slot.head = head;
  slot.tail = tail;
  slot.len = static_cast<std::uint8_t>(token.size());
  std::size_t n = 0;
  const Phrase* best = nullptr;  // as best_at's consider picks among one-word phrases
  bool one_word = true;
  slot.next_bytes = 0;
  for_each_candidate(token, [&](const Phrase& p) {
    if (n < CandidateMemo::kMax) slot.phrases[n] = static_cast<std::uint16_t>(&p - phrases_.data());
    ++n;
    slot.next_bytes |= p.words.size() == 1 || p.words[1].front() == '*' ? ~std::uint64_t{0} : next_byte_bit(p.words[1]);
    one_word = one_word && p.words.size() == 1;
    if (!best || p.specificity > best->specificity) best = &p;
  });
  slot.count = n > CandidateMemo::kMax ? CandidateMemo::kTooMany : static_cast<std::uint8_t>(n);
  if (n > 0 && one_word) {
    slot.count = CandidateMemo::kOneWordBest;
    slot.phrases[0] = static_cast<std::uint16_t>(best - phrases_.data());
  }
}

std::uint16_t PhraseMatcher::one_word_phrase(std::string_view token) const {
  if (phrases_.size() >= kWordPhraseIndex) return 0;
  const Phrase* best = nullptr;  // as best_at's consider picks among one-word phrases
  bool longer = false;
  for_each_candidate(token, [&](const Phrase& p) {
    if (p.words.size() > 1) {
      longer = true;
    } else if (!best || p.specificity > best->specificity) {
      best = &p;
    }
  });
  // With no longer phrase matching, best_at's pick is best whatever the
  // specificities: every one-word candidate matches, the first of the most
  // specific wins.
  const auto one = best ? static_cast<std::uint16_t>(best - phrases_.data() + 1) : std::uint16_t{0};
  return one | (longer ? kStartsLonger : std::uint16_t{0});
}

bool PhraseMatcher::is_second_word(std::string_view token) const {
  return std::binary_search(second_words_.begin(), second_words_.end(), token) || is_second_pattern(token);
}

bool PhraseMatcher::is_second_pattern(std::string_view token) const {
  for (const auto& p : second_patterns_)
    if (word_matches(p, token)) return true;
  return false;
}

bool PhraseMatcher::best_at(const std::vector<Token>& tokens, std::size_t i, PhraseMatch& out) const {
  const Phrase* best = nullptr;
  auto consider = [&](const Phrase& p) {
    if (i + p.words.size() > tokens.size()) return;
    if (best && p.specificity <= best->specificity) return;  // cannot win: skip the word checks
    for (std::size_t w = 1; w < p.words.size(); ++w)
      if (!word_matches(p.words[w], tokens[i + w].lower)) return;
    best = &p;
  };
  std::size_t count = 0;
  std::uint64_t next_bytes = 0;
  if (const std::uint16_t* known = remembered_candidates(tokens[i].lower, count, next_bytes)) {
    if (count == CandidateMemo::kOneWordBest) {  // the word alone decides: no phrase to check on
      out = PhraseMatch{&phrases_[known[0]], i, i + 1};
      return true;
    }
    // Only longer phrases, and no next token starting as a second word of theirs.
    if (~next_bytes && (i + 1 >= tokens.size() || !(next_bytes & next_byte_bit(tokens[i + 1].lower)))) return false;
    for (std::size_t k = 0; k < count; ++k) consider(phrases_[known[k]]);
  } else {
    for_each_candidate(tokens[i].lower, consider);
  }
  if (!best) return false;
  out = PhraseMatch{best, i, i + best->words.size()};
  return true;
}

std::vector<PhraseMatch> PhraseMatcher::find_all(const std::vector<Token>& tokens, std::size_t begin,
                                                 std::size_t end) const {
  std::vector<PhraseMatch> out;
  end = std::min(end, tokens.size());
  for (std::size_t i = begin; i < end;) {
    PhraseMatch m;
    if (match_at(tokens, i, m) && m.end <= end) {
      out.push_back(m);
      i = m.end;
    } else {
      ++i;
    }
  }
  return out;
}

namespace {
std::atomic<std::uint64_t> next_start_index_id{1};

// Words already looked up by a thread, direct-mapped. A word is held as its
// first and last eight bytes (first and last four when shorter, its bytes
// when shorter still) and its length: for words of up to 16 bytes those two
// words are the word, so the lookup compares two integers; longer words
// compare their stored bytes too. Only one StartIndex's answers are held at
// a time: another one clears the memo.
struct StartMemo {
  // 8192 slots (320 KB): with 2048, a fifth of the lookups' cost was words
  // pushed out by others and looked up again.
  static constexpr std::size_t kSlots = 8192;
  static constexpr std::size_t kMaxWord = 20;  // longer words are looked up each time (the slot stays 40 bytes)
  struct Slot {
    std::uint64_t head = 0, tail = 0;
    std::uint8_t len = 0;  // 0: empty (a word is never empty)
    std::uint8_t mask = 0;
    std::uint16_t word_phrase = 0;  // Token::word_phrase
    char key[kMaxWord];    // the word, when longer than 16 bytes
  };
  // Words of one or two ASCII bytes ("e", "di", "l'") and of three
  // lower-case letters ("che", "per"), half the words marked, by their
  // bytes: no hash, no compare. One byte w at w, two bytes ab at
  // 128 + (a << 7 | b), three letters abc at 128 + 128 * 128 + their low
  // five bits each.
  struct ShortSlot {
    std::uint8_t known = 0;  // 0: not looked up yet
    std::uint8_t mask = 0;
    std::uint16_t word_phrase = 0;
  };
  static constexpr std::size_t kShortSlots = 128 + 128 * 128 + 32 * 32 * 32;
  std::uint64_t owner = 0;
  std::array<Slot, kSlots> slots{};
  std::array<ShortSlot, kShortSlots> short_words{};
};
// Static thread-local storage: every thread carries its 512 KB, threads that
// never tokenize too (the C library zeroes it at thread start). Allocating
// it on first use would put an indirection on each lookup.
thread_local StartMemo start_memo;
static_assert(StartMemo::kSlots == std::size_t{1} << 13, "the slot is the hash's top 13 bits");
static_assert(sizeof(StartMemo::Slot) == 40 && sizeof(Token) == 40, "word_phrase fits in what was padding");

}  // namespace

StartIndex::StartIndex(const std::vector<PhraseMatcher*>& matchers, PhraseMatcher* word_matcher)
    : word_matcher_(word_matcher), id_(next_start_index_id++) {
  if (word_matcher) word_matcher->word_matcher_ = true;
  std::size_t keys = word_matcher ? word_matcher->second_words_.size() : 0;
  for (const PhraseMatcher* m : matchers)
    for (const auto& slot : m->slots_) keys += !slot.key.empty();
  std::size_t size = 16;
  while (size < 4 * keys) size *= 2;
  keys_.slots_.resize(size);
  keys_.tags_.assign(size, 0);
  masks_.assign(size, 0);
  for (std::size_t k = 0; k < matchers.size() && k < kSecondWordKey; ++k) {
    PhraseMatcher& m = *matchers[k];
    m.bit_ = static_cast<std::uint8_t>(1u << k);
    for (const auto& slot : m.slots_)
      if (!slot.key.empty()) keys_.add_key(slot.key, slot.prefix, k);
    for (std::size_t b = 0; b < 256; ++b)
      if (m.suffix_last_.test(b)) suffix_mask_[b] |= m.bit_;
    for (auto p : m.suffix_) suffixes_.push_back(Suffix{m.phrases_[p].words.front(), m.bit_});
  }
  // The word matcher's second words ride in the same table (kSecondWordBit),
  // so that one probe answers both; its "stem*" and "*suffix" ones are asked apart.
  if (word_matcher)
    for (const auto& w : word_matcher->second_words_) keys_.add_key(w, false, kSecondWordKey);
  // add_key listed the matcher indexes per key: fold them into masks.
  for (std::size_t i = 0; i < size; ++i)
    for (auto k : keys_.slots_[i].phrases) masks_[i] |= static_cast<std::uint8_t>(1u << k);
}

std::uint8_t StartIndex::starts_of(std::string_view token) const {
  return looked_up(token) & static_cast<std::uint8_t>(~kSecondWordBit);
}

std::uint16_t StartIndex::word_phrase_of(std::string_view token, std::uint8_t found) const {
  if (!word_matcher_) return 0;
  const bool second = (found & kSecondWordBit) || word_matcher_->is_second_pattern(token);
  return (found & word_matcher_->bit_ ? word_matcher_->one_word_phrase(token) : 0) | (second ? 0 : kNotSecondWord);
}

// The same probes as PhraseMatcher::for_each_candidate, once for all matchers.
std::uint8_t StartIndex::looked_up(std::string_view token) const {
  if (token.empty()) return 0;
  std::uint8_t mask = 0;
  // The suffixes as for_each_candidate tries them (the memo asks this once per word).
  if (suffix_mask_[static_cast<unsigned char>(token.back())])
    for (const Suffix& s : suffixes_)
      if (!(mask & s.bit) && PhraseMatcher::word_matches(s.pattern, token)) mask |= s.bit;
  auto add = [&](const PhraseMatcher::Slot* s) {
    if (s) mask |= masks_[static_cast<std::size_t>(s - keys_.slots_.data())];
  };
  std::uint64_t h = kFnvBasis;
  std::size_t n = 0;
  for (; n < std::min(kStemKey, token.size()); ++n) {
    h = fnv_step(h, token[n]);
    if ((keys_.stem_lengths_ >> (n + 1) & 1) && keys_.stem_head_.test(PhraseMatcher::head2(token.substr(0, n + 1))))
      add(keys_.find_key(h, token.substr(0, n + 1), true));
  }
  if (keys_.word_head_.test(PhraseMatcher::head2(token))) {
    for (; n < token.size(); ++n) h = fnv_step(h, token[n]);
    add(keys_.find_key(h, token, false));
  }
  return mask;
}

namespace {

// A memo miss: looks the word up and remembers its answer in slot. Out of
// line, so that the hit path stays short where it is inlined.
[[gnu::noinline]] const StartMemo::Slot& remember_starts(const StartIndex& index, StartMemo::Slot& slot, std::string_view token,
                                                         std::uint64_t head, std::uint64_t tail) {
  slot.head = head;
  slot.tail = tail;
  slot.len = static_cast<std::uint8_t>(token.size());
  const std::uint8_t found = index.looked_up(token);
  slot.mask = found & static_cast<std::uint8_t>(~StartIndex::kSecondWordBit);
  slot.word_phrase = index.word_phrase_of(token, found);
  if (token.size() > 16) std::memcpy(slot.key, token.data(), token.size());
  return slot;
}

// The memo's slot for token (1 to kMaxWord bytes; the memo is index's).
[[gnu::always_inline]] inline const StartMemo::Slot& memo_starts(StartMemo& memo, const StartIndex& index, std::string_view token) {
  std::uint64_t head, tail;
  memo_words(token, head, tail);
  const std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ token.size()) * 0xff51afd7ed558ccdull;
  StartMemo::Slot& slot = memo.slots[h >> 51];  // the top 13 bits: kSlots
  if (slot.head == head && slot.tail == tail && slot.len == token.size() &&
      (token.size() <= 16 || std::memcmp(slot.key, token.data(), token.size()) == 0))
    return slot;
  return remember_starts(index, slot, token, head, tail);
}

// The memo's short-word slot of token (1 to 3 bytes), or -1 when it has
// none (a byte beyond ASCII; three bytes not all of 0x60-0x7F).
[[gnu::always_inline]] inline std::ptrdiff_t short_slot_of(std::string_view token) {
  const auto a = static_cast<unsigned char>(token[0]);
  if (token.size() == 1) return a < 0x80 ? a : -1;
  const auto b = static_cast<unsigned char>(token[1]);
  if (token.size() == 2) return (a | b) < 0x80 ? 128 + (a << 7 | b) : -1;
  const auto c = static_cast<unsigned char>(token[2]);
  if ((a & b & c & 0xE0) != 0x60 || ((a | b | c) & 0x80)) return -1;
  return 128 + 128 * 128 + ((a & 31) << 10 | (b & 31) << 5 | (c & 31));
}

// A short-word miss: looks the word up and remembers its answer in slot.
[[gnu::noinline]] const StartMemo::ShortSlot& remember_short(const StartIndex& index, StartMemo::ShortSlot& slot,
                                                             std::string_view token) {
  const std::uint8_t found = index.looked_up(token);
  slot.mask = found & static_cast<std::uint8_t>(~StartIndex::kSecondWordBit);
  slot.word_phrase = index.word_phrase_of(token, found);
  slot.known = 1;
  return slot;
}

// The thread's memo for the StartIndex of this id: cleared first when it
// holds another one's answers. A thread's first memo (owner 0) is still as
// it was zero-initialised: clearing its 512 KB again cost 0.3 M a thread.
StartMemo& memo_for(std::uint64_t id) {
  StartMemo& memo = start_memo;
  if (memo.owner != id) {
    if (memo.owner != 0) {
      memo.slots = {};
      memo.short_words = {};
    }
    memo.owner = id;
  }
  return memo;
}

}  // namespace

std::uint8_t StartIndex::remembered_starts_of(std::string_view token) const {
  if (token.empty() || token.size() > StartMemo::kMaxWord) return starts_of(token);
  return memo_starts(memo_for(id_), *this, token).mask;
}

namespace {
// Sets t.may_start and t.word_phrase from the memo (index's), or by looking t up.
[[gnu::always_inline]] inline void mark_token(StartMemo& memo, const StartIndex& index, Token& t) {
  if (!t.word) {
    t.may_start = is_clause_break(t) ? kClauseBreakBit : 0;
    t.word_phrase = 0;
  } else if (t.lower.empty() || t.lower.size() > StartMemo::kMaxWord) {
    const std::uint8_t found = index.looked_up(t.lower);
    t.may_start = found & static_cast<std::uint8_t>(~StartIndex::kSecondWordBit);
    t.word_phrase = index.word_phrase_of(t.lower, found);
  } else if (const std::ptrdiff_t k = t.lower.size() <= 3 ? short_slot_of(t.lower) : -1; k >= 0) {
    StartMemo::ShortSlot& slot = memo.short_words[static_cast<std::size_t>(k)];
    const StartMemo::ShortSlot& known = slot.known ? slot : remember_short(index, slot, t.lower);
    t.may_start = known.mask;
    t.word_phrase = known.word_phrase;
  } else {
    const StartMemo::Slot& slot = memo_starts(memo, index, t.lower);
    t.may_start = slot.mask;
    t.word_phrase = slot.word_phrase;
  }
}
}  // namespace

void StartIndex::mark(std::vector<Token>& tokens) const {
  StartMemo& memo = memo_for(id_);  // once per sentence, not per token
  for (auto& t : tokens) mark_token(memo, *this, t);
}

// Flattened: the token walk, its push_back and the memo's hit path in one loop.
[[gnu::flatten]] std::uint8_t StartIndex::tokenize_marked(const entity::TokenStream& words, std::string_view lowered, Span span,
                                                          std::vector<Token>& out, WordCursor* cursor) const {
  StartMemo& memo = memo_for(id_);
  std::uint8_t any = 0;
  tokenize_into(words, lowered, span, out, cursor, [&](Token& t) {
    mark_token(memo, *this, t);
    any |= t.may_start;
  });
  return any;
}

namespace {

// The bytes a match of pattern word w must show at the start of its token:
// w itself, or the stem of "stem*". Empty when the screen can't look for
// them: a "*suffix", or a word not starting with an ASCII letter or digit
// (see may_match).
std::string_view literal_of(std::string_view w) {
  if (w.empty() || w.front() == '*') return {};
  if (w.size() > 1 && w.back() == '*') w.remove_suffix(1);
  if (w.size() < 2 || w.find('*') != std::string_view::npos) return {};  // looked up by two bytes
  return kAlnum[static_cast<unsigned char>(w.front())] ? w : std::string_view{};
}

}  // namespace

CueScreen::CueScreen(const PhraseMatcher& matcher) {
  std::vector<std::string> all;
  std::vector<std::pair<std::string_view, std::vector<std::string>>> phrases;  // best literal, all telling words
  for (const Phrase& p : matcher.phrases()) {
    constexpr std::size_t kTelling = 3;  // "la", "di" start too many words to tell
    std::string_view best;  // the longest: the rarest, as a rule
    std::vector<std::string> telling;
    for (const auto& w : p.words) {
      const std::string_view lit = literal_of(w);
      if (lit.size() > best.size()) best = lit;
      if (lit.size() >= kTelling) telling.emplace_back(lit);
    }
    if (best.empty()) return;  // always_ stays: this phrase can't be screened
    all.emplace_back(best);
    phrases.emplace_back(best, std::move(telling));
  }
  std::sort(all.begin(), all.end());
  // A literal that starts with another adds nothing: where it is, so is the
  // shorter one. Sorted, a literal's extensions follow it.
  for (auto& lit : all)
    if (literals_.empty() || lit.compare(0, literals_.back().size(), literals_.back()) != 0) literals_.push_back(std::move(lit));
  if (literals_.size() >= 0xFFFF) return;
  for (const auto& lit : literals_) {
    const auto* b = reinterpret_cast<const unsigned char*>(lit.data());
    const std::size_t h2 = head2(b);
    head_.set(h2);
    if (lit.size() == 2) two_byte_.set(h2);
    else head3_.set(head3(b));
  }
  for (std::size_t c = 0, k = 0; c <= 256; ++c) {
    while (k < literals_.size() && static_cast<unsigned char>(literals_[k][0]) < c) ++k;
    first_[c] = static_cast<std::uint16_t>(k);
  }
  // Each phrase under the literal found where its best word is.
  needs_.resize(literals_.size());
  std::vector<bool> decides(literals_.size(), false);
  for (auto& [best, telling] : phrases) {
    const std::size_t k = literal_at(best, 0, best.size());
    if (telling.size() <= 1) decides[k] = true;  // its one word is all there is to look for
    else needs_[k].push_back(std::move(telling));
  }
  for (std::size_t k = 0; k < literals_.size(); ++k)
    if (decides[k]) needs_[k].clear();
  always_ = false;
}

std::size_t CueScreen::literal_at(std::string_view lowered, std::size_t at, std::size_t end) const {
  const auto c0 = static_cast<unsigned char>(lowered[at]);
  const auto c1 = static_cast<unsigned char>(lowered[at + 1]);
  // Sorted, the literals of this first byte are in order of their second:
  // those of this second byte found by a binary search, not a walk.
  const auto first = literals_.begin() + first_[c0], last = literals_.begin() + first_[c0 + 1];
  auto it = std::lower_bound(first, last, c1,
                             [](const std::string& lit, unsigned char c) { return static_cast<unsigned char>(lit[1]) < c; });
  for (; it != last && static_cast<unsigned char>((*it)[1]) == c1; ++it) {
    const std::string& lit = *it;
    if (lit.size() <= end - at && same_bytes(lit.data() + 2, lowered.data() + at + 2, lit.size() - 2))
      return static_cast<std::size_t>(it - literals_.begin());
  }
  return kNoLiteral;
}

bool CueScreen::phrase_complete(std::size_t k, const entity::TokenStream& words, std::string_view lowered, std::size_t first,
                                std::size_t end) const {
  if (needs_[k].empty()) return true;
  const auto& toks = words.tokens;
  auto starts_a_word = [&](const std::string& need) {  // need: three bytes or more
    for (std::size_t t = first; t < toks.size() && toks[t].begin < end; ++t) {
      const std::size_t at = toks[t].begin;
      if (lowered[at] != need.front() || !toks[t].word) continue;  // most words, by their first byte
      if (need.size() <= end - at && same_bytes(need.data(), lowered.data() + at, need.size())) return true;
    }
    return false;
  };
  for (const auto& phrase : needs_[k])
    if (std::all_of(phrase.begin(), phrase.end(), starts_a_word)) return true;
  return false;
}

// Why a word start of the scan suffices: a token tokenize_into makes that
// starts with an ASCII letter or digit is preceded by a space, a mark, an apostrophe or the
// sentence's start, none of them a letter or digit to the scan, so a word of
// the scan starts there too. Only a scan word running across the sentence's
// start, or bytes that are not UTF-8 (read differently by the two), break
// this: then the answer is true.
bool CueScreen::may_match(const entity::TokenStream& words, std::string_view lowered, Span span, WordCursor* cursor) const {
  if (always_ || !words.valid_utf8) return true;
  const std::size_t end = std::min(span.end, lowered.size());
  const auto& toks = words.tokens;
  auto it = toks.begin() + static_cast<std::ptrdiff_t>(first_word_at(toks, span.begin, cursor));
  if (it != toks.begin() && std::prev(it)->word && std::prev(it)->end > span.begin) return true;
  // The two- and three-byte filters inline (most words fail them), the literals past them.
  const auto* bytes = reinterpret_cast<const unsigned char*>(lowered.data());
  const std::size_t first = static_cast<std::size_t>(it - toks.begin());
  for (; it != toks.end() && it->begin < end; ++it) {
    const std::size_t at = it->begin;
    if (!it->word || at + 1 >= end || !may_start_literal(bytes, at, end)) continue;
    if (const std::size_t k = literal_at(lowered, at, end); k != kNoLiteral && phrase_complete(k, words, lowered, first, end))
      return true;
  }
  if (cursor) cursor->next = static_cast<std::size_t>(it - toks.begin());
  return false;
}

}  // namespace dealscan::claims

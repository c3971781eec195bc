// Claims: word tokens over a sentence and a phrase matcher for the claim
// word lists. Lexicon phrases are sequences of words; a word ending in '*'
// matches by prefix ("invest*" => investire, investirà, investito), a word
// starting with '*' matches by suffix ("*rebbe" => porterebbe).
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/entity_tokens.h"
#include "dealscan/types.h"

namespace dealscan::claims {

struct Token {
  Span span;               // normalised text bytes
  std::string_view lower;  // lowercased (ASCII and Latin-1 accented letters), a view into the lowered text
  bool word = false;       // letters/digits; false for punctuation
  // One bit per matcher of a StartIndex that may have a phrase starting
  // here (all set: not looked up, every matcher looks for itself).
  std::uint8_t may_start = 0xFF;
  // Set by a StartIndex with a word matcher (the claim roles), in the bits
  // below: the one-word phrase that matcher finds here ("di", "e", "che"),
  // whether the word starts longer phrases too ("da" of "da parte di") and
  // whether it is the second word of none. 0: ask the matcher.
  std::uint16_t word_phrase = 0;
};

// a + sep + b in one allocation (a chain of + reallocates as it grows):
// the deciders' rule names ("np:contratto", "agent,cp:target").
inline std::string joined(std::string_view a, std::string_view sep, std::string_view b) {
  std::string out;
  out.reserve(a.size() + sep.size() + b.size());
  out.append(a).append(sep).append(b);
  return out;
}

// Token::word_phrase's parts.
// 1 + the index of the best one-word phrase the word starts; 0: none.
constexpr std::uint16_t kWordPhraseIndex = 0x3FFF;
// The word starts longer phrases too: the one-word phrase is the match
// unless the next token may be the second word of a longer phrase.
constexpr std::uint16_t kStartsLonger = 0x4000;
// The word is the second word of no longer phrase: a word starting longer
// phrases before it has only its one-word phrase ("da Delta").
constexpr std::uint16_t kNotSecondWord = 0x8000;

// A mark that ends a clause: ';', ':', '…' (SentenceView::clause_start;
// is_punct(t, ";:…") spelt out, an empty mark included as find has it).
inline bool is_clause_break(const Token& t) {
  if (t.word) return false;
  const std::string_view m = t.lower;
  return m.size() == 1 ? m[0] == ';' || m[0] == ':' : m.empty() || m == "\u2026";
}
// The may_start a StartIndex gives a clause break (no matcher has this bit):
// the OR of a sentence's marks tells whether it has one.
constexpr std::uint8_t kClauseBreakBit = 0x80;

// Where a walk over the shared scan's words (a sentence's tokenizing or
// screening) stopped: the next sentence's first word, when sentences are met
// in order, found without a search. Only a hint: first_word_at checks it.
struct WordCursor {
  std::size_t next = 0;
};

// The index of the first of the scan's words starting at or after pos:
// cursor's, when it is that word, else found by a binary search.
std::size_t first_word_at(const std::vector<entity::Token>& words, std::size_t pos, const WordCursor* cursor);

// Splits [span) of text into word and punctuation tokens. "l'accordo" =>
// "l'" "accordo"; "start-up" and "1.500" stay one token. lowered is the
// whole text lower-cased by text::lower_latin (same byte offsets): the
// tokens' views point into it, so it must outlive them.
std::vector<Token> tokenize(std::string_view text, std::string_view lowered, Span span);
// The same tokens built from the document's shared word scan of text where
// they line up with it (ASCII words and marks are not read again), else read
// as above.
std::vector<Token> tokenize(const entity::TokenStream& words, std::string_view lowered, Span span);
// The same into out (cleared first), reusing its buffer.
void tokenize_into(const entity::TokenStream& words, std::string_view lowered, Span span, std::vector<Token>& out);

// One compiled phrase: its words and the lexicon entry it came from.
struct Phrase {
  std::vector<std::string> words;
  const LexEntry* entry = nullptr;
  std::size_t specificity = 0;  // longer phrases and exact words win ties
  std::string_view type;        // entry's type= (the cue lists'), read once: parsing it per hit cost more
};

struct PhraseMatch {
  const Phrase* phrase = nullptr;
  std::size_t begin = 0;  // token indexes, half-open
  std::size_t end = 0;
};

// Longest-match lookup of lexicon phrases over tokens. Built once per extractor.
class PhraseMatcher {
  friend class StartIndex;

 public:
  PhraseMatcher() = default;
  explicit PhraseMatcher(const std::vector<LexEntry>& entries);

  // The best phrase starting at token i, if any. The quick refusals are
  // inline: most tokens start no phrase, and the callers ask at every token.
  bool match_at(const std::vector<Token>& tokens, std::size_t i, PhraseMatch& out) const {
    if (i >= tokens.size() || !tokens[i].word) return false;
    if (bit_ && !(tokens[i].may_start & bit_)) return false;  // no first word of ours here
    if (word_matcher_ && (tokens[i].word_phrase & (kWordPhraseIndex | kStartsLonger)) &&
        word_decides(tokens, i)) {  // the marking found the match: the word (and the next) decide it
      const std::uint16_t one = tokens[i].word_phrase & kWordPhraseIndex;
      if (!one) return false;
      out = PhraseMatch{&phrases_[one - 1u], i, i + 1};
      return true;
    }
    return best_at(tokens, i, out);
  }
  // The first token from i on where match_at may succeed: tokens whose
  // may_start lacks this matcher's bit are stepped over in a tight loop
  // (most tokens, once a StartIndex marked them). tokens.size() when none.
  std::size_t next_start(const std::vector<Token>& tokens, std::size_t i) const {
    if (!bit_) return i;
    while (i < tokens.size() && !(tokens[i].may_start & bit_)) ++i;
    return i;
  }
  // False when no token of a sentence may start a phrase of ours, given
  // the OR of its tokens' may_start (as tokenize_marked returns it): then
  // match_at fails at every token, and the walk over them can be skipped.
  bool may_start_in(std::uint8_t starts_any) const { return !bit_ || (starts_any & bit_); }
  // Every non-overlapping best match in [begin, end), left to right.
  std::vector<PhraseMatch> find_all(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) const;
  const std::vector<Phrase>& phrases() const { return phrases_; }
  // The index in phrases() of p, one of this matcher's phrases.
  std::size_t index_of(const Phrase& p) const { return static_cast<std::size_t>(&p - phrases_.data()); }
  // Token::word_phrase of this word, but for kNotSecondWord: the best of
  // the one-word phrases it starts (as best_at picks), and kStartsLonger
  // when it starts a longer one too. 0 when it starts none.
  std::uint16_t one_word_phrase(std::string_view token) const;
  // The word matches the second word of some phrase of two or more words.
  bool is_second_word(std::string_view token) const;
  // The same for the second words that are "stem*" or "*suffix" patterns.
  bool is_second_pattern(std::string_view token) const;

 private:
  // A marked token i whose word starts phrases of this matcher: true when
  // no longer phrase can match there (none starts with its word, or no
  // token follows, or the next is the second word of none), so that its
  // one-word phrase, if any, is the match.
  static bool word_decides(const std::vector<Token>& tokens, std::size_t i) {
    return !(tokens[i].word_phrase & kStartsLonger) || i + 1 >= tokens.size() ||
           (tokens[i + 1].word_phrase & kNotSecondWord);
  }
  static bool word_matches(std::string_view pattern, std::string_view token);
  // match_at past its quick refusals.
  bool best_at(const std::vector<Token>& tokens, std::size_t i, PhraseMatch& out) const;
  // The indexes of the phrases for_each_candidate gives for token, in its
  // order, remembered per thread (count set); nullptr when not kept. When
  // all of them are one word long, count is a mark (kOneWordBest) and the
  // first index is the best of them: the word alone decides the match.
  // next_bytes: a bit per first byte (mod 64) the next token may start
  // with for some candidate to match; all set when one is a single word or
  // its second word is a "*suffix".
  const std::uint16_t* remembered_candidates(std::string_view token, std::size_t& count, std::uint64_t& next_bytes) const;
  // The memo's miss: looks token up and remembers its candidates in slot at
  // (head and tail: the memo's view of token).
  [[gnu::noinline]] void remember_candidates(std::size_t at, std::string_view token, std::uint64_t head, std::uint64_t tail) const;
  // Calls f(phrase) for every phrase whose first word matches token, in the
  // order exact, prefix (shortest key first), suffix: ties keep the first.
  template <class F>
  void for_each_candidate(std::string_view token, F&& f) const;

  // First words are looked up in one open-addressing table keyed by an FNV
  // hash built byte by byte, so a token's 1-3 byte stem keys and its whole
  // word cost one pass over its bytes and no allocation.
  struct Slot {
    std::string key;                 // empty = free
    bool prefix = false;             // key is a stem ("inv" of "invest*"), else a whole word
    std::vector<std::size_t> phrases;
  };
  void add_key(std::string_view key, bool prefix, std::size_t phrase);
  const Slot* find_key(std::uint64_t hash, std::string_view key, bool prefix) const;

  std::vector<Phrase> phrases_;
  std::vector<Slot> slots_;          // power-of-two size, at most a quarter full
  std::vector<std::uint16_t> tags_;  // per slot: 0 free, else hash bits; most probes end here in L1
  std::vector<std::size_t> suffix_;  // "*rebbe" patterns
  std::bitset<256> suffix_last_;     // their last bytes: a token ending otherwise matches none
  // Cheap filters in front of the table: the first two bytes of every whole
  // word and of every stem, and which stem lengths (1-3) occur at all.
  static std::size_t head2(std::string_view s);
  std::bitset<65536> word_head_, stem_head_;
  unsigned stem_lengths_ = 0;  // bit n set: some stem has n bytes
  std::uint8_t bit_ = 0;       // its bit in Token::may_start (0: in no StartIndex)
  bool word_matcher_ = false;  // its StartIndex sets Token::word_phrase for it
  // Tells the per-thread candidate memo whose answers a slot holds (never
  // reused; 0: nothing remembered, as for an empty matcher).
  std::uint32_t id_ = 0;
  // The second words of the phrases of two or more words (is_second_word):
  // whole words sorted, and the "stem*" and "*suffix" ones.
  std::vector<std::string> second_words_, second_patterns_;
};

// Which of several matchers may have a phrase starting at each token, found
// with one lookup of the token's stems and whole word in a table of all
// their first words, instead of one lookup per matcher. A matcher then skips
// at once the tokens whose bit is clear. Conservative: a set bit only means
// "look".
class StartIndex {
 public:
  StartIndex() = default;
  // Gives each matcher (at most 6: kSecondWordBit and kClauseBreakBit are the others) its bit. Marked tokens carry
  // word_matcher's one-word phrase (Token::word_phrase), when one is given
  // (among matchers): it must outlive the index.
  explicit StartIndex(const std::vector<PhraseMatcher*>& matchers, PhraseMatcher* word_matcher = nullptr);
  // Sets every token's may_start and word_phrase. A word's answer is remembered per thread
  // (the same words recur in every document), so most tokens cost one hash
  // of their bytes and one compare instead of the stem and word probes.
  void mark(std::vector<Token>& tokens) const;
  // tokenize_into(words, lowered, span, out) then mark(out), in one pass:
  // each token is marked as it is made. Returns the OR of the tokens'
  // may_start: the matchers that may find something in the span at all.
  // cursor, when given, says where the span's first word may be and is left
  // where the next span's may be.
  std::uint8_t tokenize_marked(const entity::TokenStream& words, std::string_view lowered, Span span, std::vector<Token>& out,
                               WordCursor* cursor = nullptr) const;
  // The bits of the matchers that may start at this word, without the memo.
  std::uint8_t starts_of(std::string_view token) const;
  // starts_of's probes, and kSecondWordBit when the word is a second word
  // of the word matcher's longer phrases (a whole word, not a pattern).
  std::uint8_t looked_up(std::string_view token) const;
  // Token::word_phrase of this word, whose looked_up is found.
  std::uint16_t word_phrase_of(std::string_view token, std::uint8_t found) const;
  // The key table's matcher index and bit for the word matcher's second words.
  static constexpr std::size_t kSecondWordKey = 6;
  static constexpr std::uint8_t kSecondWordBit = 1u << kSecondWordKey;

 private:
  std::uint8_t remembered_starts_of(std::string_view token) const;

  PhraseMatcher keys_;                 // every first word and stem, for its table and filters
  std::vector<std::uint8_t> masks_;    // per slot of keys_: the matchers holding that key
  std::uint8_t suffix_mask_[256] = {};  // per last byte: the matchers with a "*suffix" ending so
  // Every matcher's "*suffix" first words with its bit: a word ending in a
  // suffix's last byte but not in the suffix ("sede", not "*rebbe") gets no
  // bit, so the matcher is not asked there.
  struct Suffix {
    std::string pattern;
    std::uint8_t bit = 0;
  };
  std::vector<Suffix> suffixes_;
  const PhraseMatcher* word_matcher_ = nullptr;  // whose one-word phrases tokens carry
  std::uint64_t id_ = 0;  // tells the per-thread memo whose answers it holds (never reused)
};

// A quick test, on the document's shared word scan, that a matcher may find
// a phrase in a sentence, without tokenizing it. Each phrase holds a word
// whose letters any match must show at the start of a word: the whole word,
// or the stem of a "stem*" word. A sentence none of these starts a word of
// has no match. Where one does, a phrase of several such words (of three
// letters or more) needs the others too: "prima" alone is not "per la prima
// volta". Conservative: true only means "tokenize and look".
class CueScreen {
 public:
  CueScreen() = default;
  explicit CueScreen(const PhraseMatcher& matcher);
  // False only when matcher.match_at fails at every token of
  // tokenize_into(words, lowered, span). cursor as for tokenize_marked.
  bool may_match(const entity::TokenStream& words, std::string_view lowered, Span span,
                 WordCursor* cursor = nullptr) const;

 private:
  static constexpr std::size_t kNoLiteral = static_cast<std::size_t>(-1);
  // The literal that is lowered[at, end)'s prefix (its first two bytes passed
  // head_), or kNoLiteral. Literals are prefix-free: at most one is.
  std::size_t literal_at(std::string_view lowered, std::size_t at, std::size_t end) const;
  // Some phrase looked for by literal k has all its words in tokens
  // [first, ...) of the span: each starts some word there.
  bool phrase_complete(std::size_t k, const entity::TokenStream& words, std::string_view lowered, std::size_t first,
                       std::size_t end) const;

  bool always_ = true;                 // some phrase has no word to look for
  std::vector<std::string> literals_;  // sorted; none a prefix of another
  // Per literal: the word lists of its phrases that need more words than it;
  // empty when one of its phrases needs it alone (it decides).
  std::vector<std::vector<std::vector<std::string>>> needs_;
  std::bitset<65536> head_;            // their first two bytes
  // A word passing head_ is looked up only when a literal may be its
  // prefix: a two-byte literal has its head (two_byte_), or a longer one its
  // first three bytes (head3_, hashed). Most words passing head_ fail here.
  std::bitset<65536> two_byte_, head3_;
  static std::size_t head3(const unsigned char* p) {
    const std::uint32_t w = std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2];
    return (w * 0x9E3779B1u) >> 16;
  }
  // The first two bytes at p as one key, read with one load (the order of
  // the two bytes in it is the machine's: keys are only compared).
  static std::size_t head2(const unsigned char* p) {
    std::uint16_t w;
    std::memcpy(&w, p, 2);
    return w;
  }
  // May a literal start at lowered[at, end)? (at + 1 < end) Asked for most
  // words of a document: the keys are in range, so no test() range checks.
  bool may_start_literal(const unsigned char* bytes, std::size_t at, std::size_t end) const {
    const std::size_t h2 = head2(bytes + at);
    if (!head_[h2]) return false;
    return two_byte_[h2] || (at + 2 < end && head3_[head3(bytes + at)]);
  }
  std::uint16_t first_[257] = {};      // per first byte c: literals_[first_[c], first_[c + 1])
};

}  // namespace dealscan::claims

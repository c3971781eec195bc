// Tokens for the time grammar: words (lower-cased, an elided article keeps its
// apostrophe: "nell'anno" -> "nell'", "anno"), digit runs, and single
// punctuation characters. One linear pass over the UTF-8 bytes.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan::timetok {

enum class Kind : unsigned char { Word, Number, Punct };

struct Token {
  std::size_t begin = 0;  // byte offsets in the original text
  std::size_t end = 0;
  Kind kind = Kind::Word;
  // What the word index (the time vocabulary) knows of the word, set when
  // the token is looked up: its entry (-1: none), the roles of the items
  // that start with it (and the index's number_roles for a Number), and
  // whether some preposition item has it.
  bool prep_word = false;
  std::uint32_t roles = 0;
  std::string_view lower;  // view into the lower-cased copy
  int number = -1;         // value for Number tokens of up to 9 digits
  int entry = -1;
};

// The hash of a token's lower-cased text: the shared word scan's key_hash
// (entity::hash_key), so that an ASCII word's hash comes with the scan.
inline std::uint32_t word_hash(std::string_view s) { return static_cast<std::uint32_t>(entity::hash_key(s)); }

// Words a token can be looked up by (the vocabulary's), keyed by word_hash:
// an open-addressing table, a quarter full at most, behind a filter of
// (first byte, length) pairs that most words fail without hashing.
struct WordIndex {
  static constexpr std::size_t kMaxLen = 32;  // longer words are never looked up
  // A word and what a token of that word is told (Token::entry, roles, prep_word).
  struct Slot {
    std::uint32_t hash = 0;
    std::int32_t entry = -1;  // -1: empty
    std::uint32_t roles = 0;
    bool prep_word = false;
    std::string_view word;  // owned by whoever filled the index
  };
  std::array<std::bitset<kMaxLen>, 256> shapes{};
  std::vector<Slot> table = std::vector<Slot>(1);  // one empty slot until built: probes end there
  std::size_t mask = 0;
  std::uint32_t number_roles = 0;  // added to the roles of every Number token
  // Roles of the tokens tokenize_near_starts reads around (and lists).
  std::uint32_t start_roles = 0;

  // A screen of words by the scan's key hash (entity::hash_key), for
  // tokens of the shared scan not yet made: a byte of bits per slot, the
  // union of those of every word hashed there. A word with an elided
  // apostrophe ("dell'") is screened as its form without it too, the scan's
  // key. Without kItemWord a word is no word of any item: it matches
  // nothing. Only a word with kStartWord, or with kStartBeforeNext when the
  // next token has kCompletes, may start a core (see tokenize_near_starts).
  enum ScreenBits : std::uint8_t {
    kItemWord = 1,         // a word of some item
    kStartWord = 2,        // may start a core whatever follows
    kStartBeforeNext = 4,  // may start a core only before a word with kCompletes
    kCompletes = 8,        // may complete a kStartBeforeNext word or a short number before it
  };
  static constexpr std::size_t kScreenSlots = std::size_t{1} << 14;
  std::vector<std::uint8_t> screen = std::vector<std::uint8_t>(kScreenSlots);

  // The first byte and length of a word the index will hold.
  void add_shape(std::string_view word) {
    if (word.size() < kMaxLen) shapes[static_cast<unsigned char>(word[0])].set(word.size());
  }
  // Fills the table; the words must outlive it, and their shapes be added.
  // Each is screened as kItemWord.
  void build(const std::vector<Slot>& words);
  // Adds bits to the screen slot of word (and of its form without an elided apostrophe).
  void add_to_screen(std::string_view word, std::uint8_t bits);
  // The screen's slot of a scan key hash: from its high half, as the
  // table's probes use its low bits.
  static std::size_t screen_slot(std::uint64_t key_hash) { return (key_hash >> 32) & (kScreenSlots - 1); }
  // Tells the token what the index knows of its lowered text (nothing: entry
  // -1). hash is word_hash(t.lower) if the caller has it (hashed), else it
  // is computed here when needed.
  void look_up(Token& t, bool hashed, std::uint32_t hash) const {
    const Slot& s = slot_of(t.lower, hashed, hash);
    t.entry = s.entry;
    t.roles = s.roles | (t.kind == Kind::Number ? number_roles : 0u);
    t.prep_word = s.prep_word;
  }

 private:
  static const Slot kNone;
  const Slot& slot_of(std::string_view word, bool hashed, std::uint32_t hash) const {
    const auto len = word.size();
    if (len >= kMaxLen) return kNone;
    // The shape filter passes most words of a text (the vocabulary has words
    // of most first letters and lengths): it only spares hashing them here.
    if (!hashed) {
      if (!shapes[static_cast<unsigned char>(word[0])].test(len)) return kNone;
      hash = word_hash(word);
    }
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& s = table[at];
      if (s.entry < 0) return kNone;
      if (s.hash == hash && s.word.size() == len && same_bytes(s.word, word)) return s;
    }
  }
  // a == b for words of one length: the words are short, a call to memcmp
  // would cost more than the loop.
  static bool same_bytes(std::string_view a, std::string_view b) {
    for (std::size_t k = 0; k < a.size(); ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
};

// Lower-cases ASCII and Latin-1 capitals (À..Þ) in place; byte length is kept.
void lower_in_place(std::string& s);

// Tokenizes text; lowered must be lower_in_place(copy of text) and outlive the tokens.
void tokenize(std::string_view text, std::string_view lowered, std::vector<Token>& out);
// The same tokens built from the document's shared word scan (words of its
// text, valid UTF-8): ASCII words and marks map to one token each without
// reading their bytes again; the rest is read as tokenize reads it.
void tokenize_words(const entity::TokenStream& words, std::string_view lowered, std::vector<Token>& out);
// tokenize_words written in place into the first slots of store (grown as
// needed, never shrunk: a per-thread store is reused without reallocating
// or copying), each token looked up in index as it is made (its entry);
// returns the number of tokens. store[n..] hold stale tokens.
std::size_t tokenize_words_into(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                                std::vector<Token>& store);
// tokenize_words_into with the tokens the grammar cannot read left unmade.
// A word the index's screen clears as no item's word is inert; the tokens
// between two inert words form a run. Only runs holding a possible start
// are made: a word the screen lets start (one with kStartBeforeNext only
// before a token with kCompletes), a number of four digits or of an item's
// word, one of one or two digits before a token with kCompletes or a date's
// mark, anything read byte by byte or after white space beyond ASCII. Each
// stretch between two runs made, which begins and ends with an inert word,
// becomes one inert token in its place (a word of no item, no roles, empty
// lowered text, from the stretch's first byte to its last). A grammar that
// begins only where core_may_begin lets it, never reads on past an inert
// word and looks back from a start no further than one finds in these
// tokens what it finds in all of them. Lists in marked (cleared first) the
// index of every token whose roles share a bit with index.start_roles.
std::size_t tokenize_near_starts(const entity::TokenStream& words, std::string_view lowered, const WordIndex& index,
                                 std::vector<Token>& store, std::vector<std::uint32_t>& marked);

}  // namespace dealscan::timetok

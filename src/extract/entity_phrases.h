// A trie of token sequences (lexicon forms) matched against a TokenStream,
// longest first, with each form's case rule:
//   Insensitive  names of 4+ letters: "amazon", "AMAZON", "OpenAi" all match
//   Exact        short names and Italian words: "Meta" or "META", never "meta"
//   Acronym      "AMD", "Amd"; never "amd"
// Built once per extractor; a lookup walks the tokens from one start position.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan::entity {

enum class CaseRule { Insensitive, Exact, Acronym };

// The case rule a form gets by default: acronyms keep theirs, names shorter
// than four letters match as written, longer ones in any case.
CaseRule default_case_rule(std::string_view form);

struct PhraseMatch {
  int payload = -1;
  std::size_t end = 0;  // one past the last token matched
};

class PhraseTrie {
 public:
  // Adds form (tokenised like the text) with its payload; returns its
  // number of tokens.
  std::size_t add(std::string_view form, int payload, CaseRule rule);
  // Longest form matching at token i whose case rule accepts the surface;
  // never crosses a line break. payload -1 when none.
  PhraseMatch longest(const TokenStream& ts, std::size_t i) const {
    if (!may_start(ts, i)) return {};  // inline: most tokens start no form of most tries
    return longest_slow(ts, i);
  }
  // longest(ts, i) for every token i, into at[i]: one pass whose loop keeps
  // the token array and the start bitmap in registers.
  void longest_each(const TokenStream& ts, std::vector<PhraseMatch>& at) const;
  // The same, and the tokens where a form starts (at[i].payload >= 0), in order.
  void longest_each(const TokenStream& ts, std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const;
  // The same visiting only the tokens whose marks (StartMarks::mark) have
  // bit, this trie's: the others start no form.
  void longest_marked(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit, std::vector<PhraseMatch>& at,
                      std::vector<std::uint32_t>& starts) const;
  // The same for only the marked tokens whose match matters to the caller:
  // those with a token marked with next_bits among the longest form's
  // length after them, or right after a token marked with prev_bits. The
  // others are left as no match (most determiners precede no trigger).
  void longest_marked_near(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit, std::uint8_t next_bits,
                           std::uint8_t prev_bits, std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const;
  // may_start and the walk for loops over every token, which keep the start
  // bitmap in a register (StartTest) and ask the walk only where it passes.
  struct StartTest {
    const std::uint64_t* bits;
    bool operator()(std::uint64_t key_hash) const {
      const std::uint64_t fh = key_hash & (kFirstBits - 1);
      return bits[fh / 64] >> (fh % 64) & 1;
    }
  };
  StartTest start_test() const { return {first_.data()}; }
  // The start bitmap's size: a key hash's low bits index it.
  static constexpr std::size_t kFirstBits = 1 << 16;
  // longest(ts, i) for a token whose key hash passed start_test().
  PhraseMatch longest_started(const TokenStream& ts, std::size_t i) const { return longest_slow(ts, i); }
  // False when no form can match at token i of tokens[0, n): none is token
  // i's key alone, and none starts with its key and the next token's (by
  // hash: true may still find nothing). Tries whose forms start with common
  // words ("Il Sole 24 Ore", "Gruppo ...") skip most walks with it.
  bool may_match(const Token* tokens, std::size_t n, std::size_t i) const {
    const std::uint64_t first = tokens[i].key_hash;
    return opening(first, kNoSecond) || (i + 1 < n && opening(first, tokens[i + 1].key_hash));
  }
  // Every payload of the longest match (forms shared by several entries).
  std::vector<int> longest_all(const TokenStream& ts, std::size_t i, std::size_t& end) const;
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Pattern {
    int payload;
    CaseRule rule;
    // Accepted surfaces per token; none for Insensitive, which accepts any
    // (most forms: their upper-cased copies cost most of the build).
    std::vector<std::vector<std::string>> variants;
  };
  struct Node {
    std::vector<Pattern> patterns;
    bool has_children = false;  // a walk ending here asks the table no more
    // The first pattern accepts any case (most forms): the walk takes its
    // payload without reading the patterns.
    bool first_any_case = false;
    int first_payload = -1;
  };
  // Edges of every node in one open-addressing table keyed by (node, token
  // key hash): one probe per token, no string hashing at match time. The
  // keys live in one pool (key_chars_), so an edge is small and a probe
  // compares the key inline, without a library call.
  struct Edge {
    std::uint64_t hash = 0;
    int from = -1, to = -1;
    std::uint32_t key_at = 0, key_size = 0;  // in key_chars_
  };
  static std::uint64_t edge_hash(int from, std::uint64_t key_hash) {
    return (key_hash ^ (static_cast<std::uint64_t>(from) * 0x9E3779B97F4A7C15ull)) * 0xff51afd7ed558ccdull;
  }
  // The slot a hash starts probing at: its top bits, which the multiply
  // mixes from every input bit (the low bits see only the inputs' low bits,
  // and clustered into long probe runs).
  std::size_t slot_of(std::uint64_t h) const { return static_cast<std::size_t>(h >> edge_shift_); }
  int child(int from, std::string_view key, std::uint64_t key_hash) const;
  int add_child(int from, std::string_view key, std::uint64_t key_hash);
  void grow();
  std::vector<Edge> edges_ = std::vector<Edge>(64);
  int edge_shift_ = 64 - 6;  // 64 - log2(edges_.size())
  std::string key_chars_;
  // Bitmap of the key hashes that start a form: most tokens start none, and
  // are rejected with one memory read.
  // Bitmap of the forms' openings, by hash: the first key with the second
  // (kNoSecond for a one-token form), for may_match.
  static constexpr std::uint64_t kNoSecond = 0;
  static constexpr int kOpeningShift = 64 - 17;  // 2^17 bits
  static std::size_t opening_bit(std::uint64_t first, std::uint64_t second) {
    return static_cast<std::size_t>(((first * 0x9E3779B97F4A7C15ull) ^ second) * 0xff51afd7ed558ccdull >> kOpeningShift);
  }
  bool opening(std::uint64_t first, std::uint64_t second) const {
    const std::size_t b = opening_bit(first, second);
    return openings_[b / 64] >> (b % 64) & 1;
  }
  std::vector<std::uint64_t> openings_ = std::vector<std::uint64_t>((std::size_t{1} << (64 - kOpeningShift)) / 64);
  std::vector<std::uint64_t> first_ = std::vector<std::uint64_t>(kFirstBits / 64);
  bool may_start(const TokenStream& ts, std::size_t i) const {
    if (i >= ts.size()) return false;  // callers may probe one past the last token
    std::uint64_t fh = ts.tokens[i].key_hash & (kFirstBits - 1);
    return first_[fh / 64] >> (fh % 64) & 1;
  }
  PhraseMatch longest_slow(const TokenStream& ts, std::size_t i) const;
  // longest_marked's loop for the marked tokens that wanted(i) accepts.
  template <class Wanted>
  void walk_marked(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit, Wanted wanted,
                   std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const;
  std::size_t edge_count_ = 0;
  std::size_t max_tokens_ = 0;  // of the longest form
  // Whether the surface at i is written as p's case rule allows. Inline for
  // the rule most forms have, which accepts any case.
  bool accepts(const Pattern& p, const TokenStream& ts, std::size_t i) const {
    return p.rule == CaseRule::Insensitive || accepts_written(p, ts, i);
  }
  bool accepts_written(const Pattern& p, const TokenStream& ts, std::size_t i) const;
  // The deepest node reached from token i with a pattern that accepts the
  // surface (end one past its last token), or -1: no allocation on the way.
  // payload: that node's first accepting pattern's, so longest need not
  // test the patterns' case rules a second time.
  int deepest(const TokenStream& ts, std::size_t i, std::size_t& end, int& payload) const;
  // deepest for a token that may start a form (may_start said so).
  int walk(const TokenStream& ts, std::size_t i, std::size_t& end, int& payload) const;
  std::vector<Node> nodes_{1};
};

// The start bitmaps of several tries side by side, a byte per key hash (a
// bit per trie), and a mark per token: one pass with one load per token
// marks where each trie may start a form, and the matchers that used to
// test every token against their own trie visit their marked tokens only.
class StartMarks {
 public:
  // Marks bytes past the last token, all zero: next_marked reads eight at a time.
  static constexpr std::size_t kPad = 8;
  // bit: this trie's bit in the marks (one of eight).
  void add(const PhraseTrie& trie, std::uint8_t bit);
  // bit also for tokens whose folded key is key (a superset: the hash's low bits).
  void add_key(std::string_view key, std::uint8_t bit);
  // bit also for every token of this shape (exact, not by hash).
  void add_shape(Shape shape, std::uint8_t bit) { shape_table_[static_cast<std::uint8_t>(shape)] |= bit; }
  // marks[i]: the bits of token i's key hash and shape, then kPad zero bytes.
  void mark(const TokenStream& ts, std::vector<std::uint8_t>& marks) const;

 private:
  std::vector<std::uint8_t> table_ = std::vector<std::uint8_t>(PhraseTrie::kFirstBits);
  std::array<std::uint8_t, 256> shape_table_{};  // by Shape's value
};

// The first token from i (i <= n) below n whose mark has one of bits, or n;
// marks as StartMarks::mark makes them for n tokens.
inline std::size_t next_marked(const std::uint8_t* marks, std::size_t i, std::size_t n, std::uint8_t bits) {
  const std::uint64_t want = 0x0101010101010101ull * bits;
  for (; i < n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, marks + i, 8);
    // The padding is zero, so a hit is a token.
    if (const std::uint64_t hit = w & want) return i + static_cast<std::size_t>(std::countr_zero(hit)) / 8;
  }
  return n;
}

}  // namespace dealscan::entity

namespace dealscan::entity {

// A set of case-folded words or phrases from a lexicon list ("entity_stopwords").
class WordSet {
 public:
  void add(std::string_view form) { words_.insert(fold(form)); }
  bool contains_key(std::string_view folded) const { return words_.find(folded) != words_.end(); }

 private:
  struct Hash {
    using is_transparent = void;
    // FNV-1a, inline: the keys are short words, where it beats the library's
    // out-of-line hash (nothing iterates the table in hash order).
    std::size_t operator()(std::string_view s) const {
      std::uint64_t h = 1469598103934665603ull;
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace dealscan::entity

// Multi-word phrases from a lexicon list, matched on tokens: "più di",
// "nell'arco dei", "dollari canadesi". Built once per extractor.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/money_tokens.h"
#include "extract/money_words.h"

namespace dealscan::money {

struct PhraseHit {
  std::size_t first = 0;  // first token of the phrase
  std::size_t last = 0;   // one past the last token
  const LexEntry* entry = nullptr;
};

class PhraseTable {
 public:
  PhraseTable() = default;
  // Every form of every entry (optionally only entries with attr key=value).
  void add_list(const std::vector<LexEntry>& entries, std::string_view key = {}, std::string_view value = {});
  // Longest phrase starting at token i. Most tokens asked start none: their
  // digest turns them away inline, with no call.
  std::optional<PhraseHit> match_at(const std::vector<Token>& toks, std::size_t i) const {
    if (i >= toks.size() || !first_digests_[digest(toks[i].low)]) return std::nullopt;
    return match_at_listed(toks, i);
  }
  // False when match_at(toks, i) surely finds nothing (the inline digest
  // test alone, for callers that would make a call to ask).
  bool may_match_at(const std::vector<Token>& toks, std::size_t i) const {
    return i < toks.size() && first_digests_[digest(toks[i].low)];
  }
  // Longest phrase ending just before token end (one past its last token).
  std::optional<PhraseHit> match_before(const std::vector<Token>& toks, std::size_t end) const {
    if (end == 0 || end > toks.size() || !last_digests_[digest(toks[end - 1].low)]) return std::nullopt;
    return match_before_listed(toks, end);
  }
  // Single-token lookup.
  const LexEntry* word(std::string_view w) const;
  // How the phrases start with word w: none does, only phrases of several
  // words do (what follows w decides), or w alone is one.
  enum class Start : std::uint8_t { None, Longer, Alone };
  Start start_of(std::string_view w) const;
  // Calls f(words) for every phrase (its tokens' lower-cased texts, a
  // std::span<const std::string>), in the order they were added.
  template <class F>
  void for_each_phrase(F f) const {
    for (const auto& p : added_) f(std::span<const std::string>(words_.data() + p.word, p.size));
  }

 private:
  // match_at and match_before once the digest lets the token through.
  std::optional<PhraseHit> match_at_listed(const std::vector<Token>& toks, std::size_t i) const;
  std::optional<PhraseHit> match_before_listed(const std::vector<Token>& toks, std::size_t end) const;
  // A phrase: its words are words_[word, word + size). In a group, the
  // digest of the word next to the shared one (the second word, or the one
  // before the last): most phrases of a long group ("più di", "meno di",
  // "nell'ordine di") are turned away by it, before their words are read.
  struct Phrase {
    std::uint32_t word = 0;
    std::uint16_t size = 0;
    std::uint16_t neighbour = kNoNeighbour;
    const LexEntry* entry = nullptr;
  };
  static constexpr std::uint16_t kNoNeighbour = 0xFFFF;  // a one-word phrase (no digest is as large)
  // The phrases sharing a first (or last) word: [begin, end) of one of the
  // lists below, longest first (in the order added among equals), so the
  // first that matches is the longest.
  struct Group {
    std::uint32_t begin = 0, end = 0;
  };
  // A 12-bit digest (first two bytes and length) of those tokens: most
  // words are turned away here, before hashing.
  static std::size_t digest(std::string_view w) {
    if (w.empty()) return 0;
    const std::size_t b0 = static_cast<unsigned char>(w[0]), b1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0;
    return (b0 * 61 + b1 * 7 + w.size()) & 4095;
  }
  // The digest serves as the groups' hash: it is cheaper than hashing every
  // byte, and the few words of a table seldom share one (mixing it, so
  // words alike do not fill neighbouring slots, measured no faster).
  struct DigestHash {
    std::size_t operator()(std::string_view w) const { return digest(w); }
  };
  // Groups the phrases added so far by their first and by their last word.
  void index();
  std::vector<std::string> words_;  // every phrase's words, one after another
  std::vector<Phrase> added_;       // in the order added
  std::vector<Phrase> by_first_list_, by_last_list_;
  WordTable<Group, DigestHash> by_first_, by_last_;
  std::bitset<4096> first_digests_, last_digests_;
};

}  // namespace dealscan::money

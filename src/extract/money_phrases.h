// Multi-word phrases from a lexicon list, matched on tokens: "più di",
// "nell'arco dei", "dollari canadesi". Built once per extractor.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
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
  // Calls f(words) for every phrase (its tokens' lower-cased texts).
  template <class F>
  void for_each_phrase(F f) const {
    by_first_.for_each([&](std::string_view, const std::vector<Phrase>& phrases) {
      for (const auto& p : phrases) f(p.words);
    });
  }

 private:
  // match_at and match_before once the digest lets the token through.
  std::optional<PhraseHit> match_at_listed(const std::vector<Token>& toks, std::size_t i) const;
  std::optional<PhraseHit> match_before_listed(const std::vector<Token>& toks, std::size_t end) const;
  struct Phrase {
    std::vector<std::string> words;
    const LexEntry* entry;
  };
  // Phrases indexed by their first and by their last token.
  WordTable<std::vector<Phrase>> by_first_, by_last_;
  // A 12-bit digest (first two bytes and length) of those tokens: most
  // words are turned away here, before hashing.
  static std::size_t digest(std::string_view w) {
    if (w.empty()) return 0;
    const std::size_t b0 = static_cast<unsigned char>(w[0]), b1 = w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0;
    return (b0 * 61 + b1 * 7 + w.size()) & 4095;
  }
  std::bitset<4096> first_digests_, last_digests_;
};

}  // namespace dealscan::money

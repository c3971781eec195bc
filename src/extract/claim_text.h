// Claims: word tokens over a sentence and a phrase matcher for the claim
// word lists. Lexicon phrases are sequences of words; a word ending in '*'
// matches by prefix ("invest*" => investire, investirà, investito), a word
// starting with '*' matches by suffix ("*rebbe" => porterebbe).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan::claims {

struct Token {
  Span span;          // normalised text bytes
  std::string lower;  // lowercased (ASCII and Latin-1 accented letters)
  bool word = false;  // letters/digits; false for punctuation
};

// Splits [span) of text into word and punctuation tokens. "l'accordo" =>
// "l'" "accordo"; "start-up" and "1.500" stay one token.
std::vector<Token> tokenize(std::string_view text, Span span);

// One compiled phrase: its words and the lexicon entry it came from.
struct Phrase {
  std::vector<std::string> words;
  const LexEntry* entry = nullptr;
  std::size_t specificity = 0;  // longer phrases and exact words win ties
};

struct PhraseMatch {
  const Phrase* phrase = nullptr;
  std::size_t begin = 0;  // token indexes, half-open
  std::size_t end = 0;
};

// Longest-match lookup of lexicon phrases over tokens. Built once per extractor.
class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  explicit PhraseMatcher(const std::vector<LexEntry>& entries);

  // The best phrase starting at token i, if any.
  bool match_at(const std::vector<Token>& tokens, std::size_t i, PhraseMatch& out) const;
  // Every non-overlapping best match in [begin, end), left to right.
  std::vector<PhraseMatch> find_all(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) const;

 private:
  static bool word_matches(std::string_view pattern, std::string_view token);
  void candidates(std::string_view token, std::vector<const Phrase*>& out) const;

  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::size_t>> exact_;   // first word => phrases
  std::unordered_map<std::string, std::vector<std::size_t>> prefix_;  // first 3 bytes of a stem
  std::vector<std::size_t> suffix_;                                    // "*rebbe" patterns
};

}  // namespace dealscan::claims

// A trie of token sequences (lexicon forms) matched against a TokenStream,
// longest first, with each form's case rule:
//   Insensitive  names of 4+ letters: "amazon", "AMAZON", "OpenAi" all match
//   Exact        short names and Italian words: "Meta" or "META", never "meta"
//   Acronym      "AMD", "Amd"; never "amd"
// Built once per extractor; a lookup walks the tokens from one start position.
#pragma once

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
  // Adds form (tokenised like the text) with its payload.
  void add(std::string_view form, int payload, CaseRule rule);
  // Longest form matching at token i whose case rule accepts the surface;
  // never crosses a line break. payload -1 when none.
  PhraseMatch longest(const TokenStream& ts, std::size_t i) const;
  // Every payload of the longest match (forms shared by several entries).
  std::vector<int> longest_all(const TokenStream& ts, std::size_t i, std::size_t& end) const;
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Pattern {
    int payload;
    CaseRule rule;
    std::vector<std::vector<std::string>> variants;  // accepted surfaces per token
  };
  struct Node {
    std::unordered_map<std::string, int, Hash, std::equal_to<>> next;
    std::vector<Pattern> patterns;
  };
  bool accepts(const Pattern& p, const TokenStream& ts, std::size_t i) const;
  std::vector<Node> nodes_{1};
};

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
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace dealscan::entity

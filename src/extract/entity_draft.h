// What the entity matchers hand to the extractor before overlaps are resolved:
// mention drafts over token ranges, and the entities found by rule in this
// document (the gazetteer's are known already).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dealscan/types.h"
#include "extract/entity_phrases.h"

namespace dealscan::entity {

// Which matcher wins when two drafts cover the same tokens (lower wins).
enum Priority : int { kGazetteer = 0, kTypo = 1, kRule = 2, kRepeat = 3, kDescriptive = 4 };

// Per token: whether a draft covers it. Bytes, not std::vector<bool>: the
// rules test it at almost every token, and a bit costs a shift and a mask.
using Covered = std::vector<char>;

// Hashes an id held as a string or viewed: tables of ids are asked with a
// draft's view, without a string made for the lookup.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class T>
using IdMap = std::unordered_map<std::string, T, IdHash, std::equal_to<>>;

// A draft views its id and rule, which outlive the document's drafts (the
// gazetteer's entries, DocState, the matchers' rule names, literals): drafts
// are made for many more matches than are kept, and moved several times, so
// copying is cheaper without strings; the mention makes its own.
struct Draft {
  std::size_t first = 0, last = 0;  // token range [first, last)
  std::string_view entity_id;
  std::string_view rule;
  int priority = kGazetteer;
  bool descriptive = false;
  // The gazetteer's entity of entity_id, set by the gazetteer's matchers so
  // that the extractor need not find it again by its id; null otherwise.
  const Entity* known = nullptr;
};

// An entity found by rule, with the kind its trigger gave it ("startup").
struct UnknownEntity {
  Entity entity;
  std::string kind;
  std::vector<std::string> name_tokens;  // surface tokens, for later repeats
};

// The bits of a token's start mark (StartMarks): which every-token matcher
// may start at it. A comma's bit marks "," and the rare keys sharing its hash.
enum StartBit : std::uint8_t {
  kNameStart = 1,         // Gazetteer::match_names
  kDescriptionStart = 2,  // Gazetteer::match_descriptions
  kSuffixStart = 4,       // NameRules::legal_suffix
  kDeterminerStart = 8,   // the determiners (NameRules)
  kCommaMark = 16,        // NameRules::persons, with the determiners
  // What a determiner is looked up for: a trigger, a role or a descriptor
  // may start here (NameRules, DescriptiveResolver).
  kFollowerStart = 32,
  kTypoShape = 64,  // a Title or Mixed word, the shapes Gazetteer::match_typos reads
};

struct DocState {
  // Per token, then StartMarks::kPad zero bytes: its StartBits, marked by
  // the extractor before any matcher runs (the matchers visit these).
  const std::uint8_t* starts = nullptr;
  std::vector<Draft> drafts;
  // A deque: drafts view the ids of these, which must not move when one is added.
  std::deque<UnknownEntity> unknown;
  IdMap<std::size_t> unknown_index;  // id -> unknown[]
  // Ids a draft views that nothing else holds (a descriptive reference's).
  std::deque<std::string> held_ids;
  // The determiner match at each token ("la", "dell'"; payload 1 definite,
  // 2 indefinite, -1 none), found once by NameRules::apply for the rules and
  // the descriptive resolver: one in ten tokens starts one, and each walk
  // of the trie cost as much as the rest of a rule's test.
  std::vector<PhraseMatch> determiners;
  // The tokens where a determiner starts (determiners[i].payload >= 0), in
  // order: the loops that look for one visit these, not every token.
  std::vector<std::uint32_t> determiner_starts;

  const UnknownEntity* find_unknown(std::string_view id) const {
    auto it = unknown_index.find(id);
    return it == unknown_index.end() ? nullptr : &unknown[it->second];
  }
  // id kept here for as long as the document's drafts, viewed.
  std::string_view hold(std::string id) { return held_ids.emplace_back(std::move(id)); }
};

}  // namespace dealscan::entity

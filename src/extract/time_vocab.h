// The time extractor's vocabulary, compiled once from the lexicon lists
// "months", "weekdays", "time_words" (and "scales"/"currencies" as quantity
// blockers) into word items that the grammar matches by role.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/time_tokens.h"

namespace dealscan::timevocab {

enum Role : std::uint32_t {
  kMonth = 1u << 0,
  kWeekday = 1u << 1,
  kPrep = 1u << 2,
  kAnd = 1u << 3,
  kDash = 1u << 4,
  kPart = 1u << 5,
  kOrdinal = 1u << 6,
  kSubperiod = 1u << 7,
  kQcode = 1u << 8,
  kFiscal = 1u << 9,
  kDecadeHead = 1u << 10,
  kDecade = 1u << 11,
  kUnit = 1u << 12,
  kShift = 1u << 13,
  kRecent = 1u << 14,
  kDayword = 1u << 15,
  kSeason = 1u << 16,
  kCount = 1u << 17,
  kLater = 1u << 18,
  kAgo = 1u << 19,
  kBlocker = 1u << 20,
  kNumber = 1u << 21,  // not a vocabulary role: the token is a digit run
};

// Roles of the tokens a core can start with: the grammar's parse_core finds
// nothing at any other token.
constexpr std::uint32_t kCoreStarts = kPart | kQcode | kOrdinal | kFiscal | kNumber | kWeekday | kShift | kMonth |
                                      kUnit | kDecadeHead | kSeason | kDayword | kRecent | kCount;

enum class PrepKind { In, From, Until, After, Before, Between };
enum class Unit { None, Day, Week, Month, Year };

// One lexicon entry form, split into tokens, with its attributes decoded.
struct Item {
  std::vector<std::string> words;  // lower-cased token texts
  std::uint32_t roles = 0;
  std::string canonical;
  int month = 0, weekday = 0, n = 0, months = 0, value = 0, abs = 0, offset = 0, dir = 0, recent = 0;
  bool to = false, plural = false, few = false, genitive = false, figurative = false;
  double from = 0, to_frac = 1;
  PrepKind kind = PrepKind::In;
  Unit unit = Unit::None;
  std::string precision;
  int season_begin = 0, season_end = 0;  // MMDD
};

class Vocab {
 public:
  explicit Vocab(const Lexicon& lexicon);
  // Not copied: the table views the keys of first_ (a move keeps its nodes).
  Vocab(const Vocab&) = delete;
  Vocab& operator=(const Vocab&) = delete;
  Vocab(Vocab&&) = default;
  Vocab& operator=(Vocab&&) = default;
  // The longest item with one of the roles starting at token i, or nullptr.
  // The quick refusals are inline: the grammar asks at most tokens, and most
  // start no item with those roles.
  const Item* match(std::uint32_t roles, std::span<const timetok::Token> toks, std::size_t i) const {
    // A token's roles are its bucket's (none without one) and kNumber, which
    // is no item's role.
    if (i >= toks.size() || !(toks[i].roles & roles & ~kNumber)) return nullptr;
    const Bucket& bucket = buckets_[toks[i].entry];
    // A bucket of one one-word item has its roles: the refusal above was its test.
    if (bucket.single >= 0) return &items_[bucket.single];
    return match_in(bucket, roles, toks, i);
  }
  // Looks every token up once, so that match() does no hashing
  // (timetok::tokenize_words_into does it as it makes the tokens).
  void annotate(std::span<timetok::Token> toks) const;
  // The words tokens are looked up by: their entry is a bucket of this vocabulary.
  const timetok::WordIndex& words() const { return index_; }
  // Whether the token may be a word of a preposition item, first or later
  // ("a", "partire", "dal" of "a partire dal"): a run of prepositions is made
  // of such tokens only. Tokens too long to be looked up count as maybe.
  bool maybe_prep_word(const timetok::Token& t) const {
    return t.lower.size() >= timetok::WordIndex::kMaxLen || t.prep_word;
  }
  // Roles of every item starting with the token's word (a quick filter).
  std::uint32_t roles_of(const timetok::Token& t) const {
    return t.roles;  // kNumber included: the index's number_roles
  }

 private:
  void add(const LexEntry& e, std::uint32_t roles);
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
  // An item as match() scans it: its roles and length next to its index,
  // so items of other roles are passed over without reading the Item.
  struct Entry {
    std::uint32_t roles = 0;
    std::uint32_t words = 0;
    std::uint32_t item = 0;
  };
  struct Bucket {
    std::uint32_t roles = 0;
    bool prep_word = false;  // some preposition item has this word
    // Longest first, in lexicon order among equal lengths: the first entry
    // that matches is the longest match, as a scan keeping the first of the
    // longest would find.
    std::vector<Entry> entries;
    std::int32_t single = -1;  // the item, when entries holds one item of one word
  };
  std::vector<Item> items_;
  std::vector<Bucket> buckets_;
  // The bucket of a word, made (with no items) if it has none yet.
  Bucket& bucket_of(const std::string& word);
  // match() past its quick refusals: the bucket's entries in order.
  const Item* match_in(const Bucket& bucket, std::uint32_t roles, std::span<const timetok::Token> toks,
                       std::size_t i) const;
  // Word -> bucket: the first words of items, and every word of a preposition.
  std::unordered_map<std::string, int, Hash, std::equal_to<>> first_;
  // first_ again as a timetok::WordIndex keyed by timetok::word_hash (its
  // words view first_'s keys, whose nodes do not move): a token whose hash
  // came with the word scan is looked up without reading its text twice.
  timetok::WordIndex index_;
  void build_index();
  void screen_words();
};

}  // namespace dealscan::timevocab

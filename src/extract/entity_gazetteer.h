// The gazetteer (data/lexicon/it/gazetteer.tsv) compiled for matching: names
// and aliases in a PhraseTrie, a deletion index for one-edit typos
// ("OperAI" -> OpenAI), fixed descriptive phrases ("colosso di Mountain View"
// -> via descr=) and the attributes descriptive references need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/entity_draft.h"
#include "extract/entity_phrases.h"

namespace dealscan::entity {

struct GazEntry {
  Entity entity;
  std::string kind;                  // startup, bank, fund, regulator, media, ...
  std::vector<std::string> sectors;  // chips, cloud, ...
  std::string hq;                    // place id
  std::vector<std::string> people;   // ceo= and founder= ids
  std::string owner;                 // products: owning org id
  std::string org;                   // people: the org they lead
};

class Gazetteer {
 public:
  explicit Gazetteer(const Lexicon& lexicon);

  const GazEntry* find(std::string_view id) const;
  const std::vector<GazEntry>& entries() const { return entries_; }

  // The start bits of names and descriptions (kNameStart, kDescriptionStart).
  void mark_starts(StartMarks& marks) const;
  // Name matches, left to right, non-overlapping (longest first). These
  // matchers visit the tokens doc.starts marks (mark_starts).
  void match_names(const TokenStream& ts, const WordSet& stopwords, DocState& doc) const;
  // Fixed descriptive phrases from descr= ("il colosso di Mountain View").
  void match_descriptions(const TokenStream& ts, DocState& doc) const;
  // Unmatched capitalised tokens one edit away from exactly one entity.
  void match_typos(const TokenStream& ts, const WordSet& stopwords, DocState& doc) const;

  // Orgs whose ceo=/founder= lists person_id; orgs with hq=place_id.
  std::vector<std::string> orgs_of_person(const std::string& person_id) const;
  std::vector<std::string> orgs_at(const std::string& place_id) const;

 private:
  // A one-word any-case name (folded) that a misspelt word may stand for.
  struct TypoForm {
    int entry;
    std::string key;
  };
  // A typo form with one character deleted (or none: len 0), by the FNV-1a
  // hash of what is left, in an open-addressing table: built in one pass,
  // where a map of the variants as strings cost a fifth of the build.
  struct Deletion {
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
    std::uint64_t hash = 0;
    std::uint32_t form = kEmpty;  // in typo_forms_
    std::uint16_t at = 0, len = 0;  // the bytes deleted from its key
  };
  void add_typo_form(int entry, std::string key);
  void index_deletions();
  std::optional<int> typo_candidate(const TokenStream& ts, std::size_t i) const;

  std::vector<GazEntry> entries_;
  IdMap<int> by_id_;
  PhraseTrie names_;
  PhraseTrie descriptions_;
  std::vector<TypoForm> typo_forms_;
  std::vector<Deletion> deletions_;  // a power of two in size, at most half full
};

}  // namespace dealscan::entity

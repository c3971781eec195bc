// Rules for names the gazetteer does not know, each named in the mention's rule:
//   legal-suffix         "Quercia Digitale S.p.A."           -> ORG "Quercia Digitale"
//   org-after:<noun>     "la start-up israeliana Lumeo"      -> ORG "Lumeo" (kind startup)
//   person-after-role    "l'amministratore delegato Anna Neri", "il ceo di Acme, Anna Neri"
//   person-before-role   "Anna Neri, fondatrice di Acme"
//   repeat / surname     later mentions of a name found above ("Lumeo", "Neri")
// Headings and ALL-CAPS lines are skipped; names overlapping a gazetteer match
// are left to the gazetteer. Word lists: legal_suffixes, entity_triggers,
// entity_modifiers, entity_determiners, roles, name_particles, entity_stopwords.
#pragma once

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/entity_draft.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_phrases.h"

namespace dealscan::entity {

// The determiner list ("la", "dell'", "una") as a trie: payload 1 definite, 2 indefinite.
PhraseTrie load_determiners(const Lexicon& lexicon);
// Every form of a list, case-folded.
WordSet load_words(const Lexicon& lexicon, std::string_view list);

class NameRules {
 public:
  NameRules(const Lexicon& lexicon, const Gazetteer& gazetteer);

  // The start bits of suffixes, determiners and commas (kSuffixStart,
  // kDeterminerStart, kCommaMark), which apply's rules visit, and of
  // triggers and roles (kFollowerStart), which decide which determiners
  // are looked up. apply needs DescriptiveResolver::mark_starts too.
  void mark_starts(StartMarks& marks) const;
  // Adds drafts and unknown entities; call after the gazetteer matched
  // (doc.starts marked by mark_starts).
  void apply(const TokenStream& ts, DocState& doc) const;
  const WordSet& stopwords() const { return stopwords_; }

 private:
  struct Trigger {
    EntityType type;
    std::string kind, rule;
  };
  void legal_suffix(const TokenStream& ts, const Covered& covered, DocState& doc) const;
  // doc.determiners for ts.
  void find_determiners(const TokenStream& ts, DocState& doc) const;
  void after_trigger(const TokenStream& ts, const Covered& covered, DocState& doc) const;
  void persons(const TokenStream& ts, const Covered& covered, DocState& doc) const;
  void repeats(const TokenStream& ts, DocState& doc) const;

  // End of the capitalised name starting at i ("Quercia & Figli"), or i.
  std::size_t name_end(const TokenStream& ts, std::size_t i, const Covered& covered) const;
  // End of a person's name "Anna Maria Neri" starting at i, or i when it is not one.
  std::size_t person_end(const TokenStream& ts, std::size_t i, const Covered& covered) const;
  // Start of a person's name ending just before end, or end.
  std::size_t person_begin(const TokenStream& ts, std::size_t end, const Covered& covered) const;
  bool person_word(const TokenStream& ts, std::size_t i, const Covered& covered) const;
  void add(const TokenStream& ts, DocState& doc, std::size_t name_first, std::size_t name_last, std::size_t first,
           std::size_t last, EntityType type, const std::string& kind, std::string_view rule) const;

  const Gazetteer& gazetteer_;
  PhraseTrie suffixes_, determiners_, triggers_, modifiers_, roles_;
  std::vector<Trigger> trigger_info_;
  WordSet stopwords_, particles_;
};

}  // namespace dealscan::entity

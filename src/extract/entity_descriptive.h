// Descriptive references ("la start-up", "la società di Altman", "la casa
// madre di ChatGPT", "il colosso dei chip") resolved to an entity already
// named in the document, from entity_descriptors.tsv. A reference is kept only
// when it resolves to exactly one entity; its mention is descriptive=true with
// rule "descriptive:<form>".
#pragma once

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/entity_draft.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_phrases.h"

namespace dealscan::entity {

class DescriptiveResolver {
 public:
  DescriptiveResolver(const Lexicon& lexicon, const Gazetteer& gazetteer);

  // The descriptors' start bit (kFollowerStart): the rules look a
  // determiner up only before one of these, a trigger or a role.
  void mark_starts(StartMarks& marks) const;

  // names: the name mentions kept so far, sorted and non-overlapping.
  // Appends descriptive drafts to out.
  // The ids of the drafts are held in doc (held_ids).
  void apply(const TokenStream& ts, const std::vector<Draft>& names, DocState& doc,
             std::vector<Draft>& out) const;

 private:
  enum class Mode { Generic, Arg, Sector };
  struct Descriptor {
    Mode mode;
    std::string kind, sector, rule;
  };
  std::optional<std::string> generic(const TokenStream& ts, const Descriptor& d, std::size_t at,
                                     const std::vector<Draft>& names, const DocState& doc) const;
  std::optional<std::string> by_argument(const Draft& arg, const std::vector<Draft>& names) const;
  std::optional<std::string> by_sector(const Descriptor& d, std::size_t at, const std::vector<Draft>& names) const;
  // An ORG that a generic descriptor of this kind may stand for.
  bool compatible(std::string_view id, const std::string& kind, const DocState& doc) const;

  const Gazetteer& gazetteer_;
  PhraseTrie determiners_, descriptors_, modifiers_;
  std::vector<Descriptor> info_;
};

}  // namespace dealscan::entity

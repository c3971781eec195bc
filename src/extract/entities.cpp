// EntityExtractor: gazetteer names, typos, rules for unknown names, then
// descriptive references, with overlaps resolved (longest mention wins).
#include <cstdint>
#include <iterator>
#include <vector>

#include "dealscan/extract.h"
#include "extract/entity_descriptive.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_overlaps.h"
#include "extract/entity_rules.h"
#include "extract/entity_tokens.h"

namespace dealscan {
namespace {

using entity::Draft;

// Whether an entity is named for the first time in a document: entities'
// addresses in an open-addressed table, at most half full, kept by the
// thread and cleared per document (searching the list of those named so
// far, up to 48 long, cost more than the rest of the hand-over).
class FirstSeen {
 public:
  // Empty, with room for a document's mentions (at most mentions entities).
  void reset(std::size_t mentions) {
    bits_ = 4;
    while ((std::size_t{1} << bits_) < 2 * mentions) ++bits_;
    slots_.assign(std::size_t{1} << bits_, nullptr);
  }
  bool first(const Entity* e) {
    const std::size_t mask = slots_.size() - 1;
    // Fibonacci hashing: the product's top bits mix all of the address's.
    std::size_t i = (reinterpret_cast<std::uintptr_t>(e) * 0x9E3779B97F4A7C15ull) >> (64 - bits_);
    for (;; i = (i + 1) & mask) {
      if (slots_[i] == e) return false;
      if (!slots_[i]) {
        slots_[i] = e;
        return true;
      }
    }
  }

 private:
  std::vector<const Entity*> slots_;
  unsigned bits_ = 4;
};

}  // namespace

struct EntityExtractor::Impl {
  explicit Impl(const Lexicon& lexicon)
      : gazetteer(lexicon), rules(lexicon, gazetteer), descriptive(lexicon, gazetteer) {
    gazetteer.mark_starts(starts);
    rules.mark_starts(starts);
    descriptive.mark_starts(starts);
  }

  const Entity* lookup(std::string_view id, const entity::DocState& doc) const {
    if (const auto* g = gazetteer.find(id)) return &g->entity;
    if (const auto* u = doc.find_unknown(id)) return &u->entity;
    return nullptr;
  }

  EntityOutput extract(const entity::TokenStream& ts) const {
    entity::DocState doc;
    // One pass marks where each every-token matcher may start (per-thread marks).
    thread_local std::vector<std::uint8_t> marks;
    starts.mark(ts, marks);
    doc.starts = marks.data();
    gazetteer.match_names(ts, rules.stopwords(), doc);
    gazetteer.match_descriptions(ts, doc);
    gazetteer.match_typos(ts, rules.stopwords(), doc);
    rules.apply(ts, doc);
    std::vector<Draft> names = entity::resolve_overlaps(std::move(doc.drafts));
    // The descriptive drafts go after the names, as one list: appended to
    // the names themselves once read, not to a copy of them.
    std::vector<Draft> described;
    descriptive.apply(ts, names, doc, described);
    names.insert(names.end(), std::make_move_iterator(described.begin()), std::make_move_iterator(described.end()));
    return to_output(ts, entity::resolve_overlaps(std::move(names)), doc);
  }

  EntityOutput to_output(const entity::TokenStream& ts, std::vector<Draft> drafts, const entity::DocState& doc) const {
    EntityOutput out;
    out.mentions.reserve(drafts.size());
    // An id finds one entity and an entity has one id, so the entity's
    // address stands for the id: no string hashed or copied per mention.
    // The entities in order of first mention are listed first, so the
    // output's entities are copied once into a list of the right size.
    thread_local std::vector<const Entity*> firsts;
    thread_local FirstSeen seen;
    firsts.clear();
    seen.reset(drafts.size());
    for (auto& d : drafts) {
      const Entity* e = d.known ? d.known : lookup(d.entity_id, doc);
      if (!e) continue;
      Span span{ts.tokens[d.first].begin, ts.tokens[d.last - 1].end};
      if (seen.first(e)) firsts.push_back(e);
      out.mentions.push_back({std::string(d.entity_id), span, std::string(d.rule), d.descriptive});
    }
    out.entities.reserve(firsts.size());
    for (const Entity* e : firsts) out.entities.push_back(*e);
    return out;
  }

  entity::Gazetteer gazetteer;
  entity::NameRules rules;
  entity::DescriptiveResolver descriptive;
  entity::StartMarks starts;  // the gazetteer's and the rules' every-token tries
};

EntityExtractor::EntityExtractor(const Lexicon& lexicon) : impl_(std::make_shared<const Impl>(lexicon)) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(const EntityExtractor&) = default;
EntityExtractor& EntityExtractor::operator=(const EntityExtractor&) = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;

EntityOutput EntityExtractor::extract(std::string_view text, const std::vector<Sentence>& sentences) const {
  return extract(DocumentText(text, sentences));
}

EntityOutput EntityExtractor::extract(const DocumentText& doc) const { return impl_->extract(doc.words()); }

}  // namespace dealscan

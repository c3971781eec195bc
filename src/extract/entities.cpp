// STUB: replaced by the entities module.
#include "dealscan/extract.h"

namespace dealscan {

struct EntityExtractor::Impl {
  explicit Impl(const Lexicon&) {}
};
EntityExtractor::EntityExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;

EntityOutput EntityExtractor::extract(std::string_view, const std::vector<Sentence>&) const { return {}; }

}  // namespace dealscan

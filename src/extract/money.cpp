// STUB: replaced by the money module.
#include "dealscan/extract.h"

namespace dealscan {

struct MoneyExtractor::Impl {
  explicit Impl(const Lexicon&) {}
};
MoneyExtractor::MoneyExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
MoneyExtractor::~MoneyExtractor() = default;
MoneyExtractor::MoneyExtractor(MoneyExtractor&&) noexcept = default;
MoneyExtractor& MoneyExtractor::operator=(MoneyExtractor&&) noexcept = default;

MoneyOutput MoneyExtractor::extract(std::string_view, const std::vector<Sentence>&) const { return {}; }

}  // namespace dealscan

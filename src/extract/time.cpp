// STUB: replaced by the time module.
#include "dealscan/extract.h"

namespace dealscan {

struct TimeExtractor::Impl {
  explicit Impl(const Lexicon&) {}
};
TimeExtractor::TimeExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
TimeExtractor::~TimeExtractor() = default;
TimeExtractor::TimeExtractor(TimeExtractor&&) noexcept = default;
TimeExtractor& TimeExtractor::operator=(TimeExtractor&&) noexcept = default;

std::vector<TimeExpr> TimeExtractor::extract(std::string_view, const std::vector<Sentence>&,
                                             const std::optional<std::string>&) const {
  return {};
}

}  // namespace dealscan

// STUB: replaced by the claims module.
#include "dealscan/extract.h"

namespace dealscan {

struct ClaimExtractor::Impl {
  explicit Impl(const Lexicon&) {}
};
ClaimExtractor::ClaimExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
ClaimExtractor::~ClaimExtractor() = default;
ClaimExtractor::ClaimExtractor(ClaimExtractor&&) noexcept = default;
ClaimExtractor& ClaimExtractor::operator=(ClaimExtractor&&) noexcept = default;

ClaimOutput ClaimExtractor::extract(const ClaimInput& in) const {
  ClaimOutput out;
  for (std::size_t i = 0; i < in.money.size(); ++i) {
    Figure f;
    f.id = in.source.id + "#f" + std::to_string(i + 1);
    f.source = in.source.id;
    f.money = in.money[i];
    f.text = in.text.text.substr(f.money.span.begin, f.money.span.size());
    f.orig = in.text.orig(f.money.span);
    out.figures.push_back(std::move(f));
  }
  return out;
}

}  // namespace dealscan

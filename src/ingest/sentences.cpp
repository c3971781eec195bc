// STUB: replaced by the ingest module.
#include "dealscan/ingest.h"

namespace dealscan {

struct SentenceSplitter::Impl {
  explicit Impl(const Lexicon&) {}
};
SentenceSplitter::SentenceSplitter(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ')) {
      if (i + 1 > start) out.push_back({Span{start, i + 1}});
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back({Span{start, text.size()}});
  return out;
}

}  // namespace dealscan

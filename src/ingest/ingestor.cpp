// STUB: replaced by the ingest module.
#include "dealscan/ingest.h"

namespace dealscan {

struct Ingestor::Impl {
  explicit Impl(const Lexicon&) {}
};
Ingestor::Ingestor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
Ingestor::~Ingestor() = default;
Ingestor::Ingestor(Ingestor&&) noexcept = default;
Ingestor& Ingestor::operator=(Ingestor&&) noexcept = default;

Result<IngestedText> Ingestor::ingest(const InputFile& file, std::string_view bytes) const {
  IngestedText out;
  out.source.id = file.id;
  out.source.path = file.path;
  out.source.encoding = "UTF-8";
  out.text.text = std::string(bytes);
  for (std::size_t i = 0; i <= bytes.size(); ++i) out.text.to_orig.push_back(static_cast<std::uint32_t>(i));
  return out;
}

}  // namespace dealscan

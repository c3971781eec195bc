// Ingestor: bytes -> decoded text -> date marker taken off -> HTML stripped
// (when the file is a saved web page) -> folded and NFC-normalised, each step
// keeping the map back to the original bytes.
#include <new>

#include "dealscan/ingest.h"
#include "ingest/date_marker.h"
#include "ingest/decode.h"
#include "ingest/html.h"
#include "ingest/normalize.h"

namespace dealscan {

struct Ingestor::Impl {
  ingest::Decoder decoder;
  ingest::Normalizer normalizer;
  explicit Impl(const Lexicon&) {}
};

Ingestor::Ingestor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
Ingestor::~Ingestor() = default;
Ingestor::Ingestor(Ingestor&&) noexcept = default;
Ingestor& Ingestor::operator=(Ingestor&&) noexcept = default;

Result<IngestedText> Ingestor::ingest(const InputFile& file, std::string_view bytes) const {
  try {
    auto decoded = impl_->decoder.decode(bytes);
    if (!decoded) return decoded.error();
    ingest::Decoded& dec = *decoded;

    IngestedText out;
    out.source.id = file.id;
    out.source.path = file.path;
    out.source.encoding = dec.encoding;
    out.source.warnings = std::move(dec.warnings);

    const ingest::MappedView text = dec.view();
    std::size_t start = 0;
    if (auto marker = ingest::find_date_marker(text.text)) {
      start = marker->end;
      if (marker->date.empty()) {
        out.source.warnings.push_back("impossible date in marker \"" + marker->marker + "\" ignored");
      } else {
        out.source.date = marker->date;
      }
    }

    ingest::MappedView body = text;
    ingest::MappedText stripped;
    if (ingest::looks_like_html(text.text.substr(start))) {
      stripped = ingest::strip_html(text, start);
      body = stripped.view();
      start = 0;
      out.source.warnings.push_back("HTML markup removed");
    }
    out.text = impl_->normalizer.run(body, start, static_cast<std::uint32_t>(bytes.size()));
    return out;
  } catch (const std::bad_alloc&) {
    return Error{"out of memory"};
  }
}

}  // namespace dealscan

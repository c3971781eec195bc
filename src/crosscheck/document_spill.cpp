// A record is the fields of Source::id, every Figure and every Fact (or of a
// StoryDoc) in declaration order, as record_codec.h writes them. The file
// lives only as long as the run, on this machine, so no versioning or byte
// order is needed.
#include "crosscheck/document_spill.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "common/temp_file.h"
#include "crosscheck/record_codec.h"

namespace dealscan::crosscheck {
namespace {

using record::decode_record;
using record::encode_record;

// One list of fields for both directions, so a field added to Figure, Fact
// or StoryDoc is added here once.
template <class IO, class M>
void money_fields(IO& io, M& m) {
  io(m.span), io(m.value), io(m.max), io(m.currency), io(m.currency_from_context), io(m.qualifier);
  io(m.period_years), io(m.period_span), io(m.conversion_of), io(m.rule);
}
template <class IO, class F>
void figure_fields(IO& io, F& f) {
  io(f.id), io(f.source);
  money_fields(io, f.money);
  io(f.text), io(f.orig), io(f.sentence), io(f.sentence_text), io(f.kind), io(f.subject), io(f.counterparty);
  io(f.modality), io(f.attributed_to), io(f.time), io(f.kind_rule), io(f.party_rule);
}
template <class IO, class F>
void fact_fields(IO& io, F& f) {
  io(f.id), io(f.source), io(f.kind), io(f.subject), io(f.object), io(f.until), io(f.text), io(f.orig);
  io(f.sentence), io(f.sentence_text), io(f.modality), io(f.rule);
}

template <class IO, class D>
void document_fields(IO& io, D& d) {
  io(d.source.id);
  io.list(d.figures, [&](auto& f) { figure_fields(io, f); });
  io.list(d.facts, [&](auto& f) { fact_fields(io, f); });
}
template <class IO, class D>
void story_doc_fields(IO& io, D& d) {
  io(d.id), io(d.day), io(d.entities), io(d.figure_parties);
  io.list(d.amounts, [&](auto& a) { io(a.prominence), io(a.key), io(a.top), io(a.top_kind), io(a.mentions); });
}

std::string io_error(const char* what) { return std::string("cross-check spill file: ") + what + ": " + std::strerror(errno); }

}  // namespace

DocumentSpill::DocumentSpill() : file_(anonymous_temp_file("cross-check spill file")) {}

DocumentSpill::~DocumentSpill() { std::fclose(file_); }

std::string DocumentSpill::encode(const DocumentResult& doc) {
  return encode_record(doc, [](auto& io, auto& d) { document_fields(io, d); });
}

void DocumentSpill::append(const std::string& record) {
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size()) throw std::runtime_error(io_error("write failed"));
  offsets_.push_back(offsets_.back() + record.size());
}

void DocumentSpill::seal() {
  if (std::fflush(file_) != 0) throw std::runtime_error(io_error("write failed"));
}

std::string DocumentSpill::read(std::size_t i) const {
  std::string bytes(offsets_[i + 1] - offsets_[i], '\0');
  // pread leaves the shared file position alone, so threads may read at once.
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::pread(fileno(file_), bytes.data() + done, bytes.size() - done, static_cast<off_t>(offsets_[i] + done));
    if (n <= 0) throw std::runtime_error(io_error("read failed"));
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

std::string DocumentSpill::encode(const StoryDoc& doc) {
  return encode_record(doc, [](auto& io, auto& d) { story_doc_fields(io, d); });
}

StoryDoc DocumentSpill::load_story(std::size_t i) const {
  return decode_record<StoryDoc>(read(i), [](auto& io, auto& d) { story_doc_fields(io, d); });
}

DocumentResult DocumentSpill::load(std::size_t i) const {
  return decode_record<DocumentResult>(read(i), [](auto& io, auto& d) { document_fields(io, d); });
}

}  // namespace dealscan::crosscheck

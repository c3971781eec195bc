// A record is Source::id and the fields of every Figure and every Fact the
// cross-check reads (or of a StoryDoc), as record_codec.h writes them. The file
// lives only as long as the run, on this machine, so no versioning or byte
// order is needed.
#include "crosscheck/document_spill.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
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
// or StoryDoc is added here once. A document's record holds what the
// cross-check reads: the texts it never reads (sentences, rule names, whom a
// figure is attributed to, a fact's object) are not written and come back
// empty. Of a time, the span, bounds and precision are kept.
template <class IO, class M>
void money_fields(IO& io, M& m) {
  io(m.span), io(m.value), io(m.max), io(m.currency), io(m.currency_from_context), io(m.qualifier);
  io(m.period_years), io(m.period_span), io(m.conversion_of);
}
template <class IO, class F>
void figure_fields(IO& io, F& f) {
  io(f.id), io(f.source);
  money_fields(io, f.money);
  io(f.text), io(f.orig), io(f.sentence), io(f.kind), io(f.subject), io(f.counterparty), io(f.modality), io(f.time);
}
template <class IO, class F>
void fact_fields(IO& io, F& f) {
  io(f.id), io(f.source), io(f.kind), io(f.subject), io(f.until), io(f.text), io(f.orig), io(f.sentence);
  io(f.modality);
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

// The story passes read each thread's share of the records in order, one
// short record at a time: a pread each was 200,000 system calls on 100,000
// short documents. A thread reading in order reads blocks ahead instead,
// growing while the run lasts; the check reads a story's documents, often
// far apart, so an out-of-order read takes only its own record.
struct ReadAhead {
  static constexpr std::size_t kFirst = 4 << 10, kMost = 256 << 10;
  std::uint64_t spill = 0;           // whose block this is (0: nobody's)
  std::size_t last = SIZE_MAX;       // the record this thread read last
  std::uint64_t last_end = 0;        // where it ends: where the next one starts
  std::uint64_t begin = 0;           // the block's offset in the file
  std::size_t size = 0;              // the block's bytes (block only grows: no zeroing per read)
  std::size_t grow = 0;              // the size of the next block
  std::string block;
  std::string single;  // an out-of-order record
  // n bytes of `buffer`, which grows (zero-filled) only past its largest size.
  static char* room(std::string& buffer, std::size_t n) {
    if (buffer.size() < n) buffer.resize(n);
    return buffer.data();
  }
};
thread_local ReadAhead read_ahead;

std::atomic<std::uint64_t> spills{0};

constexpr std::size_t kWriteBuffer = 64 << 10;

}  // namespace

DocumentSpill::DocumentSpill() : file_(anonymous_temp_file("cross-check spill file")), id_(++spills) {
  // Records are a few hundred bytes: with stdio's default buffer, appending
  // them was a write() every dozen documents.
  buffer_ = std::make_unique<char[]>(kWriteBuffer);
  std::setvbuf(file_, buffer_.get(), _IOFBF, kWriteBuffer);
}

DocumentSpill::~DocumentSpill() { std::fclose(file_); }

std::string DocumentSpill::encode(const DocumentResult& doc, const std::vector<FigureProminence>& ranked) {
  // The prominences after the document's fields: load(i) reads only those.
  return encode_record(doc, [&](auto& io, auto& d) { document_fields(io, d), io(ranked); });
}

void DocumentSpill::append(const std::string& record) {
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size()) throw std::runtime_error(io_error("write failed"));
  if (lengths_.size() % kStride == 0) stride_starts_.push_back(end_);
  if (record.size() >= kLong) long_.emplace_back(lengths_.size(), record.size());
  lengths_.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(record.size(), kLong)));
  end_ += record.size();
}

std::uint64_t DocumentSpill::length(std::size_t i) const {
  if (lengths_[i] != kLong) return lengths_[i];
  return std::lower_bound(long_.begin(), long_.end(), std::pair<std::size_t, std::uint64_t>(i, 0))->second;
}

std::uint64_t DocumentSpill::start(std::size_t i) const {
  std::uint64_t at = stride_starts_[i / kStride];
  for (std::size_t k = i - i % kStride; k < i; ++k) at += length(k);
  return at;
}

void DocumentSpill::seal() {
  if (std::fflush(file_) != 0) throw std::runtime_error(io_error("write failed"));
}

void DocumentSpill::pread_exact(char* to, std::uint64_t offset, std::size_t n) const {
  // pread leaves the shared file position alone, so threads may read at once.
  for (std::size_t done = 0; done < n;) {
    ssize_t got = ::pread(fileno(file_), to + done, n - done, static_cast<off_t>(offset + done));
    if (got <= 0) throw std::runtime_error(io_error("read failed"));
    done += static_cast<std::size_t>(got);
  }
}

std::string_view DocumentSpill::read(std::size_t i) const {
  ReadAhead& ra = read_ahead;
  if (ra.spill != id_) {  // the block is another spill's
    ra.spill = id_;
    ra.last = SIZE_MAX;  // so that record 0 counts as in order
    ra.last_end = 0;
    ra.grow = 0;
    ra.size = 0;
  }
  const bool in_order = i == ra.last + 1;
  const std::uint64_t begin = in_order ? ra.last_end : start(i), end = begin + length(i);
  ra.last = i;
  ra.last_end = end;
  if (begin < ra.begin || end > ra.begin + ra.size) {
    if (!in_order) {
      ra.grow = 0;
      char* record = ReadAhead::room(ra.single, end - begin);
      pread_exact(record, begin, end - begin);
      return {record, end - begin};
    }
    ra.grow = std::min(std::max(2 * ra.grow, ReadAhead::kFirst), ReadAhead::kMost);
    const std::uint64_t block_end = std::max(end, std::min(end_, begin + ra.grow));
    ra.size = block_end - begin;
    ra.begin = begin;
    pread_exact(ReadAhead::room(ra.block, ra.size), begin, ra.size);
  }
  return std::string_view(ra.block).substr(begin - ra.begin, end - begin);
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

DocumentResult DocumentSpill::load(std::size_t i, std::vector<FigureProminence>& ranked) const {
  return decode_record<DocumentResult>(read(i), [&](auto& io, auto& d) { document_fields(io, d), io(ranked); });
}

}  // namespace dealscan::crosscheck

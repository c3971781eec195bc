// A record is the fields of Source::id, every Figure and every Fact in
// declaration order: fixed-size values as their bytes, strings as a 32-bit
// length and the bytes, optionals as a presence byte and the value. The file
// lives only as long as the run, on this machine, so no versioning or byte
// order is needed.
#include "crosscheck/document_spill.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "common/temp_file.h"

namespace dealscan::crosscheck {
namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <class T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <class T>
  void put(const std::optional<T>& v) {
    put(static_cast<std::uint8_t>(v.has_value()));
    if (v) put(*v);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(static_cast<std::uint64_t>(v.size()));
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put(const TimeExpr& t) {
    put(t.span);
    put(t.begin);
    put(t.end);
    put(t.precision);
    put(t.rule);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  template <class T>
  void get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    take(reinterpret_cast<char*>(&v), sizeof v);
  }
  void get(std::string& s) {
    std::uint32_t n = 0;
    get(n);
    s.resize(n);
    take(s.data(), n);
  }
  template <class T>
  void get(std::optional<T>& v) {
    std::uint8_t present = 0;
    get(present);
    if (!present) return v.reset();
    v.emplace();
    get(*v);
  }
  template <class T>
  void get(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = 0;
    get(n);
    if (n > (in_.size() - at_) / sizeof(T)) throw std::runtime_error("cross-check spill file: truncated record");
    v.resize(n);
    take(reinterpret_cast<char*>(v.data()), n * sizeof(T));
  }
  void get(TimeExpr& t) {
    get(t.span);
    get(t.begin);
    get(t.end);
    get(t.precision);
    get(t.rule);
  }

 private:
  void take(char* to, std::size_t n) {
    if (n > in_.size() - at_) throw std::runtime_error("cross-check spill file: truncated record");
    std::memcpy(to, in_.data() + at_, n);
    at_ += n;
  }
  const std::string& in_;
  std::size_t at_ = 0;
};

// One list of fields for both directions, so a field added to Figure or Fact
// is added here once.
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

std::string io_error(const char* what) { return std::string("cross-check spill file: ") + what + ": " + std::strerror(errno); }

}  // namespace

DocumentSpill::DocumentSpill() : file_(anonymous_temp_file("cross-check spill file")) {}

DocumentSpill::~DocumentSpill() { std::fclose(file_); }

std::string DocumentSpill::encode(const DocumentResult& doc) {
  std::string record;
  Writer w(record);
  auto io = [&](const auto& v) { w.put(v); };
  w.put(doc.source.id);
  w.put(static_cast<std::uint64_t>(doc.figures.size()));
  for (const auto& f : doc.figures) figure_fields(io, f);
  w.put(static_cast<std::uint64_t>(doc.facts.size()));
  for (const auto& f : doc.facts) fact_fields(io, f);
  return record;
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
  std::string record;
  Writer w(record);
  w.put(doc.id);
  w.put(doc.day);
  w.put(doc.entities);
  w.put(doc.figure_parties);
  w.put(static_cast<std::uint64_t>(doc.amounts.size()));
  for (const auto& a : doc.amounts) {
    w.put(a.prominence), w.put(a.key), w.put(a.top), w.put(a.top_kind);
    w.put(a.mentions);
  }
  return record;
}

StoryDoc DocumentSpill::load_story(std::size_t i) const {
  const std::string bytes = read(i);
  Reader r(bytes);
  StoryDoc doc;
  r.get(doc.id);
  r.get(doc.day);
  r.get(doc.entities);
  r.get(doc.figure_parties);
  std::uint64_t n = 0;
  r.get(n);
  doc.amounts.resize(n);
  for (auto& a : doc.amounts) {
    r.get(a.prominence), r.get(a.key), r.get(a.top), r.get(a.top_kind);
    r.get(a.mentions);
  }
  return doc;
}

DocumentResult DocumentSpill::load(std::size_t i) const {
  const std::string bytes = read(i);
  Reader r(bytes);
  auto io = [&](auto& v) { r.get(v); };
  DocumentResult doc;
  r.get(doc.source.id);
  std::uint64_t n = 0;
  r.get(n);
  doc.figures.resize(n);
  for (auto& f : doc.figures) figure_fields(io, f);
  r.get(n);
  doc.facts.resize(n);
  for (auto& f : doc.facts) fact_fields(io, f);
  return doc;
}

}  // namespace dealscan::crosscheck

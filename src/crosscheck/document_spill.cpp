// A record is the fields of Source::id, every Figure and every Fact (or of a
// StoryDoc) in declaration order: fixed-size values as their bytes, strings as a 32-bit
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
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
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
    if (n == 0) return;  // an empty vector's data() may be null, which memcpy must not get
    std::memcpy(to, in_.data() + at_, n);
    at_ += n;
  }
  const std::string& in_;
  std::size_t at_ = 0;
};

// The two directions behind one call shape: io(field) writes or reads a
// field, io.list(items, each) a counted list of records.
struct Put {
  Writer& w;
  template <class T>
  void operator()(const T& v) {
    w.put(v);
  }
  template <class T, class Each>
  void list(const std::vector<T>& items, Each each) {
    w.put(static_cast<std::uint64_t>(items.size()));
    for (const auto& item : items) each(item);
  }
};
struct Get {
  Reader& r;
  template <class T>
  void operator()(T& v) {
    r.get(v);
  }
  template <class T, class Each>
  void list(std::vector<T>& items, Each each) {
    std::uint64_t n = 0;
    r.get(n);
    items.resize(n);
    for (auto& item : items) each(item);
  }
};

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

template <class T, class Fields>
std::string encode_record(const T& value, Fields fields) {
  std::string record;
  Writer w(record);
  Put io{w};
  fields(io, value);
  return record;
}
template <class T, class Fields>
T decode_record(const std::string& record, Fields fields) {
  Reader r(record);
  Get io{r};
  T value;
  fields(io, value);
  return value;
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

// Records as bytes, for data a run writes to a temporary file and reads back
// on the same machine: fixed-size values as their bytes, strings as a 32-bit
// length and the bytes, optionals as a presence byte and the value. One list
// of fields per record type serves both directions (Put and Get), so a field
// is added in one place.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dealscan/types.h"

namespace dealscan::crosscheck::record {

// Writes through Out::bytes(data, n): Count adds up a record's size, Copy
// then writes it into a buffer of that size. Two passes over the fields
// cost less than growing a string by each small append.
template <class Out>
class Writer {
 public:
  explicit Writer(Out& out) : out_(out) {}
  template <class T>
  void put(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.bytes(&v, sizeof v);
  }
  void put(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    out_.bytes(s.data(), s.size());
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
    out_.bytes(v.data(), v.size() * sizeof(T));
  }
  // A time without its rule name, which nothing reading records back needs.
  void put(const TimeExpr& t) {
    put(t.span);
    put(t.begin);
    put(t.end);
    put(t.precision);
  }

 private:
  Out& out_;
};

struct Count {
  std::size_t size = 0;
  void bytes(const void*, std::size_t n) { size += n; }
};
struct Copy {
  char* at;
  void bytes(const void* data, std::size_t n) {
    if (n == 0) return;  // an empty vector's data() may be null, which memcpy must not get
    std::memcpy(at, data, n);
    at += n;
  }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  void get(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    take(reinterpret_cast<char*>(&v), sizeof v);
  }
  void get(std::string& s) {
    std::uint32_t n = 0;
    get(n);
    if (n > in_.size() - at_) throw std::runtime_error("cross-check spill file: truncated record");
    // One copy (resize() would zero the bytes first), by append: assign's
    // general replace path costs more, and the string is nearly always new.
    s.clear();
    s.append(in_.data() + at_, n);
    at_ += n;
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
  }

 private:
  void take(char* to, std::size_t n) {
    if (n > in_.size() - at_) throw std::runtime_error("cross-check spill file: truncated record");
    if (n == 0) return;  // an empty vector's data() may be null, which memcpy must not get
    std::memcpy(to, in_.data() + at_, n);
    at_ += n;
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

// The two directions behind one call shape: io(field) writes or reads a
// field, io.list(items, each) a counted list of records.
template <class Out>
struct Put {
  Writer<Out>& w;
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

// The record's size measured by one pass over the fields, its bytes written
// by a second into a string of that size.
template <class T, class Fields>
std::string encode_record(const T& value, Fields fields) {
  Count count;
  Writer<Count> measure(count);
  Put<Count> sized{measure};
  fields(sized, value);
  std::string record(count.size, '\0');
  Copy copy{record.data()};
  Writer<Copy> write(copy);
  Put<Copy> io{write};
  fields(io, value);
  return record;
}
template <class T, class Fields>
T decode_record(std::string_view record, Fields fields) {
  Reader r(record);
  Get io{r};
  T value;
  fields(io, value);
  return value;
}

}  // namespace dealscan::crosscheck::record

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
    s.assign(in_.data() + at_, n);  // one copy: resize() would zero the bytes first
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
    get(t.rule);
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

// `expect`: the bytes the record will likely take, reserved up front so the
// record is not copied each time it outgrows its buffer.
template <class T, class Fields>
std::string encode_record(const T& value, Fields fields, std::size_t expect = 0) {
  std::string record;
  record.reserve(expect);
  Writer w(record);
  Put io{w};
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

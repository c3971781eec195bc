// Writes JSON text straight into a string, no document tree: the report
// writers stream a line per document and a whole report this way. The bytes
// are those nlohmann::ordered_json::dump writes (compact, or indent 1 with
// ensure_ascii off and invalid UTF-8 replaced), so either can read the other's
// output and tests can compare them.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dealscan::report_detail {

// Room put_double needs.
constexpr std::size_t kDoubleRoom = 64;
// v as nlohmann writes a double ("null" when not finite) at out; the end.
char* put_double(char* out, double v);
// s as a quoted JSON string with invalid UTF-8 replaced, as nlohmann writes it
// (the rare path: the writers copy valid strings themselves).
std::string replaced_json_string(std::string_view s);
// s quoted and escaped as nlohmann writes it, appended to out.
void append_json_string(std::string& out, std::string_view s);

// A value already written as compact JSON, copied as it is.
struct RawJson {
  std::string_view text;
};

class JsonWriter {
 public:
  // indent < 0: one line; otherwise that many spaces per level.
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  // A key written as a literal in the report code. Such keys are plain names
  // (no '"', '\\', control or non-ASCII byte), so they go out unscanned: the
  // comma before, the quoted name and the colon in one append.
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
    constexpr std::size_t n = N - 1;
    assert(std::string_view(k, n).find_first_of("\"\\") == std::string_view::npos);
    char buf[n + 5];
    std::size_t len = 0;
    if (indent_ < 0 && !after_key_ && !items_.empty()) {
      if (items_.back()++ > 0) buf[len++] = ',';
    } else {
      before_value();
    }
    buf[len++] = '"';
    std::memcpy(buf + len, k, n);
    len += n;
    buf[len++] = '"';
    buf[len++] = ':';
    if (indent_ >= 0) buf[len++] = ' ';
    out_.append(buf, len);
    after_key_ = true;
    return *this;
  }

  JsonWriter& value(std::string_view s) {
    before_value();
    escaped(s);
    return *this;
  }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double v);
  JsonWriter& value(std::size_t v);
  JsonWriter& value(bool v);
  JsonWriter& null();
  template <class T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  JsonWriter& value(const std::vector<std::string>& items);
  JsonWriter& value(RawJson json) {
    before_value();
    out_.append(json.text);
    return *this;
  }
  // One line, no indent: RawJson text fits in as it is.
  bool compact() const { return indent_ < 0; }
  // A string, or null when it is empty.
  JsonWriter& string_or_null(const std::string& s) { return s.empty() ? null() : value(s); }

  // Shorthand for key(k).value(v).
  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    return key(k).value(v);
  }
  template <std::size_t N, class T>
  JsonWriter& field(const char (&k)[N], const T& v) {
    return key(k).value(v);
  }
  // A literal key with a string or a count: on one line, the comma, key and
  // value (when it needs no escaping and is short) go out in one append, not
  // four or five; the bytes are those of key(k).value(v).
  template <std::size_t N>
  JsonWriter& field(const char (&k)[N], const std::string& v) {
    return string_field(k, std::string_view(v));
  }
  template <std::size_t N>
  JsonWriter& field(const char (&k)[N], std::string_view v) {
    return string_field(k, v);
  }
  template <std::size_t N>
  JsonWriter& field(const char (&k)[N], std::size_t v) {
    if (!inline_field()) return key(k).value(v);
    char buf[N + 28];
    std::size_t len = put_key(buf, k, N - 1);
    len += put_count(buf + len, v);
    out_.append(buf, len);
    return *this;
  }

 private:
  // Strings up to this long are written with their key in one append.
  static constexpr std::size_t kInlineValue = 160;
  // Whether the next field may take the one-append path: one line, inside an
  // object, not after a key already written.
  bool inline_field() const { return indent_ < 0 && !after_key_ && !items_.empty(); }
  // Writes [,]"k": at buf (for inline_field()), counting the item; the length.
  std::size_t put_key(char* buf, const char* k, std::size_t n) {
    std::size_t len = 0;
    if (items_.back()++ > 0) buf[len++] = ',';
    buf[len++] = '"';
    std::memcpy(buf + len, k, n);
    len += n;
    buf[len++] = '"';
    buf[len++] = ':';
    return len;
  }
  template <std::size_t N>
  JsonWriter& string_field(const char (&k)[N], std::string_view v) {
    if (!inline_field() || v.size() > kInlineValue || plain_length(v) != v.size()) return key(k).value(v);
    char buf[N + kInlineValue + 8];
    std::size_t len = put_key(buf, k, N - 1);
    buf[len++] = '"';
    std::memcpy(buf + len, v.data(), v.size());
    len += v.size();
    buf[len++] = '"';
    out_.append(buf, len);
    return *this;
  }
  // The digits of v at buf (at most 20); their number.
  static std::size_t put_count(char* buf, std::size_t v);
  // The length of v's prefix that escaping leaves as it is (no '"', '\\',
  // control byte or invalid UTF-8): v.size() when v needs no escaping.
  static std::size_t plain_length(std::string_view v);

  JsonWriter& open(char c);
  JsonWriter& close(char c);
  // The comma and line break due before the next value (none after a key).
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (items_.empty()) return;
    if (items_.back()++ > 0) out_ += ',';
    if (indent_ >= 0) newline(items_.size());
  }
  void newline(std::size_t depth);
  void escaped(std::string_view s);

  std::string& out_;
  int indent_;
  std::vector<std::size_t> items_;  // items written so far at each open level
  bool after_key_ = false;
};

}  // namespace dealscan::report_detail

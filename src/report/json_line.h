// Writes compact JSON (one line) for the JSON Lines document lines, the bulk
// of a scan's output. The same calls and bytes as a compact JsonWriter,
// without its per-value bookkeeping: values go into a fixed chunk with one
// room check each (not a std::string append per piece), the chunk is
// appended to the output when full; literal keys are copied with their comma
// and colon; plain strings are checked and copied sixteen bytes at a time in
// one pass; the only state is whether the next item needs a comma.
//
// Each inline writer reads the write position once into a local and stores
// it back once: bytes written through a char* may alias the members, so
// writing through p_ itself reloads and stores it at every byte.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/digits.h"
#include "report/json_scan.h"
#include "report/json_writer.h"
#include "report/small_copy.h"

// The writer's small calls are inlined into the report parts, where the
// literal keys become immediate stores; the compiler left some out of line.
#define DEALSCAN_JSON_INLINE [[gnu::always_inline]] inline

namespace dealscan::report_detail {

// The byte-level pieces of a compact JSON line, each writing at p and
// returning the end; the caller made the room.
namespace json_put {

// Room a string of n bytes may take quoted and escaped (an escape is six
// bytes at most, as is an invalid byte replaced).
constexpr std::size_t string_room(std::size_t n) { return 6 * n + 2; }

// "k": (k: n plain bytes).
DEALSCAN_JSON_INLINE char* key(char* p, const char* k, std::size_t n) {
  *p = '"';
  std::memcpy(p + 1, k, n);
  std::memcpy(p + 1 + n, "\":", 2);
  return p + n + 3;
}

// s quoted when it is short (up to 32 bytes) and plain: checked and copied
// with two overlapping loads and stores (below four bytes, the first,
// middle and last); nullptr, nothing written, otherwise. Room for
// s.size() + 2 bytes, and at least eight.
DEALSCAN_JSON_INLINE char* short_string(char* p, std::string_view s) {
  const char* in = s.data();
  const std::size_t n = s.size();
#if defined(__SSE2__)
  if (n >= 16) {  // rule names, amounts as written, ids: most are 16 to 32 bytes
    if (n > 32) return nullptr;
    const __m128i head = json_scan::load16(in), tail = json_scan::load16(in + n - 16);
    if (json_scan::look_bits16(head) | json_scan::look_bits16(tail)) return nullptr;
    *p = '"';
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 1), head);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 1 + n - 16), tail);
    p[n + 1] = '"';
    return p + n + 2;
  }
#endif
  if (n >= 4 && n < 16) {
    if (!json_scan::short_plain(in, n)) return nullptr;
    *p = '"';
    if (n >= 8) {
      std::memcpy(p + 1, in, 8);
      std::memcpy(p + 1 + n - 8, in + n - 8, 8);
    } else {
      std::memcpy(p + 1, in, 4);
      std::memcpy(p + 1 + n - 4, in + n - 4, 4);
    }
  } else if (n < 4 && (n == 0 || json_scan::tiny_plain(in, n))) {
    *p = '"';
    if (n > 0) {
      p[1] = in[0];
      p[1 + n / 2] = in[n / 2];
      p[n] = in[n - 1];
    }
  } else {
    return nullptr;
  }
  p[n + 1] = '"';
  return p + n + 2;
}

// Any s quoted and escaped as nlohmann writes it (invalid UTF-8 replaced),
// with room for string_room(s.size()).
char* escaped_string(char* p, std::string_view s);

// v in decimal, as std::to_chars writes it; room for twenty bytes.
DEALSCAN_JSON_INLINE char* count(char* p, std::size_t v) { return digits::put(p, v); }

}  // namespace json_put

// Measures what the calls of a JsonLine would write, at most: the bound a
// JsonCursor needs for an item. Same calls as JsonLine.
class JsonBound {
 public:
  std::size_t size() const { return n_; }
  DEALSCAN_JSON_INLINE JsonBound& begin_object() { return add(2); }
  DEALSCAN_JSON_INLINE JsonBound& end_object() { return add(1); }
  DEALSCAN_JSON_INLINE JsonBound& begin_array() { return add(2); }
  DEALSCAN_JSON_INLINE JsonBound& end_array() { return add(1); }
  template <std::size_t N>
  DEALSCAN_JSON_INLINE JsonBound& key(const char (&)[N]) {
    return add(N + 3);
  }
  DEALSCAN_JSON_INLINE JsonBound& value(std::string_view s) { return add(1 + json_put::string_room(s.size())); }
  DEALSCAN_JSON_INLINE JsonBound& value(const std::string& s) { return value(std::string_view(s)); }
  DEALSCAN_JSON_INLINE JsonBound& value(double) { return add(1 + kDoubleRoom); }
  DEALSCAN_JSON_INLINE JsonBound& value(std::size_t) { return add(1 + 20); }
  DEALSCAN_JSON_INLINE JsonBound& value(bool) { return add(6); }
  DEALSCAN_JSON_INLINE JsonBound& null() { return add(5); }
  template <class T>
  DEALSCAN_JSON_INLINE JsonBound& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  DEALSCAN_JSON_INLINE JsonBound& value(RawJson json) { return add(1 + json.text.size()); }
  DEALSCAN_JSON_INLINE JsonBound& value(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& s : items) value(s);
    return end_array();
  }
  static constexpr bool compact() { return true; }
  DEALSCAN_JSON_INLINE JsonBound& string_or_null(const std::string& s) { return s.empty() ? null() : value(s); }
  template <std::size_t N, class T>
  DEALSCAN_JSON_INLINE JsonBound& field(const char (&k)[N], const T& v) {
    return key(k).value(v);
  }

 private:
  DEALSCAN_JSON_INLINE JsonBound& add(std::size_t n) {
    n_ += n;
    return *this;
  }
  std::size_t n_ = 0;
};

// Writes one item of a JsonLine into room already made for its JsonBound:
// no call checks room, and the position and the comma state stay in
// registers (a JsonLine's own position is reloaded after every byte
// written, which may alias it). Same calls as JsonLine.
class JsonCursor {
 public:
  JsonCursor(char* p, bool need_comma) : p_(p), need_comma_(need_comma) {}
  char* end() const { return p_; }
  bool need_comma() const { return need_comma_; }

  DEALSCAN_JSON_INLINE JsonCursor& begin_object() { return open('{'); }
  DEALSCAN_JSON_INLINE JsonCursor& end_object() { return close('}'); }
  DEALSCAN_JSON_INLINE JsonCursor& begin_array() { return open('['); }
  DEALSCAN_JSON_INLINE JsonCursor& end_array() { return close(']'); }
  template <std::size_t N>
  DEALSCAN_JSON_INLINE JsonCursor& key(const char (&k)[N]) {
    p_ = json_put::key(item_start(), k, N - 1);
    need_comma_ = false;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonCursor& value(std::string_view s) {
    char* p = item_start();
    char* end = json_put::short_string(p, s);
    p_ = end ? end : json_put::escaped_string(p, s);
    need_comma_ = true;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonCursor& value(const std::string& s) { return value(std::string_view(s)); }
  DEALSCAN_JSON_INLINE JsonCursor& value(double v) { return done(put_double(item_start(), v)); }
  DEALSCAN_JSON_INLINE JsonCursor& value(std::size_t v) { return done(json_put::count(item_start(), v)); }
  DEALSCAN_JSON_INLINE JsonCursor& value(bool v) { return v ? literal("true", 4) : literal("false", 5); }
  DEALSCAN_JSON_INLINE JsonCursor& null() { return literal("null", 4); }
  template <class T>
  DEALSCAN_JSON_INLINE JsonCursor& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  DEALSCAN_JSON_INLINE JsonCursor& value(RawJson json) { return literal(json.text.data(), json.text.size()); }
  DEALSCAN_JSON_INLINE JsonCursor& value(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& s : items) value(s);
    return end_array();
  }
  static constexpr bool compact() { return true; }
  DEALSCAN_JSON_INLINE JsonCursor& string_or_null(const std::string& s) { return s.empty() ? null() : value(s); }
  template <std::size_t N, class T>
  DEALSCAN_JSON_INLINE JsonCursor& field(const char (&k)[N], const T& v) {
    return key(k).value(v);
  }

 private:
  DEALSCAN_JSON_INLINE char* item_start() {
    *p_ = ',';
    return p_ + need_comma_;
  }
  DEALSCAN_JSON_INLINE JsonCursor& done(char* end) {
    p_ = end;
    need_comma_ = true;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonCursor& literal(const char* s, std::size_t n) {
    char* p = item_start();
    copy_small(p, s, n);
    return done(p + n);
  }
  DEALSCAN_JSON_INLINE JsonCursor& open(char c) {
    char* p = item_start();
    *p = c;
    p_ = p + 1;
    need_comma_ = false;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonCursor& close(char c) {
    *p_ = c;
    return done(p_ + 1);
  }

  char* p_;
  bool need_comma_;
};

class JsonLine {
 public:
  // Writes after out's current bytes; they are all in out after finish().
  explicit JsonLine(std::string& out) : out_(out) {}
  JsonLine(const JsonLine&) = delete;
  JsonLine& operator=(const JsonLine&) = delete;
  // Appends what is still in the chunk to out.
  void finish() { flush(); }

  DEALSCAN_JSON_INLINE JsonLine& begin_object() { return open('{'); }
  DEALSCAN_JSON_INLINE JsonLine& end_object() { return close('}'); }
  DEALSCAN_JSON_INLINE JsonLine& begin_array() { return open('['); }
  DEALSCAN_JSON_INLINE JsonLine& end_array() { return close(']'); }

  // A key written as a literal in the report code: a plain name (no '"',
  // '\\', control or non-ASCII byte), copied unscanned.
  template <std::size_t N>
  DEALSCAN_JSON_INLINE JsonLine& key(const char (&k)[N]) {
    static_assert(N < kLongString);
    room(N + 4);
    p_ = put_key(item_start(), k, N - 1);
    need_comma_ = false;
    return *this;
  }
  JsonLine& key(std::string_view k);

  DEALSCAN_JSON_INLINE JsonLine& value(std::string_view s) {
    if (s.size() >= kLongString) return long_string(s);
    room(s.size() + kStringSlack);
    put_string(item_start(), s);
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonLine& value(const std::string& s) { return value(std::string_view(s)); }
  JsonLine& value(const char* s) { return value(std::string_view(s)); }
  DEALSCAN_JSON_INLINE JsonLine& value(double v) {
    room(kDoubleRoom + 1);
    p_ = put_double(item_start(), v);
    need_comma_ = true;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonLine& value(std::size_t v) {
    room(kCountRoom + 1);
    p_ = json_put::count(item_start(), v);
    need_comma_ = true;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonLine& value(bool v) { return v ? literal("true", 4) : literal("false", 5); }
  DEALSCAN_JSON_INLINE JsonLine& null() { return literal("null", 4); }
  template <class T>
  DEALSCAN_JSON_INLINE JsonLine& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  JsonLine& value(const std::vector<std::string>& items);
  DEALSCAN_JSON_INLINE JsonLine& value(RawJson json) { return literal(json.text.data(), json.text.size()); }
  // Always one line: RawJson text fits in as it is.
  static constexpr bool compact() { return true; }
  // A string, or null when it is empty.
  DEALSCAN_JSON_INLINE JsonLine& string_or_null(const std::string& s) { return s.empty() ? null() : value(s); }

  // Shorthand for key(k).value(v).
  template <class T>
  JsonLine& field(std::string_view k, const T& v) {
    return key(k).value(v);
  }
  template <std::size_t N, class T>
  DEALSCAN_JSON_INLINE JsonLine& field(const char (&k)[N], const T& v) {
    return key(k).value(v);
  }
  // A literal key and a string: one room check for both.
  template <std::size_t N>
  DEALSCAN_JSON_INLINE JsonLine& field(const char (&k)[N], std::string_view v) {
    if (v.size() >= kLongString) return key(k).value(v);
    room(N + 4 + v.size() + kStringSlack);
    put_string(put_key(item_start(), k, N - 1), v);
    return *this;
  }
  template <std::size_t N>
  DEALSCAN_JSON_INLINE JsonLine& field(const char (&k)[N], const std::string& v) {
    return field(k, std::string_view(v));
  }

  // One item written by write(writer), a call for any of the three
  // writers: measured with a JsonBound, then written through a JsonCursor
  // when that fits the chunk (nearly always), else through this writer.
  template <class Write>
  DEALSCAN_JSON_INLINE JsonLine& bounded(Write write) {
    JsonBound bound;
    write(bound);
    if (bound.size() >= kChunk) {
      write(*this);
      return *this;
    }
    room(bound.size());
    JsonCursor cursor(p_, need_comma_);
    write(cursor);
    p_ = cursor.end();
    need_comma_ = cursor.need_comma();
    return *this;
  }

 private:
  // Strings this long or longer are escaped straight into out (few are:
  // sentences are shorter); shorter ones, escaped, fit in the chunk.
  static constexpr std::size_t kLongString = 512;
  // Small enough for the chunk to be copied out without a string op
  // (rep movsb) and to stay in the first-level cache.
  static constexpr std::size_t kChunk = 4000;
  // Room a string needs beyond its bytes: the quotes, a comma before, a
  // colon after a key.
  static constexpr std::size_t kStringSlack = 8;
  static constexpr std::size_t kCountRoom = 20;  // digits of a std::size_t

  // Makes sure n (< kChunk) more bytes fit after p_.
  DEALSCAN_JSON_INLINE void room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) flush();
  }
  void flush();
  // Writes the comma due before the next item (none first in a container or
  // after a key); where the item goes.
  DEALSCAN_JSON_INLINE char* item_start() {
    const bool comma = need_comma_;
    char* p = p_;
    *p = ',';
    return p + comma;
  }
  DEALSCAN_JSON_INLINE static char* put_key(char* p, const char* k, std::size_t n) { return json_put::key(p, k, n); }
  // s (shorter than kLongString) quoted and escaped as nlohmann writes it,
  // at p: room for s.size() + kStringSlack made. Most are short and plain.
  DEALSCAN_JSON_INLINE void put_string(char* p, std::string_view s) {
    if (char* end = json_put::short_string(p, s)) {
      p_ = end;
    } else {
      p_ = p;
      put_any_string(s);
    }
    need_comma_ = true;
  }
  // The general case of put_string at p_ (any bytes, any length below kLongString).
  void put_any_string(std::string_view s);
  // A string of kLongString bytes or more as the next item, escaped straight into out.
  JsonLine& long_string(std::string_view s);
  // n bytes at s as they are (the comma already written).
  void raw(const char* s, std::size_t n);
  // The bytes [s, s + n) as they are, as one value.
  DEALSCAN_JSON_INLINE JsonLine& literal(const char* s, std::size_t n) {
    if (n >= kLongString) {
      room(1);
      p_ = item_start();
      raw(s, n);
    } else {
      room(n + 1);
      char* p = item_start();
      copy_small(p, s, n);
      p_ = p + n;
    }
    need_comma_ = true;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonLine& open(char c) {
    room(2);
    char* p = item_start();
    *p = c;
    p_ = p + 1;
    need_comma_ = false;
    return *this;
  }
  DEALSCAN_JSON_INLINE JsonLine& close(char c) {
    room(1);
    char* p = p_;
    *p = c;
    p_ = p + 1;
    need_comma_ = true;
    return *this;
  }

  std::string& out_;
  char chunk_[kChunk];
  char* p_ = chunk_;                // next byte to write
  char* const end_ = chunk_ + kChunk;
  bool need_comma_ = false;
};

}  // namespace dealscan::report_detail

#undef DEALSCAN_JSON_INLINE

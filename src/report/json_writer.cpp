#include "report/json_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "report/digits.h"
#include "report/json_scan.h"

namespace dealscan::report_detail {
namespace {

using namespace json_scan;

// The first position from i on that is not a plain byte (s.size() if none):
// sixteen bytes at a time where SSE2 is there, else eight; the last few bytes
// of a long string in one more word that overlaps bytes already seen.
std::size_t plain_prefix(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16)
    if (const unsigned m = look_bits16(s.data() + i)) return i + static_cast<std::size_t>(std::countr_zero(m));
  if (i == n) return n;
  if (n >= 16) {
    const std::size_t from = n - 16;
    const unsigned m = look_bits16(s.data() + from) >> (i - from);  // bits of bytes from i on
    return m ? i + static_cast<std::size_t>(std::countr_zero(m)) : n;
  }
#endif
  for (; i + 8 <= n; i += 8)
    if (const std::uint64_t m = look_mask(load_word(s.data() + i))) return i + first_marked(m);
  if (i == n) return n;
  if (n >= 8) {
    // The bytes before i read as spaces: a mark there could carry a false one up to i.
    constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
    const std::size_t from = n - 8, seen = i - from;  // seen: 1..7
    const std::uint64_t seen_bits = (std::uint64_t{1} << (8 * seen)) - 1;
    const std::uint64_t w = (load_word(s.data() + from) & ~seen_bits) | (kSpaces & seen_bits);
    const std::uint64_t m = look_mask(w);
    return m ? from + first_marked(m) : n;
  }
  while (i < n && !needs_look(s[i])) ++i;  // a short string: a few bytes
  return i;
}

// The first position from i on that escaping changes: a '"', '\\', control
// byte or byte of invalid UTF-8 (s.size() if none). Valid UTF-8 is passed
// inside the same scan, sixteen bytes at a time where SSE2 is there, instead
// of restarting plain_prefix after each accented letter.
std::size_t escape_at(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
#if defined(__SSE2__)
  if (n >= 16) {
    for (; i + 16 <= n;) {
      const unsigned m = look_bits16(s.data() + i);
      if (m == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(m));
      if (static_cast<unsigned char>(s[i]) < 0x80) return i;
      const std::size_t len = sequence_length(s, i);
      if (len == 0) return i;
      i += len;
    }
    // The last bytes: one block ending at n, its bits from i on.
    if (i >= n) return n;
    const std::size_t from = n - 16;
    unsigned m = look_bits16(s.data() + from) >> (i - from);
    while (m) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(m));
      if (static_cast<unsigned char>(s[at]) < 0x80) return at;
      const std::size_t len = sequence_length(s, at);
      if (len == 0) return at;
      if (at + len >= n) return n;
      m >>= at + len - i;
      i = at + len;
    }
    return n;
  }
  if (n < 16) {
    // A short string (most field values): byte by byte, no call per letter.
    while (i < n) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!needs_look(static_cast<char>(c))) {
        ++i;
        continue;
      }
      if (c < 0x80) return i;
      const std::size_t len = sequence_length(s, i);
      if (len == 0) return i;
      i += len;
    }
    return n;
  }
#endif
  while ((i = plain_prefix(s, i)) < n) {
    if (static_cast<unsigned char>(s[i]) < 0x80) break;
    const std::size_t len = sequence_length(s, i);  // UTF-8 goes out as it is
    if (len == 0) break;
    i += len;
  }
  return i;
}

}  // namespace

std::size_t JsonWriter::plain_length(std::string_view v) {
  // Most field values are short: two overlapping loads cover 4 to 15 bytes.
  if (v.size() >= 4 && v.size() < 16 && short_plain(v.data(), v.size())) return v.size();
  return escape_at(v, 0);
}

std::size_t JsonWriter::put_count(char* buf, std::size_t v) {
  return static_cast<std::size_t>(digits::put(buf, v) - buf);
}

void JsonWriter::newline(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

JsonWriter& JsonWriter::open(char c) {
  before_value();
  out_ += c;
  items_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  const bool empty = items_.back() == 0;
  items_.pop_back();
  if (!empty && indent_ >= 0) newline(items_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  // Keys are short plain names: quoted with the colon in one append.
  constexpr std::size_t kShort = 48;
  if (k.size() <= kShort && plain_prefix(k, 0) == k.size()) {
    char buf[kShort + 4];
    buf[0] = '"';
    std::memcpy(buf + 1, k.data(), k.size());
    std::size_t len = k.size() + 1;
    buf[len++] = '"';
    buf[len++] = ':';
    if (indent_ >= 0) buf[len++] = ' ';
    out_.append(buf, len);
  } else {
    escaped(k);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  after_key_ = true;
  return *this;
}

char* put_double(char* out, double v) {
  if (!std::isfinite(v)) {
    std::memcpy(out, "null", 4);
    return out + 4;
  }
  // A whole number below 10^15 (amounts mostly are): nlohmann writes its
  // digits and ".0", so no shortest-digits search is needed. Zero keeps its sign below.
  const double magnitude = std::fabs(v);
  if (magnitude >= 1 && magnitude < 1e15) {
    const auto whole = static_cast<std::uint64_t>(magnitude);
    if (static_cast<double>(whole) == magnitude) {
      *out = '-';
      out = digits::put(out + (v < 0), whole);
      std::memcpy(out, ".0", 2);
      return out + 2;
    }
  }
  // nlohmann's own shortest round-trip digits, "1e16" written "1e+16".
  return nlohmann::detail::to_chars(out, out + kDoubleRoom, v);
}

std::string replaced_json_string(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

JsonWriter& JsonWriter::value(double v) {
  before_value();
  char buf[kDoubleRoom];
  out_.append(buf, put_double(buf, v));
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t v) {
  before_value();
  char buf[24];
  out_.append(buf, digits::put(buf, v));
  return *this;
}

JsonWriter& JsonWriter::value(bool v) {
  before_value();
  out_ += v ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& s : items) value(s);
  return end_array();
}

void JsonWriter::escaped(std::string_view s) { append_json_string(out_, s); }

void append_json_string(std::string& out_, std::string_view s) {
  const std::size_t start = out_.size();
  out_ += '"';
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the bytes copied as they are
  for (std::size_t i = 0; i < n;) {
    i = escape_at(s, i);
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Invalid UTF-8, rare (decoding already replaced bad bytes): let nlohmann do the replacing.
      out_.resize(start);
      out_ += replaced_json_string(s);
      return;
    }
    out_.append(s.data() + run, i - run);
    run = ++i;
    char buf[6];
    out_.append(buf, put_escape(buf, c));
  }
  out_.append(s.data() + run, n - run);
  out_ += '"';
}

}  // namespace dealscan::report_detail

#include "report/json_writer.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cmath>
#include <nlohmann/json.hpp>

namespace dealscan::report_detail {
namespace {

// The length of the UTF-8 sequence starting at s[i] (a byte >= 0x80), or 0
// when it is not strict UTF-8 (overlong, surrogate, past U+10FFFF, cut short):
// the sequences nlohmann's decoder accepts.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b >= 0xC2 && b <= 0xDF) n = 1;
  else if (b == 0xE0) n = 2, lo = 0xA0;
  else if (b == 0xED) n = 2, hi = 0x9F;
  else if (b >= 0xE1 && b <= 0xEF) n = 2;
  else if (b == 0xF0) n = 3, lo = 0x90;
  else if (b == 0xF4) n = 3, hi = 0x8F;
  else if (b >= 0xF1 && b <= 0xF3) n = 3;
  else return 0;
  if (i + n >= s.size()) return 0;
  for (std::size_t k = 1; k <= n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return 0;
  }
  return n + 1;
}

// Bytes copied into a JSON string as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

// Does any of the 8 bytes in w need a look (>= 0x80, < 0x20, '"' or '\\')?
// Exact for "any", as the words are read whole (bit tricks from "Bit Twiddling Hacks").
bool word_needs_look(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return (w & kHigh) != 0 || control || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

// The first position from i on that is not a plain byte (s.size() if none):
// eight bytes at a time while they are all plain.
std::size_t plain_prefix(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (word_needs_look(w)) break;
    i += 8;
  }
  while (i < n && kPlain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

void JsonWriter::newline(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (items_.empty()) return;
  if (items_.back()++ > 0) out_ += ',';
  if (indent_ >= 0) newline(items_.size());
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

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  escaped(s);
  return *this;
}

JsonWriter& JsonWriter::value(double v) {
  before_value();
  if (!std::isfinite(v)) {
    out_ += "null";
    return *this;
  }
  // nlohmann's own shortest round-trip digits, "1e10" written "10000000000.0".
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t v) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, r.ptr);
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

void JsonWriter::escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::size_t start = out_.size();
  out_ += '"';
  const std::size_t n = s.size();
  std::size_t run = 0;  // start of the bytes copied as they are
  for (std::size_t i = 0; i < n;) {
    i = plain_prefix(s, i);
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t len = sequence_length(s, i);
      if (len == 0) {
        // Rare (decoding already replaced bad bytes): let nlohmann do the replacing.
        out_.resize(start);
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    out_.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
    }
  }
  out_.append(s.data() + run, n - run);
  out_ += '"';
}

}  // namespace dealscan::report_detail

#include "report/json_line.h"

#include "report/json_scan.h"

namespace dealscan::report_detail {
namespace {

using namespace json_scan;

// Copies in[i, n) to q up to the first byte that needs a look; that byte's
// position (n if none), q moved past the copy. Sixteen bytes are stored with
// each check, so plain text is scanned and copied in one pass. verbatim:
// where the output began to mirror the input byte for byte (after the last
// escape): the last few bytes go in one block ending at n, stored over bytes
// already written, which is right only where they mirror the input.
std::size_t copy_plain(const char* in, std::size_t n, std::size_t i, char*& q, const char* verbatim) {
#if defined(__SSE2__)
  if (n >= 16) {
    for (; i + 16 <= n; i += 16, q += 16) {
      const __m128i v = load16(in + i);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q), v);
      if (const unsigned m = look_bits16(v)) {
        const auto k = static_cast<std::size_t>(std::countr_zero(m));
        q += k;
        return i + k;
      }
    }
    if (i == n) return n;
    const std::size_t back = 16 - (n - i);  // bytes of the last block already copied
    if (static_cast<std::size_t>(q - verbatim) >= back) {
      const __m128i v = load16(in + n - 16);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(q - back), v);
      const unsigned m = look_bits16(v) >> back;
      const std::size_t k = m ? static_cast<std::size_t>(std::countr_zero(m)) : n - i;
      q += k;
      return i + k;
    }
  }
#else
  (void)verbatim;
#endif
  // Short strings and the tail after an escape: byte by byte.
  while (i < n && !needs_look(in[i])) *q++ = in[i++];
  return i;
}

}  // namespace

void JsonLine::flush() {
  out_.append(chunk_, p_);
  p_ = chunk_;
}

void JsonLine::raw(const char* s, std::size_t n) {
  if (static_cast<std::size_t>(end_ - p_) < n) {
    flush();
    if (n > kChunk) {
      out_.append(s, n);
      return;
    }
  }
  std::memcpy(p_, s, n);
  p_ += n;
}

JsonLine& JsonLine::key(std::string_view k) {
  value(k);
  room(1);
  *p_++ = ':';
  need_comma_ = false;
  return *this;
}

JsonLine& JsonLine::value(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& s : items) value(s);
  return end_array();
}

JsonLine& JsonLine::long_string(std::string_view s) {
  room(1);
  p_ = item_start();
  flush();
  append_json_string(out_, s);
  need_comma_ = true;
  return *this;
}

void JsonLine::put_any_string(std::string_view s) {
  room(json_put::string_room(s.size()));
  p_ = json_put::escaped_string(p_, s);
}

char* json_put::escaped_string(char* p, std::string_view s) {
  const char* in = s.data();
  const std::size_t n = s.size();
  char* q = p;
  *q++ = '"';
  const char* verbatim = q;
  for (std::size_t i = 0; (i = copy_plain(in, n, i, q, verbatim)) < n;) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      q += put_escape(q, c);
      verbatim = q;
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(s, i);
    if (len == 0) {
      // Invalid UTF-8, rare (decoding already replaced bad bytes): nlohmann
      // does the replacing, over what was written of the string.
      const std::string replaced = replaced_json_string(s);
      std::memcpy(p, replaced.data(), replaced.size());
      return p + replaced.size();
    }
    for (std::size_t k = 0; k < len; ++k) q[k] = in[i + k];  // valid UTF-8 goes out as it is
    q += len;
    i += len;
  }
  *q++ = '"';
  return q;
}

}  // namespace dealscan::report_detail

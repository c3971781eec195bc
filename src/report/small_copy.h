// Copies of a few bytes without a call: the report's pieces (display parts,
// ready-made JSON such as an entity's sources) are mostly under 32 bytes,
// where a call to memcpy with a variable length costs more than the copy.
#pragma once

#include <cstddef>
#include <cstring>

namespace dealscan::report_detail {

// n bytes from `from` to `to` by two overlapping moves of the largest size
// that fits (16, 8, 4 bytes; the first, middle and last below four); memcpy
// above 32 bytes.
[[gnu::always_inline]] inline void copy_small(char* to, const char* from, std::size_t n) {
  if (n >= 16) {
    if (n > 32) {
      std::memcpy(to, from, n);
      return;
    }
    char head[16], tail[16];
    std::memcpy(head, from, 16);
    std::memcpy(tail, from + n - 16, 16);
    std::memcpy(to, head, 16);
    std::memcpy(to + n - 16, tail, 16);
  } else if (n >= 8) {
    char head[8], tail[8];
    std::memcpy(head, from, 8);
    std::memcpy(tail, from + n - 8, 8);
    std::memcpy(to, head, 8);
    std::memcpy(to + n - 8, tail, 8);
  } else if (n >= 4) {
    char head[4], tail[4];
    std::memcpy(head, from, 4);
    std::memcpy(tail, from + n - 4, 4);
    std::memcpy(to, head, 4);
    std::memcpy(to + n - 4, tail, 4);
  } else if (n > 0) {
    const char first = from[0], middle = from[n / 2], last = from[n - 1];
    to[0] = first;
    to[n / 2] = middle;
    to[n - 1] = last;
  }
}

}  // namespace dealscan::report_detail

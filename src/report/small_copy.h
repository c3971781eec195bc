// Copies of a few bytes without a call: the report's pieces (display parts,
// ready-made JSON such as an entity's sources) are mostly under 32 bytes,
// where a call to memcpy with a variable length costs more than the copy.
#pragma once

#include <cstddef>
#include <cstring>

namespace dealscan::report_detail {

// n bytes, W <= n <= 2W, from `from` to `to` by two overlapping moves of W
// bytes: the first W and the last W.
template <std::size_t W>
[[gnu::always_inline]] inline void copy_two_moves(char* to, const char* from, std::size_t n) {
  char head[W], tail[W];
  std::memcpy(head, from, W);
  std::memcpy(tail, from + n - W, W);
  std::memcpy(to, head, W);
  std::memcpy(to + n - W, tail, W);
}

// n bytes from `from` to `to` by two overlapping moves of the largest size
// that fits (16, 8, 4 bytes; the first, middle and last below four); memcpy
// above 32 bytes.
[[gnu::always_inline]] inline void copy_small(char* to, const char* from, std::size_t n) {
  if (n > 32) {
    std::memcpy(to, from, n);
  } else if (n >= 16) {
    copy_two_moves<16>(to, from, n);
  } else if (n >= 8) {
    copy_two_moves<8>(to, from, n);
  } else if (n >= 4) {
    copy_two_moves<4>(to, from, n);
  } else if (n > 0) {
    const char first = from[0], middle = from[n / 2], last = from[n - 1];
    to[0] = first;
    to[n / 2] = middle;
    to[n - 1] = last;
  }
}

}  // namespace dealscan::report_detail

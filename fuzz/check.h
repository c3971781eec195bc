// Invariant checks for the fuzz targets: a failed check prints what broke and
// aborts, which libFuzzer records as a crash with the input that caused it.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "dealscan/types.h"

#define FUZZ_CHECK(cond, ...)                                            \
  do {                                                                   \
    if (!(cond)) {                                                       \
      std::fprintf(stderr, "invariant failed: %s (%s:%d): ", #cond, __FILE__, __LINE__); \
      std::fprintf(stderr, __VA_ARGS__);                                 \
      std::fputc('\n', stderr);                                          \
      std::abort();                                                      \
    }                                                                    \
  } while (0)

namespace dealscan::fuzz {

inline void check_span(Span s, std::size_t size, const char* what) {
  FUZZ_CHECK(s.begin <= s.end && s.end <= size, "%s span [%zu,%zu) outside text of %zu bytes", what, s.begin, s.end, size);
}

inline void check_amount(double value, const char* what) {
  FUZZ_CHECK(std::isfinite(value) && value >= 0, "%s value %g is not a finite non-negative number", what, value);
}

// to_orig has text.size()+1 entries, each within the input, never decreasing.
inline void check_offset_map(const NormalizedText& t, std::size_t input_size) {
  FUZZ_CHECK(t.to_orig.size() == t.text.size() + 1, "to_orig has %zu entries for %zu bytes", t.to_orig.size(), t.text.size());
  for (std::size_t i = 0; i < t.to_orig.size(); ++i) {
    FUZZ_CHECK(t.to_orig[i] <= input_size, "to_orig[%zu]=%u beyond input of %zu bytes", i, t.to_orig[i], input_size);
    FUZZ_CHECK(i == 0 || t.to_orig[i] >= t.to_orig[i - 1], "to_orig decreases at %zu", i);
  }
}

}  // namespace dealscan::fuzz

// Helpers for tests of the ingest stage: the original bytes behind a range of
// the normalised text, via NormalizedText::orig().
#pragma once

#include <string>
#include <string_view>

#include "dealscan/ingest.h"

namespace dealscan::test_support {

// The original bytes behind normalised range [b, e).
inline std::string orig_bytes(const IngestedText& in, std::string_view bytes, std::size_t b, std::size_t e) {
  Span s = in.text.orig(Span{b, e});
  return std::string(bytes.substr(s.begin, s.size()));
}

// The original bytes behind the first occurrence of needle in the normalised text.
inline std::string orig_of(const IngestedText& in, std::string_view bytes, std::string_view needle) {
  auto at = in.text.text.find(needle);
  if (at == std::string::npos) return "<" + std::string(needle) + " not found>";
  return orig_bytes(in, bytes, at, at + needle.size());
}

}  // namespace dealscan::test_support

// Helpers for money extractor tests on texts written one sentence per line
// (headings and lines without a full stop included).
#pragma once

#include <string>
#include <vector>

#include "dealscan/extract.h"

namespace dealscan::test_support {

// One extractor for the whole test binary: building it reads the lexicon.
inline const MoneyExtractor& money_extractor() {
  static const MoneyExtractor x(Lexicon::builtin());
  return x;
}

// Sentences split at every newline.
inline std::vector<Sentence> lines_of(const std::string& t) {
  std::vector<Sentence> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= t.size(); ++i)
    if (i == t.size() || t[i] == '\n') {
      out.push_back(Sentence{Span{b, i}});
      b = i + 1;
    }
  return out;
}

inline std::string span_text(const std::string& t, Span s) { return t.substr(s.begin, s.size()); }

}  // namespace dealscan::test_support

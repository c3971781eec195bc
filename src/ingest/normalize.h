// Internal to ingest: typographic folding and NFC, keeping the map to the
// original bytes (the last step before NormalizedText).
//
// Folds (a small Unicode table, not vocabulary):
//   ’ ‘ ‛ ′ ʼ ´ ＇             -> '        l’accordo -> l'accordo
//   “ ” „ ‟ « » ‹ › ″ ＂       -> "        «sì»      -> "sì"
//   U+00A0 U+1680 U+2000-U+200A U+202F U+205F U+3000 -> ' '
//   U+00AD U+200B-U+200F U+202A-U+202E U+2060-U+2064 U+2066-U+2069 U+FEFF -> dropped
//   ‐ ‑ ‒ – — ― −               -> '-'
//   CR LF, lone CR, U+0085, U+2028, U+2029, VT, FF -> LF
//   other C0/C1 controls and DEL -> ' '
// then NFC: "e" + U+0300 -> "è", which maps back to both original characters.
#pragma once

#include <cstddef>
#include <cstdint>

#include "dealscan/types.h"
#include "ingest/mapped_text.h"

namespace dealscan::ingest {

// What the fold table does with one code point.
struct Fold {
  enum Action { Keep, Replace, Drop } action = Keep;
  char32_t to = 0;
};
Fold fold(char32_t cp);

class Normalizer {
 public:
  Normalizer();
  // Folds and normalises in.text[start..]; end_offset is the original offset
  // just past the consumed input (the last to_orig entry).
  NormalizedText run(const MappedView& in, std::size_t start, std::uint32_t end_offset) const;
  NormalizedText run(const MappedText& in, std::size_t start, std::uint32_t end_offset) const {
    return run(in.view(), start, end_offset);
  }

 private:
  const void* nfc_;  // icu::Normalizer2*, a process-wide singleton owned by ICU
};

}  // namespace dealscan::ingest

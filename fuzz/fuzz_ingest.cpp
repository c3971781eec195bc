// Fuzz target (a): decoding + normalisation + sentence splitting.
// Invariants: the offset map is complete, bounded by the input and
// non-decreasing; orig() of any normalised range lies inside the input;
// sentences are ordered ranges of the normalised text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.h"
#include "dealscan/ingest.h"
#include "dealscan/lexicon.h"

using namespace dealscan;

namespace {

void check_orig_ranges(const NormalizedText& t, std::size_t input_size) {
  std::size_t n = t.text.size();
  // Every one-byte range, the whole text, and a spread of longer ranges.
  for (std::size_t i = 0; i < n; ++i) fuzz::check_span(t.orig(Span{i, i + 1}), input_size, "orig(1 byte)");
  fuzz::check_span(t.orig(Span{0, n}), input_size, "orig(all)");
  fuzz::check_span(t.orig(Span{n, n}), input_size, "orig(empty at end)");
  for (std::size_t i = 0, step = n / 16 + 1; i < n; i += step)
    for (std::size_t j = i; j <= n; j += step) fuzz::check_span(t.orig(Span{i, j}), input_size, "orig(range)");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Ingestor ingestor(Lexicon::builtin());
  static const SentenceSplitter splitter(Lexicon::builtin());
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto in = ingestor.ingest(InputFile{"fuzz.txt", "fuzz"}, bytes);
  if (!in) return 0;  // rejected as not text: fine, as long as it did not crash
  fuzz::check_offset_map(in->text, size);
  check_orig_ranges(in->text, size);
  std::size_t previous_end = 0;
  for (const auto& s : splitter.split(in->text.text)) {
    fuzz::check_span(s.span, in->text.text.size(), "sentence");
    FUZZ_CHECK(s.span.begin >= previous_end, "sentence at %zu overlaps the previous one ending at %zu", s.span.begin, previous_end);
    previous_end = s.span.end;
  }
  return 0;
}

// Fuzz target (b): the Italian number and money parsers on normalised text.
// Invariants: spans inside the text; values finite and >= 0; a range's max is
// not below its value; numbers come left to right without overlapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.h"
#include "dealscan/extract.h"
#include "dealscan/ingest.h"
#include "dealscan/lexicon.h"

using namespace dealscan;

namespace {

void check_numbers(const NumberParser& parser, std::string_view text) {
  std::size_t previous_end = 0;
  for (const auto& n : parser.find_all(text)) {
    fuzz::check_span(n.span, text.size(), "number");
    FUZZ_CHECK(!n.span.empty(), "empty number span at %zu", n.span.begin);
    FUZZ_CHECK(n.span.begin >= previous_end, "number at %zu overlaps the previous one", n.span.begin);
    fuzz::check_amount(n.value, "number");
    previous_end = n.span.end;
    auto again = parser.parse_at(text, n.span.begin);  // find_all and parse_at agree on where numbers start
    FUZZ_CHECK(again.has_value(), "find_all found a number at %zu that parse_at does not", n.span.begin);
  }
}

void check_money(const MoneyOutput& out, std::size_t size) {
  for (const auto& m : out.money) {
    fuzz::check_span(m.span, size, "money");
    fuzz::check_amount(m.value, "money");
    if (m.max) {
      fuzz::check_amount(*m.max, "money max");
      FUZZ_CHECK(*m.max >= m.value, "max %g below value %g", *m.max, m.value);
    }
    if (m.period_years) FUZZ_CHECK(std::isfinite(*m.period_years) && *m.period_years > 0, "period %g", *m.period_years);
    fuzz::check_span(m.period_span, size, "period");
    if (m.conversion_of) FUZZ_CHECK(*m.conversion_of < out.money.size(), "conversion_of %zu out of range", *m.conversion_of);
  }
  for (const auto& q : out.quantities) {
    fuzz::check_span(q.span, size, "quantity");
    FUZZ_CHECK(std::isfinite(q.value), "quantity value %g", q.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Lexicon& lexicon = Lexicon::builtin();
  static const Ingestor ingestor(lexicon);
  static const SentenceSplitter splitter(lexicon);
  static const NumberParser numbers(lexicon);
  static const MoneyExtractor money(lexicon);
  auto in = ingestor.ingest(InputFile{"fuzz.txt", "fuzz"}, std::string_view(reinterpret_cast<const char*>(data), size));
  if (!in) return 0;
  const std::string& text = in->text.text;
  check_numbers(numbers, text);
  check_money(money.extract(text, splitter.split(text)), text.size());
  return 0;
}

// Fuzz target (c): the whole pipeline on one document. Processing must not
// crash; figure spans must point into the input; the JSON report of a
// one-document run must serialise (strictly: valid UTF-8) and parse back.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "check.h"
#include "dealscan/crosscheck.h"
#include "dealscan/pipeline.h"
#include "dealscan/report.h"

using namespace dealscan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Lexicon& lexicon = Lexicon::builtin();
  static const DocumentProcessor processor(lexicon);
  auto doc = processor.process(InputFile{"fuzz.txt", "fuzz"}, std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  for (const auto& f : doc->figures) {
    fuzz::check_span(f.orig, size, "figure orig");
    fuzz::check_amount(f.money.value, "figure");
  }
  for (const auto& fact : doc->facts) fuzz::check_span(fact.orig, size, "fact orig");
  Report report;
  report.documents.push_back(std::move(*doc));
  report.check = cross_check(report.documents, lexicon);
  std::string dumped;
  try {
    dumped = to_json(report).dump();
  } catch (const nlohmann::json::exception& e) {
    FUZZ_CHECK(false, "to_json(...).dump() threw: %s", e.what());
  }
  FUZZ_CHECK(nlohmann::json::accept(dumped), "the report JSON does not parse back");
  return 0;
}

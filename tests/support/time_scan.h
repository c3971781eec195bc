// The time extractor's matches against those of a scan asking the grammar at
// every token of the whole token list, as "text|rule|begin..end|precision":
// the extractor visits fewer tokens (and makes fewer) and must find the same.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/time_cores.h"
#include "extract/time_grammar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan::test_support {

using TimesFound = std::vector<std::string>;

inline std::string describe_time(const std::string& text, std::size_t begin, std::size_t end, const std::string& rule,
                                 const std::string& from, const std::string& to, const std::string& precision) {
  return text.substr(begin, end - begin) + "|" + rule + "|" + from + ".." + to + "|" + precision;
}

inline std::string iso_or_empty(const std::optional<timegrammar::Day>& d) { return d ? timecal::iso(*d) : ""; }

// The scan the extractor replaces: every token of the text is made and
// asked, left to right, with none of the grammar's checks before its rules
// (parse_reached with Context::refuse_lone_roles off), and a match moves
// the scan past it.
inline TimesFound every_token_scan(const timevocab::Vocab& vocab, const std::string& text, const std::string& date) {
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  std::vector<timetok::Token> toks;
  timetok::tokenize(text, lowered, toks);
  vocab.annotate(toks);
  const auto doc = timecal::parse_doc_date(date);
  timegrammar::Context c{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
  c.refuse_lone_roles = false;
  using namespace timevocab;
  const std::uint32_t starts = ~(kAnd | kDash | kBlocker | kAgo);
  TimesFound out;
  for (std::size_t i = 0; i < toks.size();) {
    auto m = (vocab.roles_of(toks[i]) & starts) ? timegrammar::parse_reached(c, i) : std::nullopt;
    if (!m) {
      ++i;
      continue;
    }
    if (m->iv.begin && m->iv.end) c.prev = m->iv;
    const bool dated = m->iv.begin || m->iv.end;
    out.push_back(describe_time(text, toks[m->tok_begin].begin, toks[m->tok_end - 1].end, m->rule.str(),
                                iso_or_empty(m->iv.begin), iso_or_empty(m->iv.end),
                                dated ? std::string(m->iv.precision) : "open"));
    i = m->tok_end;
  }
  return out;
}

// What the extractor finds, described the same way.
inline TimesFound extracted_times(const TimeExtractor& ex, const std::string& text, const std::string& date) {
  TimesFound out;
  for (const auto& t : ex.extract(text, {}, date))
    out.push_back(describe_time(text, t.span.begin, t.span.end, t.rule, t.begin, t.end, t.precision));
  return out;
}

}  // namespace dealscan::test_support

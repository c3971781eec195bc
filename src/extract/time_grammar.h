// The grammar of Italian time expressions over time tokens: optional
// prepositions ("dal", "fino al", "entro la"), one core ("novembre 2025",
// "anni Trenta", "la scorsa estate", "terzo trimestre 2025") and optionally a
// second core closing a range ("tra il 2026 e il 2027", "dal 2023 al 2025").
// Each core is resolved to an interval of days when it is matched.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/time_calendar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan::timegrammar {

using timecal::Day;

// An inclusive interval of days; a missing end is open. The grammar makes
// many more than it keeps: its strings are views (of literals or of the
// vocabulary's items), copied only into the expressions kept.
struct Interval {
  std::optional<Day> begin;
  std::optional<Day> end;
  std::string_view precision;  // day|week|month|season|quarter|half|part|year|decade|open
};

// A core rule's name: "part-of-" before it when it is a part of a period.
struct CoreRule {
  std::string_view name;
  bool part_of = false;
};

// A match's rule name, kept in parts until the expression is kept:
// lead + first, then "+" + second for a range ("between:year+year").
struct RuleName {
  std::string_view lead;  // "from:", "until:", ...; "between:" or "from-to:" for a range
  CoreRule first;
  CoreRule second;  // name empty unless a range
  std::string str() const;
};

// Where the grammar last found no core, and with which rules allowed
// (CoreFlags as bits): the extractor asks each word of a preposition run in
// turn, and each asks again for the core after the run ("per la prima
// volta": "prima" three times).
struct CoreMiss {
  std::size_t at = static_cast<std::size_t>(-1);
  std::uint8_t flags = 0;
};

struct Context {
  std::span<const timetok::Token> toks;
  const timevocab::Vocab& vocab;
  std::optional<timecal::DocDate> doc;  // relative expressions need it
  int ref_year = 0;                     // century anchor for "anni Trenta"; 0 = unknown
  std::optional<Interval> prev;         // the previous expression, for "pochi giorni dopo"
  Day doc_day = 0;                      // doc as a day number (first of month when no day)
  // parse_reached's memo, only read and written by it; whoever changes prev
  // (which the cores read) resets it.
  mutable CoreMiss miss{};
  // parse_core's refusal of words of one core role that lack what they need
  // after them (lone_role_may_begin): it only spares the rules a miss, so
  // tests turn it off to compare it with the rules alone.
  bool refuse_lone_roles = true;
};

struct Match {
  std::size_t tok_begin = 0, tok_end = 0;  // [tok_begin, tok_end)
  Interval iv;
  RuleName rule;
};

// The time expression starting at token i, if any.
std::optional<Match> parse_at(const Context& ctx, std::size_t i);
// parse_at where core_within_reach (time_cores.h) is known to hold: the
// extractor asks that inline first, which most tokens fail. Without
// Context::refuse_lone_roles it is the grammar with no screen at all.
std::optional<Match> parse_reached(const Context& ctx, std::size_t i);

}  // namespace dealscan::timegrammar

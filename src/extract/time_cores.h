// The cores of time expressions (what follows the prepositions), each a
// named rule resolved to an interval. Internal to the time grammar.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/time_grammar.h"

namespace dealscan::timegrammar {

struct Core {
  std::size_t end = 0;  // token index after the core
  Interval iv;
  CoreRule rule;
  std::string_view outer_precision;  // precision of an open interval built on it
  // For re-resolving "gennaio" in "tra gennaio e marzo 2026" with the later year.
  bool implicit_year = false;
  bool explicit_year = false;
  int year = 0, month = 0, day = 0;
  bool duration = false;  // "due anni": only meaningful after "entro", "tra"
};

struct CoreFlags {
  bool bare_month = false;    // a month name alone is a time (after a preposition)
  bool current_unit = false;  // "anno" alone = this year ("entro l'anno", "fine anno")
  bool duration = false;      // "entro due anni", "tra tre mesi"
  bool allow_part = true;
};

using timevocab::kCoreStarts;

// The year of a four-digit number token at i that reads as a year (1900-2100,
// not part of a decimal, not followed by a scale or currency).
std::optional<int> year_at(const Context& ctx, std::size_t i);
// Past the prepositions and articles of kind "in" from i ("del", "dell'", "di").
std::size_t skip_in_preps(const Context& ctx, std::size_t i);

// Every core begins with a number or an item of a core role (an item's
// later words too must match: "in" alone starts no "in corso").
inline bool may_start_core(const Context& c, std::size_t j) {
  return c.toks[j].kind == timetok::Kind::Number || c.vocab.match(kCoreStarts & ~timevocab::kNumber, c.toks, j);
}

// Whether a number of one or two digits at j, which begins no item, can
// begin a core, as the rules read it: a month or a unit after it ("5 maggio",
// "3 anni"), "°" right after it ("1° maggio"), or the first two numbers of a
// numeric date ("21/01/2025": a mark, then one or two digits, all adjacent).
// "2,5", "10.000", "5%" and "2 miliardi" begin none.
inline bool short_number_may_begin(const Context& c, std::size_t j) {
  using namespace timevocab;
  if (j + 1 >= c.toks.size()) return false;
  const timetok::Token& next = c.toks[j + 1];
  if (c.vocab.roles_of(next) & (kMonth | kUnit)) return true;
  if (next.begin != c.toks[j].end || next.kind != timetok::Kind::Punct) return false;
  const std::string_view mark = next.lower;
  if (mark == "°" || mark == "º") return true;
  if (mark != "/" && mark != "." && mark != "-") return false;
  if (j + 2 >= c.toks.size()) return false;
  const timetok::Token& second = c.toks[j + 2];
  return second.kind == timetok::Kind::Number && second.begin == next.end && second.end - second.begin <= 2;
}

// Whether a decade may follow the decade head at j ("anni Trenta", "anni
// '30", "anni 2020"), as core_decade reads it: a decade word, an apostrophe
// or a number right after the head.
inline bool decade_may_follow(const Context& c, std::size_t j) {
  using namespace timevocab;
  const Item* head = c.vocab.match(kDecadeHead, c.toks, j);
  if (!head) return false;
  const std::size_t k = j + head->words.size();
  if (k >= c.toks.size()) return false;
  const timetok::Token& next = c.toks[k];
  return next.kind == timetok::Kind::Number || (next.kind == timetok::Kind::Punct && next.lower == "'") ||
         c.vocab.match(kDecade, c.toks, k);
}

// Whether a word whose only core role is r can begin a core, as the rules
// read it: a count needs a unit after it ("tre anni"), a vague one that and
// a word of "later" ("pochi giorni dopo"); an ordinal a sub-period ("terzo
// trimestre") or, the first, a month ("primo gennaio"); a shift, unless
// plural, a month, a unit or a season ("lo scorso
// settembre", "questo anno", "la prossima estate": shifts after these are
// read from them); a fiscal year a year after its prepositions ("esercizio
// 2024", "esercizio del 2024"); a plural unit a plural shift ("i mesi
// scorsi"; one not plural may stand alone: "entro l'anno"); a decade head a
// decade (decade_may_follow), and one that is also a unit ("anni") that or
// what the unit needs. A word of other roles may begin one.
inline bool lone_role_may_begin(const Context& c, std::size_t j, std::uint32_t r) {
  using namespace timevocab;
  switch (r) {
    case kFiscal: {
      const Item* fiscal = c.vocab.match(kFiscal, c.toks, j);
      return fiscal && year_at(c, skip_in_preps(c, j + fiscal->words.size()));
    }
    case kUnit: {
      const Item* unit = c.vocab.match(kUnit, c.toks, j);
      if (!unit || !unit->plural) return unit != nullptr;
      const Item* shift = c.vocab.match(kShift, c.toks, j + unit->words.size());
      return shift && shift->plural;
    }
    case kDecadeHead:
      return decade_may_follow(c, j);
    case kDecadeHead | kUnit:
      return decade_may_follow(c, j) || lone_role_may_begin(c, j, kUnit);  // "anni"
    case kCount: {
      const Item* count = c.vocab.match(kCount, c.toks, j);
      if (!count) return false;
      const std::size_t unit_at = j + count->words.size();
      const Item* unit = c.vocab.match(kUnit, c.toks, unit_at);
      // A vague count ("pochi") begins only "pochi giorni dopo" (core_later):
      // core_ago and core_duration need a number, core_recent no count.
      return unit && (!count->few || c.vocab.match(kLater, c.toks, unit_at + unit->words.size()));
    }
    case kOrdinal: {
      const Item* ordinal = c.vocab.match(kOrdinal, c.toks, j);
      if (!ordinal) return false;
      const std::size_t next = j + ordinal->words.size();
      return c.vocab.match(kSubperiod, c.toks, next) || (ordinal->n == 1 && c.vocab.match(kMonth, c.toks, next));
    }
    case kShift: {
      const Item* shift = c.vocab.match(kShift, c.toks, j);
      return shift && !shift->plural && c.vocab.match(kMonth | kUnit | kSeason, c.toks, j + shift->words.size());
    }
    default:
      return true;
  }
}

// Whether the rules of parse_core can find a core at j, a token that may
// start one. Only words of one of lone_role_may_begin's roles and bare
// numbers are refused, the tokens most often asked ("un accordo", "secondo
// fonti", "questo progetto", "500 milioni"), and only if j is no
// preposition word (so a run of prepositions before it ends at or before
// it). As the rules read them: a word of one of those roles alone needs
// what lone_role_may_begin says after it; a number of three or of five or
// more digits starts no rule, one of one or two digits only what
// short_number_may_begin allows. A number whose bucket has other roles
// ("2" of the ordinal "2°") is a bare number unless one of its items
// matches.
inline bool core_may_begin(const Context& c, std::size_t j) {
  using namespace timevocab;
  const timetok::Token& t = c.toks[j];
  if (c.vocab.maybe_prep_word(t)) return true;
  std::uint32_t r = c.vocab.roles_of(t) & kCoreStarts;
  if (t.kind != timetok::Kind::Number) return lone_role_may_begin(c, j, r);
  if (r != kNumber && !c.vocab.match(kCoreStarts & ~kNumber, c.toks, j)) r = kNumber;
  if (r != kNumber) return true;
  const std::size_t digits = t.end - t.begin;
  if (digits == 4) return true;
  if (digits > 2) return false;
  return short_number_may_begin(c, j);
}

// Whether a core can start at i or after a run of prepositions from i: the
// run's tokens are all preposition words, so the core's first token is the
// first possible core start or the first other word past i. Most articles
// and prepositions ("di", "la") stop here, before the grammar's rules, and
// so do most counts and numbers (core_may_begin).
// Inline: the extractor asks it at every token that may begin an expression.
inline bool core_within_reach(const Context& c, std::size_t i) {
  for (std::size_t j = i; j < c.toks.size(); ++j) {
    if (may_start_core(c, j)) return core_may_begin(c, j);
    if (!c.vocab.maybe_prep_word(c.toks[j])) return false;
  }
  return false;
}

// The longest core starting at token i.
std::optional<Core> parse_core(const Context& ctx, std::size_t i, CoreFlags flags);

// Interval helpers shared with the expression level.
Interval year_interval(int y);
Interval month_interval(int y, int m);
// The year in which month m falls nearest to the document month (ties: the past).
int nearest_year(const timecal::DocDate& doc, int month);

}  // namespace dealscan::timegrammar

#include "extract/money_period.h"

namespace dealscan::money {
namespace {

// How many words may stand between an amount and its duration
// ("38 miliardi di dollari per l'affitto di server nell'arco di sette anni");
// clause boundaries (punctuation, conjunctions, digits) stop the search first.
constexpr int kMaxGapWords = 8;

bool is_punct(const Token& t) { return t.kind == TokKind::Symbol && t.low != "'" && t.low != "\""; }

Span span_of(const std::vector<Token>& toks, std::size_t a, std::size_t b) {
  return Span{toks[a].begin, toks[b - 1].end};
}

}  // namespace

PeriodFinder::PeriodFinder(const Lexicon& lexicon, const NumberReader& reader) : reader_(reader) {
  const auto& list = lexicon.list("durations");
  intro_.add_list(list, "type", "intro");
  comma_intro_.add_list(list, "after_comma", "1");
  filler_.add_list(list, "type", "filler");
  unit_.add_list(list, "type", "unit");
  fixed_.add_list(list, "type", "fixed");
  adjective_.add_list(list, "type", "adjective");
  not_after_.add_list(list, "type", "not_after");
  stop_.add_list(list, "type", "stop");
  comma_link_.add_list(list, "type", "comma_link");
}

// intro [filler...] <number> <unit>, or a fixed phrase ("all'anno").
std::optional<Period> PeriodFinder::duration_at(const std::vector<Token>& toks, std::size_t j, std::size_t limit,
                                                bool after_comma) const {
  if (auto fixed = fixed_.match_at(toks, j); fixed && fixed->last <= limit && !after_comma) {
    // "l'anno prossimo" is a date, not a rate.
    if (fixed->last < limit && not_after_.match_at(toks, fixed->last)) return std::nullopt;
    if (fixed->last < limit && toks[fixed->last].kind == TokKind::Digits) return std::nullopt;
    return Period{fixed->entry->number("years", 1), span_of(toks, j, fixed->last)};
  }
  auto intro = (after_comma ? comma_intro_ : intro_).match_at(toks, j);
  if (!intro) return std::nullopt;
  std::size_t k = intro->last;
  while (k < limit && filler_.match_at(toks, k)) k = filler_.match_at(toks, k)->last;
  if (k >= limit) return std::nullopt;
  double count = 0;
  std::size_t after_number = k + 1;
  if (auto n = reader_.read(toks, k); n && !n->has_scale && n->value > 0 && n->value <= 100) {
    count = n->value;
    after_number = n->last;
  } else if (toks[k].low == "un" || toks[k].low == "uno") {
    count = 1;  // "in un anno"
  } else {
    return std::nullopt;
  }
  if (after_number > limit) return std::nullopt;
  auto unit = unit_.match_at(toks, after_number);
  if (!unit || unit->last > limit) return std::nullopt;
  return Period{count * unit->entry->number("years", 1), span_of(toks, j, unit->last)};
}

// "accordo settennale da 38 miliardi", "fatturato annuo di circa 10 miliardi".
std::optional<Period> PeriodFinder::adjective_before(const std::vector<Token>& toks, std::size_t before,
                                                     std::size_t sentence_begin) const {
  std::size_t k = before;
  if (k > sentence_begin && (toks[k - 1].low == "di" || toks[k - 1].low == "da" || toks[k - 1].low == "per"))
    --k;
  if (k <= sentence_begin) return std::nullopt;
  auto adj = adjective_.match_before(toks, k);
  if (!adj || adj->first < sentence_begin) return std::nullopt;
  return Period{adj->entry->number("years", 1), span_of(toks, adj->first, adj->last)};
}

std::optional<Period> PeriodFinder::find(const std::vector<Token>& toks, std::size_t before, std::size_t after,
                                         std::size_t sentence_begin, std::size_t limit) const {
  int gap = 0;
  for (std::size_t j = after; j < limit && gap <= kMaxGapWords; ++j) {
    if (toks[j].low == ",") {
      if (j + 1 < limit) {
        if (auto p = duration_at(toks, j + 1, limit, true)) return p;
        if (comma_link_.match_at(toks, j + 1)) continue;
      }
      break;
    }
    // Most words open no duration: duration_at is asked only when one may.
    if (fixed_.may_match_at(toks, j) || intro_.may_match_at(toks, j))
      if (auto p = duration_at(toks, j, limit, false)) return p;
    if (is_punct(toks[j]) || toks[j].kind == TokKind::Digits || stop_.match_at(toks, j)) break;
    if (toks[j].low != "'") ++gap;  // an elided article is not a word of its own
  }
  return adjective_before(toks, before, sentence_begin);
}

}  // namespace dealscan::money

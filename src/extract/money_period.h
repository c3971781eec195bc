// Durations tied to an amount: "in sette anni", "nell'arco dei prossimi
// sette anni", "l'anno", "..., ripartiti su cinque anni" after it, or an
// adjective before it ("accordo settennale da 38 miliardi").
#pragma once

#include <optional>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"
#include "extract/money_phrases.h"
#include "extract/number_reader.h"

namespace dealscan::money {

struct Period {
  double years = 0;
  Span span;
};

class PeriodFinder {
 public:
  PeriodFinder(const Lexicon& lexicon, const NumberReader& reader);
  // A duration after the amount ending at token `after` (within a few words
  // of the same clause) or an adjective before the amount starting at `before`.
  // Tokens at or past `limit` (the sentence end) are not looked at.
  std::optional<Period> find(const std::vector<Token>& toks, std::size_t before, std::size_t after,
                             std::size_t sentence_begin, std::size_t limit) const;

 private:
  std::optional<Period> duration_at(const std::vector<Token>& toks, std::size_t j, std::size_t limit,
                                    bool after_comma) const;
  std::optional<Period> adjective_before(const std::vector<Token>& toks, std::size_t before,
                                         std::size_t sentence_begin) const;
  const NumberReader& reader_;
  PhraseTable intro_, comma_intro_, filler_, unit_, fixed_, adjective_, not_after_, stop_, comma_link_;
};

}  // namespace dealscan::money

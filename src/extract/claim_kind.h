// Claims: what a money figure is (investment, valuation, spending, ...) and
// which way the money flows, from the trigger words around it.
//
//   "un investimento da 5 milioni"        => investment  (np:investimento)
//   "ha deciso di investire 5 milioni"    => investment  (verb:investire)
//   "l'intesa ... Borsa ... 5 milioni"     => contract    (sentence:intesa)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/claim_context.h"

namespace dealscan::claims {

// A claim trigger found in a sentence (tokens inside entity names are skipped).
struct TriggerHit {
  std::size_t b = 0, e = 0;  // token range
  const LexEntry* entry = nullptr;
  std::optional<Kind> kind;  // empty for direction-only verbs ("ricevere")
  bool verb = false;
  std::string_view dir;      // pay | receive | sell | owner | ""
  double weight = 1;
  bool copula = false;       // a linking verb ("vale"): the noun it links decides
};

std::vector<TriggerHit> find_triggers(const ClaimLexicon& lex, const SentenceView& v);
// The same into out (cleared first), reusing its buffer.
void find_triggers_into(const ClaimLexicon& lex, const SentenceView& v, std::vector<TriggerHit>& out);

struct KindDecision {
  Kind kind = Kind::Other;
  std::string rule = "default";
  const TriggerHit* trigger = nullptr;  // null when no trigger decided
  std::string_view dir = "pay";         // direction of the money flow
  const TriggerHit* dir_verb = nullptr; // the verb that gave the direction, if any
  const std::vector<TriggerHit>* hits = nullptr;  // all triggers of the sentence
};

// Decides the kind of the money at tokens [mb, me): a trigger in its noun
// phrase, else the governing verb, else the nearest trigger in the sentence.
KindDecision decide_kind(const SentenceView& v, const std::vector<TriggerHit>& hits, std::size_t mb, std::size_t me);

}  // namespace dealscan::claims

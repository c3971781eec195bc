// Claims: non-money facts that matter to a deal.
//
//   "Alfa detiene i diritti esclusivi fino al 2030" => exclusive_rights, Alfa, until 2030
//   "come ha rivelato per primo il Post"            => first_reported_by, il Post
//   "secondo Reuters"                               => reported_by, Reuters
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/claim_modality.h"

namespace dealscan::claims {

class CarriedAgent;  // claim_parties.h

// What the caller writes on each fact of a sentence (source, sentence,
// span in the original) before it is merged: a function and its context,
// as CarriedAgent, so that no std::function is built per sentence.
class FactStamp {
 public:
  using Fn = void (*)(const void* context, Fact& f);
  FactStamp() = default;  // writes nothing
  FactStamp(Fn fn, const void* context) : fn_(fn), context_(context) {}
  void operator()(Fact& f) const {
    if (fn_) fn_(context_, f);
  }

 private:
  Fn fn_ = nullptr;
  const void* context_ = nullptr;
};

// Facts of one sentence, each stamped, added to out (the document's facts):
// one reporting fact per medium, "first" winning, so that a fact yielding
// to its medium's is not built. ids are the caller's.
// times: the document's time expressions; carried: agent of an earlier
// sentence, asked only for a right whose holder this sentence does not name.
void find_facts_into(const SentenceView& v, std::string_view text, const std::vector<CueHit>& attribution,
                     const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                     const CarriedAgent& carried, const FactStamp& stamp, std::vector<Fact>& out);
// The same for one sentence alone, unstamped.
std::vector<Fact> find_facts(const SentenceView& v, std::string_view text, const std::vector<CueHit>& attribution,
                             const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                             const CarriedAgent& carried);

}  // namespace dealscan::claims

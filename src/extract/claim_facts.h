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

// Facts of one sentence; ids, source and sentence fields are filled by the caller.
// times: the document's time expressions; carried: agent of an earlier sentence,
// asked only for a right whose holder this sentence does not name.
std::vector<Fact> find_facts(const SentenceView& v, std::string_view text, const std::vector<CueHit>& attribution,
                             const std::vector<CueHit>& modality, const std::vector<TimeExpr>& times,
                             const CarriedAgent& carried);

// Adds facts to out keeping one reporting fact per medium ("first" wins).
void merge_fact(std::vector<Fact>& out, Fact&& f);

}  // namespace dealscan::claims

// The pieces of a dealscan.report/1 document, shared by the one-shot JSON
// writer and the JSON Lines writer so both always agree field for field.
#pragma once

#include <nlohmann/json.hpp>

#include "dealscan/types.h"

namespace dealscan::report_detail {

using Json = nlohmann::ordered_json;

Json source_json(const Source& s);
Json skipped_json(const SkippedSource& s);
Json story_json(const Story& s);
Json figure_json(const Figure& f, const std::vector<Figure>& same_document);
Json quantity_json(const Quantity& q, const std::string& source);
Json fact_json(const Fact& f);
Json claim_json(const Claim& c);
Json conflict_json(const Conflict& c);
Json time_json(const std::optional<TimeExpr>& t);

// Entities of the given documents merged by id: first mention order, the
// sources that name them, and their mention counts.
Json entities_json(const std::vector<const DocumentResult*>& documents);

}  // namespace dealscan::report_detail

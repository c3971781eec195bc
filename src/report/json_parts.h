// The pieces of a dealscan.report/1 document, shared by the one-shot JSON
// writer and the JSON Lines writer so both always agree field for field.
// Each writes one JSON value at the writer's current position.
#pragma once

#include "dealscan/types.h"
#include "report/json_writer.h"

namespace dealscan::report_detail {

void write_source(JsonWriter& w, const Source& s);
void write_skipped(JsonWriter& w, const SkippedSource& s);
void write_story(JsonWriter& w, const Story& s);
void write_figure(JsonWriter& w, const Figure& f, const std::vector<Figure>& same_document);
void write_quantity(JsonWriter& w, const Quantity& q, const std::string& source);
void write_fact(JsonWriter& w, const Fact& f);
void write_claim(JsonWriter& w, const Claim& c);
void write_conflict(JsonWriter& w, const Conflict& c);
void write_time(JsonWriter& w, const std::optional<TimeExpr>& t);

// Entities of the given documents merged by id, as an array: first mention
// order, the sources that name them, and their mention counts.
void write_entities(JsonWriter& w, const std::vector<const DocumentResult*>& documents);

}  // namespace dealscan::report_detail

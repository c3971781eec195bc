// The pieces of a dealscan.report/1 document, shared by the one-shot JSON
// writer and the JSON Lines writer so both always agree field for field.
// Each writes one JSON value at the writer's current position, with either
// writer: JsonWriter (any layout) or JsonLine (one line, the document lines);
// both are instantiated in json_parts.cpp.
#pragma once

#include "dealscan/types.h"
#include "report/json_line.h"
#include "report/json_writer.h"

namespace dealscan::report_detail {

template <class Writer>
void write_source(Writer& w, const Source& s);
template <class Writer>
void write_skipped(Writer& w, const SkippedSource& s);
template <class Writer>
void write_story(Writer& w, const Story& s);
template <class Writer>
void write_figure(Writer& w, const Figure& f, const std::vector<Figure>& same_document);
template <class Writer>
void write_quantity(Writer& w, const Quantity& q, const std::string& source);
template <class Writer>
void write_fact(Writer& w, const Fact& f);
template <class Writer>
void write_claim(Writer& w, const Claim& c);
template <class Writer>
void write_conflict(Writer& w, const Conflict& c);
template <class Writer>
void write_time(Writer& w, const std::optional<TimeExpr>& t);

// Entities of the given documents merged by id, as an array: first mention
// order, the sources that name them, and their mention counts.
template <class Writer>
void write_entities(Writer& w, const std::vector<const DocumentResult*>& documents);

// A document's figures, quantities or facts as the array a JSON Lines
// document line holds, each item measured, then written with one room check.
void write_figures(JsonLine& w, const std::vector<Figure>& figures);
void write_quantities(JsonLine& w, const std::vector<Quantity>& quantities, const std::string& source);
void write_facts(JsonLine& w, const std::vector<Fact>& facts);
// A summary's story, claim or conflict the same way.
void write_bounded(JsonLine& w, const Story& s);
void write_bounded(JsonLine& w, const Claim& c);
void write_bounded(JsonLine& w, const Conflict& c);

}  // namespace dealscan::report_detail

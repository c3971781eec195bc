// to_json (one dealscan.report/1 object) and write_jsonl (one line per
// document, then a summary line). Field order is fixed so output diffs well.
#include <ostream>

#include "dealscan/report.h"
#include "report/json_parts.h"

namespace dealscan {
namespace {

using report_detail::Json;

constexpr const char* kSchema = "dealscan.report/1";

// Appends one document's figures, quantities and facts to the given arrays.
void add_document_items(const DocumentResult& d, Json& figures, Json& quantities, Json& facts) {
  for (const auto& f : d.figures) figures.push_back(report_detail::figure_json(f, d.figures));
  for (const auto& q : d.quantities) quantities.push_back(report_detail::quantity_json(q, d.source.id));
  for (const auto& f : d.facts) facts.push_back(report_detail::fact_json(f));
}

// stories, claims and conflicts as arrays under their own keys.
void add_check(const CrossCheck& check, Json& j) {
  j["stories"] = Json::array();
  for (const auto& s : check.stories) j["stories"].push_back(report_detail::story_json(s));
  j["claims"] = Json::array();
  for (const auto& c : check.claims) j["claims"].push_back(report_detail::claim_json(c));
  j["conflicts"] = Json::array();
  for (const auto& c : check.conflicts) j["conflicts"].push_back(report_detail::conflict_json(c));
}

Json skipped_array(const std::vector<SkippedSource>& skipped) {
  Json out = Json::array();
  for (const auto& s : skipped) out.push_back(report_detail::skipped_json(s));
  return out;
}

}  // namespace

nlohmann::ordered_json to_json(const Report& report) {
  Json j;
  j["schema"] = kSchema;
  j["sources"] = Json::array();
  std::vector<const DocumentResult*> docs;
  for (const auto& d : report.documents) {
    j["sources"].push_back(report_detail::source_json(d.source));
    docs.push_back(&d);
  }
  j["skipped"] = skipped_array(report.skipped);
  Json figures = Json::array(), quantities = Json::array(), facts = Json::array();
  for (const auto& d : report.documents) add_document_items(d, figures, quantities, facts);
  Json check;
  add_check(report.check, check);
  j["stories"] = std::move(check["stories"]);
  j["entities"] = report_detail::entities_json(docs);
  j["figures"] = std::move(figures);
  j["quantities"] = std::move(quantities);
  j["facts"] = std::move(facts);
  j["claims"] = std::move(check["claims"]);
  j["conflicts"] = std::move(check["conflicts"]);
  return j;
}

void write_jsonl_document(std::ostream& out, const DocumentResult& d) {
  Json line;
  line["schema"] = kSchema;
  line["type"] = "document";
  line["source"] = report_detail::source_json(d.source);
  line["bytes"] = d.bytes;
  line["entities"] = report_detail::entities_json({&d});
  Json figures = Json::array(), quantities = Json::array(), facts = Json::array();
  add_document_items(d, figures, quantities, facts);
  line["figures"] = std::move(figures);
  line["quantities"] = std::move(quantities);
  line["facts"] = std::move(facts);
  out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void write_jsonl_summary(std::ostream& out, const Report& report) {
  Json summary;
  summary["schema"] = kSchema;
  summary["type"] = "summary";
  summary["skipped"] = skipped_array(report.skipped);
  add_check(report.check, summary);
  out << summary.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void write_jsonl(std::ostream& out, const Report& report) {
  for (const auto& d : report.documents) write_jsonl_document(out, d);
  write_jsonl_summary(out, report);
}

}  // namespace dealscan

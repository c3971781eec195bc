// write_json (one dealscan.report/1 object) and write_jsonl (one line per
// document, then a summary line), streamed as text without a document tree.
// Field order is fixed so output diffs well.
#include <ostream>
#include <sstream>

#include "dealscan/report.h"
#include "report/json_parts.h"

namespace dealscan {
namespace {

using report_detail::JsonWriter;

constexpr const char* kSchema = "dealscan.report/1";

// Writes the buffer out once it is this big: memory stays bounded while
// output still leaves in large writes.
constexpr std::size_t kFlushAt = 1 << 20;

void flush(std::ostream& out, std::string& buf) {
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.clear();
}

template <class Item, class Write>
void array(JsonWriter& w, const char* key, const std::vector<Item>& items, Write write) {
  w.key(key).begin_array();
  for (const auto& item : items) write(w, item);
  w.end_array();
}

void write_stories(JsonWriter& w, const CrossCheck& check) {
  array(w, "stories", check.stories, report_detail::write_story);
}
void write_claims_and_conflicts(JsonWriter& w, const CrossCheck& check) {
  array(w, "claims", check.claims, report_detail::write_claim);
  array(w, "conflicts", check.conflicts, report_detail::write_conflict);
}

}  // namespace

void write_json(std::ostream& out, const Report& report) {
  std::string buf;
  JsonWriter w(buf, 1);
  w.begin_object().field("schema", kSchema);
  w.key("sources").begin_array();
  std::vector<const DocumentResult*> docs;
  for (const auto& d : report.documents) {
    report_detail::write_source(w, d.source);
    docs.push_back(&d);
  }
  w.end_array();
  array(w, "skipped", report.skipped, report_detail::write_skipped);
  write_stories(w, report.check);
  report_detail::write_entities(w.key("entities"), docs);
  // Per-document items, flushed as they grow: the biggest part of a report.
  w.key("figures").begin_array();
  for (const auto& d : report.documents) {
    for (const auto& f : d.figures) report_detail::write_figure(w, f, d.figures);
    if (buf.size() > kFlushAt) flush(out, buf);
  }
  w.end_array();
  w.key("quantities").begin_array();
  for (const auto& d : report.documents) {
    for (const auto& q : d.quantities) report_detail::write_quantity(w, q, d.source.id);
    if (buf.size() > kFlushAt) flush(out, buf);
  }
  w.end_array();
  w.key("facts").begin_array();
  for (const auto& d : report.documents)
    for (const auto& f : d.facts) report_detail::write_fact(w, f);
  w.end_array();
  write_claims_and_conflicts(w, report.check);
  w.end_object();
  buf += '\n';
  flush(out, buf);
}

nlohmann::ordered_json to_json(const Report& report) {
  std::ostringstream text;
  write_json(text, report);
  return nlohmann::ordered_json::parse(text.str());
}

void write_jsonl_document(std::ostream& out, const DocumentResult& d) {
  std::string buf;
  JsonWriter w(buf);
  w.begin_object().field("schema", kSchema).field("type", "document");
  report_detail::write_source(w.key("source"), d.source);
  w.field("bytes", d.bytes);
  report_detail::write_entities(w.key("entities"), {&d});
  array(w, "figures", d.figures, [&](JsonWriter& w, const Figure& f) { report_detail::write_figure(w, f, d.figures); });
  array(w, "quantities", d.quantities,
        [&](JsonWriter& w, const Quantity& q) { report_detail::write_quantity(w, q, d.source.id); });
  array(w, "facts", d.facts, report_detail::write_fact);
  w.end_object();
  buf += '\n';
  flush(out, buf);
}

void write_jsonl_summary(std::ostream& out, const Report& report) {
  std::string buf;
  JsonWriter w(buf);
  w.begin_object().field("schema", kSchema).field("type", "summary");
  array(w, "skipped", report.skipped, report_detail::write_skipped);
  write_stories(w, report.check);
  write_claims_and_conflicts(w, report.check);
  w.end_object();
  buf += '\n';
  flush(out, buf);
}

void write_jsonl(std::ostream& out, const Report& report) {
  for (const auto& d : report.documents) write_jsonl_document(out, d);
  write_jsonl_summary(out, report);
}

}  // namespace dealscan

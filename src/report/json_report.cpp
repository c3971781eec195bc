// write_json (one dealscan.report/1 object) and write_jsonl (one line per
// document, then a summary line), streamed as text without a document tree.
// Field order is fixed so output diffs well.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "dealscan/report.h"
#include "common/temp_file.h"
#include "report/json_parts.h"

namespace dealscan {
namespace {

using report_detail::JsonWriter;

constexpr const char* kSchema = "dealscan.report/1";

// Writes the buffer out once it is this big: memory stays bounded while
// output still leaves in large writes.
constexpr std::size_t kFlushAt = 1 << 20;
// What a buffer flushed at kFlushAt reserves: it passes kFlushAt by at most
// an item (a story's claims, say), so it is not grown, and copied, by
// doubling on the way.
constexpr std::size_t kFlushRoom = 2 * kFlushAt;

void flush(std::ostream& out, std::string& buf) {
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  buf.clear();
}

// Output in progress: the writer appends to buf, which goes out whenever it
// passes kFlushAt, so a report of any size needs about 1 MB of buffer.
struct Sink {
  std::ostream& out;
  std::string buf;
  JsonWriter w;
  Sink(std::ostream& o, int indent) : out(o), w(buf, indent) {}
  void maybe_flush() {
    if (buf.size() > kFlushAt) flush(out, buf);
  }
  void finish() {
    buf += '\n';
    flush(out, buf);
  }
};

template <class Item, class Write>
void array(Sink& s, const char* key, const std::vector<Item>& items, Write write) {
  s.w.key(key).begin_array();
  for (const auto& item : items) {
    write(s.w, item);
    s.maybe_flush();
  }
  s.w.end_array();
}

void write_stories(Sink& s, const CrossCheck& check) { array(s, "stories", check.stories, report_detail::write_story<JsonWriter>); }
void write_claims_and_conflicts(Sink& s, const CrossCheck& check) {
  array(s, "claims", check.claims, report_detail::write_claim<JsonWriter>);
  array(s, "conflicts", check.conflicts, report_detail::write_conflict<JsonWriter>);
}

}  // namespace

void write_json(std::ostream& out, const Report& report) {
  Sink s(out, 1);
  JsonWriter& w = s.w;
  w.begin_object().field("schema", kSchema);
  w.key("sources").begin_array();
  std::vector<const DocumentResult*> docs;
  for (const auto& d : report.documents) {
    report_detail::write_source(w, d.source);
    docs.push_back(&d);
  }
  w.end_array();
  array(s, "skipped", report.skipped, report_detail::write_skipped<JsonWriter>);
  write_stories(s, report.check);
  report_detail::write_entities(w.key("entities"), docs);
  // Per-document items: the biggest part of a report.
  auto per_document = [&](const char* key, auto write) {
    w.key(key).begin_array();
    for (const auto& d : report.documents) {
      write(d);
      s.maybe_flush();
    }
    w.end_array();
  };
  per_document("figures", [&](const DocumentResult& d) {
    for (const auto& f : d.figures) report_detail::write_figure(w, f, d.figures);
  });
  per_document("quantities", [&](const DocumentResult& d) {
    for (const auto& q : d.quantities) report_detail::write_quantity(w, q, d.source.id);
  });
  per_document("facts", [&](const DocumentResult& d) {
    for (const auto& f : d.facts) report_detail::write_fact(w, f);
  });
  write_claims_and_conflicts(s, report.check);
  w.end_object();
  s.finish();
}

nlohmann::ordered_json to_json(const Report& report) {
  std::ostringstream text;
  write_json(text, report);
  return nlohmann::ordered_json::parse(text.str());
}

namespace {

// About the size of a document's line, a little over as a rule: the line is
// reserved once instead of growing (and being copied) about ten times.
std::size_t line_size_estimate(const DocumentResult& d) {
  std::size_t sentences = 0;
  for (const auto& f : d.figures) sentences += f.sentence_text.size();
  for (const auto& f : d.facts) sentences += f.sentence_text.size();
  return 300 + 170 * d.entities.size() + 560 * d.figures.size() + 330 * d.facts.size() + 150 * d.quantities.size() +
         sentences;
}

}  // namespace

std::string jsonl_document_line(const DocumentResult& d) {
  std::string line;
  line.reserve(line_size_estimate(d));
  report_detail::JsonLine w(line);
  w.begin_object().field("schema", kSchema).field("type", "document");
  report_detail::write_source(w.key("source"), d.source);
  w.field("bytes", d.bytes);
  report_detail::write_entities(w.key("entities"), {&d});
  report_detail::write_figures(w.key("figures"), d.figures);
  report_detail::write_quantities(w.key("quantities"), d.quantities, d.source.id);
  report_detail::write_facts(w.key("facts"), d.facts);
  w.end_object();
  w.finish();
  line += '\n';
  return line;
}

void write_jsonl_document(std::ostream& out, const DocumentResult& d) {
  const std::string line = jsonl_document_line(d);
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void write_jsonl_summary(std::ostream& out, const Report& report) {
  Sink s(out, -1);
  s.w.begin_object().field("schema", kSchema).field("type", "summary");
  array(s, "skipped", report.skipped, report_detail::write_skipped<JsonWriter>);
  write_stories(s, report.check);
  write_claims_and_conflicts(s, report.check);
  s.w.end_object();
  s.finish();
}

void write_jsonl(std::ostream& out, const Report& report) {
  for (const auto& d : report.documents) write_jsonl_document(out, d);
  write_jsonl_summary(out, report);
}

// A JSON array built item by item in a temporary file: the writer's text
// goes to the file each time it passes kFlushAt.
struct JsonlSummaryWriter::Part {
  std::FILE* file = anonymous_temp_file("summary");
  std::string buf;
  report_detail::JsonLine w{buf};
  Part() {
    buf.reserve(kFlushRoom);
    w.begin_array();
  }
  ~Part() { std::fclose(file); }
  void spill() {
    w.finish();
    if (std::fwrite(buf.data(), 1, buf.size(), file) != buf.size())
      throw std::runtime_error(std::string("summary: temporary file write failed: ") + std::strerror(errno));
    buf.clear();
  }
  template <class Item>
  void add(const std::vector<Item>& items) {
    for (const auto& item : items) report_detail::write_bounded(w, item);
    if (buf.size() > kFlushAt) spill();
  }
  // The whole array, "[...]", to out.
  void copy_to(std::ostream& out) {
    w.end_array();
    spill();
    std::rewind(file);
    char chunk[1 << 16];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) out.write(chunk, static_cast<std::streamsize>(n));
  }
};

JsonlSummaryWriter::JsonlSummaryWriter(std::ostream& out, const std::vector<SkippedSource>& skipped)
    : out_(out), claims_(std::make_unique<Part>()), conflicts_list_(std::make_unique<Part>()) {
  // The line's head, up to the open stories array, as write_jsonl_summary writes it.
  Sink s(out, -1);
  s.w.begin_object().field("schema", kSchema).field("type", "summary");
  array(s, "skipped", skipped, report_detail::write_skipped<JsonWriter>);
  s.w.key("stories");
  flush(out, s.buf);
  line_.reserve(kFlushRoom);
  line_ = "[";
}

JsonlSummaryWriter::~JsonlSummaryWriter() = default;

void JsonlSummaryWriter::add(const StoryCheck& story) {
  if (stories_++) line_ += ',';
  report_detail::JsonLine w(line_);
  report_detail::write_bounded(w, story.story);
  w.finish();
  if (line_.size() > kFlushAt) flush(out_, line_);
  claims_->add(story.claims);
  conflicts_list_->add(story.conflicts);
  conflicts_ += story.conflicts.size();
}

void JsonlSummaryWriter::finish() {
  line_ += "],\"claims\":";
  flush(out_, line_);
  claims_->copy_to(out_);
  out_ << ",\"conflicts\":";
  conflicts_list_->copy_to(out_);
  out_ << "}\n";
}

}  // namespace dealscan

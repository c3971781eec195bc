// Report writers: JSON (schema dealscan.report/1), JSON Lines per document,
// and the terminal report; plus the comparison used by `dealscan check` and
// the JSON Lines reader behind `dealscan merge`.
#pragma once

#include <nlohmann/json.hpp>
#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/result.h"
#include "dealscan/types.h"

namespace dealscan {

// The whole report as one JSON object (indent 1, then a newline), written as
// it goes rather than built first.
void write_json(std::ostream& out, const Report& report);
// The same object as a tree, for tests and tools.
nlohmann::ordered_json to_json(const Report& report);

struct TextOptions {
  bool color = false;
  bool show_entities = true;
};
void write_text(std::ostream& out, const Report& report, const TextOptions& options);

// `dealscan check`: the expected file against what was extracted.
struct CheckResult {
  bool match = true;
  std::vector<std::string> differences;  // one readable line each
  std::string summary;                   // "12/12 figures matched, 3/3 conflicts found"
};
CheckResult compare_expected(const nlohmann::json& expected, const Report& report);

// Whether expected has the shape of an expected file (docs/expected-format.md);
// the error names the first offending key.
Result<bool> validate_expected(const nlohmann::json& expected);

// A money figure in a few characters: "$10bn", ">$10bn" (over), "~$26bn"
// (about), "≤$100bn" (up to), "$38bn/7yr", "$100–200bn", "€85bn", "$700m".
std::string display_money(const MoneyMention& money);

// JSON Lines: one {"type":"document"} line per source (the source with its
// entities, figures, quantities and facts), then one {"type":"summary"} line
// with stories, claims, conflicts and skipped inputs.
void write_jsonl(std::ostream& out, const Report& report);
// The two parts of write_jsonl, for writers that stream documents as they come.
void write_jsonl_document(std::ostream& out, const DocumentResult& document);
std::string jsonl_document_line(const DocumentResult& document);  // with its newline
void write_jsonl_summary(std::ostream& out, const Report& report);

// write_jsonl_summary for a cross-check that arrives a story at a time
// (ArchiveCrossCheck): the same bytes, with memory that does not grow with
// the archive. Stories go out as they come; claims and conflicts wait in
// temporary files until the stories are done.
class JsonlSummaryWriter {
 public:
  // Throws std::runtime_error when no temporary file can be made.
  JsonlSummaryWriter(std::ostream& out, const std::vector<SkippedSource>& skipped);
  ~JsonlSummaryWriter();
  JsonlSummaryWriter(const JsonlSummaryWriter&) = delete;
  JsonlSummaryWriter& operator=(const JsonlSummaryWriter&) = delete;

  void add(const StoryCheck& story);  // in story order
  void finish();                      // writes the claims and conflicts; ends the line
  std::size_t conflicts() const { return conflicts_; }

 private:
  struct Part;  // a JSON array written to a temporary file
  std::ostream& out_;
  std::string line_;
  std::unique_ptr<Part> claims_, conflicts_list_;
  std::size_t stories_ = 0, conflicts_ = 0;
};

// ---------------------------------------------------------------- reading JSON Lines

// What one write_jsonl stream holds once read back: the per-document
// extractions (enough to rerun cross_check and every report writer) and the
// inputs the run skipped. Its stories, claims and conflicts are not read:
// they are recomputed over all shards together.
struct JsonlShard {
  std::vector<DocumentResult> documents;  // in stream order
  std::vector<SkippedSource> skipped;     // from every summary line, in order
};

// Reads a stream written by write_jsonl (blank lines allowed, any number of
// summary lines, so shards may be concatenated). The error message starts
// with "origin:line: " and names the offending field.
Result<JsonlShard> read_jsonl(std::istream& in, std::string_view origin);
// The same a document at a time, so a large shard never sits in memory:
// on_document gets each document as it is read, skipped inputs go to
// `skipped`. Returns how many documents were read; stops at the first bad
// line, after handing over the documents before it.
Result<std::size_t> read_jsonl(std::istream& in, std::string_view origin,
                               const std::function<void(DocumentResult&&)>& on_document,
                               std::vector<SkippedSource>& skipped);

}  // namespace dealscan

#include "cli/scan.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>

#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// Colour only for a person at a terminal who has not asked for none.
bool want_color(const ScanOptions& o) {
  return o.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void write_report(std::ostream& out, const Report& report, const ScanOptions& o) {
  if (o.format == "json") {
    write_json(out, report);
  } else if (o.format == "jsonl") {
    write_jsonl(out, report);
  } else {
    TextOptions text;
    text.color = want_color(o);
    write_text(out, report, text);
  }
}

int exit_code(const Report& report, const ScanOptions& o) {
  if (o.fail_on_conflict && !report.check.conflicts.empty()) return kExitDrift;
  return report.skipped.empty() ? kExitOk : kExitPartial;
}

// --format jsonl: each document line is written as soon as the document is
// done, the documents wait on disk for the cross-check, and the summary is
// written a story at a time, so memory stays flat over an archive.
int stream_jsonl(const ScanOptions& o, const GlobalOptions& global) {
  Output output(o.output);
  // Lines go out in batches: a line is a few kilobytes, more than the
  // streams buffer, so writing each was a write() per document.
  constexpr std::size_t kBatch = 256 << 10;
  std::string batch;
  batch.reserve(2 * kBatch);  // a full batch and the line that overflows it
  auto write_batch = [&] {
    if (auto* out = output.stream()) out->write(batch.data(), static_cast<std::streamsize>(batch.size()));
    batch.clear();
  };
  auto run = run_inputs(o.paths, global, jsonl_document_line, [&](const std::string& line) {
    batch += line;
    if (batch.size() >= kBatch) write_batch();
  });
  write_batch();
  if (!run) return kExitUsage;
  return finish_jsonl(output, *run->archive, run->report.skipped, o, worker_threads(global));
}

}  // namespace

int finish_jsonl(Output& output, ArchiveCrossCheck& archive, const std::vector<SkippedSource>& skipped,
                 const ScanOptions& o, unsigned threads) {
  std::size_t conflicts = 0;
  if (auto* out = output.stream()) {
    try {
      JsonlSummaryWriter summary(*out, skipped);
      archive.run(threads, [&](StoryCheck&& story) { summary.add(story); });
      summary.finish();
      conflicts = summary.conflicts();
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      return kExitUsage;
    }
  }
  if (!output.finish()) return kExitUsage;
  if (o.fail_on_conflict && conflicts > 0) return kExitDrift;
  return skipped.empty() ? kExitOk : kExitPartial;
}

void setup_scan(CLI::App& app, ScanOptions& o) {
  app.add_option("paths", o.paths, "Files or folders to read (- for stdin)");
  app.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str();
  app.add_option("-o,--output", o.output, "Write the report to FILE instead of stdout");
  app.add_flag("--fail-on-conflict", o.fail_on_conflict, "Exit 1 when sources conflict");
}

int run_scan(const ScanOptions& o, const GlobalOptions& global) {
  if (o.paths.empty()) {
    spdlog::error("no input paths given (try --help)");
    return kExitUsage;
  }
  if (o.format == "jsonl") return stream_jsonl(o, global);
  auto run = run_inputs(o.paths, global);
  if (!run) return kExitUsage;
  return deliver_report(run->report, o);
}

int deliver_report(const Report& report, const ScanOptions& o) {
  Output output(o.output);
  if (auto* out = output.stream()) write_report(*out, report, o);
  if (!output.finish()) return kExitUsage;
  return exit_code(report, o);
}

}  // namespace dealscan::cli

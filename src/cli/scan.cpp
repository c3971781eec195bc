#include "cli/scan.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <thread>

#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// Colour only for a person at a terminal who has not asked for none.
bool want_color(const ScanOptions& o) {
  return o.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

// Where the report goes: stdout or -o FILE, opened on first use so a run
// that reads nothing leaves no empty file behind.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {}
  std::ostream* stream() {
    if (path_.empty()) return &std::cout;
    if (!file_.is_open() && !failed_) {
      file_.open(path_, std::ios::binary);
      if (!file_) {
        spdlog::error("{}: cannot write output file", path_);
        failed_ = true;
      }
    }
    return failed_ ? nullptr : &file_;
  }
  // Flushes; false (after logging why) when anything failed.
  bool finish() {
    std::ostream* out = stream();
    if (!out) return false;
    if (!out->flush()) {
      spdlog::error("{}: write failed", path_.empty() ? std::string("stdout") : path_);
      return false;
    }
    return true;
  }

 private:
  std::string path_;
  std::ofstream file_;
  bool failed_ = false;
};

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
  auto run = run_inputs(o.paths, global, jsonl_document_line, [&](const std::string& line) {
    if (auto* out = output.stream()) out->write(line.data(), static_cast<std::streamsize>(line.size()));
  });
  if (!run) return kExitUsage;
  std::size_t conflicts = 0;
  if (auto* out = output.stream()) {
    const unsigned threads = global.jobs ? global.jobs : std::max(1u, std::thread::hardware_concurrency());
    try {
      JsonlSummaryWriter summary(*out, run->report.skipped);
      run->archive->run(threads, [&](StoryCheck&& story) { summary.add(story); });
      summary.finish();
      conflicts = summary.conflicts();
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      return kExitUsage;
    }
  }
  if (!output.finish()) return kExitUsage;
  if (o.fail_on_conflict && conflicts > 0) return kExitDrift;
  return run->report.skipped.empty() ? kExitOk : kExitPartial;
}

}  // namespace

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

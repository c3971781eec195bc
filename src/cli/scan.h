// The default command: `dealscan [options] PATH...` prints the report.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common.h"

namespace dealscan::cli {

struct ScanOptions {
  std::vector<std::string> paths;  // files, folders, "-" for stdin
  std::string format = "text";     // text | json | jsonl
  std::string output;              // empty = stdout
  bool fail_on_conflict = false;   // exit 1 when the cross-check finds conflicts
};

void setup_scan(CLI::App& app, ScanOptions& options);
int run_scan(const ScanOptions& options, const GlobalOptions& global);

// Writes report as options ask (format, -o; paths unused) and returns the
// exit code: 1 on conflicts with --fail-on-conflict, 3 when inputs were skipped.
int deliver_report(const Report& report, const ScanOptions& options);

// Ends a --format jsonl report whose document lines are written: the summary
// line (skipped inputs, the archive's cross-check a story at a time), then
// the exit code as deliver_report gives it.
int finish_jsonl(Output& output, ArchiveCrossCheck& archive, const std::vector<SkippedSource>& skipped,
                 const ScanOptions& options, unsigned threads);

}  // namespace dealscan::cli

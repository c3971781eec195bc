#include "cli/scan.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// Colour only for a person at a terminal who has not asked for none.
bool want_color(const ScanOptions& o) {
  return o.output.empty() && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void write_report(std::ostream& out, const Report& report, const ScanOptions& o) {
  using Json = nlohmann::ordered_json;
  if (o.format == "json") {
    // Invalid UTF-8 cannot reach JSON: replace rather than throw.
    out << to_json(report).dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else if (o.format == "jsonl") {
    write_jsonl(out, report);
  } else {
    TextOptions text;
    text.color = want_color(o);
    write_text(out, report, text);
  }
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
  auto report = run_inputs(o.paths, global);
  if (!report) return kExitUsage;
  return deliver_report(*report, o);
}

int deliver_report(const Report& report, const ScanOptions& o) {
  if (o.output.empty()) {
    write_report(std::cout, report, o);
    std::cout.flush();
  } else {
    std::ofstream file(o.output, std::ios::binary);
    if (!file) {
      spdlog::error("{}: cannot write output file", o.output);
      return kExitUsage;
    }
    write_report(file, report, o);
    if (!file.flush()) {
      spdlog::error("{}: write failed", o.output);
      return kExitUsage;
    }
  }
  if (o.fail_on_conflict && !report.check.conflicts.empty()) return kExitDrift;
  return report.skipped.empty() ? kExitOk : kExitPartial;
}

}  // namespace dealscan::cli

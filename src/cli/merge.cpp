#include "cli/merge.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "dealscan/crosscheck.h"
#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// One shard read; nullopt after logging why ("file:line: ..." for a bad line).
std::optional<JsonlShard> read_shard(const std::string& path) {
  if (path == "-") {
    auto shard = read_jsonl(std::cin, "stdin");
    if (!shard) spdlog::error("{}", shard.error().message);
    return shard ? std::optional(std::move(*shard)) : std::nullopt;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    spdlog::error("{}: is a folder; give the shard files (dealscan --format jsonl output)", path);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    spdlog::error("{}: cannot read shard", path);
    return std::nullopt;
  }
  auto shard = read_jsonl(in, path);
  if (!shard) spdlog::error("{}", shard.error().message);
  return shard ? std::optional(std::move(*shard)) : std::nullopt;
}

// The shards' documents and skipped inputs, in the order given.
std::optional<Report> read_shards(const std::vector<std::string>& paths) {
  Report report;
  for (const auto& path : paths) {
    auto shard = read_shard(path);
    if (!shard) return std::nullopt;
    spdlog::debug("{}: {} documents, {} skipped", path, shard->documents.size(), shard->skipped.size());
    for (auto& d : shard->documents) report.documents.push_back(std::move(d));
    for (auto& s : shard->skipped) report.skipped.push_back(std::move(s));
  }
  return report;
}

}  // namespace

CLI::App* setup_merge(CLI::App& app, MergeOptions& o) {
  CLI::App* sub = app.add_subcommand(
      "merge",
      "Cross-check the documents of --format jsonl shards together: the report of one run over all their inputs "
      "(--format, -o, --fail-on-conflict as for a scan)");
  sub->add_option("shards", o.shards, "JSON Lines shards (- for stdin), in input order")->required();
  sub->fallthrough();  // output and global options may follow the subcommand name
  return sub;
}

int run_merge(const MergeOptions& o, const ScanOptions& output, const GlobalOptions& global) {
  auto lexicon = load_lexicon(global);  // the cross-check's thresholds may come from --lexicon
  if (!lexicon) return kExitUsage;
  auto report = read_shards(o.shards);
  if (!report) return kExitUsage;
  // The shard runs logged these already; a merge run on another host logs them again.
  for (const auto& s : report->skipped) spdlog::error("{}: {}", s.path, s.reason);
  for (const auto& d : report->documents)
    for (const auto& w : d.source.warnings) spdlog::warn("{}: {}", d.source.path, w);
  if (report->documents.empty()) {
    spdlog::error("no documents in the shards");
    return kExitUsage;
  }
  spdlog::info("{} sources from {} shards", report->documents.size(), o.shards.size());
  const unsigned threads = global.jobs ? global.jobs : std::max(1u, std::thread::hardware_concurrency());
  report->check = cross_check(report->documents, *lexicon, threads);
  return deliver_report(*report, output);
}

}  // namespace dealscan::cli

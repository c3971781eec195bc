#include "cli/merge.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "common/temp_file.h"
#include "dealscan/crosscheck.h"
#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// Reads one shard (a file, or stdin for "-") a document at a time; false
// after logging why it cannot ("file:line: ..." for a bad line).
bool read_shard(const std::string& path, const std::function<void(DocumentResult&&)>& on_document,
                std::vector<SkippedSource>& skipped) {
  auto read = [&](std::istream& in, std::string_view origin) {
    auto documents = read_jsonl(in, origin, on_document, skipped);
    if (!documents) spdlog::error("{}", documents.error().message);
    else spdlog::debug("{}: {} documents", origin, *documents);
    return documents.ok();
  };
  if (path == "-") return read(std::cin, "stdin");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    spdlog::error("{}: is a folder; give the shard files (dealscan --format jsonl output)", path);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    spdlog::error("{}: cannot read shard", path);
    return false;
  }
  return read(in, path);
}

// Every shard in the order given; false when one cannot be read. A merge run
// may run on another host than the shards': it logs their warnings and
// skipped inputs again.
bool read_shards(const std::vector<std::string>& paths, const std::function<void(DocumentResult&&)>& on_document,
                 std::vector<SkippedSource>& skipped) {
  auto logged = [&](DocumentResult&& d) {
    for (const auto& w : d.source.warnings) spdlog::warn("{}: {}", d.source.path, w);
    on_document(std::move(d));
  };
  for (const auto& path : paths)
    if (!read_shard(path, logged, skipped)) return false;
  for (const auto& s : skipped) spdlog::error("{}: {}", s.path, s.reason);
  return true;
}

// --format jsonl, the reduce step of a large archive: documents go from the
// shards to a temporary file of document lines and to an ArchiveCrossCheck,
// so neither the shards nor their documents sit in memory. The lines are
// copied out only once every shard was read: a bad shard writes nothing.
int merge_jsonl(const MergeOptions& o, const ScanOptions& output, const Lexicon& lexicon, unsigned threads) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> lines(nullptr, std::fclose);
  std::optional<ArchiveCrossCheck> archive;
  try {
    lines.reset(anonymous_temp_file("merge"));
    archive.emplace(lexicon);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  std::vector<SkippedSource> skipped;
  std::size_t documents = 0;
  bool written = true;
  try {
    if (!read_shards(o.shards, [&](DocumentResult&& d) {
          const std::string line = jsonl_document_line(d);
          written = written && std::fwrite(line.data(), 1, line.size(), lines.get()) == line.size();
          archive->add(archive->prepare(d));
          ++documents;
        }, skipped))
      return kExitUsage;
  } catch (const std::exception& e) {  // the archive's temporary files
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  if (!written || std::fflush(lines.get()) != 0) {
    spdlog::error("merge: cannot write a temporary file in {} (set TMPDIR)", temp_dir());
    return kExitUsage;
  }
  if (documents == 0) {
    spdlog::error("no documents in the shards");
    return kExitUsage;
  }
  spdlog::info("{} sources from {} shards", documents, o.shards.size());
  Output out(output.output);
  if (auto* stream = out.stream()) {
    std::rewind(lines.get());
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, lines.get())) > 0;)
      stream->write(buffer, static_cast<std::streamsize>(n));
    if (std::ferror(lines.get())) {
      spdlog::error("merge: cannot read back a temporary file in {}", temp_dir());
      return kExitUsage;
    }
  }
  lines.reset();
  return finish_jsonl(out, *archive, skipped, output, threads);
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
  const unsigned threads = worker_threads(global);
  if (output.format == "jsonl") return merge_jsonl(o, output, *lexicon, threads);
  Report report;
  if (!read_shards(o.shards, [&](DocumentResult&& d) { report.documents.push_back(std::move(d)); }, report.skipped))
    return kExitUsage;
  if (report.documents.empty()) {
    spdlog::error("no documents in the shards");
    return kExitUsage;
  }
  spdlog::info("{} sources from {} shards", report.documents.size(), o.shards.size());
  report.check = cross_check(report.documents, *lexicon, threads);
  return deliver_report(report, output);
}

}  // namespace dealscan::cli

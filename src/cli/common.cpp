#include "cli/common.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/allocator.h"
#include "dealscan/pipeline.h"

namespace dealscan::cli {
namespace {

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

unsigned worker_threads(const GlobalOptions& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

std::ostream* Output::stream() {
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

bool Output::finish() {
  std::ostream* out = stream();
  if (!out) return false;
  if (!out->flush()) {
    spdlog::error("{}: write failed", path_.empty() ? std::string("stdout") : path_);
    return false;
  }
  return true;
}

std::optional<Lexicon> load_lexicon(const GlobalOptions& options) {
  Lexicon lexicon = Lexicon::builtin();
  if (options.lexicon_file.empty()) return lexicon;
  auto text = read_text_file(options.lexicon_file);
  if (!text) {
    spdlog::error("{}: cannot read lexicon file", options.lexicon_file);
    return std::nullopt;
  }
  auto added = lexicon.add_file_text(*text, options.lexicon_file);
  if (!added) {
    spdlog::error("{}: {}", options.lexicon_file, added.error().message);
    return std::nullopt;
  }
  return lexicon;
}

void setup_global(CLI::App& app, GlobalOptions& o) {
  app.add_option("--glob", o.glob, "File names to take from folders")->capture_default_str();
  app.add_option("--lexicon", o.lexicon_file, "Extra lexicon file ([list] sections, see README)")
      ->check(CLI::ExistingFile);
  app.add_option("-j,--jobs", o.jobs, "Worker threads (0 = all cores)")->capture_default_str();
  app.add_option("--max-file-size", o.max_file_size, "Skip files larger than this many bytes")
      ->capture_default_str();
  app.add_flag("-v,--verbose", o.verbose, "More log output on stderr (-v info, -vv debug)");
  app.add_flag("-q,--quiet", o.quiet, "Only errors on stderr");
}

void setup_logging(const GlobalOptions& o) {
  auto logger = spdlog::get("dealscan");
  if (!logger) logger = spdlog::stderr_logger_mt("dealscan");
  logger->set_pattern("dealscan: %v");
  spdlog::level::level_enum level = spdlog::level::warn;
  if (o.quiet) level = spdlog::level::err;
  else if (o.verbose == 1) level = spdlog::level::info;
  else if (o.verbose >= 2) level = spdlog::level::debug;
  logger->set_level(level);
  spdlog::set_default_logger(logger);
  spdlog::debug("allocator: {}", allocator_name());
}

std::optional<Run> run_inputs(const std::vector<std::string>& paths, const GlobalOptions& o,
                              std::function<std::string(const DocumentResult&)> render,
                              std::function<void(const std::string&)> write) {
  auto lexicon = load_lexicon(o);
  if (!lexicon) return std::nullopt;
  Run out;
  RunOptions run;
  run.input.glob = o.glob;
  run.input.max_file_bytes = o.max_file_size;
  run.threads = o.jobs;
  if (render) {
    try {
      out.archive = std::make_unique<ArchiveCrossCheck>(*lexicon);
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      return std::nullopt;
    }
    run.archive = out.archive.get();
  }
  run.render = std::move(render);
  // Warnings and totals as each document is done: archived documents are
  // not kept.
  std::size_t documents = 0, bytes = 0;
  run.on_document = [&, write = std::move(write)](const DocumentResult& d, const std::string& text) {
    ++documents;
    bytes += d.bytes;
    for (const auto& w : d.source.warnings) spdlog::warn("{}: {}", d.source.path, w);
    if (write) write(text);
  };
  // A skipped input is an error the run survives: always shown, even with -q.
  auto on_skip = [](const SkippedSource& s) { spdlog::error("{}: {}", s.path, s.reason); };
  auto start = std::chrono::steady_clock::now();
  try {
    out.report = run_pipeline(paths, *lexicon, run, on_skip);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return std::nullopt;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  spdlog::info("{} sources, {} bytes in {:.3f} s ({:.1f} MB/s)", documents, bytes, seconds,
               seconds > 0 ? bytes / seconds / 1e6 : 0.0);
  if (documents == 0) {
    spdlog::error("no input could be read{}", out.report.skipped.empty() ? " (no matching files)" : "");
    return std::nullopt;
  }
  return out;
}

}  // namespace dealscan::cli

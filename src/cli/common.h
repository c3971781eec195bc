// What every subcommand shares: input options, logging, exit codes, and the
// run of the pipeline with each skipped input reported on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <fstream>
#include <functional>
#include <memory>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

#include "dealscan/crosscheck.h"
#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan::cli {

// Exit codes, documented in README.md and `dealscan --help`.
enum ExitCode : int {
  kExitOk = 0,       // done
  kExitDrift = 1,    // `check` found differences, or --fail-on-conflict found conflicts
  kExitUsage = 2,    // bad arguments, unreadable lexicon/expected file, or no input could be read
  kExitPartial = 3,  // done, but some inputs were skipped
};

// Options that apply to every subcommand (set on the top-level app).
struct GlobalOptions {
  std::string glob = "*.txt";       // file names taken from folders
  std::string lexicon_file;         // extra lexicon, added to the built-in one
  unsigned jobs = 0;                // worker threads; 0 = all cores
  std::size_t max_file_size = 64u << 20;  // larger files are skipped
  int verbose = 0;                  // -v info, -vv debug
  bool quiet = false;               // errors only
};

void setup_global(CLI::App& app, GlobalOptions& options);
// Worker threads for -j N: all cores for 0.
unsigned worker_threads(const GlobalOptions& options);

// stderr logger "dealscan: <message>" at the level the flags ask for.
void setup_logging(const GlobalOptions& options);

// The built-in lexicon plus --lexicon FILE when given; nullopt (after
// logging why) when that file cannot be read or parsed.
std::optional<Lexicon> load_lexicon(const GlobalOptions& options);

// Where the report goes: stdout or -o FILE, opened on first use so a run
// that reads nothing leaves no empty file behind.
class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {}
  // nullptr (after logging why) when the file cannot be opened.
  std::ostream* stream();
  // Flushes; false (after logging why) when anything failed.
  bool finish();

 private:
  std::string path_;
  std::ofstream file_;
  bool failed_ = false;
};

// A run of the pipeline. With streaming, the documents went to the archive,
// not the report, and their cross-check is the caller's to run.
struct Run {
  Report report;
  std::unique_ptr<ArchiveCrossCheck> archive;  // with render only
};

// Runs the pipeline over paths, logging each document's warnings as it is
// done. nullopt (after logging why) when the extra lexicon cannot be used,
// no input could be read at all, or the archive's temporary file fails.
// With render, each document's output text is made on the worker threads
// and handed to write in input order as soon as it is done, and documents go
// to Run::archive instead of the report (streaming writers: memory does not
// grow with the figures).
std::optional<Run> run_inputs(const std::vector<std::string>& paths, const GlobalOptions& options,
                              std::function<std::string(const DocumentResult&)> render = {},
                              std::function<void(const std::string&)> write = {});

}  // namespace dealscan::cli

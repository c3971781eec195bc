// What every subcommand shares: input options, logging, exit codes, and the
// run of the pipeline with each skipped input reported on stderr.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// stderr logger "dealscan: <message>" at the level the flags ask for.
void setup_logging(const GlobalOptions& options);

// The built-in lexicon plus --lexicon FILE when given; nullopt (after
// logging why) when that file cannot be read or parsed.
std::optional<Lexicon> load_lexicon(const GlobalOptions& options);

// Runs the pipeline over paths. nullopt (after logging why) when the extra
// lexicon cannot be used or no input could be read at all. With render, each
// document's output text is made on the worker threads and handed to write in
// input order as soon as it is done, and the report keeps only what the
// cross-check needs (streaming writers).
std::optional<Report> run_inputs(const std::vector<std::string>& paths, const GlobalOptions& options,
                                 std::function<std::string(const DocumentResult&)> render = {},
                                 std::function<void(const std::string&)> write = {});

}  // namespace dealscan::cli

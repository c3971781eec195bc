// `dealscan merge SHARD.jsonl... | -`: the reduce step of a sharded run.
// Each shard is the `--format jsonl` output of a run over part of the inputs;
// merge reads their documents back, cross-checks them all together and
// writes the report a single run over every input would have written.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common.h"
#include "cli/scan.h"

namespace dealscan::cli {

struct MergeOptions {
  std::vector<std::string> shards;  // JSON Lines files, "-" for stdin; documents keep this order
};

// The subcommand takes the shards; the output options (--format, -o,
// --fail-on-conflict) are the scan's, before or after the word "merge".
CLI::App* setup_merge(CLI::App& app, MergeOptions& options);
// The exit codes of a scan; 2 also when a shard cannot be read or has a bad line.
int run_merge(const MergeOptions& options, const ScanOptions& output, const GlobalOptions& global);

}  // namespace dealscan::cli

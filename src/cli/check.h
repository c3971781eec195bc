// `dealscan check --expected FILE PATH...`: extraction compared with a
// hand-written expected file (docs/expected-format.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/common.h"

namespace dealscan::cli {

struct CheckOptions {
  std::string expected;            // the expected file (JSON)
  std::vector<std::string> paths;  // files, folders, "-" for stdin
};

CLI::App* setup_check(CLI::App& app, CheckOptions& options);
// 0 match, 1 drift, 2 unreadable/malformed expected file or no input.
int run_check(const CheckOptions& options, const GlobalOptions& global);

}  // namespace dealscan::cli

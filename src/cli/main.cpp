// dealscan: Italian business news -> money figures, claims, cross-checks.
// Parses arguments, dispatches to a subcommand, turns failures into exit
// codes; the work itself lives in dealscan_core.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/check.h"
#include "cli/common.h"
#include "cli/merge.h"
#include "cli/scan.h"

namespace {

constexpr const char* kVersion = "dealscan 0.1.0";  // keep in step with project() in CMakeLists.txt

constexpr const char* kFooter =
    "Exit codes: 0 done; 1 check drift or --fail-on-conflict found conflicts;\n"
    "            2 usage error or no input could be read; 3 done but some inputs were skipped.";

int run(int argc, char** argv) {
  using namespace dealscan::cli;
  CLI::App app{"dealscan: money figures, claims and cross-checks from Italian business news", "dealscan"};
  app.set_version_flag("--version", kVersion);
  app.footer(kFooter);
  GlobalOptions global;
  ScanOptions scan;
  CheckOptions check;
  MergeOptions merge;
  setup_global(app, global);
  setup_scan(app, scan);
  CLI::App* check_cmd = setup_check(app, check);
  check_cmd->fallthrough();  // global options may follow the subcommand name
  CLI::App* merge_cmd = setup_merge(app, merge);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help/version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }
  setup_logging(global);
  if (check_cmd->parsed()) return run_check(check, global);
  if (merge_cmd->parsed()) return run_merge(merge, scan, global);
  return run_scan(scan, global);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "dealscan: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "dealscan: unknown error\n";
  }
  return dealscan::cli::kExitUsage;
}

#include "cli/check.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "dealscan/report.h"

namespace dealscan::cli {
namespace {

// The expected file parsed and validated; nullopt after logging why not.
std::optional<nlohmann::json> load_expected(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    spdlog::error("{}: cannot read expected file", path);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(ss.str());
  } catch (const nlohmann::json::parse_error& e) {
    spdlog::error("{}: invalid JSON at byte {}: {}", path, e.byte, e.what());
    return std::nullopt;
  }
  if (auto valid = validate_expected(j); !valid) {
    spdlog::error("{}: {}", path, valid.error().message);
    return std::nullopt;
  }
  return j;
}

}  // namespace

CLI::App* setup_check(CLI::App& app, CheckOptions& o) {
  CLI::App* sub = app.add_subcommand("check", "Compare extraction with an expected file; exit 1 on drift");
  sub->add_option("--expected", o.expected, "Expected file (JSON, see docs/expected-format.md)")->required();
  sub->add_option("paths", o.paths, "Files or folders to read")->required();
  return sub;
}

int run_check(const CheckOptions& o, const GlobalOptions& global) {
  auto expected = load_expected(o.expected);
  if (!expected) return kExitUsage;
  auto run = run_inputs(o.paths, global);
  if (!run) return kExitUsage;
  CheckResult result = compare_expected(*expected, run->report);
  for (const auto& d : result.differences) std::cout << d << '\n';
  std::cout << (result.match ? "check: OK: " : "check: DRIFT: ") << result.summary << '\n';
  return result.match ? kExitOk : kExitDrift;
}

}  // namespace dealscan::cli

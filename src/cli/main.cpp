// STUB: replaced by the CLI module.
#include <CLI/CLI.hpp>
#include <iostream>

#include "dealscan/pipeline.h"
#include "dealscan/report.h"

int main(int argc, char** argv) {
  CLI::App app{"dealscan"};
  std::vector<std::string> paths;
  std::string format = "text";
  app.add_option("--format", format);
  app.add_option("paths", paths)->required();
  CLI11_PARSE(app, argc, argv);
  auto report = dealscan::run_pipeline(paths, dealscan::Lexicon::builtin(), {});
  if (format == "json") std::cout << dealscan::to_json(report).dump(1) << '\n';
  else dealscan::write_text(std::cout, report, {});
  return 0;
}

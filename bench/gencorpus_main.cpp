// dealscan-gencorpus: writes a deterministic corpus of generated Italian
// business-news articles for benchmarks.
//
//   dealscan-gencorpus --out /tmp/c --total-mb 10 --seed 1   # ~2,000 files of ~5 KB
//   dealscan-gencorpus --out /tmp/s --docs 100000 --size-kb 0.5
//
// Files go to OUT/<nnn>/doc-<nnnnnnn>.txt, 1,000 per folder.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "dealscan/lexicon.h"
#include "gencorpus/generator.h"

namespace {

struct Options {
  std::string out;
  std::size_t docs = 0;  // 0: derived from total_mb
  std::uint64_t seed = 1;
  double size_kb = 5;
  double total_mb = 0;
};

std::filesystem::path doc_path(const std::filesystem::path& root, std::size_t i) {
  char dir[32], file[48];
  std::snprintf(dir, sizeof dir, "%03zu", i / 1000);
  std::snprintf(file, sizeof file, "doc-%07zu.txt", i);
  return root / dir / file;
}

int generate(const Options& o) {
  std::size_t target = static_cast<std::size_t>(o.size_kb * 1000);
  std::size_t docs = o.docs;
  if (docs == 0) docs = static_cast<std::size_t>(o.total_mb * 1e6 / static_cast<double>(target > 0 ? target : 1)) + 1;
  dealscan::gen::ArticleGenerator gen(dealscan::Lexicon::builtin(), o.seed);
  std::uintmax_t bytes = 0;
  for (std::size_t i = 0; i < docs; ++i) {
    auto path = doc_path(o.out, i);
    if (i % 1000 == 0) std::filesystem::create_directories(path.parent_path());
    std::string text = gen.article(target);
    std::ofstream f(path, std::ios::binary);
    if (!(f << text)) {
      std::cerr << "dealscan-gencorpus: cannot write " << path << '\n';
      return 1;
    }
    bytes += text.size();
  }
  std::cerr << "dealscan-gencorpus: " << docs << " documents, " << bytes << " bytes in " << o.out << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Writes a deterministic corpus of generated Italian business news", "dealscan-gencorpus"};
  app.add_option("--out", o.out, "Output folder (created)")->required();
  auto* docs = app.add_option("--docs", o.docs, "Number of documents");
  app.add_option("--seed", o.seed, "Random seed; same seed, same corpus")->capture_default_str();
  app.add_option("--size-kb", o.size_kb, "Approximate size of each document in KB")->capture_default_str()->check(CLI::PositiveNumber);
  auto* total = app.add_option("--total-mb", o.total_mb, "Write documents until about this many MB")->check(CLI::PositiveNumber);
  docs->excludes(total);
  CLI11_PARSE(app, argc, argv);
  if (o.docs == 0 && o.total_mb <= 0) o.docs = 100;
  try {
    return generate(o);
  } catch (const std::exception& e) {
    std::cerr << "dealscan-gencorpus: " << e.what() << '\n';
    return 1;
  }
}

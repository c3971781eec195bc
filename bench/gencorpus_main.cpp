// dealscan-gencorpus: writes a deterministic corpus of generated Italian
// business-news articles for benchmarks: deals, each told by a few articles.
//
//   dealscan-gencorpus --out /tmp/c --total-mb 10 --seed 1   # ~2,000 files of ~5 KB
//   dealscan-gencorpus --out /tmp/s --docs 100000 --size-kb 0.5
//   dealscan-gencorpus --out /tmp/c --docs 3000 --manifest /tmp/c.tsv  # which deal each file tells
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
  std::string manifest;  // "" or a TSV file: one line per document with its deal
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

// file, deal id, kind, parties, the deal's amount, outlet, date, variant.
void write_manifest_line(std::ostream& out, const std::string& file, const dealscan::gen::Article& a) {
  static constexpr const char* kKinds[] = {"investment", "acquisition", "contract", "funding_round", "stake"};
  const auto& t = a.telling;
  out << file << '\t' << t.deal.id << '\t' << kKinds[static_cast<int>(t.deal.kind)] << '\t' << t.payer << '\t'
      << t.payee << '\t' << static_cast<long long>(t.deal.amount.value()) << '\t' << t.deal.amount.code << '\t' << t.outlet << '\t' << a.date
      << '\t' << dealscan::gen::variant_name(t.variant) << '\n';
}

int generate(const Options& o) {
  std::size_t target = static_cast<std::size_t>(o.size_kb * 1000);
  std::size_t docs = o.docs;
  if (docs == 0) docs = static_cast<std::size_t>(o.total_mb * 1e6 / static_cast<double>(target > 0 ? target : 1)) + 1;
  dealscan::gen::ArticleGenerator gen(dealscan::Lexicon::builtin(), o.seed);
  std::ofstream manifest;
  if (!o.manifest.empty()) {
    manifest.open(o.manifest, std::ios::binary);
    manifest << "file\tdeal\tkind\tpayer\tpayee\tamount\tcurrency\toutlet\tdate\tvariant\n";
  }
  std::uintmax_t bytes = 0;
  for (std::size_t i = 0; i < docs; ++i) {
    auto path = doc_path(o.out, i);
    if (i % 1000 == 0) std::filesystem::create_directories(path.parent_path());
    auto article = gen.next(target);
    std::ofstream f(path, std::ios::binary);
    if (!(f << article.text)) {
      std::cerr << "dealscan-gencorpus: cannot write " << path << '\n';
      return 1;
    }
    bytes += article.text.size();
    if (manifest.is_open()) write_manifest_line(manifest, std::filesystem::relative(path, o.out).string(), article);
  }
  std::cerr << "dealscan-gencorpus: " << docs << " documents about " << gen.deals_started() << " deals, " << bytes
            << " bytes in " << o.out << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Writes a deterministic corpus of generated Italian business news", "dealscan-gencorpus"};
  app.add_option("--out", o.out, "Output folder (created)")->required();
  auto* docs = app.add_option("--docs", o.docs, "Number of documents");
  app.add_option("--manifest", o.manifest, "Also write a TSV of each document's deal, outlet and variant");
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

// Micro-benchmarks of each pipeline stage on generated articles (bytes/s).
// Run: build-*/bench/dealscan-microbench [--benchmark_filter=Money]
// BM_ProcessFolder reads the .txt files under $DEALSCAN_BENCH_DIR instead
// (e.g. a fixed dealscan-gencorpus output), so numbers stay comparable while
// the generator changes.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/ingest.h"
#include "dealscan/lexicon.h"
#include "dealscan/pipeline.h"
#include "gencorpus/generator.h"

namespace {

using namespace dealscan;

// 200 generated articles of ~5 KB, built once for all benchmarks.
struct Corpus {
  std::vector<std::string> raw;          // bytes as on disk (some with a date marker)
  std::vector<NormalizedText> normalised;
  std::vector<std::vector<Sentence>> sentences;
  std::size_t raw_bytes = 0, norm_bytes = 0;

  Corpus() {
    const Lexicon& lex = Lexicon::builtin();
    gen::ArticleGenerator gen(lex, 2024);
    Ingestor ingestor(lex);
    SentenceSplitter splitter(lex);
    for (int i = 0; i < 200; ++i) {
      raw.push_back(gen.article(5000));
      raw_bytes += raw.back().size();
      auto in = ingestor.ingest(InputFile{"bench.txt", "bench"}, raw.back());
      normalised.push_back(in ? in->text : NormalizedText{raw.back(), {}});
      norm_bytes += normalised.back().text.size();
      sentences.push_back(splitter.split(normalised.back().text));
    }
  }
};

const Corpus& corpus() {
  static const Corpus c;
  return c;
}

// Up to 300 files from $DEALSCAN_BENCH_DIR, in path order; empty when unset.
struct FolderCorpus {
  std::vector<std::string> raw;
  std::size_t bytes = 0;

  FolderCorpus() {
    const char* dir = std::getenv("DEALSCAN_BENCH_DIR");
    if (!dir) return;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    if (paths.size() > 300) paths.resize(300);
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      raw.push_back(ss.str());
      bytes += raw.back().size();
    }
  }
};

// The shared text of every document of corpus(), words scanned once, so
// the extractor benchmarks time their own work only (BM_SharedText times the
// scan). The first of them keeps the thread's reusable word stream: BM_SharedText,
// registered first, runs before they are built.
const std::vector<std::unique_ptr<DocumentText>>& shared_texts() {
  static const auto texts = [] {
    const auto& c = corpus();
    std::vector<std::unique_ptr<DocumentText>> v;
    for (std::size_t i = 0; i < c.normalised.size(); ++i) {
      v.push_back(std::make_unique<DocumentText>(c.normalised[i].text, c.sentences[i]));
      v.back()->words();
    }
    return v;
  }();
  return texts;
}

// Money, times and entities of every document of corpus(), for the claims benchmark.
struct Extracted {
  std::vector<Source> sources;
  std::vector<MoneyOutput> money;
  std::vector<std::vector<TimeExpr>> times;
  std::vector<EntityOutput> entities;

  Extracted() {
    const auto& c = corpus();
    const Lexicon& lex = Lexicon::builtin();
    MoneyExtractor m(lex);
    TimeExtractor t(lex);
    EntityExtractor e(lex);
    for (std::size_t i = 0; i < c.normalised.size(); ++i) {
      Source s;
      s.id = "bench" + std::to_string(i);
      sources.push_back(s);
      money.push_back(m.extract(c.normalised[i].text, c.sentences[i]));
      times.push_back(t.extract(c.normalised[i].text, c.sentences[i], std::nullopt));
      entities.push_back(e.extract(c.normalised[i].text, c.sentences[i]));
    }
  }
};

void BM_Ingest(benchmark::State& state) {
  const auto& c = corpus();
  Ingestor ingestor(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& doc : c.raw) benchmark::DoNotOptimize(ingestor.ingest(InputFile{"bench.txt", "bench"}, doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.raw_bytes));
}

void BM_SentenceSplit(benchmark::State& state) {
  const auto& c = corpus();
  SentenceSplitter splitter(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& t : c.normalised) benchmark::DoNotOptimize(splitter.split(t.text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

// One document's shared text: lower-cased copy and word scan (DocumentText).
void BM_SharedText(benchmark::State& state) {
  const auto& c = corpus();
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i) {
      DocumentText text(c.normalised[i].text, c.sentences[i]);
      benchmark::DoNotOptimize(&text.words());
    }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_NumberFindAll(benchmark::State& state) {
  const auto& c = corpus();
  NumberParser parser(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& t : c.normalised) benchmark::DoNotOptimize(parser.find_all(t.text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_MoneyExtract(benchmark::State& state) {
  const auto& c = corpus();
  const auto& texts = shared_texts();
  MoneyExtractor money(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i)
      benchmark::DoNotOptimize(money.extract(*texts[i], c.sentences[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_EntityExtract(benchmark::State& state) {
  const auto& c = corpus();
  const auto& texts = shared_texts();
  EntityExtractor entities(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i) benchmark::DoNotOptimize(entities.extract(*texts[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_TimeExtract(benchmark::State& state) {
  const auto& c = corpus();
  const auto& texts = shared_texts();
  TimeExtractor times(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i)
      benchmark::DoNotOptimize(times.extract(*texts[i], c.sentences[i], std::nullopt));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_ClaimExtract(benchmark::State& state) {
  const auto& c = corpus();
  static const Extracted x;
  const auto& texts = shared_texts();
  ClaimExtractor claims(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i)
      benchmark::DoNotOptimize(claims.extract(ClaimInput{x.sources[i], c.normalised[i], c.sentences[i],
                                                         x.money[i].money, x.times[i], x.entities[i]},
                                              *texts[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_ProcessFolder(benchmark::State& state) {
  static const FolderCorpus c;
  if (c.raw.empty()) {
    state.SkipWithError("set DEALSCAN_BENCH_DIR to a folder of .txt files");
    return;
  }
  DocumentProcessor processor(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& doc : c.raw) benchmark::DoNotOptimize(processor.process(InputFile{"bench.txt", "bench"}, doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}

void BM_DocumentProcess(benchmark::State& state) {
  const auto& c = corpus();
  DocumentProcessor processor(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& doc : c.raw) benchmark::DoNotOptimize(processor.process(InputFile{"bench.txt", "bench"}, doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.raw_bytes));
}

BENCHMARK(BM_Ingest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SentenceSplit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SharedText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NumberFindAll)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MoneyExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EntityExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimeExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClaimExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DocumentProcess)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProcessFolder)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Micro-benchmarks of each pipeline stage on generated articles (bytes/s).
// Run: build-*/bench/dealscan-microbench [--benchmark_filter=Money]
#include <benchmark/benchmark.h>

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

void BM_NumberFindAll(benchmark::State& state) {
  const auto& c = corpus();
  NumberParser parser(Lexicon::builtin());
  for (auto _ : state)
    for (const auto& t : c.normalised) benchmark::DoNotOptimize(parser.find_all(t.text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_MoneyExtract(benchmark::State& state) {
  const auto& c = corpus();
  MoneyExtractor money(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i)
      benchmark::DoNotOptimize(money.extract(c.normalised[i].text, c.sentences[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
}

void BM_EntityExtract(benchmark::State& state) {
  const auto& c = corpus();
  EntityExtractor entities(Lexicon::builtin());
  for (auto _ : state)
    for (std::size_t i = 0; i < c.normalised.size(); ++i)
      benchmark::DoNotOptimize(entities.extract(c.normalised[i].text, c.sentences[i]));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.norm_bytes));
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
BENCHMARK(BM_NumberFindAll)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MoneyExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EntityExtract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DocumentProcess)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

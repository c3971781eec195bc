#include "dealscan/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "dealscan/crosscheck.h"

namespace dealscan {
namespace {

// A document names a few dozen entities: a sorted list of the mentions'
// ids, reused by the thread, counts them without a node per id.
void count_mentions(std::vector<Entity>& entities, const std::vector<EntityMention>& mentions) {
  thread_local std::vector<std::string_view> ids;
  ids.clear();
  for (const auto& m : mentions) ids.push_back(m.entity_id);
  std::sort(ids.begin(), ids.end());
  for (auto& e : entities) {
    auto [first, last] = std::equal_range(ids.begin(), ids.end(), std::string_view(e.id));
    e.mentions = static_cast<std::size_t>(last - first);
  }
}

template <class T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

// Once a document is written out, the archive needs only its figures,
// facts, and entities with their parents and counts: the rest goes before
// it is prepared, so on_document sees what is kept and the spilled records
// stay small. (The document itself is freed once prepared.)
void trim_for_crosscheck(DocumentResult& doc) {
  release(doc.mentions);
  release(doc.quantities);
  release(doc.times);
  for (auto& f : doc.figures) {
    std::string().swap(f.sentence_text);
    std::string().swap(f.money.rule);
    std::string().swap(f.kind_rule);
    std::string().swap(f.party_rule);
  }
  for (auto& f : doc.facts) std::string().swap(f.sentence_text);
}

// Once prepared, an archived document is only counted and warned about
// by on_document: its figures, facts and entities are freed here, on the
// worker that allocated them, not by whichever thread hands it over (a
// free into another thread's malloc arena costs a lock and slows -j N).
void keep_for_sink(DocumentResult& doc) {
  release(doc.entities);
  release(doc.figures);
  release(doc.facts);
}

// A processed document on its way to the sink, with its rendered output
// and what the archive keeps of it.
struct Finished {
  DocumentResult doc;
  std::string rendered;
  ArchiveCrossCheck::Prepared prepared;
};

// Hands finished documents to on_document, then to the archive or the
// results, in input order; documents that finish early wait here. A worker
// may start document i only within `ahead` of the next to hand over, so one
// slow document cannot make the others pile up in memory. Rendering,
// trimming and preparing happen on the workers, before done(); the hand-over
// itself (writing, archiving, freeing) runs on one thread at a time but
// outside the lock, so the other workers never wait for it. An archive that
// cannot store a document stops the run: the first error is kept for
// run_pipeline to throw.
class OrderedSink {
 public:
  using Outcome = std::variant<Finished, SkippedSource>;

  OrderedSink(const RunOptions& options, Report& report, std::size_t ahead)
      : options_(options), report_(report), ahead_(ahead) {}

  // Blocks until document i may start. The next document to hand over never
  // waits, so the run always moves.
  void wait_turn(std::size_t i) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return i < next_ + ahead_ || failed_; });
  }

  // Document i is done: finished, or skipped for the reason given. The
  // thread that finds the next documents ready hands them over, and keeps
  // doing so while others finish theirs; the others only leave theirs here.
  void done(std::size_t i, Outcome outcome) {
    std::unique_lock lock(mutex_);
    waiting_.emplace(i, std::move(outcome));
    if (handing_over_) return;
    handing_over_ = true;
    std::vector<Outcome> ready;
    for (;;) {
      for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_; it = waiting_.erase(it), ++next_)
        ready.push_back(std::move(it->second));
      if (ready.empty()) break;
      turn_.notify_all();
      lock.unlock();
      for (auto& item : ready) hand_over(item);
      ready.clear();
      lock.lock();
    }
    handing_over_ = false;
    if (failed_) turn_.notify_all();
  }

  bool failed() const { return failed_; }
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  // Only the thread handing over is here: the report needs no lock.
  void hand_over(Outcome& outcome) {
    if (auto* skipped = std::get_if<SkippedSource>(&outcome)) {
      report_.skipped.push_back(std::move(*skipped));
      return;
    }
    auto& item = std::get<Finished>(outcome);
    if (options_.on_document) options_.on_document(item.doc, item.rendered);
    if (options_.archive) archive(std::move(item.prepared));
    else report_.documents.push_back(std::move(item.doc));
  }

  void archive(ArchiveCrossCheck::Prepared entry) {
    if (failed_) return;
    try {
      options_.archive->add(std::move(entry));
    } catch (...) {
      error_ = std::current_exception();
      failed_ = true;
    }
  }

  const RunOptions& options_;
  Report& report_;
  const std::size_t ahead_;
  std::mutex mutex_;
  std::condition_variable turn_;
  std::map<std::size_t, Outcome> waiting_;
  std::size_t next_ = 0;       // the next document to hand over
  bool handing_over_ = false;  // a thread is handing documents over
  std::exception_ptr error_;
  std::atomic<bool> failed_{false};
};

}  // namespace

DocumentProcessor::DocumentProcessor(const Lexicon& lexicon) : DocumentProcessor(lexicon, EntityExtractor(lexicon)) {}

DocumentProcessor::DocumentProcessor(const Lexicon& lexicon, const EntityExtractor& entities)
    : ingestor_(lexicon),
      splitter_(lexicon),
      money_(lexicon),
      time_(lexicon),
      entities_(entities),
      claims_(lexicon) {}

Result<DocumentResult> DocumentProcessor::process(const InputFile& file, std::string_view bytes) const {
  auto ingested = ingestor_.ingest(file, bytes);
  if (!ingested) return ingested.error();
  const NormalizedText& norm = ingested->text;
  auto sentences = splitter_.split(norm.text);
  const DocumentText text(norm.text, sentences);  // what the extractors share of the text, made once
  auto money = money_.extract(text, sentences);
  auto times = time_.extract(text, sentences, ingested->source.date);
  auto entities = entities_.extract(text);
  auto claims = claims_.extract(ClaimInput{ingested->source, norm, sentences, money.money, times, entities}, text);

  // Quantities are located in the normalised text; reports need the original bytes.
  for (auto& q : money.quantities) {
    if (q.text.empty()) q.text = norm.text.substr(q.span.begin, q.span.size());
    q.orig = norm.orig(q.span);
  }

  DocumentResult doc;
  doc.source = std::move(ingested->source);
  doc.bytes = bytes.size();
  doc.entities = std::move(entities.entities);
  count_mentions(doc.entities, entities.mentions);
  doc.mentions = std::move(entities.mentions);
  doc.figures = std::move(claims.figures);
  doc.facts = std::move(claims.facts);
  doc.quantities = std::move(money.quantities);
  doc.times = std::move(times);
  return doc;
}

Report run_pipeline(const std::vector<std::string>& paths, const Lexicon& lexicon, const RunOptions& options,
                    const std::function<void(const SkippedSource&)>& on_skip) {
  Report report;
  auto files = expand_inputs(paths, options.input, report.skipped);
  if (on_skip)
    for (const auto& s : report.skipped) on_skip(s);

  // The sink appends documents and failures in input order whatever the
  // scheduling.
  std::atomic<std::size_t> next{0};
  std::mutex log_mutex;
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, files.size())));
  OrderedSink sink(options, report, 16 * std::size_t(n));
  const EntityExtractor entities(lexicon);  // read-only once built: the threads share it
  auto worker = [&] {
    DocumentProcessor processor(lexicon, entities);
    for (std::size_t i = next++; i < files.size() && !sink.failed(); i = next++) {
      sink.wait_turn(i);
      const InputFile file = files[i];
      auto bytes = read_input(file, options.input);
      Result<DocumentResult> doc = bytes ? processor.process(file, *bytes) : Result<DocumentResult>(bytes.error());
      if (doc) {
        Finished item{std::move(*doc), {}, {}};
        if (options.render) item.rendered = options.render(item.doc);
        if (options.archive) {
          trim_for_crosscheck(item.doc);
          item.prepared = options.archive->prepare(item.doc);
          keep_for_sink(item.doc);
        }
        sink.done(i, std::move(item));
      } else {
        SkippedSource skipped{file.path, doc.error().message};
        if (on_skip) {
          std::lock_guard lock(log_mutex);
          on_skip(skipped);
        }
        sink.done(i, std::move(skipped));
      }
    }
  };
  if (n <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  sink.rethrow();
  if (!options.archive) report.check = cross_check(report.documents, lexicon, n);
  return report;
}

}  // namespace dealscan

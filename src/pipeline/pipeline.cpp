#include "dealscan/pipeline.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
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

// Empty (monostate) once what it held is freed.
using Outcome = std::variant<std::monostate, Finished, SkippedSource>;

// One worker's documents between its processing and their hand-over. The
// hand-over only reads them and gives them back; the worker frees what they
// hold when it next needs a place, so memory is freed on the thread that
// allocated it (a free into another thread's heap costs more). Mid-run no
// finished document waits in an idle place until the place is reused; the
// places handed back after a worker's last document are emptied only when
// the lanes are destroyed, on the thread that destroys them.
class Lane {
 public:
  // A place for the worker's next document. Only the worker calls this.
  Outcome& place() {
    release_spent();
    if (free_.empty()) return *places_.emplace_back(std::make_unique<Outcome>());
    Outcome& o = *free_.back();
    free_.pop_back();
    return o;
  }
  // Under the sink's lock: o was handed over.
  void give_back(Outcome& o) { returned_.push_back(&o); }
  // Under the sink's lock, on the worker: the places handed over are its
  // own again, to be emptied outside the lock.
  void take_returned() {
    spent_.insert(spent_.end(), returned_.begin(), returned_.end());
    returned_.clear();
  }

 private:
  void release_spent() {
    for (Outcome* o : spent_) o->emplace<std::monostate>();
    free_.insert(free_.end(), spent_.begin(), spent_.end());
    spent_.clear();
  }

  std::vector<std::unique_ptr<Outcome>> places_;
  std::vector<Outcome*> free_;      // the worker's own, empty
  std::vector<Outcome*> spent_;     // the worker's own, still holding a handed-over document
  std::vector<Outcome*> returned_;  // guarded by the sink's lock
};

// Hands finished documents to on_document, then to the archive or the
// results, in input order; documents that finish early wait here. A worker
// may start document i only within `ahead` of the next to hand over, so one
// slow document cannot make the others pile up in memory. Rendering,
// trimming and preparing happen on the workers, before done(); the hand-over
// itself (writing, archiving) runs on one thread at a time but outside the
// lock, so the other workers never wait for it. An archive that cannot store
// a document stops the run: the first error is kept for run_pipeline to
// throw.
class OrderedSink {
 public:
  OrderedSink(const RunOptions& options, Report& report, std::size_t ahead, unsigned lanes)
      : options_(options), report_(report), ahead_(ahead), waiting_(ahead), lanes_(lanes) {}

  Lane& lane(unsigned worker) { return lanes_[worker]; }

  // Blocks until document i may start. The next document to hand over never
  // waits, so the run always moves.
  void wait_turn(std::size_t i) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return i < next_ + ahead_ || failed_; });
  }

  // Document i is done: finished, or skipped for the reason given, in a
  // place of the worker's lane. The thread that finds the next documents
  // ready hands them over, and keeps doing so while others finish theirs;
  // the others only leave theirs here.
  void done(std::size_t i, Outcome& outcome, unsigned worker) {
    std::unique_lock lock(mutex_);
    lanes_[worker].take_returned();
    if (i >= next_ + ahead_) return;  // only once the run has failed
    waiting_[i % ahead_] = {&outcome, worker};
    if (handing_over_) return;
    handing_over_ = true;
    for (;;) {
      for (Waiting* w = &waiting_[next_ % ahead_]; w->outcome; w = &waiting_[next_ % ahead_]) {
        ready_.push_back(*w);
        *w = {};
        ++next_;
      }
      if (ready_.empty()) break;
      turn_.notify_all();
      lock.unlock();
      for (const auto& w : ready_) hand_over(*w.outcome);
      lock.lock();
      for (const auto& w : ready_) lanes_[w.worker].give_back(*w.outcome);
      ready_.clear();
    }
    handing_over_ = false;
    if (failed_) turn_.notify_all();
  }

  bool failed() const { return failed_; }
  void rethrow() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Waiting {
    Outcome* outcome = nullptr;
    unsigned worker = 0;
  };

  // Only the thread handing over is here: the report needs no lock.
  void hand_over(Outcome& outcome) {
    if (auto* skipped = std::get_if<SkippedSource>(&outcome)) {
      report_.skipped.push_back(std::move(*skipped));
      return;
    }
    auto& item = std::get<Finished>(outcome);
    if (options_.on_document) options_.on_document(item.doc, item.rendered);
    if (options_.archive) archive(item.prepared);
    else report_.documents.push_back(std::move(item.doc));
  }

  void archive(const ArchiveCrossCheck::Prepared& entry) {
    if (failed_) return;
    try {
      options_.archive->add(entry);
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
  std::vector<Waiting> waiting_;  // document i waits at i % ahead_
  std::vector<Waiting> ready_;    // the documents being handed over
  std::vector<Lane> lanes_;       // one per worker
  std::size_t next_ = 0;          // the next document to hand over
  bool handing_over_ = false;     // a thread is handing documents over
  std::exception_ptr error_;
  std::atomic<bool> failed_{false};
};

// The input files as the walk finds them: a worker takes file i once it is
// listed, so the workers start while the folders are still being read.
class FileFeed {
 public:
  void add(std::string_view path) {
    std::lock_guard lock(mutex_);
    files_.push_back(path);
    if (waiters_) listed_.notify_all();
  }
  // No more files.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    listed_.notify_all();
  }
  // File i, once listed; nullopt when the walk ended before it.
  std::optional<InputFile> get(std::size_t i) {
    std::unique_lock lock(mutex_);
    if (i >= files_.size() && !closed_) {
      ++waiters_;
      listed_.wait(lock, [&] { return i < files_.size() || closed_; });
      --waiters_;
    }
    if (i >= files_.size()) return std::nullopt;
    return files_[i];
  }
  std::size_t size() {
    std::lock_guard lock(mutex_);
    return files_.size();
  }

 private:
  std::mutex mutex_;
  std::condition_variable listed_;
  InputList files_;
  unsigned waiters_ = 0;
  bool closed_ = false;
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
  std::mutex log_mutex;
  auto log_skip = [&](const SkippedSource& skipped) {
    if (!on_skip) return;
    std::lock_guard lock(log_mutex);
    on_skip(skipped);
  };
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  n = std::max(1u, n);
  // The sink appends documents and failures in input order whatever the
  // scheduling; the walk's own skips come first.
  FileFeed feed;
  std::atomic<std::size_t> next{0};
  OrderedSink sink(options, report, 16 * std::size_t(n), n);
  const EntityExtractor entities(lexicon);  // read-only once built: the threads share it
  auto worker = [&](unsigned me) {
    DocumentProcessor processor(lexicon, entities);
    Lane& lane = sink.lane(me);
    while (!sink.failed()) {
      const std::size_t i = next++;
      const std::optional<InputFile> file = feed.get(i);
      if (!file) break;
      sink.wait_turn(i);
      Outcome& outcome = lane.place();
      auto bytes = read_input(*file, options.input);
      Result<DocumentResult> doc = bytes ? processor.process(*file, *bytes) : Result<DocumentResult>(bytes.error());
      if (doc) {
        Finished& item = outcome.emplace<Finished>(Finished{std::move(*doc), {}, {}});
        if (options.render) item.rendered = options.render(item.doc);
        if (options.archive) {
          trim_for_crosscheck(item.doc);
          item.prepared = options.archive->prepare(item.doc);
          keep_for_sink(item.doc);
        }
      } else {
        log_skip(outcome.emplace<SkippedSource>(SkippedSource{file->path, doc.error().message}));
      }
      sink.done(i, outcome, me);
    }
  };

  std::vector<SkippedSource> walk_skipped;
  std::vector<std::thread> pool;
  if (n == 1) {
    expand_inputs(paths, options.input, walk_skipped, [&](std::string_view path) { feed.add(path); });
    feed.close();
    for (const auto& s : walk_skipped) log_skip(s);
    worker(0);
  } else {
    // A worker starts as each of the first n files is found: never more
    // workers than files.
    try {
      expand_inputs(paths, options.input, walk_skipped, [&](std::string_view path) {
        feed.add(path);
        if (pool.size() < n) pool.emplace_back(worker, static_cast<unsigned>(pool.size()));
      });
    } catch (...) {
      feed.close();
      for (auto& t : pool) t.join();
      throw;
    }
    feed.close();
    for (const auto& s : walk_skipped) log_skip(s);
    for (auto& t : pool) t.join();
  }
  sink.rethrow();
  report.skipped.insert(report.skipped.begin(), std::make_move_iterator(walk_skipped.begin()),
                        std::make_move_iterator(walk_skipped.end()));
  const unsigned used = static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(1, feed.size())));
  if (!options.archive) report.check = cross_check(report.documents, lexicon, used);
  return report;
}

}  // namespace dealscan

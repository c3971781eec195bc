// cross_check: stories, then claims per story, then conflicts per claim.
// Output order is stable: stories by size then first source, claims by key
// within a story, conflicts in claim order.
#include "dealscan/crosscheck.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <atomic>
#include <iterator>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <spdlog/spdlog.h>

#include "crosscheck/document_spill.h"
#include "crosscheck/internal.h"

namespace dealscan {
namespace {

using namespace crosscheck;

// The documents telling a claim, in input order, each once.
std::vector<std::size_t> claim_docs(const ClaimGroup& g) {
  std::vector<std::size_t> ds;
  ds.reserve(g.figures.size() + g.facts.size());
  for (const auto& f : g.figures) ds.push_back(f.doc);
  for (const auto& [d, i] : g.facts) ds.push_back(d);
  std::sort(ds.begin(), ds.end());
  ds.erase(std::unique(ds.begin(), ds.end()), ds.end());
  return ds;
}

std::vector<std::string> claim_sources(const std::vector<DocumentResult>& docs, const ClaimGroup& g) {
  const auto ds = claim_docs(g);
  std::vector<std::string> out;
  out.reserve(ds.size());
  for (auto d : ds) out.push_back(docs[d].source.id);
  return out;
}

// The claim as reported. Takes g's key and parties: only its members are
// read after this.
Claim make_claim(const std::vector<DocumentResult>& docs, ClaimGroup& g, const std::string& story) {
  Claim c;
  c.story = story;
  c.key = std::move(g.key);
  if (!g.figures.empty()) c.kind = g.kind;
  c.fact_kind = std::move(g.fact_kind);
  c.subject = std::move(g.subject);
  c.counterparty = std::move(g.counterparty);
  c.figures.reserve(g.figures.size() + g.facts.size());
  for (const auto& f : g.figures) c.figures.push_back(docs[f.doc].figures[f.index].id);
  for (const auto& [d, i] : g.facts) c.figures.push_back(docs[d].facts[i].id);
  c.sources = claim_sources(docs, g);
  return c;
}

// "Amazon → OpenAI: investment $10bn", from the money claim told by the most
// sources (then the most prominent). made[i] is claims[i] as reported.
std::string story_title(const std::vector<DocumentResult>& docs, const std::vector<ClaimGroup>& claims,
                        const std::vector<Claim>& made, const Parties& parties) {
  std::size_t best = claims.size();
  std::size_t best_n = 0;
  double best_p = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const ClaimGroup& g = claims[i];
    if (g.figures.empty()) continue;
    std::size_t n = made[i].sources.size();
    double p = 0;
    for (const auto& f : g.figures) p = std::max(p, f.prominence);
    if (best == claims.size() || n > best_n || (n == best_n && p > best_p)) best = i, best_n = n, best_p = p;
  }
  if (best == claims.size()) return made.empty() ? std::string("(no claims)") : made.front().key;
  const Claim& c = made[best];
  std::string who;
  if (c.subject) who = parties.name(*c.subject);
  if (c.counterparty) who += (who.empty() ? "" : " → ") + parties.name(*c.counterparty);
  // The amount most sources give.
  const auto& first = claims[best].figures.front();
  const auto& m = docs[first.doc].figures[first.index].money;
  std::string what = std::string(to_string(*c.kind)) + " " + format_money(m.value, m.currency);
  return who.empty() ? what : who + ": " + what;
}

// A claim's conflicts are the ones compare_claim appended for it, from `from`.
Status claim_status(const Claim& c, const std::vector<Conflict>& conflicts, std::size_t from) {
  if (conflicts.size() > from) return Status::Conflict;
  return c.sources.size() >= 2 ? Status::Corroborated : Status::SingleSource;
}

// "c12", written once into its own string.
std::string claim_id(std::size_t number) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  std::string id(1 + std::size_t(end - digits), 'c');
  std::copy(digits, end, id.begin() + 1);
  return id;
}

// A story checked before the claims of the stories ahead of it are counted:
// its claims and conflicts carry no claim id (topic messages name claims ""
// and ""), and number_claims() gives them their ids once the stories ahead
// are handed over. So a story is loaded, grouped, checked and freed on one
// thread (a free on another thread crosses malloc arenas), and there is no
// barrier between grouping and checking.
class Returns;
struct LocalCheck {
  StoryCheck check;
  std::vector<std::uint32_t> conflict_claim;  // each conflict's claim (its index)
  std::size_t topic_from = 0;                 // conflicts from here are topic-value ones,
  std::vector<std::pair<std::size_t, std::size_t>> topics;  // naming these two claims in their message
  Returns* made_by = nullptr;                 // the thread that made it, to free it
};

// Checked stories handed over on one thread go back to the thread that
// made them to be freed there: a free on another thread takes mimalloc's
// slower path, and the memory reaches its owner's heap only later. Each
// thread frees what it was given back when it starts its next story; once
// the last batch is handed over, every thread frees the rest (free_left).
class Returns {
 public:
  // The calling thread's.
  static Returns& mine() {
    thread_local Returns returns;
    return returns;
  }
  // On the handing-over thread: c goes back to the thread that made it.
  static void give_back(LocalCheck&& c) {
    if (c.made_by == &mine()) return;  // made here: freed here anyway
    Returns& owner = *c.made_by;
    std::lock_guard lock(owner.mutex_);
    owner.waiting_.push_back(std::move(c));
    owner.any_.store(true, std::memory_order_release);
    waiting_anywhere_.fetch_add(1, std::memory_order_relaxed);
  }
  // On every thread that checked stories, once the last one is handed over:
  // nothing given back waits for a next run.
  static void free_left(unsigned threads) {
    if (waiting_anywhere_.load(std::memory_order_relaxed) == 0) return;  // with one thread, always
    on_each_thread(threads, [] { mine().free_returned(); });
  }
  // Checked stories given back and not freed yet, on all threads.
  static std::size_t waiting_anywhere() { return waiting_anywhere_.load(std::memory_order_relaxed); }
  // On the owning thread: frees what other threads gave back.
  void free_returned() {
    if (!any_.load(std::memory_order_acquire)) return;  // with one thread, always
    {
      std::lock_guard lock(mutex_);
      freeing_.swap(waiting_);  // both keep their room: the next swap reuses it
      any_.store(false, std::memory_order_relaxed);
    }
    waiting_anywhere_.fetch_sub(freeing_.size(), std::memory_order_relaxed);
    freeing_.clear();
  }

 private:
  static inline std::atomic<std::size_t> waiting_anywhere_{0};
  std::mutex mutex_;
  std::atomic<bool> any_{false};     // whether waiting_ holds any
  std::vector<LocalCheck> waiting_;  // given back, under mutex_
  std::vector<LocalCheck> freeing_;  // the owner's alone
};

// Numbers the story's claims from first_claim + 1, in the claims, the
// story's list, the conflicts and the topic messages.
void number_claims(LocalCheck& local, std::size_t first_claim) {
  StoryCheck& out = local.check;
  out.story.claims.reserve(out.claims.size());
  for (std::size_t i = 0; i < out.claims.size(); ++i) {
    out.claims[i].id = claim_id(first_claim + i + 1);
    out.story.claims.push_back(out.claims[i].id);
  }
  for (std::size_t i = 0; i < out.conflicts.size(); ++i) out.conflicts[i].claim = out.claims[local.conflict_claim[i]].id;
  if (local.topics.empty()) return;
  const std::string unnumbered = "value: " + topic_value_what("", "");
  for (std::size_t i = 0; i < local.topics.size(); ++i) {
    auto [x, y] = local.topics[i];
    std::string& message = out.conflicts[local.topic_from + i].message;
    if (message.starts_with(unnumbered))
      message.replace(0, unnumbered.size(), "value: " + topic_value_what(out.claims[x].id, out.claims[y].id));
  }
}

// Claims compared and the story titled, the claims not numbered yet. The
// claims give their keys and parties to the reported claims.
LocalCheck check_story(const std::vector<DocumentResult>& documents, const StoryGroup& group, std::size_t index,
                       std::vector<ClaimGroup>& claims, const Parties& parties, const Tunables& t) {
  LocalCheck local;
  StoryCheck& out = local.check;
  Story& story = out.story;
  story.id = "s" + std::to_string(index + 1);
  story.sources.reserve(group.docs.size());
  for (auto d : group.docs) story.sources.push_back(documents[d].source.id);
  out.claims.reserve(claims.size());
  const std::string unnumbered;
  for (auto& g : claims) {
    std::size_t from = out.conflicts.size();
    compare_claim(documents, g, unnumbered, story.id, t, out.conflicts);
    Claim c = make_claim(documents, g, story.id);
    local.conflict_claim.resize(out.conflicts.size(), static_cast<std::uint32_t>(out.claims.size()));
    c.status = claim_status(c, out.conflicts, from);
    out.claims.push_back(std::move(c));
  }
  local.topic_from = out.conflicts.size();
  local.topics = compare_topics(documents, claims, out.claims, story.id, t, out.conflicts);
  for (auto [x, y] : local.topics) {
    local.conflict_claim.push_back(static_cast<std::uint32_t>(x));
    out.claims[x].status = out.claims[y].status = Status::Conflict;
  }
  story.title = story_title(documents, claims, out.claims, parties);
  return local;
}

// The documents one story is checked against, and the story in their numbering.
struct StoryInput {
  const std::vector<DocumentResult>* shared = nullptr;  // every document, in memory
  std::vector<DocumentResult> loaded;                    // or the story's, read back
  std::vector<std::vector<FigureProminence>> ranked;     // and their figure_prominence
  StoryGroup group;
  const std::vector<DocumentResult>& docs() const { return shared ? *shared : loaded; }
};

// Stories are independent once grouped. A batch at a time, each story is
// loaded, grouped into claims and checked by one thread, then the batch is
// renumbered and handed over in story order: the output is the same for any
// thread count, and only two batches of checked stories are in memory. The
// calling thread hands a batch over while the other threads check the next
// one, so on_story (writing the report) is not a serial step between
// batches. A batch ends at a number of documents, not of stories: the
// biggest stories come first.
template <class Load>
void check_stories(const Stories& groups, const Parties& parties, const Tunables& t, unsigned threads,
                   Load load, const std::function<void(StoryCheck&&)>& on_story) {
  const std::size_t batch_docs = std::max<std::size_t>(256, 64 * std::size_t(threads));
  std::size_t next_claim = 0;
  std::vector<LocalCheck> checked;  // the previous batch, not yet handed over
  auto hand_over = [&] {
    for (auto& c : checked) {
      number_claims(c, next_claim);
      next_claim += c.check.claims.size();
      on_story(std::move(c.check));
      Returns::give_back(std::move(c));
    }
    std::vector<LocalCheck>().swap(checked);
  };
  for (std::size_t b = 0, n = 0; b < groups.size(); b += n) {
    std::size_t docs = 0;
    for (n = 0; b + n < groups.size() && docs < batch_docs; ++n) docs += groups.docs(b + n).size();
    std::vector<LocalCheck> checks(n);
    parallel_for(
        n, threads,
        [&](std::size_t k) {
          Returns& mine = Returns::mine();
          mine.free_returned();
          const StoryInput input = load(b + k);
          auto claims = group_claims(input.docs(), input.group, parties, t, input.ranked);
          checks[k] = check_story(input.docs(), input.group, b + k, claims, parties, t);
          checks[k].made_by = &mine;
        },
        hand_over);
    checked = std::move(checks);
  }
  hand_over();
  Returns::free_left(threads);
}

}  // namespace

CrossCheck cross_check(const std::vector<DocumentResult>& documents, const Lexicon& lexicon, unsigned threads) {
  const Tunables t = load_tunables(lexicon);
  Names names;
  std::vector<StoryDoc> story_docs(documents.size());
  std::vector<DocumentParties> links(documents.size());
  parallel_for(documents.size(), threads, [&](std::size_t d) {
    story_docs[d] = story_doc(documents[d], t, names);
    links[d] = party_links(documents[d], story_docs[d], names);
  });
  names.freeze();
  Parties parties(names);
  for (const auto& l : links) parties.add(l);
  std::vector<DocumentParties>().swap(links);
  const auto groups =
      group_stories({story_docs.size(), [&](std::size_t d) { return story_docs[d]; }}, names, parties, t, threads);
  std::vector<StoryDoc>().swap(story_docs);
  CrossCheck out;
  check_stories(
      groups, parties, t, threads, [&](std::size_t s) { return StoryInput{&documents, {}, {}, groups.group(s)}; },
      [&](StoryCheck&& c) {
        out.stories.push_back(std::move(c.story));
        std::move(c.claims.begin(), c.claims.end(), std::back_inserter(out.claims));
        std::move(c.conflicts.begin(), c.conflicts.end(), std::back_inserter(out.conflicts));
      });
  return out;
}

// mimalloc's, when the program links it (the dealscan executable does); weak,
// so builds without it (tests, sanitizers, fuzzers) still link.
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace crosscheck {
std::size_t checked_stories_waiting_to_be_freed() { return Returns::waiting_anywhere(); }

void release_free_memory() {
  // Under mimalloc, malloc_trim finds nothing: its own collection hands
  // freed pages back, including those of worker threads that have ended.
  if (mi_collect) return mi_collect(true);
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}
}  // namespace crosscheck

struct ArchiveCrossCheck::State {
  Tunables t;
  Names names;
  Parties parties{names};
  DocumentSpill stories;  // StoryDocs
  DocumentSpill spill;    // figures and facts
};

ArchiveCrossCheck::ArchiveCrossCheck(const Lexicon& lexicon) : state_(std::make_unique<State>()) {
  state_->t = load_tunables(lexicon);
}

ArchiveCrossCheck::~ArchiveCrossCheck() = default;

struct ArchiveCrossCheck::Entry {
  DocumentParties parties;         // its entities, for Parties
  std::string story;               // its StoryDoc, encoded
  std::string record;              // its figures and facts, encoded
};

void ArchiveCrossCheck::EntryDeleter::operator()(Entry* entry) const { delete entry; }

ArchiveCrossCheck::Prepared ArchiveCrossCheck::prepare(const DocumentResult& doc) const {
  Prepared e(new Entry);
  const auto ranked = figure_prominence(doc, state_->t);
  const StoryDoc story = story_doc(doc, ranked, state_->names);
  e->parties = party_links(doc, story, state_->names);
  e->story = DocumentSpill::encode(story);
  e->record = DocumentSpill::encode(doc, ranked);
  return e;
}

void ArchiveCrossCheck::add(const Prepared& entry) {
  state_->spill.append(entry->record);
  state_->stories.append(entry->story);
  state_->parties.add(entry->parties);
}

std::size_t ArchiveCrossCheck::size() const { return state_->spill.size(); }

void ArchiveCrossCheck::run(unsigned threads, const std::function<void(StoryCheck&&)>& on_story) {
  State& s = *state_;
  s.names.freeze();
  s.spill.seal();
  s.stories.seal();
  // The documents of an archive were processed on worker threads, each with
  // its own malloc arena: what they freed stays resident otherwise, under
  // everything grouping allocates next.
  crosscheck::release_free_memory();
  // Wall and processor seconds: on a busy machine only the second tells
  // how much work a phase was (and how much two threads added to it).
  struct Clock {
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    std::clock_t cpu = std::clock();
  };
  auto seconds_since = [](const Clock& t) {
    return fmt::format("{:.2f} s (processor {:.2f} s)",
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - t.wall).count(),
                       double(std::clock() - t.cpu) / CLOCKS_PER_SEC);
  };
  const Clock started;
  auto groups =
      group_stories({s.stories.size(), [&](std::size_t d) { return s.stories.load_story(d); }}, s.names, s.parties, s.t, threads);
  crosscheck::release_free_memory();  // grouping's tables, before the documents are read back
  spdlog::debug("cross-check: {} documents grouped into {} stories in {}", s.stories.size(), groups.size(),
                seconds_since(started));
  const Clock checking;
  // A story's documents are read back and renumbered 0..n-1 in input order.
  auto load = [&](std::size_t k) {
    StoryInput in;
    for (auto d : groups.docs(k)) in.loaded.push_back(s.spill.load(d, in.ranked.emplace_back()));
    for (std::size_t i = 0; i < in.loaded.size(); ++i) in.group.docs.push_back(i);
    return in;
  };
  check_stories(groups, s.parties, s.t, threads, load, on_story);
  spdlog::debug("cross-check: stories checked in {}", seconds_since(checking));
}

}  // namespace dealscan

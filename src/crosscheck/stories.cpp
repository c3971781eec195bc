// Documents -> stories, in three passes over a key index (never all pairs):
//
// 1. Strong keys from each document's main deal: the amount it gives most
//    prominence to (headline, lead, repetitions) and that amount's parties;
//    plus the other amounts it ties to the same parties. Documents sharing a
//    key and published within its span are joined (union-find): two-company
//    keys first, then one-company keys, which never merge two stories that
//    lead with different two-company deals (else a busy company's deals
//    chain into one story across a large archive).
// 2. Documents still alone pair with the lone document they share most weak
//    evidence with (two parties, and an amount or a publication date a few
//    days apart), unless a bigger story shares more.
// 3. A document still alone joins the bigger story it shares most with.
//
// Entities in most documents (the IDF idea) never link on their own, and keys
// carried by too many documents are ignored, so one ubiquitous company cannot
// glue unrelated deals and the work stays linear in the number of keys.
#include <algorithm>
#include <cassert>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>

#include "common/temp_file.h"
#include "crosscheck/internal.h"
#include "crosscheck/record_codec.h"
#include "crosscheck/record_queue.h"
#include "crosscheck/story_tables.h"

namespace dealscan::crosscheck {
namespace {

// Every name's canonical party (aws -> amazon), looked up once per name
// rather than once per mention, as a number (equal strings alike): profiles
// count and weigh parties by number and compare their strings only to
// break ties. The strings live in Names, which outlives grouping.
class Roots {
 public:
  Roots(const Names& names, const Parties& parties) : names_(names), number_(names.size()) {
    std::vector<std::uint32_t> numbers(names.size(), kNoId);  // root's id -> its number
    for (std::uint32_t id = 0; id < names.size(); ++id) {
      const std::uint32_t root = parties.root(id);
      if (numbers[root] == kNoId) {
        numbers[root] = static_cast<std::uint32_t>(distinct_.size());
        distinct_.push_back(&names.name(root));
      }
      number_[id] = numbers[root];
    }
  }
  std::uint32_t number(std::uint32_t id) const { return number_[id]; }
  std::size_t distinct() const { return distinct_.size(); }
  const std::string& numbered(std::uint32_t number) const { return *distinct_[number]; }
  // As Parties::root gives it for an optional id: none (kNoId) for kNone or "".
  std::uint32_t party(std::uint32_t id) const {
    return id == Names::kNone || names_.name(id).empty() ? kNoId : number_[id];
  }

 private:
  const Names& names_;
  std::vector<std::uint32_t> number_;         // name id -> its root's number
  std::vector<const std::string*> distinct_;  // number -> the root
};

// Weights by party number, in number order. A document names a handful of
// parties, so a sorted vector serves where a tree would cost a heap node
// each.
class Weights {
 public:
  using value_type = std::pair<std::uint32_t, double>;
  double& operator[](std::uint32_t party) {
    auto it = std::lower_bound(v_.begin(), v_.end(), party,
                               [](const value_type& e, std::uint32_t p) { return e.first < p; });
    if (it == v_.end() || it->first != party) {
      if (v_.empty()) {
        v_.reserve(kHandful);  // not grown 1, 2, 4, 8: a block each time
        it = v_.begin();
      }
      it = v_.insert(it, {party, 0.0});
    }
    return it->second;
  }
  std::vector<value_type>::const_iterator begin() const { return v_.begin(); }
  std::vector<value_type>::const_iterator end() const { return v_.end(); }

 private:
  static constexpr std::size_t kHandful = 8;
  std::vector<value_type> v_;
};

// One amount of a document with everything said about it, its parties
// canonical (aws is amazon, root numbers) and as named (Names ids).
struct Bucket {
  std::uint32_t amount = 0;  // Names id of currency + two significant digits
  double prominence = 0;
  Weights parties;  // canonical entity -> weight
  Weights named;    // the same, as the text names them (aws, not amazon)
  bool mentioned = false;  // has a most prominent mention
  Kind top_kind = Kind::Other;
};

Bucket bucket(const StoryDoc::Amount& a, const Roots& roots) {
  Bucket b{a.key, 0, {}, {}, !a.mentions.empty(), a.top_kind};
  for (const auto& m : a.mentions) {
    // Canonical as rank_figures makes them: a counterparty that is the subject is none.
    const std::uint32_t subject = roots.party(m.subject);
    std::uint32_t counterparty = roots.party(m.counterparty);
    if (subject != kNoId && counterparty == subject) counterparty = kNoId;
    b.prominence += m.prominence;
    for (auto p : {subject, counterparty})
      if (p != kNoId) b.parties[p] += m.prominence;
    for (auto id : {m.subject, m.counterparty})
      if (id != Names::kNone) b.named[id] += m.prominence;
  }
  return b;
}

// A party's id: ties between parties go to the smaller one, so no order
// depends on how they were numbered. Text gives a party's id by its number
// (a template, not a std::function: called for every tie).
template <class Text>
bool heavier(const Weights::value_type& a, const Weights::value_type& b, const Text& text) {
  return a.second != b.second ? a.second > b.second : text(a.first) < text(b.first);
}

// The `most` heaviest parties of (party, weight) pairs, heaviest first
// (ties by id for determinism).
template <class Pairs, class Text>
std::vector<std::uint32_t> by_weight(const Pairs& w, const Text& text, std::size_t most = SIZE_MAX) {
  struct Ranked {
    double weight;
    std::string_view id;
    std::uint32_t party;
  };
  std::vector<Ranked> v;
  v.reserve(static_cast<std::size_t>(std::distance(w.begin(), w.end())));
  for (const auto& [party, weight] : w) v.push_back({weight, {}, party});
  // Only parties at least as heavy as the most-th weight can be among the
  // heaviest: only their ids are read, to break ties, and sorted.
  if (most > 0 && most < v.size()) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(most - 1), v.end(),
                     [](const Ranked& a, const Ranked& b) { return a.weight > b.weight; });
    const double bar = v[most - 1].weight;
    std::erase_if(v, [&](const Ranked& r) { return r.weight < bar; });
  }
  for (auto& r : v) r.id = text(r.party);
  const auto last = v.begin() + static_cast<std::ptrdiff_t>(std::min(most, v.size()));
  std::partial_sort(v.begin(), last, v.end(), [](const Ranked& a, const Ranked& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  });
  std::vector<std::uint32_t> out;
  out.reserve(static_cast<std::size_t>(last - v.begin()));
  for (auto it = v.begin(); it != last; ++it) out.push_back(it->party);
  return out;
}

// A piece of weak evidence: an amount or a party, with how much this
// document stands behind it. Four bytes, as an archive holds millions:
// weights are multiples of 0.5 up to 4 (weak_keys), kept in halves. Keys are
// numbers ("amount:USD:3e+11", "party:softbank" in string order).
struct WeakKey {
  std::uint32_t key : 27 = 0;
  std::uint32_t halves : 4 = 0;
  std::uint32_t party : 1 = 0;
  float weight() const { return 0.5f * float(halves); }
};
inline constexpr std::uint32_t kMaxKeys = 1u << 27;

inline constexpr std::int32_t kUndated = INT32_MIN;
// A number for a main pair or amount no other document has: unequal to
// every key (keys are numbered below 2^31) and to every other document's.
inline constexpr std::uint32_t kPrivate = 0x80000000u;

// What every pass reads of a document; its keys are in Profiles.
struct Profile {
  std::int32_t day = kUndated;  // publication day number
  std::uint32_t order = 0;      // rank of the source id: tie-breaks never depend on input order
  // "a|b": the two parties of the main amount, when it has two; and the
  // amount's key. kPrivate | document when no other document has it.
  std::uint32_t main_pair = kNoId;
  std::uint32_t main_amount = kNoId;
  bool dated() const { return day != kUndated; }
};

// Every document's profile, its keys in flat arrays, a chunk of documents
// per block: each block is allocated at its final size, so no array ever
// doubles (and, for a moment, triples) on a large archive.
class Profiles {
 public:
  // Documents per block, and per batch of drafts profiled on the pool: a
  // batch of drafts holds every key as a string.
  static constexpr std::size_t kChunk = 1024;

  // The next kChunk documents (fewer for the last block).
  template <class Draft>
  void add_chunk(const std::vector<Draft>& drafts) {
    Block& b = blocks_.emplace_back();
    std::size_t strong = 0, weak = 0;
    for (const auto& d : drafts) strong += d.strong.size(), weak += d.weak.size();
    b.core.reserve(drafts.size());
    b.strong.reserve(strong);
    b.weak.reserve(weak);
    b.strong_at.reserve(drafts.size() + 1);
    b.weak_at.reserve(drafts.size() + 1);
    for (const auto& d : drafts) {
      b.core.push_back(d.profile);
      b.strong.insert(b.strong.end(), d.strong.begin(), d.strong.end());
      b.strong_at.push_back(static_cast<std::uint32_t>(b.strong.size()));
      b.weak.insert(b.weak.end(), d.weak.begin(), d.weak.end());
      b.weak_at.push_back(static_cast<std::uint32_t>(b.weak.size()));
    }
    size_ += drafts.size();
    if (stash_) {
      const std::size_t n = b.weak.size();
      if (n && std::fwrite(b.weak.data(), sizeof(WeakKey), n, stash_.get()) != n)  // no null pointer for none
        throw std::runtime_error("story grouping: cannot write a temporary file in " + temp_dir());
      std::vector<WeakKey>().swap(b.weak);
    }
  }
  // From now on, blocks keep their weak keys in `file` (a temporary file)
  // until restore_weak(): while the key strings are in memory, the weak keys
  // (the biggest table) need not be.
  void stash_weak(std::FILE* file) { stash_.reset(file); }
  // Reads the stashed weak keys back, renumbered through `rank`.
  void restore_weak(const std::vector<std::uint32_t>& rank) {
    if (!stash_) return;
    // Buffered writes fail here at the latest (a full disk), not at fwrite.
    if (std::fflush(stash_.get()) != 0 || std::ferror(stash_.get()))
      throw std::runtime_error("story grouping: cannot write a temporary file in " + temp_dir());
    std::rewind(stash_.get());
    for (Block& b : blocks_) {
      const std::size_t n = b.weak_at.back() - b.weak.size();
      std::vector<WeakKey> weak(n);
      if (n && std::fread(weak.data(), sizeof(WeakKey), n, stash_.get()) != n)
        throw std::runtime_error("story grouping: cannot read back a temporary file in " + temp_dir());
      for (auto& w : weak) w.key = rank[w.key];
      b.weak = std::move(weak);
    }
    stash_.reset();
  }
  // Each document's weak keys in key order, once they are numbered in the
  // order of their texts: two documents' shared keys are a merge of two lists.
  void sort_weak() {
    for (Block& b : blocks_)
      for (std::size_t k = 0; k + 1 < b.weak_at.size(); ++k)
        std::sort(b.weak.begin() + b.weak_at[k], b.weak.begin() + b.weak_at[k + 1],
                  [](const WeakKey& x, const WeakKey& y) { return x.key < y.key; });
  }
  // Drops the weak keys that cannot link two documents, before the index
  // over them is built: those carried by one document, and those carried by
  // more than `most` (too common to mean one deal, LonerLinker reads
  // nothing from them). On a large archive most weak postings are of
  // common amounts and companies. Call after sort_weak(); order is kept.
  void drop_unlinkable_weak(std::size_t keys, std::size_t most) {
    std::vector<std::uint32_t> carriers(keys, 0);
    for (const Block& b : blocks_)
      for (const WeakKey& w : b.weak) ++carriers[w.key];
    auto linkable = [&](const WeakKey& w) { return carriers[w.key] > 1 && carriers[w.key] <= most; };
    for (Block& b : blocks_) {
      std::vector<WeakKey> kept;
      kept.reserve(static_cast<std::size_t>(std::count_if(b.weak.begin(), b.weak.end(), linkable)));
      std::uint32_t from = 0;  // where document k's keys started before
      for (std::size_t k = 1; k < b.weak_at.size(); ++k) {
        const std::uint32_t to = b.weak_at[k];
        for (std::uint32_t w = from; w < to; ++w)
          if (linkable(b.weak[w])) kept.push_back(b.weak[w]);
        b.weak_at[k] = static_cast<std::uint32_t>(kept.size());
        from = to;
      }
      b.weak = std::move(kept);
    }
  }
  std::size_t size() const { return size_; }
  // Calls f(key&) on every key number of every profile, main ones included.
  template <class F>
  void each_key(F f) {
    for (Block& b : blocks_) {
      for (Profile& p : b.core)
        for (auto* k : {&p.main_pair, &p.main_amount})
          if (*k != kNoId && !(*k & kPrivate)) f(*k);
      for (auto& k : b.strong) f(k);
      for (auto& w : b.weak) {
        std::uint32_t k = w.key;
        f(k);
        w.key = k;
      }
    }
  }
  // The strong keys serve only the joins: they go before linking.
  void drop_strong() {
    for (Block& b : blocks_) {
      std::vector<std::uint32_t>().swap(b.strong);
      std::vector<std::uint32_t>().swap(b.strong_at);
    }
  }
  const Profile& operator[](std::size_t i) const { return block(i).core[i % kChunk]; }
  Profile& operator[](std::size_t i) { return blocks_[i / kChunk].core[i % kChunk]; }
  std::span<const std::uint32_t> strong(std::size_t i) const {  // until drop_strong()
    const Block& b = block(i);
    const std::size_t k = i % kChunk;
    return {b.strong.data() + b.strong_at[k], b.strong_at[k + 1] - b.strong_at[k]};
  }
  std::span<const WeakKey> weak(std::size_t i) const {
    const Block& b = block(i);
    const std::size_t k = i % kChunk;
    return {b.weak.data() + b.weak_at[k], b.weak_at[k + 1] - b.weak_at[k]};
  }

 private:
  struct Block {
    std::vector<Profile> core;
    std::vector<std::uint32_t> strong, strong_at{0};
    std::vector<WeakKey> weak;  // each document's in key order once sort_weak() ran
    std::vector<std::uint32_t> weak_at{0};
  };
  const Block& block(std::size_t i) const { return blocks_[i / kChunk]; }
  std::vector<Block> blocks_;
  std::size_t size_ = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> stash_{nullptr, std::fclose};
};

// Days since 0000-03-01 for "YYYY-MM-DD" (civil calendar); none otherwise.
std::optional<long> day_number(const std::optional<std::string>& date) {
  if (!date || date->size() < 10) return std::nullopt;
  int y = std::atoi(date->substr(0, 4).c_str()), m = std::atoi(date->substr(5, 2).c_str());
  int d = std::atoi(date->substr(8, 2).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  y -= m <= 2;
  long era = y / 400, yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

}  // namespace

std::size_t Names::slot_of(std::string_view s, std::uint64_t h) const {
  const std::uint64_t high = h & 0xFFFFFFFF00000000ull;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const std::uint64_t slot = slots_[at];
    if (slot == 0) return at;
    // The high half first; the low half is the id + 1.
    if ((slot & 0xFFFFFFFF00000000ull) == high && names_[static_cast<std::uint32_t>(slot - 1)] == s) return at;
  }
}

std::uint32_t Names::intern_locked(std::string_view s) {
  assert(!frozen_);
  if (2 * (names_.size() + 1) > slots_.size()) grow();
  const std::uint64_t h = text_hash(s);
  std::uint64_t& slot = slots_[slot_of(s, h)];
  if (slot == 0) {
    names_.emplace_back(s);
    slot = (h & 0xFFFFFFFF00000000ull) | names_.size();  // the new id + 1
  }
  return static_cast<std::uint32_t>(slot - 1);
}

std::uint32_t Names::find(std::string_view s) const {
  assert(frozen_);
  if (slots_.empty()) return kNone;
  const std::uint64_t slot = slots_[slot_of(s, text_hash(s))];
  return slot == 0 ? kNone : static_cast<std::uint32_t>(slot - 1);
}

void Names::grow() {
  std::vector<std::uint64_t> slots(std::max<std::size_t>(64, 2 * slots_.size()), 0);
  const std::size_t mask = slots.size() - 1;
  for (const auto slot : slots_) {
    if (slot == 0) continue;
    std::size_t at = text_hash(names_[static_cast<std::uint32_t>(slot - 1)]) & mask;
    while (slots[at] != 0) at = (at + 1) & mask;
    slots[at] = slot;
  }
  slots_.swap(slots);
}

std::uint32_t Names::intern(std::string_view s) {
  std::lock_guard lock(mutex_);
  return intern_locked(s);
}

void Names::intern_all(std::span<const std::string_view> strings, std::span<std::uint32_t> ids) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < strings.size(); ++i) ids[i] = intern_locked(strings[i]);
}

StoryDoc story_doc(const DocumentResult& doc, const Tunables& t, Names& names) {
  return story_doc(doc, figure_prominence(doc, t), names);
}

namespace {

// The position of s in a short list of distinct strings, appended when new:
// a document names few parties and few amounts, so a scan beats a hash.
template <class List, class Text>
std::uint32_t position_in(List& list, const Text& s) {
  for (std::size_t k = 0; k < list.size(); ++k)
    if (list[k] == s) return static_cast<std::uint32_t>(k);
  list.push_back(s);
  return static_cast<std::uint32_t>(list.size() - 1);
}

// The document's amounts (by rounded_amount to two digits) with their
// ranked figures, most prominent first, the kLeadingAmounts kept; each
// amount's key is the position of its text in `keys`.
std::vector<StoryDoc::Amount> leading_amounts(const DocumentResult& doc, std::span<const FigureProminence> ranked,
                                              std::span<const std::uint32_t> party_slots,
                                              std::vector<std::string>& keys) {
  std::vector<StoryDoc::Amount> amounts;
  for (const auto& [index, prominence] : ranked) {
    const Figure& f = doc.figures[index];
    const std::uint32_t key = position_in(keys, rounded_amount(f.money, 2));
    if (key == amounts.size()) amounts.push_back({0, key, 0, {}, Kind::Other});
    StoryDoc::Amount& a = amounts[key];
    a.prominence += prominence;
    if (a.mentions.empty() || prominence > a.mentions[a.top].prominence) {
      a.top = static_cast<std::uint32_t>(a.mentions.size());
      a.top_kind = f.kind;
    }
    a.mentions.push_back({prominence, static_cast<std::uint32_t>(index), party_slots[2 * index],
                          party_slots[2 * index + 1]});
  }
  std::stable_sort(amounts.begin(), amounts.end(),
                   [](const StoryDoc::Amount& a, const StoryDoc::Amount& b) { return a.prominence > b.prominence; });
  if (amounts.size() > kLeadingAmounts) amounts.resize(kLeadingAmounts);
  return amounts;
}

}  // namespace

StoryDoc story_doc(const DocumentResult& doc, std::span<const FigureProminence> ranked, Names& names) {
  StoryDoc out;
  out.id = doc.source.id;
  out.day = day_number(doc.source.date);
  // Every string the record names, interned together under one lock: the
  // entities' ids, the figures' parties (each once), the kept amounts' keys.
  std::vector<std::string_view> strings;
  strings.reserve(doc.entities.size() + 8);
  for (const auto& e : doc.entities) strings.push_back(e.id);
  const std::size_t entities = strings.size();
  std::vector<std::string_view> parties;
  std::vector<std::uint32_t> party_slots(2 * doc.figures.size(), Names::kNone);  // positions in parties
  for (std::size_t i = 0; i < doc.figures.size(); ++i)
    for (int side = 0; side < 2; ++side)
      if (const auto& p = side ? doc.figures[i].counterparty : doc.figures[i].subject)
        party_slots[2 * i + side] = position_in(parties, std::string_view(*p));
  strings.insert(strings.end(), parties.begin(), parties.end());
  std::vector<std::string> keys;
  out.amounts = leading_amounts(doc, ranked, party_slots, keys);
  for (const auto& a : out.amounts) strings.push_back(keys[a.key]);
  std::vector<std::uint32_t> ids(strings.size());
  names.intern_all(strings, ids);

  out.entities.reserve(entities);
  for (std::size_t k = 0; k < entities; ++k)
    out.entities.push_back({ids[k], doc.entities[k].type, static_cast<std::uint32_t>(doc.entities[k].mentions)});
  const std::uint32_t* party_ids = ids.data() + entities;
  // Parties in order of first mention, those the entities do not list.
  std::vector<std::uint32_t> listed(ids.begin(), ids.begin() + entities);
  std::sort(listed.begin(), listed.end());
  for (std::size_t k = 0; k < parties.size(); ++k)
    if (!std::binary_search(listed.begin(), listed.end(), party_ids[k])) out.figure_parties.push_back(party_ids[k]);
  const std::uint32_t* key_ids = party_ids + parties.size();
  for (std::size_t k = 0; k < out.amounts.size(); ++k) {
    out.amounts[k].key = key_ids[k];
    for (auto& m : out.amounts[k].mentions) {
      if (m.subject != Names::kNone) m.subject = party_ids[m.subject];
      if (m.counterparty != Names::kNone) m.counterparty = party_ids[m.counterparty];
    }
  }
  return out;
}

namespace {

// A story key as numbers: its rule and the parties (root numbers, or Names
// ids for main-pair) and amount (a Names id) it is made of. Keys are
// counted and looked up by these 16 bytes; the text a key stands for
// ("claim:openai|USD:1e+10", key_text) is built only for the keys several
// documents carry, to order them. Ids are slugs ([a-z0-9-]), so two keys
// are equal exactly when their texts are.
struct StoryKey {
  enum Rule : std::uint32_t { kNone, kMainPair, kMainDeal, kMainTopic, kClaim, kAmount, kParty, kPair };
  std::uint32_t rule = kNone, a = 0, b = 0, c = 0;
  bool empty() const { return rule == kNone; }
  std::string_view bytes() const { return {reinterpret_cast<const char*>(this), sizeof *this}; }
  static StoryKey from_bytes(std::string_view bytes) {
    StoryKey k;
    if (bytes.size() == sizeof k) std::memcpy(&k, bytes.data(), sizeof k);
    return k;
  }
};
static_assert(sizeof(StoryKey) == 16 && std::has_unique_object_representations_v<StoryKey>);

// A weak key before it is numbered: its weight in halves, as WeakKey keeps it.
struct DraftWeak {
  StoryKey key;
  std::uint32_t halves = 0;
  std::uint32_t party = 0;
};

// A weight in halves, as WeakKey keeps it (at most 7.5).
std::uint32_t halves(double weight) { return std::min<std::uint32_t>(15, static_cast<std::uint32_t>(2 * weight)); }

// kind_class as a number: kinds of one class alike.
std::uint32_t kind_class_number(Kind k) { return static_cast<std::uint32_t>(k == Kind::Spending ? Kind::Contract : k); }

class Profiler {
 public:
  // Reads every document once to count in how many each party appears, in
  // slices on the pool: counts add up, so the order does not matter.
  Profiler(const StoryDocs& docs, const Names& names, const Roots& roots, const Tunables& t, unsigned threads)
      : n_(docs.size), names_(names), roots_(roots), t_(t), df_(roots.distinct(), 0) {
    const std::size_t slices = 4 * std::size_t(std::max(1u, threads));
    std::vector<std::atomic<std::uint32_t>> df(roots_.distinct());  // by root number
    parallel_for(slices, threads, [&](std::size_t k) {
      std::vector<std::uint32_t> numbers;  // a set: sorted once
      for (std::size_t i = n_ * k / slices; i < n_ * (k + 1) / slices; ++i) {
        const StoryDoc d = docs.get(i);
        numbers.clear();
        for (const auto& e : d.entities) numbers.push_back(roots_.number(e.id));
        for (auto id : d.figure_parties) numbers.push_back(roots_.number(id));
        std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        for (auto r : numbers) df[r].fetch_add(1, std::memory_order_relaxed);
      }
    });
    for (std::uint32_t r = 0; r < df.size(); ++r) df_[r] = df[r].load(std::memory_order_relaxed);
  }

  // A profile with its keys not yet numbered.
  struct Draft {
    std::string id;
    std::int32_t day = kUndated;
    StoryKey main_pair;    // the two parties of the main amount, or none
    StoryKey main_amount;  // its weak amount key, or none
    std::vector<StoryKey> strong;
    std::vector<DraftWeak> weak;
  };

  Draft profile(const StoryDoc& doc) const {
    Draft p;
    if (doc.day) p.day = static_cast<std::int32_t>(*doc.day);
    std::vector<Bucket> buckets;
    buckets.reserve(doc.amounts.size());
    for (const auto& a : doc.amounts) buckets.push_back(bucket(a, roots_));
    if (!buckets.empty()) {
      p.main_amount = {StoryKey::kAmount, buckets.front().amount};
      if (auto [x, y] = main_pair(buckets.front().parties, roots_text_); y != kNoId) p.main_pair = {StoryKey::kPair, x, y};
      strong_keys(buckets, p.strong);
    }
    weak_keys(doc, buckets, p.weak);
    return p;
  }

 private:
  bool common(std::uint32_t root) const {
    return n_ >= 4 && double(df_[root]) > t_.common_entity_share * double(n_);
  }
  // In party order (the weights' order): a sorted set.
  std::vector<std::uint32_t> rare_parties(const Bucket& b) const {
    std::vector<std::uint32_t> out;
    for (const auto& [e, w] : b.parties)
      if (!common(e)) out.push_back(e);
    return out;
  }

  // The two heaviest parties of an amount, in id order; the second is
  // kNoId with fewer. Ties go to the smaller id, as in by_weight.
  template <class Text>
  static std::pair<std::uint32_t, std::uint32_t> main_pair(const Weights& parties, const Text& text) {
    const Weights::value_type *first = nullptr, *second = nullptr;
    for (const auto& p : parties) {
      if (!first || heavier(p, *first, text)) {
        second = first;
        first = &p;
      } else if (!second || heavier(p, *second, text)) {
        second = &p;
      }
    }
    if (!second) return {kNoId, kNoId};
    if (text(second->first) < text(first->first)) return {second->first, first->first};
    return {first->first, second->first};
  }

  // rule: main-pair — the two heaviest parties of the main amount, as the
  // text names them: outlets telling one deal name its sides alike, whatever
  // amount each gives.
  // rule: main-deal — the same two parties, canonical (aws is amazon), with
  // the main amount: two subsidiaries of the same groups make deals of their
  // own, so the groups alone do not make a story.
  // rule: claim — a rare party with the main amount, or with another amount
  // the document ties to the same rare parties (an earlier offer, a tranche).
  void strong_keys(const std::vector<Bucket>& buckets, std::vector<StoryKey>& keys) const {
    const Bucket& main = buckets.front();
    auto order = by_weight(main.parties, roots_text_, 2);
    if (auto [x, y] = main_pair(main.named, names_text_); y != kNoId) keys.push_back({StoryKey::kMainPair, x, y});
    if (auto [x, y] = main_pair(main.parties, roots_text_); y != kNoId) keys.push_back({StoryKey::kMainDeal, x, y, main.amount});
    // rule: main-topic — a main amount tied to one party only: that party's
    // claim of this kind, whatever the amount ("Mistral raises ...").
    if (order.size() == 1 && !common(order[0]) && main.mentioned)
      keys.push_back({StoryKey::kMainTopic, kind_class_number(main.top_kind), order[0]});
    auto main_rare = rare_parties(main);
    for (auto e : main_rare) keys.push_back({StoryKey::kClaim, e, main.amount});
    for (std::size_t k = 1; k < buckets.size() && k < kLeadingAmounts; ++k) {
      auto rare = rare_parties(buckets[k]);
      bool related = std::any_of(rare.begin(), rare.end(),
                                 [&](std::uint32_t e) { return std::binary_search(main_rare.begin(), main_rare.end(), e); });
      if (!related) continue;
      for (auto e : rare) keys.push_back({StoryKey::kClaim, e, buckets[k].amount});
    }
  }

  // rule: weak — the leading amounts, the rare parties of their figures and
  // the most mentioned rare names; scored when a lone document looks for its
  // story. What the document's own deal says weighs more than what it recalls:
  // the main amount over the others, a deal's party over the party of a
  // background figure (a fortune, a donation), a company over a person named
  // in passing (a critic, a politician appears in many stories). Left in no
  // order: they are sorted once numbered (Profiles::sort_weak).
  void weak_keys(const StoryDoc& doc, const std::vector<Bucket>& buckets, std::vector<DraftWeak>& weak) const {
    constexpr std::size_t kNames = 5;
    Weights parties;
    for (std::size_t k = 0; k < buckets.size() && k < kLeadingAmounts; ++k) {
      weak.push_back({{StoryKey::kAmount, buckets[k].amount}, halves(k == 0 ? 2.0 : 1.0), 0});
      double role = buckets[k].top_kind == Kind::Other ? 1 : 2;
      for (auto e : rare_parties(buckets[k])) {
        double& w = parties[e];
        w = std::max(w, role);
      }
    }
    const MentionedParties mentioned = mentioned_parties(doc);
    auto order = by_weight(mentioned.weights, roots_text_, kNames);
    for (std::size_t k = 0; k < order.size() && k < kNames; ++k)
      parties[order[k]] += (k == 0 ? 2.0 : 1.0) * (mentioned.person(order[k]) ? 0.5 : 1.0);
    for (const auto& [e, w] : parties) weak.push_back({{StoryKey::kParty, e}, halves(w), 1});
  }

  // The rare parties a document's entities name, by party number, with
  // their mentions summed; media and places left out. A party's type is
  // the one its first entity gives.
  struct MentionedParties {
    std::vector<Weights::value_type> weights;  // (party, mentions), by party
    std::vector<char> persons;                 // beside weights: the party is a person
    bool person(std::uint32_t party) const {
      auto at = std::lower_bound(weights.begin(), weights.end(), party,
                                 [](const Weights::value_type& e, std::uint32_t p) { return e.first < p; });
      return persons[static_cast<std::size_t>(at - weights.begin())];
    }
  };
  // Mention counts live on the entities: documents kept for the cross-check
  // drop their mention lists (pipeline.h, RunOptions::archive). The entities
  // are grouped by party with one sort, each group in document order.
  MentionedParties mentioned_parties(const StoryDoc& doc) const {
    struct Named {
      std::uint32_t party;
      std::uint32_t index;  // in the document: stable without stable_sort's buffer
      std::uint32_t mentions;
      EntityType type;
    };
    std::vector<Named> named;
    named.reserve(doc.entities.size());
    for (const auto& e : doc.entities)
      named.push_back({roots_.number(e.id), static_cast<std::uint32_t>(named.size()), e.mentions, e.type});
    std::sort(named.begin(), named.end(),
              [](const Named& x, const Named& y) { return x.party != y.party ? x.party < y.party : x.index < y.index; });
    MentionedParties out;
    for (std::size_t a = 0, b = 0; a < named.size(); a = b) {
      double sum = 0;
      bool any = false;
      for (b = a; b < named.size() && named[b].party == named[a].party; ++b)
        if (named[b].mentions) sum += double(named[b].mentions), any = true;
      const EntityType type = named[a].type;
      if (!any || type == EntityType::Media || type == EntityType::Place || common(named[a].party)) continue;
      out.weights.emplace_back(named[a].party, sum);
      out.persons.push_back(type == EntityType::Person);
    }
    return out;
  }

  const std::size_t n_;  // documents
  const Names& names_;
  const Roots& roots_;
  // A party's text: a root's, by its number, or a name's, by its id.
  struct RootText {
    const Roots& roots;
    std::string_view operator()(std::uint32_t r) const { return roots.numbered(r); }
  };
  struct NameText {
    const Names& names;
    std::string_view operator()(std::uint32_t id) const { return names.name(id); }
  };
  const RootText roots_text_{roots_};
  const NameText names_text_{names_};
  const Tunables& t_;
  std::vector<std::uint32_t> df_;  // root number -> documents naming it
};

// How long one deal's coverage lasts, per key: the same two companies with
// the same amount over a year (an offer, then the closing); the same two
// companies with another amount a season (outlets that disagree, a revised
// price), after which a new amount is a new deal; one company a few weeks,
// since a busy company has a deal of every round amount.
constexpr long kDealSpan = 365;
constexpr long kPairSpan = 90;
constexpr long kOnePartySpan = 30;

long key_span(const StoryKey& key) {
  if (key.rule == StoryKey::kMainDeal) return kDealSpan;
  if (key.rule == StoryKey::kMainPair) return kPairSpan;
  return kOnePartySpan;
}
bool two_company_key(long span) { return span != kOnePartySpan; }

// The text a key stands for, as the pieces it is made of: keys are ordered
// by it. No key's text is ever built whole: an archive's repeated keys'
// texts took ~40 bytes a key at once, the peak of a 1 GB run.
PieceText key_text(const StoryKey& k, const Names& names, const Roots& roots) {
  auto root = [&](std::uint32_t r) -> std::string_view { return roots.numbered(r); };
  auto name = [&](std::uint32_t id) -> std::string_view { return names.name(id); };
  auto text = [](auto... pieces) { return PieceText{{std::string_view(pieces)...}, sizeof...(pieces)}; };
  switch (k.rule) {
    case StoryKey::kMainPair: return text("main-pair:", name(k.a), "|", name(k.b));
    case StoryKey::kMainDeal: return text("main-deal:", root(k.a), "|", root(k.b), "|", name(k.c));
    case StoryKey::kMainTopic: return text("main-topic:", kind_class(static_cast<Kind>(k.a)), "|", root(k.b));
    case StoryKey::kClaim: return text("claim:", root(k.a), "|", name(k.b));
    case StoryKey::kAmount: return text("amount:", name(k.a));
    case StoryKey::kParty: return text("party:", root(k.a));
    case StoryKey::kPair: return text(root(k.a), "|", root(k.b));
    case StoryKey::kNone: break;
  }
  return {};
}

// Every key of the profiles, renumbered in the order of their texts
// (whatever order threads interned them in, joins and merges run in key
// order); the table can go then. Returns each key's span; `rank` (old
// number -> new) is for the stashed weak keys. Sorted on up to `threads` threads.
std::vector<std::uint16_t> sort_keys(const RepeatedKeys& table, const Names& names, const Roots& roots,
                                     Profiles& profiles, std::vector<std::uint32_t>& rank, unsigned threads) {
  const std::size_t n = table.size();
  auto key = [&](std::uint32_t id) { return StoryKey::from_bytes(table.key(id)); };
  // Each key's first sixteen bytes, decoded once: most comparisons end
  // there ("main-pair:" and the like take ten), the rest decode both keys'
  // pieces. 16 bytes a key while sorting, where the texts built whole took
  // ~40 (the peak of a 1 GB run).
  std::vector<std::array<std::uint64_t, 2>> head(n);
  for (std::uint32_t id = 0; id < n; ++id) {
    const PieceText text = key_text(key(id), names, roots);
    head[id] = {text.bytes_at(0), text.bytes_at(8)};
  }
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  parallel_sort(
      order.begin(), order.end(),
      [&](auto a, auto b) {
        if (head[a] != head[b]) return head[a] < head[b];
        return key_text(key(a), names, roots) < key_text(key(b), names, roots);
      },
      threads);
  rank.assign(n, 0);
  std::vector<std::uint16_t> spans(n);
  for (std::uint32_t r = 0; r < n; ++r) {
    rank[order[r]] = r;
    spans[r] = static_cast<std::uint16_t>(key_span(key(order[r])));
  }
  profiles.each_key([&](std::uint32_t& k) { k = rank[k]; });
  return spans;
}

// Undated documents last; ties by source id, so no order depends on the input.
bool earlier(const Profile& a, const Profile& b) {
  if (a.dated() != b.dated()) return a.dated();
  if (a.day != b.day) return a.day < b.day;
  return a.order < b.order;
}

// A key joins the documents published within `span` days of the first
// document of their run (a deal's coverage; a later run is another deal).
// One-company keys join only stories that do not lead with different
// two-company deals. Undated documents join the key's documents when they
// form one run; with several, an undated one cannot tell which deal it tells.
void join_on_key(std::span<const std::uint32_t> carriers, const Profiles& profiles, long span, bool pair_key,
                 UnionFind& uf) {
  std::vector<std::uint32_t> docs(carriers.begin(), carriers.end());
  std::sort(docs.begin(), docs.end(), [&](auto a, auto b) { return earlier(profiles[a], profiles[b]); });
  auto join = [&](std::uint32_t a, std::uint32_t b) {
    if (pair_key) uf.unite(a, b);
    else uf.unite_if_compatible(a, b);
  };
  std::size_t anchor = 0, runs = 1, j = 1;
  for (; j < docs.size() && profiles[docs[j]].dated(); ++j) {
    if (long(profiles[docs[j]].day) - long(profiles[docs[anchor]].day) > span) {
      anchor = j;
      ++runs;
    } else {
      join(docs[anchor], docs[j]);
    }
  }
  if (runs > 1) return;
  for (; j < docs.size(); ++j) join(docs[0], docs[j]);
}

// Keys are numbered in string order, so the joins run in one order.
void join_strong(const Profiles& profiles, std::span<const std::uint16_t> spans, const Tunables& t, UnionFind& uf) {
  const Postings index(spans.size(), profiles.size(), [&](std::size_t i, auto add) {
    for (auto k : profiles.strong(i)) add(k);
  });
  for (std::uint32_t i = 0; i < profiles.size(); ++i)
    if (profiles[i].main_pair != kNoId) uf.set_deal(i, profiles[i].main_pair);
  // Company pairs first: they define the deals the one-company keys must respect.
  for (bool pair_keys : {true, false})
    for (std::uint32_t k = 0; k < index.keys(); ++k) {
      const auto docs = index.of(k);
      if (docs.empty() || docs.size() > t.max_key_fanout) continue;  // too common to mean one deal
      if (two_company_key(spans[k]) == pair_keys) join_on_key(docs, profiles, spans[k], pair_keys, uf);
    }
}

// What a lone document shares with one candidate story.
struct Evidence {
  double score = 0;
  int parties = 0;      // rare parties in common
  bool amount = false;  // an amount in common
  bool date = false;    // published within a few days
  // Two names in common (a deal has two sides), and the same amount or the
  // same days: one shared name with a round amount, or a name in the same
  // week, happens between unrelated deals all the time in a large archive.
  bool enough() const { return parties >= 2 && (amount || date); }
};

// Lone documents (alone after the strong keys) find their story from weak
// evidence, in two rounds:
//   1. lone documents pair with each other when they share more with one
//      another than with any bigger story — several outlets telling a deal no
//      strong key caught form their own story instead of each joining the big
//      story that shares a passing name;
//   2. documents still alone join the bigger story they share most with.
// Each round decides from a snapshot and then applies every link, and ties
// go by source id, so the result does not depend on the input order. A key
// counts at the weight of the document that stands less behind it, scaled by
// its rarity (IDF); candidates come from at most kScan documents per key, the
// nearest in time, so the work stays linear.
class LonerLinker {
 public:
  // Each key's postings sorted on up to `threads` threads, a slice of keys each.
  LonerLinker(const Profiles& profiles, std::size_t keys, const Tunables& t, unsigned threads)
      : profiles_(profiles),
        t_(t),
        index_(keys, profiles.size(),
               [&](std::size_t i, auto add) {
                 for (const auto& k : profiles.weak(i)) add(k.key);
               }),
        idf_by_count_(std::min(t.max_key_fanout, profiles.size()) + 1, 0) {
    const double n = double(profiles.size());
    for (std::size_t c = 1; c < idf_by_count_.size(); ++c) idf_by_count_[c] = std::log(1 + n / double(c));
    const std::size_t slices = 4 * std::size_t(std::max(1u, threads)), n_keys = index_.keys();
    parallel_for(slices, threads, [&](std::size_t s) {
      for (std::size_t key = n_keys * s / slices; key < n_keys * (s + 1) / slices; ++key) {
        auto posts = index_.of(static_cast<std::uint32_t>(key));
        std::sort(posts.begin(), posts.end(), [&](std::uint32_t a, std::uint32_t b) { return earlier(a, b); });
      }
    });
  }

  void pair_loners(UnionFind& uf, unsigned threads) const {
    link_loners(uf, threads, [](const Snapshot& snap, const std::map<std::size_t, Evidence>& ev, const Best& best) {
      auto loner = best([&](std::size_t root) { return snap.size(root) == 1; });
      if (!loner) return loner;
      auto story = best([&](std::size_t root) { return snap.size(root) > 1; });
      if (story && ev.at(*story).score > ev.at(*loner).score) return std::optional<std::size_t>{};
      return loner;
    });
  }

  void attach_loners(UnionFind& uf, unsigned threads) const {
    link_loners(uf, threads, [](const Snapshot& snap, const std::map<std::size_t, Evidence>&, const Best& best) {
      return best([&](std::size_t root) { return snap.size(root) > 1; });
    });
  }

 private:
  // The stories as a round starts: every decision of the round reads this.
  // The union-find itself is read (it changes only once the round's links
  // are applied), so only each story's first member is kept on the side.
  struct Snapshot {
    const UnionFind& uf;
    std::vector<std::uint32_t> first;  // root -> its member with the smallest source id
    std::uint32_t root(std::size_t doc) const { return uf.root(static_cast<std::uint32_t>(doc)); }
    std::uint32_t size(std::size_t root) const { return uf.root_size(static_cast<std::uint32_t>(root)); }
  };
  using Best = std::function<std::optional<std::size_t>(const std::function<bool(std::size_t)>&)>;

  Snapshot snapshot(UnionFind& uf) const {
    const std::size_t n = profiles_.size();
    Snapshot s{uf, std::vector<std::uint32_t>(n)};
    std::iota(s.first.begin(), s.first.end(), 0);
    for (std::uint32_t j = 0; j < n; ++j) {
      std::uint32_t& f = s.first[uf.find(j)];  // find() shortens the paths root() walks
      if (profiles_[j].order < profiles_[f].order) f = j;
    }
    return s;
  }

  // One round: each document still alone picks its link from the snapshot
  // (in parallel), then every link is applied.
  template <class Choose>
  void link_loners(UnionFind& uf, unsigned threads, Choose choose) const {
    const Snapshot snap = snapshot(uf);
    std::vector<std::uint32_t> link(profiles_.size(), kNoId);
    parallel_for(profiles_.size(), threads, [&](std::size_t i) {
      if (snap.size(snap.root(i)) > 1) return;
      auto ev = evidence(i, snap);
      auto to = choose(snap, ev, [&](const std::function<bool(std::size_t)>& eligible) { return best(ev, snap, eligible); });
      if (to) link[i] = static_cast<std::uint32_t>(*to);
    });
    for (std::uint32_t i = 0; i < link.size(); ++i)
      if (link[i] != kNoId) uf.unite(i, link[i]);
  }

  static constexpr std::size_t kScan = 64;  // documents looked at per key
  static constexpr long kDateWindow = 3;    // days: published together
  static constexpr long kFarDays = 90;      // days: weak evidence this far apart is another deal
  static constexpr double kDateWeight = 2;

  // Undated documents last; ties by source id.
  bool earlier(std::size_t a, std::size_t b) const { return crosscheck::earlier(profiles_[a], profiles_[b]); }
  std::optional<long> days_between(std::size_t a, std::size_t b) const {
    const Profile &x = profiles_[a], &y = profiles_[b];
    if (!x.dated() || !y.dated()) return std::nullopt;
    return std::labs(long(x.day) - long(y.day));
  }
  // Both documents lead with a deal between two named parties, and the deals
  // differ in parties and amount: whatever else they share is background.
  bool rival_deals(std::size_t a, std::size_t b) const {
    const Profile &x = profiles_[a], &y = profiles_[b];
    return x.main_pair != kNoId && y.main_pair != kNoId && x.main_pair != y.main_pair &&
           x.main_amount != y.main_amount;
  }
  bool far_apart(std::size_t a, std::size_t b) const {
    auto g = days_between(a, b);
    return g && *g > kFarDays;
  }

  // At most kScan postings of a key: those nearest in time to document i.
  std::pair<std::size_t, std::size_t> window(std::span<const std::uint32_t> posts, std::size_t i) const {
    if (posts.size() <= kScan) return {0, posts.size()};
    auto at = std::lower_bound(posts.begin(), posts.end(), i,
                               [&](std::uint32_t p, std::size_t d) { return earlier(p, d); });
    std::size_t pos = static_cast<std::size_t>(at - posts.begin());
    std::size_t from = pos > kScan / 2 ? pos - kScan / 2 : 0;
    from = std::min(from, posts.size() - kScan);
    return {from, from + kScan};
  }

  // Story root -> what document i shares with the member it resembles most.
  // Comparing document to document, rather than pooling a story's keys,
  // keeps a big story that touches many topics from outscoring the one
  // document that tells the same deal. The scan window only finds the
  // candidates; what two documents share is then read from both profiles,
  // so a frequent key counts even when its window missed the other document.
  std::map<std::size_t, Evidence> evidence(std::size_t i, const Snapshot& snap) const {
    // Each candidate once, in the order met, not sorted: a story keeps the
    // best evidence (enough, then score) any member gives, which is all the
    // rounds read of it, so the order does not change the outcome.
    thread_local std::vector<std::uint32_t> candidates;
    thread_local std::vector<char> met;  // by document; unmarked again below
    if (met.size() < profiles_.size()) met.resize(profiles_.size(), 0);
    candidates.clear();
    for (const auto& k : profiles_.weak(i)) {
      const auto posts = index_.of(k.key);  // no key carried by too many (drop_unlinkable_weak)
      auto [from, to] = window(posts, i);
      for (std::size_t j = from; j < to; ++j)
        if (posts[j] != i && !met[posts[j]]) {
          met[posts[j]] = 1;
          candidates.push_back(posts[j]);
        }
    }
    for (auto j : candidates) met[j] = 0;
    std::map<std::size_t, Evidence> ev;
    for (auto j : candidates) {
      if (far_apart(i, j) || rival_deals(i, j)) continue;
      Evidence e = shared(i, j);
      auto [it, fresh] = ev.emplace(snap.root(j), e);
      if (!fresh && better(e, it->second)) it->second = e;
    }
    return ev;
  }

  // The keys two documents share, each at the weight of the document that
  // stands less behind it, scaled by its rarity (IDF); and their dates.
  Evidence shared(std::size_t i, std::size_t j) const {
    Evidence e;
    const auto a = profiles_.weak(i), b = profiles_.weak(j);
    for (std::size_t x = 0, y = 0; x < a.size() && y < b.size();) {
      if (a[x].key != b[y].key) {
        (a[x].key < b[y].key ? x : y) += 1;
        continue;
      }
      if (auto idf = this->idf(a[x].key); idf > 0) {
        e.score += double(std::min(a[x].weight(), b[y].weight())) * idf;
        if (a[x].party) ++e.parties;
        else e.amount = true;
      }
      ++x, ++y;
    }
    auto g = days_between(i, j);
    if (g && *g <= kDateWindow) {
      e.score += kDateWeight;
      e.date = true;
    }
    return e;
  }

  // Enough evidence first, then the higher score.
  static bool better(const Evidence& a, const Evidence& b) {
    if (a.enough() != b.enough()) return a.enough();
    return a.score > b.score;
  }

  // The story with the most evidence among those `eligible`; ties go to the
  // bigger story, then to the smallest source id.
  std::optional<std::size_t> best(const std::map<std::size_t, Evidence>& ev, const Snapshot& snap,
                                  const std::function<bool(std::size_t)>& eligible) const {
    std::optional<std::size_t> out;
    std::uint32_t out_id = 0;
    for (const auto& [root, e] : ev) {
      if (!e.enough() || !eligible(root)) continue;
      std::uint32_t id = profiles_[snap.first[root]].order;
      if (out) {
        const Evidence& b = ev.at(*out);
        if (e.score != b.score ? e.score < b.score
                               : snap.size(root) != snap.size(*out) ? snap.size(root) < snap.size(*out) : id > out_id)
          continue;
      }
      out = root;
      out_id = id;
    }
    return out;
  }

  const Profiles& profiles_;
  const Tunables& t_;
  Postings index_;  // key -> documents, earliest first
  // A key's rarity: log(1 + documents / documents carrying it), by how many
  // carry it (a table per count, not per key); a key on too many documents
  // is too common to mean one deal and weighs nothing.
  std::vector<double> idf_by_count_;
  double idf(std::uint32_t key) const {
    const std::size_t c = index_.of(key).size();
    return c < idf_by_count_.size() ? idf_by_count_[c] : 0;
  }
};

// A draft's keys as a record (its source id is ranked in the first pass).
template <class IO, class D>
void draft_fields(IO& io, D& d) {
  io(d.day), io(d.main_pair), io(d.main_amount), io(d.strong), io(d.weak);
}
template <class IO, class Drafts>
void drafts_fields(IO& io, Drafts& drafts) {
  io.list(drafts, [&](auto& d) { draft_fields(io, d); });
}

// A profile with its keys numbered, made from its draft.
struct Numbered {
  Profile profile;
  std::vector<std::uint32_t> strong;
  std::vector<WeakKey> weak;
};

// Document `doc`'s draft with its keys numbered; a key no other document
// carries is dropped, or made the document's own (kPrivate) for its main
// pair and amount. Safe on several threads at once.
Numbered number_draft(const Profiler::Draft& d, std::size_t doc, std::uint32_t order, RepeatedKeys& keys) {
  Numbered out;
  auto number = [&](const StoryKey& key) { return keys.number(key.bytes()); };
  auto own = [&](const StoryKey& key) {
    if (key.empty()) return kNoId;
    auto id = number(key);
    return id != kNoId ? id : kPrivate | static_cast<std::uint32_t>(doc);
  };
  out.profile.day = d.day;
  out.profile.order = order;
  out.profile.main_pair = own(d.main_pair);
  out.profile.main_amount = own(d.main_amount);
  for (const auto& key : d.strong)
    if (auto id = number(key); id != kNoId) out.strong.push_back(id);
  for (const auto& w : d.weak)
    if (auto id = number(w.key); id != kNoId) out.weak.push_back({id, w.halves, w.party});
  return out;
}

// Profiles every document once, a chunk of documents at a time on the pool,
// then reads the keys twice: the first pass finds the keys more than one
// document carries, the second numbers them. A key on one document joins
// nothing and shares nothing, and most keys are such (a claim of one
// article): it is never stored. Between the passes the drafts wait in a
// temporary file (in memory without one), as do the weak keys while the key
// strings are in memory; the source ids are ranked then, so they are never
// held alongside the profiles. What only the calling thread can do (count a
// chunk's keys and queue it, read the next chunk back, keep a numbered one)
// it does while the pool works on the chunk beside it, so the passes are not
// serial steps between the chunks.
Profiles profile_all(const StoryDocs& documents, const Names& names, const Roots& roots, const Tunables& t, RepeatedKeys& keys,
                     unsigned threads) {
  constexpr std::size_t kChunk = Profiles::kChunk;
  const std::size_t n = documents.size;
  RecordQueue kept("story grouping");  // each chunk's drafts, for the second pass
  std::vector<std::uint32_t> order;    // document -> rank of its source id
  {
    const Profiler profiler(documents, names, roots, t, threads);
    StringList ids;
    std::vector<Profiler::Draft> drafts, profiled;  // the chunk on the pool, the one before it
    auto count_and_queue = [&] {
      if (profiled.empty()) return;
      for (const auto& d : profiled) {
        ids.add(d.id);
        for (const auto& k : d.strong) keys.add(k.bytes());
        for (const auto& w : d.weak) keys.add(w.key.bytes());  // the main amount among them
        if (!d.main_pair.empty()) keys.add(d.main_pair.bytes());
      }
      kept.push(record::encode_record(profiled, [](auto& io, auto& v) { drafts_fields(io, v); }));
    };
    for (std::size_t from = 0; from < n; from += kChunk) {
      drafts.assign(std::min(kChunk, n - from), {});
      parallel_for(
          drafts.size(), threads,
          [&](std::size_t k) {
            StoryDoc doc = documents.get(from + k);
            drafts[k] = profiler.profile(doc);
            drafts[k].id = std::move(doc.id);
          },
          count_and_queue);
      drafts.swap(profiled);
    }
    count_and_queue();
    keys.seal();
    order = ids.ranks(threads);
  }
  release_free_memory();  // the key counts and the source ids
  kept.rewind();

  Profiles profiles;
  try {
    profiles.stash_weak(anonymous_temp_file("story grouping"));
  } catch (const std::runtime_error&) {
    // No temporary file: the weak keys stay in memory, which only costs memory.
  }
  auto read_back = [&] {
    return record::decode_record<std::vector<Profiler::Draft>>(kept.pop(),
                                                               [](auto& io, auto& v) { drafts_fields(io, v); });
  };
  std::vector<Profiler::Draft> drafts, next = n ? read_back() : std::vector<Profiler::Draft>{};
  std::vector<Numbered> numbered;
  for (std::size_t from = 0; from < n; from += kChunk) {
    drafts.swap(next);
    numbered.assign(drafts.size(), {});
    parallel_for(
        drafts.size(), threads,
        [&](std::size_t k) { numbered[k] = number_draft(drafts[k], from + k, order[from + k], keys); },
        [&] {
          if (from + kChunk < n) next = read_back();
        });
    profiles.add_chunk(numbered);
  }
  if (keys.size() > kMaxKeys) throw std::length_error("too many story keys to group the documents");
  return profiles;
}

}  // namespace

Stories group_stories(const StoryDocs& documents, const Names& names, const Parties& parties, const Tunables& t,
                      unsigned threads) {
  const std::size_t n = documents.size;
  UnionFind uf(n);
  {
    Profiles profiles;
    std::vector<std::uint16_t> spans;  // key -> how many days its deal lasts
    std::vector<std::uint32_t> rank;
    {
      const Roots roots(names, parties);
      RepeatedKeys keys;
      profiles = profile_all(documents, names, roots, t, keys, threads);
      spans = sort_keys(keys, names, roots, profiles, rank, threads);
    }
    release_free_memory();  // the key strings
    join_strong(profiles, spans, t, uf);
    profiles.drop_strong();
    profiles.restore_weak(rank);
    profiles.sort_weak();
    profiles.drop_unlinkable_weak(spans.size(), t.max_key_fanout);
    std::vector<std::uint32_t>().swap(rank);
    release_free_memory();  // the strong keys and their postings
    LonerLinker linker(profiles, spans.size(), t, threads);
    linker.pair_loners(uf, threads);
    linker.attach_loners(uf, threads);
  }  // the profiles and indexes go before the stories are built
  // Stories numbered by their first document, as the roots are met.
  std::vector<std::uint32_t> story(n, kNoId);  // root -> its story, then document -> its story
  std::uint32_t stories = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t& s = story[uf.find(i)];
    if (s == kNoId) s = stories++;
  }
  for (auto i = static_cast<std::uint32_t>(n); i-- > 0;) story[i] = story[uf.find(i)];  // a root is never after its documents
  return Stories(story, stories);
}

Stories::Stories(const std::vector<std::uint32_t>& story_of, std::size_t stories) {
  std::vector<std::uint32_t> size(stories, 0);
  for (auto s : story_of) ++size[s];
  std::vector<std::uint32_t> order(stories);  // biggest first, ties in story (first document) order
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return size[a] > size[b]; });
  std::vector<std::uint32_t> next(stories);  // story -> where its next document goes
  starts_.resize(stories + 1);
  for (std::size_t k = 0; k < stories; ++k) {
    next[order[k]] = starts_[k];
    starts_[k + 1] = starts_[k] + size[order[k]];
  }
  docs_.resize(story_of.size());
  for (std::uint32_t d = 0; d < story_of.size(); ++d) docs_[next[story_of[d]]++] = d;
}

}  // namespace dealscan::crosscheck

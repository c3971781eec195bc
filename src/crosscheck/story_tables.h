// The compact tables story grouping keeps for every document of an archive:
// 200,000 documents must fit in tens of megabytes, so none of them holds a
// heap block per document or per key.
//   UnionFind  documents -> stories, with the deals each story leads with
//   RepeatedKeys  story keys more than one document carries, numbered
//   Postings   key -> the documents carrying it, as one array
//   StringList strings back to back, ranked in string order
//   PieceText  a text as the pieces it is made of, ordered as the whole
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/worker_pool.h"

namespace dealscan::crosscheck {

inline constexpr std::uint32_t kNoId = UINT32_MAX;

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n), size_(n, 1), deal_(n, kNoId) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index becomes the root, so roots are stable across runs.
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    std::vector<std::uint32_t> more;
    if (auto it = more_.find(b); it != more_.end()) {
      more = std::move(it->second);
      more_.erase(it);
    }
    if (deal_[b] != kNoId) add_deal(a, deal_[b]);
    for (auto d : more) add_deal(a, d);
    deal_[b] = kNoId;
  }
  std::uint32_t size(std::uint32_t x) { return size_[find(x)]; }
  // Read-only forms, safe on several threads while nothing unites: root()
  // walks the path without shortening it; root_size() takes a root.
  std::uint32_t root(std::uint32_t x) const {
    while (parent_[x] != x) x = parent_[x];
    return x;
  }
  std::uint32_t root_size(std::uint32_t root) const { return size_[root]; }

  // The two-company deal document x leads with (a key id of its main pair).
  void set_deal(std::uint32_t x, std::uint32_t deal) { add_deal(find(x), deal); }
  // Two stories may merge unless each leads with its own two-company deals
  // and they share none: keys naming one company (an amount, a kind) would
  // otherwise chain every deal of a busy company into one story.
  bool compatible(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (deal_[a] == kNoId || deal_[b] == kNoId) return true;
    if (has_deal(b, deal_[a])) return true;
    auto it = more_.find(a);
    return it != more_.end() && std::any_of(it->second.begin(), it->second.end(), [&](auto d) { return has_deal(b, d); });
  }
  bool unite_if_compatible(std::uint32_t a, std::uint32_t b) {
    if (!compatible(a, b)) return false;
    unite(a, b);
    return true;
  }

 private:
  bool has_deal(std::uint32_t root, std::uint32_t d) const {
    if (deal_[root] == d) return true;
    auto it = more_.find(root);
    return it != more_.end() && std::find(it->second.begin(), it->second.end(), d) != it->second.end();
  }
  void add_deal(std::uint32_t root, std::uint32_t d) {
    if (has_deal(root, d)) return;
    if (deal_[root] == kNoId) deal_[root] = d;
    else more_[root].push_back(d);
  }

  std::vector<std::uint32_t> parent_, size_;
  // Per root, the main pairs its documents lead with: most stories lead with
  // one, so the first is inline and only the others go to a map.
  std::vector<std::uint32_t> deal_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> more_;
};

// A 64-bit hash of a short text (an entity id, a 16-byte story key), eight
// bytes a multiplication: std::hash's byte loop costs about three times as
// much on such texts. Its low and high bits are both mixed (tables take
// either). Not for untrusted input: no seed.
inline std::uint64_t text_hash(std::string_view s) {
  auto load8 = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  auto load4 = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return std::uint64_t(w);
  };
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
  };
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) h = mix(h, load8(p + i));
  if (i < n) {  // the last 1-7 bytes, read as whole words where the text allows
    std::uint64_t tail;
    if (n >= 8) tail = load8(p + n - 8);
    else if (n >= 4) tail = load4(p) | load4(p + n - 4) << 32;
    else tail = std::uint64_t(std::uint8_t(p[0])) | std::uint64_t(std::uint8_t(p[n / 2])) << 8 | std::uint64_t(std::uint8_t(p[n - 1])) << 16;
    h = mix(h, tail + 1);
  }
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

// RepeatedKeys' hash: story keys are 16-byte tuples of numbers, mixed by
// two multiplications at once; keys of any other length go to text_hash.
struct KeyHash {
  std::size_t operator()(std::string_view key) const {
    if (key.size() != 16) return static_cast<std::size_t>(text_hash(key));
    std::uint64_t a, b;
    std::memcpy(&a, key.data(), 8);
    std::memcpy(&b, key.data() + 8, 8);
    std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
};

// Story keys ("main-deal:amazon|openai|USD:1e+10") that more than one
// document carries, numbered without a table of strings: add() every key of
// every document, seal(), then number() each key again. A key added once
// gets kNoId: it joins nothing and is never stored, and most keys are such
// (a claim of one article). A repeated key gets its place among the
// repeated 64-bit hashes, and its string is kept once, back to back in
// blocks, for key(): about 35 bytes a key in all. Two strings sharing a hash
// are still told apart: the second one numbered is numbered past the hashes.
// number() may run on several threads at once: the pass that numbers every
// key of every document is spread over the pool like the one that made them.
template <class Hash = KeyHash>
class BasicRepeatedKeys {
 public:
  BasicRepeatedKeys() = default;
  BasicRepeatedKeys(const BasicRepeatedKeys&) = delete;
  BasicRepeatedKeys& operator=(const BasicRepeatedKeys&) = delete;
  void add(std::string_view key) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::uint64_t k = tag(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = (k >> 2) & mask;; s = (s + 1) & mask) {
      if (slots_[s] == 0) {
        slots_[s] = k;
        ++used_;
        return;
      }
      if ((slots_[s] | kTwice) == (k | kTwice)) {
        slots_[s] |= kTwice;
        return;
      }
    }
  }
  // Adding is over: keeps only the repeated hashes.
  void seal() {
    for (auto v : slots_)
      if (v & kTwice) repeated_.push_back(v & ~kTwice);
    std::vector<std::uint64_t>().swap(slots_);
    std::sort(repeated_.begin(), repeated_.end());
    index_buckets();
    at_ = std::make_unique<std::atomic<std::uint32_t>[]>(repeated_.size());
    for (std::size_t id = 0; id < repeated_.size(); ++id) at_[id].store(kNoId, std::memory_order_relaxed);
    // Never moved once strings are stored, so that number() reads a block
    // while another thread stores (addresses only: untouched, it costs no memory).
    blocks_.reserve(kMaxBlocks);
  }
  // After seal(): the key's number, or kNoId for a key added once. Safe on
  // several threads at once; only the first numbering of each repeated key,
  // and keys sharing a hash, take the lock.
  std::uint32_t number(std::string_view key) {
    const std::uint64_t t = tag(key);
    const std::size_t b = bucket(t);
    const auto last = repeated_.begin() + bucket_at_[b + 1];
    const auto it = std::lower_bound(repeated_.begin() + bucket_at_[b], last, t);
    if (it == last || *it != t) return kNoId;
    const auto id = static_cast<std::uint32_t>(it - repeated_.begin());
    const std::uint32_t place = at_[id].load(std::memory_order_acquire);
    if (place != kNoId && stored(place) == key) return id;
    std::lock_guard lock(mutex_);
    if (at_[id].load(std::memory_order_relaxed) == kNoId) at_[id].store(store(key), std::memory_order_release);
    if (stored(at_[id].load(std::memory_order_relaxed)) == key) return id;
    auto [c, fresh] = collided_.try_emplace(std::string(key), static_cast<std::uint32_t>(size()));
    if (fresh) collided_keys_.push_back(&c->first);
    return c->second;
  }
  // Once numbering is over.
  std::size_t size() const { return repeated_.size() + collided_keys_.size(); }
  // A numbered key's string ("" for a number never handed out), once
  // numbering is over.
  std::string_view key(std::uint32_t id) const {
    if (id >= repeated_.size()) return *collided_keys_[id - repeated_.size()];
    const std::uint32_t place = at_[id].load(std::memory_order_relaxed);
    return place == kNoId ? std::string_view() : stored(place);
  }

 private:
  static constexpr std::uint64_t kUsed = 1, kTwice = 2;  // the two low bits of a slot
  static constexpr std::size_t kBlock = 64 * 1024;     // a string's place: block << 16 | offset
  static constexpr std::size_t kMaxBlocks = std::size_t(1) << 16;
  static std::uint64_t tag(std::string_view key) { return (Hash{}(key) & ~std::uint64_t(3)) | kUsed; }
  // The repeated tags by their top bits, about four a bucket: number()
  // searches one bucket, not all of them (under 2 bytes a repeated key).
  void index_buckets() {
    bucket_bits_ = static_cast<int>(std::bit_width(repeated_.size() / 4));
    bucket_at_.assign((std::size_t(1) << bucket_bits_) + 1, 0);
    for (auto t : repeated_) ++bucket_at_[bucket(t) + 1];
    std::partial_sum(bucket_at_.begin(), bucket_at_.end(), bucket_at_.begin());
  }
  std::size_t bucket(std::uint64_t t) const { return bucket_bits_ ? static_cast<std::size_t>(t >> (64 - bucket_bits_)) : 0; }
  void grow() {
    std::vector<std::uint64_t> slots(std::max<std::size_t>(1024, 2 * slots_.size()), 0);
    const std::size_t mask = slots.size() - 1;
    for (auto v : slots_) {
      if (v == 0) continue;
      std::size_t s = (v >> 2) & mask;
      while (slots[s] != 0) s = (s + 1) & mask;
      slots[s] = v;
    }
    slots_.swap(slots);
  }
  // Stores the string as its length (7 bits a byte) then its bytes; a string
  // longer than a block gets a block of its own.
  std::uint32_t store(std::string_view key) {
    unsigned char len[10];
    std::size_t n = 0;
    std::size_t v = key.size();
    do {
      len[n++] = static_cast<unsigned char>((v & 127) | (v > 127 ? 128 : 0));
      v >>= 7;
    } while (v);
    const std::size_t need = n + key.size();
    if (blocks_.empty() || block_size_ - fill_ < need) {
      if (blocks_.size() == kMaxBlocks) throw std::length_error("story keys exceed 4 GB");
      block_size_ = std::max(kBlock, need);
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      fill_ = 0;
    }
    char* at = blocks_.back().get() + fill_;
    std::memcpy(at, len, n);
    if (!key.empty()) std::memcpy(at + n, key.data(), key.size());  // an empty view may have no data
    const auto place = static_cast<std::uint32_t>((blocks_.size() - 1) << 16 | fill_);
    fill_ += need;
    return place;
  }
  std::string_view stored(std::uint32_t place) const {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(blocks_[place >> 16].get()) + (place & 0xffff);
    std::size_t len = 0;
    for (int shift = 0;; shift += 7) {
      len |= std::size_t(*p & 127) << shift;
      if (!(*p++ & 128)) break;
    }
    return {reinterpret_cast<const char*>(p), len};
  }

  std::vector<std::uint64_t> slots_;  // while adding: 0 free, else tag | kTwice when seen again
  std::size_t used_ = 0;
  std::vector<std::uint64_t> repeated_;  // after seal(): tags seen twice, sorted
  int bucket_bits_ = 0;
  std::vector<std::uint32_t> bucket_at_{0, 0};  // bucket -> where its tags start in repeated_
  // id -> where its string is stored, kNoId until numbered; set once, under mutex_.
  std::unique_ptr<std::atomic<std::uint32_t>[]> at_;
  std::mutex mutex_;  // guards what follows while numbering
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_size_ = 0, fill_ = 0;  // the last block's
  std::map<std::string, std::uint32_t, std::less<>> collided_;  // strings whose hash an earlier one took
  std::vector<const std::string*> collided_keys_;               // id - repeated_.size() -> string
};
using RepeatedKeys = BasicRepeatedKeys<>;

// Key -> the documents carrying it, in document order, as one array: a
// vector per key would cost a heap block per key.
class Postings {
 public:
  // each_key(i, f) calls f(key) for every key of document i.
  template <class EachKey>
  Postings(std::size_t keys, std::size_t docs, EachKey each_key) : at_(keys + 1, 0) {
    for (std::size_t i = 0; i < docs; ++i) each_key(i, [&](std::uint32_t k) { ++at_[k + 1]; });
    std::partial_sum(at_.begin(), at_.end(), at_.begin());
    docs_.resize(at_.back());
    std::vector<std::uint32_t> next(at_.begin(), at_.end() - 1);
    for (std::size_t i = 0; i < docs; ++i)
      each_key(i, [&](std::uint32_t k) { docs_[next[k]++] = static_cast<std::uint32_t>(i); });
  }
  std::size_t keys() const { return at_.size() - 1; }
  std::span<std::uint32_t> of(std::uint32_t key) { return {docs_.data() + at_[key], at_[key + 1] - at_[key]}; }
  std::span<const std::uint32_t> of(std::uint32_t key) const {
    return {docs_.data() + at_[key], at_[key + 1] - at_[key]};
  }

 private:
  std::vector<std::uint32_t> at_;    // key -> where its documents start in docs_
  std::vector<std::uint32_t> docs_;
};

// Strings back to back in one buffer, to be ranked: 4 bytes a string beyond
// its bytes, where a hash table of strings costs ~35. Up to 4 GB in all.
class StringList {
 public:
  void add(std::string_view s) {
    if (bytes_.size() + s.size() > UINT32_MAX) throw std::length_error("more than 4 GB of source ids");
    bytes_.append(s);
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()));
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    const std::uint32_t from = i ? ends_[i - 1] : 0;
    return {bytes_.data() + from, ends_[i] - from};
  }
  // Each string's position in string order; equal strings, equal ranks.
  // Sorted on up to `threads` threads.
  std::vector<std::uint32_t> ranks(unsigned threads = 1) const {
    std::vector<std::uint32_t> order(size());
    std::iota(order.begin(), order.end(), 0);
    parallel_sort(order.begin(), order.end(), [&](auto a, auto b) { return (*this)[a] < (*this)[b]; }, threads);
    std::vector<std::uint32_t> rank(size());
    for (std::size_t r = 0; r < order.size(); ++r)
      rank[order[r]] = r > 0 && (*this)[order[r]] == (*this)[order[r - 1]] ? rank[order[r - 1]] : std::uint32_t(r);
    return rank;
  }

 private:
  std::string bytes_;
  std::vector<std::uint32_t> ends_;  // where each string ends in bytes_
};

// A text as up to six pieces back to back, ordered as the text built whole
// would be (std::string_view's order: bytes unsigned, a prefix first), so
// that many texts can be sorted without building any.
struct PieceText {
  std::array<std::string_view, 6> pieces;
  std::size_t size = 0;
  friend bool operator<(const PieceText& a, const PieceText& b) {
    std::size_t i = 0, j = 0, x = 0, y = 0;  // the piece of each and the place in it
    for (;;) {
      while (i < a.size && x == a.pieces[i].size()) ++i, x = 0;
      while (j < b.size && y == b.pieces[j].size()) ++j, y = 0;
      if (j == b.size) return false;
      if (i == a.size) return true;
      const std::size_t n = std::min(a.pieces[i].size() - x, b.pieces[j].size() - y);
      if (const int c = std::memcmp(a.pieces[i].data() + x, b.pieces[j].data() + y, n)) return c < 0;
      x += n, y += n;
    }
  }
  // Eight bytes of the text from offset `from`, as a number that orders as
  // they do (zeros past the end): two texts whose first 8k bytes differ are
  // ordered by these numbers, taken in turn.
  std::uint64_t bytes_at(std::size_t from) const {
    std::uint64_t v = 0;
    int filled = 0;
    for (std::size_t i = 0; i < size && filled < 8; ++i) {
      std::string_view p = pieces[i];
      if (from >= p.size()) {
        from -= p.size();
        continue;
      }
      for (p.remove_prefix(from), from = 0; !p.empty() && filled < 8; p.remove_prefix(1), ++filled)
        v = v << 8 | static_cast<unsigned char>(p.front());
    }
    return filled == 0 ? 0 : v << (8 * (8 - filled));
  }
};

}  // namespace dealscan::crosscheck

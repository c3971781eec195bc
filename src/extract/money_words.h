// A small table of lexicon words for the money matcher's lookups, asked
// for most candidate tokens: open addressing in a power-of-two array, the
// hash kept beside each word, so a word that is not there (the common
// answer) costs its hash and one probe, and a word that is there one
// string compare. Built once per extractor; never shrinks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/money_tokens.h"

namespace dealscan::money {

// Hash: StringHash, or any function of the word's bytes (PhraseTable keys
// its words by the digest it has already asked).
template <class V, class Hash = StringHash>
class WordTable {
 public:
  // The value of w, or null.
  const V* find(std::string_view w) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = Hash{}(w);
    for (std::size_t k = h & mask_;; k = (k + 1) & mask_) {
      const Slot& s = slots_[k];
      if (!s.used) return nullptr;
      if (s.hash == h && s.key == w) return &s.value;
    }
  }
  bool contains(std::string_view w) const { return find(w) != nullptr; }
  // Adds w with v unless w is there already (as unordered_map::emplace);
  // returns w's value either way.
  V& emplace(std::string_view w, V v) {
    if (V* old = find_mutable(w)) return *old;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    ++count_;
    return place(Hash{}(w), std::string(w), std::move(v));
  }
  // w's value, added as V{} when w is not there.
  V& operator[](std::string_view w) { return emplace(w, V{}); }
  // Calls f(word, value) for every word, in no set order.
  template <class F>
  void for_each(F f) const {
    for (const Slot& s : slots_)
      if (s.used) f(std::string_view(s.key), s.value);
  }
  // The same, with each value to change (PhraseTable places its groups).
  template <class F>
  void for_each_mutable(F f) {
    for (Slot& s : slots_)
      if (s.used) f(std::string_view(s.key), s.value);
  }
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string key;
    V value{};
  };
  V* find_mutable(std::string_view w) { return const_cast<V*>(std::as_const(*this).find(w)); }
  V& place(std::uint64_t h, std::string key, V v) {
    std::size_t k = h & mask_;
    while (slots_[k].used) k = (k + 1) & mask_;
    Slot& s = slots_[k];
    s.hash = h;
    s.used = true;
    s.key = std::move(key);
    s.value = std::move(v);
    return s.value;
  }
  // Doubles the array (at most half full: misses end at an empty slot soon).
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& s : old)
      if (s.used) place(s.hash, std::move(s.key), std::move(s.value));
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace dealscan::money

#include "extract/money_phrases.h"

#include <algorithm>
#include <utility>

namespace dealscan::money {

void PhraseTable::add_list(const std::vector<LexEntry>& entries, std::string_view key, std::string_view value) {
  for (const auto& e : entries) {
    if (!key.empty() && e.attr(key) != value) continue;
    for (const auto& form : e.forms) {
      Tokens toks;
      tokenize(form, toks);
      if (toks.list.empty()) continue;
      added_.push_back(Phrase{static_cast<std::uint32_t>(words_.size()), static_cast<std::uint16_t>(toks.list.size()),
                              kNoNeighbour, &e});
      for (const auto& t : toks.list) words_.emplace_back(t.low);
    }
  }
  index();
}

void PhraseTable::index() {
  // Each word's phrases, longest first, laid out one group after another
  // (the words in the order first met, the phrases of one length in the
  // order added).
  auto group_by = [&](auto word_of, auto neighbour_of, WordTable<Group, DigestHash>& groups, std::vector<Phrase>& list,
                      std::bitset<4096>& digests) {
    groups = {};
    digests.reset();
    std::vector<std::uint32_t> group_of;  // per phrase added: its word's place among the words first met
    std::vector<std::uint32_t> begins;    // per word: how many phrases, then where its group begins
    for (const Phrase& p : added_) {
      Group& g = groups.emplace(word_of(p), Group{static_cast<std::uint32_t>(begins.size()), 0});
      if (g.begin == begins.size()) begins.push_back(0);
      group_of.push_back(g.begin);
      ++begins[g.begin];
    }
    std::uint32_t at = 0;
    for (auto& b : begins) at += std::exchange(b, at);
    list.assign(added_.size(), Phrase{});
    for (std::size_t j = 0; j < added_.size(); ++j) {
      Phrase& p = list[begins[group_of[j]]++] = added_[j];
      if (p.size > 1) p.neighbour = static_cast<std::uint16_t>(digest(neighbour_of(p)));
    }
    // begins[n] is now where group n ends.
    groups.for_each_mutable([&](std::string_view w, Group& g) {
      const std::uint32_t n = g.begin;
      g.begin = n == 0 ? 0 : begins[n - 1];
      g.end = begins[n];
      // Longest first, by insertion (stable; a group is a few phrases).
      for (std::uint32_t j = g.begin + 1; j < g.end; ++j)
        for (std::uint32_t k = j; k > g.begin && list[k - 1].size < list[k].size; --k) std::swap(list[k - 1], list[k]);
      digests.set(digest(w));
    });
  };
  group_by([&](const Phrase& p) -> const std::string& { return words_[p.word]; },
           [&](const Phrase& p) -> const std::string& { return words_[p.word + 1]; }, by_first_, by_first_list_,
           first_digests_);
  group_by([&](const Phrase& p) -> const std::string& { return words_[p.word + p.size - 1]; },
           [&](const Phrase& p) -> const std::string& { return words_[p.word + p.size - 2]; }, by_last_,
           by_last_list_, last_digests_);
}

std::optional<PhraseHit> PhraseTable::match_at_listed(const std::vector<Token>& toks, std::size_t i) const {
  const Group* g = by_first_.find(toks[i].low);
  if (!g) return std::nullopt;
  // Read only for a group with longer phrases (they come first).
  const bool longer = by_first_list_[g->begin].size > 1;
  const std::size_t next = longer && i + 1 < toks.size() ? digest(toks[i + 1].low) : kNoNeighbour;
  for (std::uint32_t j = g->begin; j < g->end; ++j) {
    const Phrase& p = by_first_list_[j];
    if (p.size > 1 && (p.neighbour != next || i + p.size > toks.size())) continue;
    const std::string* w = words_.data() + p.word;
    std::size_t k = 1;
    while (k < p.size && toks[i + k].low == w[k]) ++k;
    if (k == p.size) return PhraseHit{i, i + p.size, p.entry};
  }
  return std::nullopt;
}

std::optional<PhraseHit> PhraseTable::match_before_listed(const std::vector<Token>& toks, std::size_t end) const {
  const Group* g = by_last_.find(toks[end - 1].low);
  if (!g) return std::nullopt;
  const bool longer = by_last_list_[g->begin].size > 1;
  const std::size_t before = longer && end >= 2 ? digest(toks[end - 2].low) : kNoNeighbour;
  for (std::uint32_t j = g->begin; j < g->end; ++j) {
    const Phrase& p = by_last_list_[j];
    if (p.size > 1 && (p.neighbour != before || p.size > end)) continue;
    const std::size_t first = end - p.size;
    const std::string* w = words_.data() + p.word;
    std::size_t k = 0;
    while (k + 1 < p.size && toks[first + k].low == w[k]) ++k;
    if (k + 1 == p.size) return PhraseHit{first, end, p.entry};
  }
  return std::nullopt;
}

const LexEntry* PhraseTable::word(std::string_view w) const {
  if (!first_digests_.test(digest(w))) return nullptr;
  const Group* g = by_first_.find(w);
  if (!g) return nullptr;
  // The one-word phrases come last in their group, in the order added.
  for (std::uint32_t j = g->begin; j < g->end; ++j)
    if (by_first_list_[j].size == 1) return by_first_list_[j].entry;
  return nullptr;
}

PhraseTable::Start PhraseTable::start_of(std::string_view w) const {
  if (!first_digests_.test(digest(w))) return Start::None;
  const Group* g = by_first_.find(w);
  if (!g) return Start::None;
  return by_first_list_[g->end - 1].size == 1 ? Start::Alone : Start::Longer;
}

}  // namespace dealscan::money

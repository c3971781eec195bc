// Overlap resolution: the drafts that share no token with another are kept
// as they are; only the few that do (a descriptive reference over a name, a
// rule's name over a gazetteer's) are ranked and kept greedily.
#include "extract/entity_overlaps.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>

namespace dealscan::entity {
namespace {

// The rank order of resolve_overlaps packed into one number when every part
// fits: longer first (the length's complement), then the lower priority,
// then the earlier; the draft's index in the low bits. Sorting numbers costs
// one compare and an eight-byte move per step.
constexpr int kIndexBits = 20, kFirstBits = 24, kPriorityBits = 3, kLengthBits = 17;
constexpr std::uint64_t kIndexMask = (std::uint64_t{1} << kIndexBits) - 1;

// Fills order with the drafts' indices in rank order from packed ranks, or
// returns false when a part does not fit or two drafts tie on every part
// but the index (then std::sort's order of equal ranks decides, as it always
// has, and the caller sorts the full ranks).
bool rank_packed(const std::vector<Draft>& drafts, std::vector<std::uint32_t>& order) {
  thread_local std::vector<std::uint64_t> keys;
  if (drafts.size() > kIndexMask) return false;
  keys.resize(drafts.size());
  constexpr std::uint64_t kMaxLength = (std::uint64_t{1} << kLengthBits) - 1;
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    const std::uint64_t length = d.last - d.first;
    if (d.first >> kFirstBits || length > kMaxLength || static_cast<unsigned>(d.priority) >> kPriorityBits) return false;
    keys[k] = (kMaxLength - length) << (kIndexBits + kFirstBits + kPriorityBits) |
              static_cast<std::uint64_t>(d.priority) << (kIndexBits + kFirstBits) | std::uint64_t{d.first} << kIndexBits | k;
  }
  std::sort(keys.begin(), keys.end());
  order.resize(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (k > 0 && keys[k] >> kIndexBits == keys[k - 1] >> kIndexBits) return false;  // a tie
    order[k] = static_cast<std::uint32_t>(keys[k] & kIndexMask);
  }
  return true;
}

// The drafts' indices in rank order, sorting the full ranks: std::sort
// takes the same steps on the same comparison results as when it sorted
// the drafts, so ties come out as they always have.
void rank_full(const std::vector<Draft>& drafts, std::vector<std::uint32_t>& order) {
  struct Ranked {
    std::size_t length, first;
    int priority;
    std::uint32_t index;
  };
  thread_local std::vector<Ranked> ranked;
  ranked.resize(drafts.size());
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    ranked[k] = {d.last - d.first, d.first, d.priority, static_cast<std::uint32_t>(k)};
  }
  // Longer first, then the lower priority, then the earlier.
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.first < b.first;
  });
  order.resize(ranked.size());
  for (std::size_t k = 0; k < ranked.size(); ++k) order[k] = ranked[k].index;
}

// Keeps drafts in the rank order given, each unless one of its tokens
// (below end) is taken by one kept before; appends their indices to kept.
void keep_in_rank_order(const std::vector<Draft>& drafts, const std::vector<std::uint32_t>& order, std::size_t end,
                        std::vector<std::uint32_t>& kept) {
  thread_local std::vector<char> taken;
  taken.assign(end, 0);
  for (const auto k : order) {
    const Draft& d = drafts[k];
    const auto from = taken.begin() + static_cast<std::ptrdiff_t>(d.first);
    const auto to = taken.begin() + static_cast<std::ptrdiff_t>(d.last);
    if (std::find(from, to, 1) != to) continue;
    std::fill(from, to, 1);
    kept.push_back(k);
  }
}

// The kept drafts (indices in index order, sharing no token, so no two
// start at the same one) sorted by first: sorted by (first, index) packed,
// the order is the one sorting by first gave. The drafts themselves when
// all are kept in order already.
std::vector<Draft> by_position(std::vector<Draft>& drafts, const std::vector<std::uint32_t>& kept) {
  thread_local std::vector<std::uint64_t> keys;
  keys.resize(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) keys[k] = std::uint64_t{drafts[kept[k]].first} << 32 | kept[k];
  const bool in_order = std::is_sorted(keys.begin(), keys.end());
  if (in_order && kept.size() == drafts.size()) return std::move(drafts);
  if (!in_order) std::sort(keys.begin(), keys.end());
  std::vector<Draft> out;
  out.reserve(keys.size());
  for (const auto key : keys) out.push_back(drafts[key & 0xFFFFFFFFu]);
  return out;
}

std::size_t end_of(const std::vector<Draft>& drafts) {
  std::size_t end = 0;
  for (const auto& d : drafts) end = std::max(end, d.last);
  return end;
}

bool covers_tokens(const std::vector<Draft>& drafts) {
  return std::all_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.first < d.last; });
}

// Every draft ranked: for an empty draft (no token, interval bookkeeping)
// and for ties, where std::sort's order of equal ranks over all the drafts
// decides, as it always has.
std::vector<Draft> resolve_ranked(std::vector<Draft> drafts) {
  thread_local std::vector<std::uint32_t> order;
  thread_local std::vector<std::uint32_t> kept;
  if (!rank_packed(drafts, order)) rank_full(drafts, order);
  kept.clear();
  if (covers_tokens(drafts)) {
    keep_in_rank_order(drafts, order, end_of(drafts), kept);
    std::sort(kept.begin(), kept.end());
    return by_position(drafts, kept);
  }
  std::map<std::size_t, std::size_t> taken;  // first -> last of kept drafts
  for (const auto k : order) {
    const Draft& d = drafts[k];
    auto it = taken.lower_bound(d.first);
    bool clash = (it != taken.end() && it->first < d.last) || (it != taken.begin() && std::prev(it)->second > d.first);
    if (clash) continue;
    taken.emplace(d.first, d.last);
    kept.push_back(k);
  }
  std::sort(kept.begin(), kept.end(), [&](std::uint32_t x, std::uint32_t y) { return drafts[x].first < drafts[y].first; });
  std::vector<Draft> out;
  out.reserve(kept.size());
  for (auto k : kept) out.push_back(drafts[k]);
  return out;
}

// Marks in keep the drafts (all covering tokens below end) that share no
// token with another: an overlap only decides between the drafts it joins,
// so those are kept whatever the others' ranks.
void mark_alone(const std::vector<Draft>& drafts, std::size_t end, std::vector<char>& keep) {
  thread_local std::vector<std::uint8_t> cover;  // per token: 0, 1 or 2+ drafts
  cover.assign(end, 0);
  for (const auto& d : drafts)
    for (std::size_t k = d.first; k < d.last; ++k) cover[k] = cover[k] ? 2 : 1;
  keep.resize(drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const auto from = cover.begin() + static_cast<std::ptrdiff_t>(drafts[i].first);
    const auto to = cover.begin() + static_cast<std::ptrdiff_t>(drafts[i].last);
    keep[i] = std::find(from, to, 2) == to;
  }
}

// Ranks the drafts not marked in keep among themselves and marks those
// kept; false on a tie (the caller ranks every draft, as it always has).
bool keep_contested(const std::vector<Draft>& drafts, std::size_t end, std::vector<char>& keep) {
  thread_local std::vector<Draft> contested;
  thread_local std::vector<std::uint32_t> at;  // contested[k] is drafts[at[k]]
  thread_local std::vector<std::uint32_t> order;
  thread_local std::vector<std::uint32_t> kept;
  contested.clear();
  at.clear();
  for (std::size_t i = 0; i < drafts.size(); ++i)
    if (!keep[i]) {
      contested.push_back(drafts[i]);
      at.push_back(static_cast<std::uint32_t>(i));
    }
  if (contested.empty()) return true;
  // Without ties the ranks are a strict order, the same over any subset;
  // a draft whose parts do not fit is ranked in full by the caller too.
  if (!rank_packed(contested, order)) return false;
  kept.clear();
  keep_in_rank_order(contested, order, end, kept);
  for (const auto k : kept) keep[at[k]] = 1;
  return true;
}

// The drafts in position order when none shares a token with another and
// each covers one (most documents: the matchers skip covered tokens), or
// false. Then every draft is kept and ranking decides nothing: the result
// is the position order, as by_position gives it; the drafts themselves
// when already in it (the second pass, over resolved names).
bool disjoint_in_position_order(std::vector<Draft>& drafts) {
  auto disjoint_sorted = [](const Draft* d, std::size_t n, auto at) {
    for (std::size_t k = 0; k < n; ++k) {
      const Draft& x = d[at(k)];
      if (x.first >= x.last || (k > 0 && x.first < d[at(k - 1)].last)) return false;
    }
    return true;
  };
  const std::size_t n = drafts.size();
  if (disjoint_sorted(drafts.data(), n, [](std::size_t k) { return k; })) return true;
  // Matchers run one after another, so their drafts come as a few sorted
  // runs: sort (first, index) keys, then check and copy in that order.
  if (std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.first >> 32; })) return false;
  thread_local std::vector<std::uint64_t> keys;
  keys.resize(n);
  for (std::size_t k = 0; k < n; ++k) keys[k] = std::uint64_t{drafts[k].first} << 32 | k;
  std::sort(keys.begin(), keys.end());
  auto at = [&](std::size_t k) { return static_cast<std::size_t>(keys[k] & 0xFFFFFFFFu); };
  if (!disjoint_sorted(drafts.data(), n, at)) return false;
  std::vector<Draft> out;
  out.reserve(n);
  for (std::size_t k = 0; k < n; ++k) out.push_back(drafts[at(k)]);
  drafts = std::move(out);
  return true;
}

}  // namespace

std::vector<Draft> resolve_overlaps(std::vector<Draft> drafts) {
  if (disjoint_in_position_order(drafts)) return drafts;
  if (!covers_tokens(drafts)) return resolve_ranked(std::move(drafts));
  thread_local std::vector<char> keep;
  thread_local std::vector<std::uint32_t> kept;
  const std::size_t end = end_of(drafts);
  mark_alone(drafts, end, keep);
  if (!keep_contested(drafts, end, keep)) return resolve_ranked(std::move(drafts));
  kept.clear();
  for (std::size_t i = 0; i < drafts.size(); ++i)
    if (keep[i]) kept.push_back(static_cast<std::uint32_t>(i));
  return by_position(drafts, kept);
}

}  // namespace dealscan::entity

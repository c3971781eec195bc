// Strings numbered in order of first sight, for the claim rules: most claims
// and stories have a handful of distinct sources or parties, which are
// scanned in a fixed array (no heap block: a FirstSeen is made per claim
// side and per conflict); a vector and hash table are built only past
// kScanned, so a claim told by thousands of sources stays linear.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dealscan::crosscheck {

class FirstSeen {
 public:
  // The string's number, and whether it is new. The string must outlive this.
  std::pair<std::size_t, bool> add(std::string_view s) {
    if (index_.empty()) {
      const auto few = scanned();
      auto at = std::find(few.begin(), few.end(), s);
      if (at != few.end()) return {std::size_t(at - few.begin()), false};
      if (count_ < kScanned) {
        few_[count_] = s;
        return {count_++, true};
      }
      spill();
    }
    auto [p, fresh] = index_.emplace(s, seen_.size());
    if (fresh) seen_.push_back(s);
    return {p->second, fresh};
  }
  bool contains(std::string_view s) const {
    if (!index_.empty()) return index_.count(s) > 0;
    const auto few = scanned();
    return std::find(few.begin(), few.end(), s) != few.end();
  }
  // The distinct strings, by number.
  std::span<const std::string_view> strings() const {
    return index_.empty() ? scanned() : std::span<const std::string_view>(seen_);
  }

 private:
  static constexpr std::size_t kScanned = 16;

  std::span<const std::string_view> scanned() const { return {few_.data(), count_}; }
  // The scanned array is full: its strings move to the vector and the table.
  void spill() {
    seen_.assign(few_.begin(), few_.end());
    for (std::size_t i = 0; i < seen_.size(); ++i) index_.emplace(seen_[i], i);
  }

  std::array<std::string_view, kScanned> few_;
  std::size_t count_ = 0;               // strings in few_, until the spill
  std::vector<std::string_view> seen_;  // every string, after the spill
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace dealscan::crosscheck

// Strings numbered in order of first sight, for the claim rules: most claims
// and stories have a handful of distinct sources or parties, which are
// scanned; a hash table is built only past kScanned, so a claim told by
// thousands of sources stays linear.
#pragma once

#include <algorithm>
#include <cstddef>
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
      auto at = std::find(seen_.begin(), seen_.end(), s);
      if (at != seen_.end()) return {std::size_t(at - seen_.begin()), false};
      seen_.push_back(s);
      if (seen_.size() > kScanned)
        for (std::size_t i = 0; i < seen_.size(); ++i) index_.emplace(seen_[i], i);
      return {seen_.size() - 1, true};
    }
    auto [p, fresh] = index_.emplace(s, seen_.size());
    if (fresh) seen_.push_back(s);
    return {p->second, fresh};
  }
  bool contains(std::string_view s) const {
    return index_.empty() ? std::find(seen_.begin(), seen_.end(), s) != seen_.end() : index_.count(s) > 0;
  }
  // The distinct strings, by number.
  const std::vector<std::string_view>& strings() const { return seen_; }

 private:
  static constexpr std::size_t kScanned = 16;
  std::vector<std::string_view> seen_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace dealscan::crosscheck

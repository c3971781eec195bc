// Amounts by currency and value, so "which items might state the same
// amount as v" is a range query instead of a scan over every item.
//
// Most indexes (one story's amounts, one party's clusters) hold a handful of
// values in one or two currencies: those sit in flat arrays that are scanned,
// with no tree node or map key per item. A currency's values move to a
// sorted tree only past kScanned, so a story stating thousands of distinct
// amounts stays logarithmic. Visiting order is unspecified: callers pick
// their winner by a total order of their own.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dealscan::crosscheck {

class AmountIndex {
 public:
  // Where an item sits, so it can be forgotten.
  struct Slot {
    std::uint32_t currency = kOdd;  // kOdd: among the odd values
    double value = 0;
    std::size_t id = 0;
  };

  Slot add(std::string_view currency, double value, std::size_t id) {
    if (!indexable(value)) {
      odd_.push_back(id);
      return Slot{kOdd, value, id};
    }
    const std::uint32_t c = currency_number(currency);
    shelves_[c].second.add(value, id);
    return Slot{c, value, id};
  }

  // Forgets an item, so items that stop counting (merged away) are not
  // visited again by later queries.
  void remove(const Slot& slot) {
    if (slot.currency == kOdd) {
      auto at = std::find(odd_.begin(), odd_.end(), slot.id);
      if (at != odd_.end()) odd_.erase(at);
    } else {
      shelves_[slot.currency].second.remove(slot.value, slot.id);
    }
  }

  // Calls visit(id) for every item of the currency whose value is within
  // the relative gap reach of v (a superset: callers test the real relation),
  // and for every item with a value <= 0 or not finite, whatever its currency.
  template <class Visit>
  void near(std::string_view currency, double v, double reach, Visit visit) const {
    for (auto id : odd_) visit(id);
    const Shelf* shelf = find(currency);
    if (!shelf) return;
    if (!indexable(v) || reach >= 1) return shelf->all(visit);
    // |v - w| <= reach * max(v, w)  <=>  v (1 - reach) <= w <= v / (1 - reach);
    // the slack keeps floating-point rounding on the safe side.
    shelf->between(widen_low(v * (1 - reach)), widen_high(v / (1 - reach)), visit);
  }

  // Calls visit(id) for every item of the currency with lo <= value <= hi
  // (widened a little so floating-point rounding stays on the safe side).
  template <class Visit>
  void between(std::string_view currency, double lo, double hi, Visit visit) const {
    if (const Shelf* shelf = find(currency)) shelf->between(widen_low(lo), widen_high(hi), visit);
  }

 private:
  static constexpr std::uint32_t kOdd = UINT32_MAX;
  static constexpr std::size_t kScanned = 32;

  static bool indexable(double v) { return v > 0 && std::isfinite(v); }
  static double widen_low(double lo) { return lo * (1 - 1e-9); }
  static double widen_high(double hi) { return hi * (1 + 1e-9); }

  // One currency's values: a flat array while short, a tree after.
  class Shelf {
   public:
    void add(double value, std::size_t id) {
      if (tree_.empty() && few_.size() < kScanned) {
        few_.emplace_back(value, id);
        return;
      }
      if (tree_.empty()) {
        tree_.insert(few_.begin(), few_.end());
        std::vector<std::pair<double, std::size_t>>().swap(few_);
      }
      tree_.emplace(value, id);
    }
    void remove(double value, std::size_t id) {
      if (tree_.empty()) {
        auto at = std::find(few_.begin(), few_.end(), std::pair(value, id));
        if (at != few_.end()) few_.erase(at);
        return;
      }
      auto [from, to] = tree_.equal_range(value);
      for (auto p = from; p != to; ++p)
        if (p->second == id) return void(tree_.erase(p));
    }
    template <class Visit>
    void all(Visit& visit) const {
      for (const auto& [w, id] : few_) visit(id);
      for (const auto& [w, id] : tree_) visit(id);
    }
    template <class Visit>
    void between(double lo, double hi, Visit& visit) const {
      for (const auto& [w, id] : few_)
        if (w >= lo && w <= hi) visit(id);
      for (auto p = tree_.lower_bound(lo); p != tree_.end() && p->first <= hi; ++p) visit(p->second);
    }

   private:
    std::vector<std::pair<double, std::size_t>> few_;
    std::multimap<double, std::size_t> tree_;
  };

  std::uint32_t currency_number(std::string_view currency) {
    for (std::uint32_t c = 0; c < shelves_.size(); ++c)
      if (shelves_[c].first == currency) return c;
    shelves_.emplace_back(std::string(currency), Shelf{});
    return static_cast<std::uint32_t>(shelves_.size() - 1);
  }
  const Shelf* find(std::string_view currency) const {
    for (const auto& [name, shelf] : shelves_)
      if (name == currency) return &shelf;
    return nullptr;
  }

  // By currency, scanned: a story names few currencies.
  std::vector<std::pair<std::string, Shelf>> shelves_;
  std::vector<std::size_t> odd_;
};

}  // namespace dealscan::crosscheck

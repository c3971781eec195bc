// Amounts by currency and value, so "which items might state the same
// amount as v" is a range query instead of a scan over every item.
#pragma once

#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace dealscan::crosscheck {

class AmountIndex {
 public:
  using Values = std::multimap<double, std::size_t>;
  // Where an item sits, so it can be forgotten in constant time.
  struct Slot {
    Values* values = nullptr;  // null: among the odd values
    Values::iterator at;
    std::size_t id = 0;
  };

  Slot add(const std::string& currency, double value, std::size_t id) {
    if (!indexable(value)) {
      odd_.insert(id);
      return Slot{nullptr, {}, id};
    }
    auto& values = by_currency_[currency];
    return Slot{&values, values.emplace(value, id), id};
  }

  // Forgets an item, so items that stop counting (merged away) are not
  // visited again by later queries.
  void remove(const Slot& slot) {
    if (slot.values) slot.values->erase(slot.at);
    else odd_.erase(slot.id);
  }

  // Calls visit(id) for every item of the currency whose value is within
  // the relative gap reach of v (a superset: callers test the real relation),
  // and for every item with a value <= 0 or not finite, whatever its currency.
  template <class Visit>
  void near(const std::string& currency, double v, double reach, Visit visit) const {
    for (auto id : odd_) visit(id);
    auto it = by_currency_.find(currency);
    if (it == by_currency_.end()) return;
    const auto& values = it->second;
    if (!indexable(v) || reach >= 1) {
      for (const auto& [w, id] : values) visit(id);
      return;
    }
    // |v - w| <= reach * max(v, w)  <=>  v (1 - reach) <= w <= v / (1 - reach);
    // the slack keeps floating-point rounding on the safe side.
    between(currency, v * (1 - reach), v / (1 - reach), visit);
  }

  // Calls visit(id) for every item of the currency with lo <= value <= hi
  // (widened a little so floating-point rounding stays on the safe side), and
  // for every item with a value <= 0 or not finite.
  template <class Visit>
  void between(const std::string& currency, double lo, double hi, Visit visit) const {
    auto it = by_currency_.find(currency);
    if (it == by_currency_.end()) return;
    const auto& values = it->second;
    for (auto p = values.lower_bound(lo * (1 - 1e-9)); p != values.end() && p->first <= hi * (1 + 1e-9); ++p)
      visit(p->second);
  }

 private:
  static bool indexable(double v) { return v > 0 && std::isfinite(v); }

  std::map<std::string, Values, std::less<>> by_currency_;
  std::set<std::size_t> odd_;
};

}  // namespace dealscan::crosscheck

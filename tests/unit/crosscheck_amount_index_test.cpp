// AmountIndex answers range queries the same way whether a currency's values
// are still in its short scanned array or have moved to its tree.
#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <set>
#include <vector>

#include "crosscheck/amount_index.h"

namespace dealscan::crosscheck {
namespace {

std::set<std::size_t> between(const AmountIndex& index, const char* currency, double lo, double hi) {
  std::set<std::size_t> out;
  index.between(currency, lo, hi, [&](std::size_t id) { EXPECT_TRUE(out.insert(id).second) << id; });
  return out;
}

std::set<std::size_t> near(const AmountIndex& index, const char* currency, double v, double reach) {
  std::set<std::size_t> out;
  index.near(currency, v, reach, [&](std::size_t id) { EXPECT_TRUE(out.insert(id).second) << id; });
  return out;
}

TEST(AmountIndex, FindsValuesOfOneCurrencyInARange) {
  AmountIndex index;
  index.add("EUR", 10e9, 0);
  index.add("USD", 10e9, 1);
  index.add("EUR", 12e9, 2);
  index.add("EUR", 500e6, 3);
  EXPECT_EQ(between(index, "EUR", 9e9, 12e9), (std::set<std::size_t>{0, 2}));
  EXPECT_EQ(between(index, "USD", 9e9, 12e9), (std::set<std::size_t>{1}));
  EXPECT_EQ(between(index, "GBP", 0, 1e12), (std::set<std::size_t>{}));
  // An exact value is a zero-width range.
  EXPECT_EQ(between(index, "EUR", 500e6, 500e6), (std::set<std::size_t>{3}));
}

TEST(AmountIndex, NearVisitsOddValuesOfAnyCurrency) {
  AmountIndex index;
  index.add("EUR", 100, 0);
  index.add("USD", 0, 1);
  index.add("EUR", std::numeric_limits<double>::quiet_NaN(), 2);
  index.add("EUR", 104, 3);
  index.add("EUR", 200, 4);
  EXPECT_EQ(near(index, "EUR", 101, 0.06), (std::set<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(near(index, "CHF", 101, 0.06), (std::set<std::size_t>{1, 2}));
  // A query value that is not positive and finite reaches every value of its currency.
  EXPECT_EQ(near(index, "EUR", -5, 0.06), (std::set<std::size_t>{0, 1, 2, 3, 4}));
  // Odd values are not in any currency's ranges.
  EXPECT_EQ(between(index, "USD", -1, 1), (std::set<std::size_t>{}));
}

TEST(AmountIndex, RemovedItemsAreNotVisited) {
  AmountIndex index;
  const auto a = index.add("EUR", 7e6, 0);
  index.add("EUR", 7e6, 1);
  const auto odd = index.add("EUR", 0, 2);
  index.remove(a);
  index.remove(odd);
  EXPECT_EQ(near(index, "EUR", 7e6, 0.01), (std::set<std::size_t>{1}));
}

// Past the scanned array the same queries, with the same duplicates and
// removals, give the same answers as a plain scan.
TEST(AmountIndex, ManyValuesAnswerAsAScanWould) {
  AmountIndex index;
  std::vector<double> values;
  std::vector<AmountIndex::Slot> slots;
  for (std::size_t i = 0; i < 300; ++i) {
    values.push_back(1e6 * double(1 + (i * 37) % 101));  // every value several times
    slots.push_back(index.add("EUR", values.back(), i));
  }
  std::vector<bool> gone(values.size());
  for (std::size_t i = 0; i < values.size(); i += 3) {
    index.remove(slots[i]);
    gone[i] = true;
  }
  for (double lo : {1e6, 20e6, 55.5e6, 100e6}) {
    const double hi = lo * 1.3;
    std::set<std::size_t> scan;
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!gone[i] && values[i] >= lo && values[i] <= hi) scan.insert(i);
    EXPECT_EQ(between(index, "EUR", lo, hi), scan) << lo;
  }
}

}  // namespace
}  // namespace dealscan::crosscheck

// Cross-check conflicts list every source once, on its side, whether a claim
// has a few sources (scanned) or many (hashed past a threshold).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "dealscan/crosscheck.h"

namespace dealscan {
namespace {

Figure figure(const std::string& source, int n, double value, std::optional<double> period) {
  Figure f;
  f.source = source;
  f.id = source + "#f" + std::to_string(n);
  f.kind = Kind::Contract;
  f.subject = "leonardo";
  f.counterparty = "fincantieri";
  f.money.value = value;
  f.money.currency = "EUR";
  f.money.period_years = period;
  f.text = period ? "2 miliardi in cinque anni" : "2 miliardi";
  return f;
}

// `outlets` sources give the amount without a period; the first half give
// it again with the period: they are not silent about the period.
std::vector<DocumentResult> period_given_by_half(int outlets) {
  std::vector<DocumentResult> docs;
  for (int i = 0; i < outlets; ++i) {
    DocumentResult d;
    d.source.id = "testata" + std::to_string(i);
    d.figures.push_back(figure(d.source.id, 1, 2e9, std::nullopt));
    if (2 * i < outlets) d.figures.push_back(figure(d.source.id, 2, 2e9, 5.0));
    docs.push_back(std::move(d));
  }
  return docs;
}

void expect_each_source_once_on_its_side(int outlets) {
  auto cc = cross_check(period_given_by_half(outlets), Lexicon{});
  ASSERT_EQ(cc.conflicts.size(), 1u) << outlets;
  const Conflict& c = cc.conflicts.front();
  EXPECT_EQ(c.field, "period");
  ASSERT_EQ(c.values.size(), std::size_t(outlets)) << c.message;
  EXPECT_EQ(c.values.front().source, "testata0");
  EXPECT_EQ(c.values.front().item, "testata0#f2");
  std::map<std::string, int> seen;
  for (const auto& v : c.values) ++seen[v.source];
  for (const auto& [source, n] : seen) EXPECT_EQ(n, 1) << source;
  for (int i = 0; i < outlets; ++i)
    EXPECT_EQ(c.values[i].item, "testata" + std::to_string(i) + (2 * i < outlets ? "#f2" : "#f1")) << i;
  EXPECT_EQ(c.message.rfind("period: period given by one side only: testata0 \"2 miliardi in cinque anni\", testata1", 0),
            0u)
      << c.message;
}

TEST(CrossCheckSources, FewSourcesListedOnceEach) { expect_each_source_once_on_its_side(5); }

TEST(CrossCheckSources, ManySourcesListedOnceEach) { expect_each_source_once_on_its_side(40); }

}  // namespace
}  // namespace dealscan

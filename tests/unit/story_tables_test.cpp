// The compact tables of story grouping: interned keys keep their ids and
// bytes across growth and threads, postings list documents in order, and the
// union-find keeps the deals each story leads with through merges.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "crosscheck/story_tables.h"

namespace dealscan::crosscheck {
namespace {

TEST(KeyTable, SameKeySameIdAcrossGrowth) {
  KeyTable t;
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(t.intern("claim:impresa-" + std::to_string(i) + "|EUR:1e+09"));
  EXPECT_EQ(t.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "claim:impresa-" + std::to_string(i) + "|EUR:1e+09";
    EXPECT_EQ(t.intern(key), ids[i]);
    EXPECT_EQ(t.key(ids[i]), key);  // bytes survive the table growing
  }
  EXPECT_EQ(t.size(), 5000u);
}

TEST(KeyTable, KeysLongerThanABlockAndEmptyKeys) {
  KeyTable t;
  const std::string huge(200 * 1024, 'x');
  auto a = t.intern("party:eni"), b = t.intern(huge), c = t.intern(""), d = t.intern("party:enel");
  EXPECT_EQ(t.key(a), "party:eni");
  EXPECT_EQ(t.key(b), huge);
  EXPECT_EQ(t.key(c), "");
  EXPECT_EQ(t.key(d), "party:enel");
  EXPECT_EQ(t.intern(""), c);
  EXPECT_EQ(t.size(), 4u);
}

TEST(KeyTable, ThreadsInterningTheSameKeysAgree) {
  KeyTable t;
  std::vector<std::vector<std::uint32_t>> seen(4);
  std::vector<std::thread> pool;
  for (int k = 0; k < 4; ++k)
    pool.emplace_back([&, k] {
      for (int i = 0; i < 2000; ++i) seen[k].push_back(t.intern("amount:USD:" + std::to_string(i)));
    });
  for (auto& th : pool) th.join();
  EXPECT_EQ(t.size(), 2000u);
  for (int k = 1; k < 4; ++k) EXPECT_EQ(seen[k], seen[0]);
}

TEST(RepeatedKeys, OnlyKeysAddedTwiceAreRepeated) {
  RepeatedKeys r;
  for (int i = 0; i < 3000; ++i) r.add("claim:impresa-" + std::to_string(i));  // past several growths
  for (int i = 0; i < 3000; i += 3) r.add("claim:impresa-" + std::to_string(i));
  r.add("party:eni");
  r.add("party:eni");
  r.add("party:eni");
  r.seal();
  int repeated = 0;
  for (int i = 0; i < 3000; ++i) repeated += r.repeated("claim:impresa-" + std::to_string(i));
  EXPECT_EQ(repeated, 1000);
  EXPECT_TRUE(r.repeated("claim:impresa-3"));
  EXPECT_FALSE(r.repeated("claim:impresa-4"));
  EXPECT_TRUE(r.repeated("party:eni"));
  EXPECT_FALSE(r.repeated("party:enel"));  // never added
}

TEST(StringList, RanksInStringOrderWithTiesShared) {
  StringList ids;
  for (const char* id : {"sole-24-ore-2", "ansa-10", "", "ansa-2", "ansa-10", "Zeta"}) ids.add(id);
  ASSERT_EQ(ids.size(), 6u);
  EXPECT_EQ(ids[0], "sole-24-ore-2");
  EXPECT_EQ(ids[2], "");
  EXPECT_EQ(ids[5], "Zeta");
  // "" < "Zeta" < "ansa-10" = "ansa-10" < "ansa-2" < "sole-24-ore-2" (bytes, not numbers)
  EXPECT_EQ(ids.ranks(), (std::vector<std::uint32_t>{5, 2, 0, 4, 2, 1}));
  EXPECT_TRUE(StringList().ranks().empty());
}

TEST(Postings, DocumentsPerKeyInDocumentOrder) {
  // document -> its keys
  const std::vector<std::vector<std::uint32_t>> keys{{2, 0}, {}, {0}, {2, 1, 0}};
  Postings p(4, keys.size(), [&](std::size_t i, auto add) {
    for (auto k : keys[i]) add(k);
  });
  EXPECT_EQ(std::vector<std::uint32_t>(p.of(0).begin(), p.of(0).end()), (std::vector<std::uint32_t>{0, 2, 3}));
  EXPECT_EQ(std::vector<std::uint32_t>(p.of(1).begin(), p.of(1).end()), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(std::vector<std::uint32_t>(p.of(2).begin(), p.of(2).end()), (std::vector<std::uint32_t>{0, 3}));
  EXPECT_TRUE(p.of(3).empty());
  EXPECT_EQ(p.keys(), 4u);
}

TEST(UnionFind, StoriesLeadingWithDifferentDealsStayApart) {
  UnionFind uf(6);
  uf.set_deal(0, 10);
  uf.set_deal(1, 20);
  uf.set_deal(2, 10);
  EXPECT_FALSE(uf.unite_if_compatible(0, 1));  // two deals, nothing shared
  EXPECT_TRUE(uf.unite_if_compatible(0, 2));   // the same deal
  EXPECT_TRUE(uf.unite_if_compatible(3, 1));   // no deal of its own: joins anything
  EXPECT_EQ(uf.size(1), 2u);
  EXPECT_NE(uf.find(0), uf.find(1));
  // A pair key merges unconditionally; the story then leads with both deals
  // and is compatible with either.
  uf.unite(0, 1);
  uf.set_deal(4, 20);
  uf.set_deal(5, 30);
  EXPECT_TRUE(uf.compatible(2, 4));
  EXPECT_FALSE(uf.compatible(2, 5));
  EXPECT_EQ(uf.find(3), 0u);  // the smallest index is the root
  EXPECT_EQ(uf.size(3), 4u);
}

}  // namespace
}  // namespace dealscan::crosscheck

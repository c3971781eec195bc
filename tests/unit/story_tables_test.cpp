// The compact tables of story grouping: repeated keys get one number each
// and keep their bytes, even when hashes collide; postings list documents in
// order, source ids rank in byte order, and the
// union-find keeps the deals each story leads with through merges; texts in
// pieces order as the texts built whole.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/story_tables.h"

namespace dealscan::crosscheck {
namespace {

TEST(RepeatedKeys, OnlyKeysAddedTwiceAreNumbered) {
  RepeatedKeys r;
  auto claim = [](int i) { return "claim:impresa-" + std::to_string(i) + "|EUR:1e+09"; };
  for (int i = 0; i < 3000; ++i) r.add(claim(i));  // past several growths
  for (int i = 0; i < 3000; i += 3) r.add(claim(i));
  for (int k = 0; k < 3; ++k) r.add("party:eni");
  r.seal();
  EXPECT_EQ(r.size(), 1001u);
  std::set<std::uint32_t> ids;
  for (int i = 0; i < 3000; ++i) {
    const auto id = r.number(claim(i));
    if (i % 3) {
      EXPECT_EQ(id, kNoId) << i;
      continue;
    }
    ASSERT_LT(id, r.size());
    EXPECT_EQ(r.number(claim(i)), id);  // the same key, the same number
    EXPECT_EQ(r.key(id), claim(i));
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 1000u);  // one number per key
  EXPECT_NE(r.number("party:eni"), kNoId);
  EXPECT_EQ(r.number("party:enel"), kNoId);  // never added
}

// Story keys are 16 bytes (four numbers), hashed by KeyHash's own mix and
// found through the buckets of their tags' top bits.
TEST(RepeatedKeys, SixteenByteKeysFoundThroughTheirBuckets) {
  auto key = [](std::uint32_t rule, std::uint32_t a, std::uint32_t b) {
    const std::uint32_t words[4] = {rule, a, b, 0};
    return std::string(reinterpret_cast<const char*>(words), sizeof words);
  };
  for (int n : {0, 1, 3, 4, 7, 50, 20000}) {
    RepeatedKeys r;
    for (int i = 0; i < n; ++i) r.add(key(4, std::uint32_t(i), 7));
    for (int i = 0; i < n; i += 2) r.add(key(4, std::uint32_t(i), 7));
    r.seal();
    std::set<std::uint32_t> ids;
    for (int i = 0; i < n; ++i) {
      const auto id = r.number(key(4, std::uint32_t(i), 7));
      if (i % 2) {
        EXPECT_EQ(id, kNoId) << n << " " << i;
        continue;
      }
      ASSERT_LT(id, r.size()) << n << " " << i;
      EXPECT_EQ(r.key(id), key(4, std::uint32_t(i), 7));
      ids.insert(id);
    }
    EXPECT_EQ(ids.size(), std::size_t(n + 1) / 2) << n;
    EXPECT_EQ(r.number(key(4, 7, std::uint32_t(n))), kNoId) << n;  // never added
  }
  // Keys one bit apart hash apart.
  EXPECT_NE(KeyHash{}(key(1, 2, 3)), KeyHash{}(key(1, 2, 2)));
  EXPECT_NE(KeyHash{}(key(1, 2, 3)), KeyHash{}(key(1, 3, 3)));
}

// text_hash reads every byte of texts of every length: one byte changed
// anywhere changes the hash.
TEST(TextHash, EveryByteCounts) {
  for (std::size_t len = 1; len <= 40; ++len) {
    std::string text(len, 'q');
    const std::uint64_t h = text_hash(text);
    for (std::size_t at = 0; at < len; ++at) {
      std::string other = text;
      other[at] = 'r';
      EXPECT_NE(text_hash(other), h) << len << " " << at;
    }
    EXPECT_NE(text_hash(text.substr(0, len - 1)), h) << len;
  }
}

TEST(RepeatedKeys, KeysLongerThanABlockAndEmptyKeys) {
  RepeatedKeys r;
  const std::string huge(200 * 1024, 'x'), long_len(300, 'y');  // 300 needs two length bytes
  for (int k = 0; k < 2; ++k)
    for (const auto& key : {std::string("party:eni"), huge, std::string(), long_len, std::string("party:enel")}) r.add(key);
  r.seal();
  const auto a = r.number("party:eni"), b = r.number(huge), c = r.number(""), d = r.number(long_len),
             e = r.number("party:enel");
  EXPECT_EQ(r.key(a), "party:eni");
  EXPECT_EQ(r.key(b), huge);
  EXPECT_EQ(r.key(c), "");
  EXPECT_EQ(r.key(d), long_len);
  EXPECT_EQ(r.key(e), "party:enel");  // stored after the huge block, in a block of its own
  EXPECT_EQ(std::set<std::uint32_t>({a, b, c, d, e}).size(), 5u);
}

// A hash with two values: every key collides with half of the others.
struct TwoValueHash {
  std::size_t operator()(std::string_view s) const { return (s.size() % 2) << 8; }
};

TEST(RepeatedKeys, KeysSharingAHashAreStillToldApart) {
  BasicRepeatedKeys<TwoValueHash> r;
  const std::vector<std::string> keys{"party:eni", "party:a2a", "party:enel"};  // odd, odd, even length
  for (const auto& k : keys) r.add(k);
  r.add("party:eni");  // the only key really added twice; its hash makes "party:a2a" look repeated too
  r.seal();
  EXPECT_EQ(r.number("party:enel"), kNoId);  // a hash added once
  const auto eni = r.number("party:eni"), a2a = r.number("party:a2a");
  ASSERT_NE(eni, kNoId);
  ASSERT_NE(a2a, kNoId);
  EXPECT_NE(eni, a2a);
  EXPECT_EQ(r.number("party:a2a"), a2a);
  EXPECT_EQ(r.number("party:eni"), eni);
  EXPECT_EQ(r.key(eni), "party:eni");
  EXPECT_EQ(r.key(a2a), "party:a2a");
  EXPECT_EQ(r.size(), 2u);
}

// Four threads number the same keys at once, each in its own order, as the
// grouping's second pass does on the pool: every key gets one number, its
// bytes kept, and keys sharing a hash still get numbers of their own.
TEST(RepeatedKeys, NumberedOnSeveralThreadsAtOnce) {
  BasicRepeatedKeys<TwoValueHash> colliding;
  RepeatedKeys plain;
  std::vector<std::string> keys;
  for (int i = 0; i < 400; ++i) keys.push_back("claim:impresa-" + std::to_string(i) + (i % 2 ? "|EUR" : "|USD:1"));
  for (int k = 0; k < 2; ++k)
    for (const auto& key : keys) colliding.add(key), plain.add(key);
  colliding.seal();
  plain.seal();
  std::vector<std::vector<std::uint32_t>> seen(4, std::vector<std::uint32_t>(2 * keys.size()));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (std::size_t j = 0; j < keys.size(); ++j) {
        const std::size_t i = t % 2 ? keys.size() - 1 - j : (j * 7 + t) % keys.size();
        seen[t][i] = colliding.number(keys[i]);
        seen[t][keys.size() + i] = plain.number(keys[i]);
      }
    });
  for (auto& th : threads) th.join();
  for (std::size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]) << t;
  std::set<std::uint32_t> ids(seen[0].begin(), seen[0].begin() + keys.size());
  EXPECT_EQ(ids.size(), keys.size());  // 398 of them collided with the first of their hash
  EXPECT_EQ(colliding.size(), keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(colliding.key(seen[0][i]), keys[i]);
    EXPECT_EQ(plain.key(seen[0][keys.size() + i]), keys[i]);
  }
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

TEST(UnionFind, ReadOnlyRootsAgreeWithFind) {
  UnionFind uf(8);
  for (auto [a, b] : {std::pair{7, 6}, {6, 5}, {5, 4}, {2, 3}, {4, 3}}) uf.unite(a, b);  // a long chain 7-6-5-4-3-2
  const UnionFind& read = uf;
  for (std::uint32_t x = 0; x < 8; ++x) {
    EXPECT_EQ(read.root(x), uf.find(x)) << x;
    EXPECT_EQ(read.root_size(read.root(x)), uf.size(x)) << x;
  }
  EXPECT_EQ(read.root(7), 2u);
  EXPECT_EQ(read.root_size(2), 6u);
  EXPECT_EQ(read.root_size(0), 1u);
}

PieceText pieces(std::initializer_list<std::string_view> parts) {
  PieceText t;
  for (auto p : parts) t.pieces[t.size++] = p;
  return t;
}

// 300 texts of fewer than max_len characters from a small alphabet with
// the keys' separators and a byte above 0x7f.
std::vector<std::string> random_texts(std::mt19937& random, unsigned max_len) {
  std::vector<std::string> texts;
  for (int k = 0; k < 300; ++k) {
    std::string t;
    for (unsigned c = random() % max_len; c > 0; --c) t += "ab|:\xe9"[random() % 5];
    texts.push_back(t);
  }
  return texts;
}

TEST(PieceText, OrdersAsTheTextBuiltWhole) {
  // A separator after a prefix: "ab|c" comes after "abc|d", as whole texts.
  EXPECT_LT(pieces({"abc", "|", "d"}), pieces({"ab", "|", "c"}));
  EXPECT_FALSE(pieces({"ab", "|", "c"}) < pieces({"abc", "|", "d"}));
  // The same text cut in other places is equal: neither comes first.
  EXPECT_FALSE(pieces({"main-", "pair:", "x"}) < pieces({"main-pair:x"}));
  EXPECT_FALSE(pieces({"main-pair:x"}) < pieces({"", "main-pair:", "", "x"}));
  EXPECT_LT(pieces({"amount:", "EUR"}), pieces({"amount:", "EUR", ":1e+06"}));  // a prefix first
  EXPECT_LT(pieces({}), pieces({"a"}));
  EXPECT_LT(pieces({"\x7f"}), pieces({"\xc3\xa9"}));  // bytes unsigned
}

TEST(PieceText, AgreesWithStringOrderOnRandomCuts) {
  std::mt19937 random(7);
  const auto texts = random_texts(random, 9);
  // Each text cut into up to six pieces at random places.
  auto cut = [&](const std::string& t) {
    PieceText p;
    std::size_t from = 0;
    while (p.size < 5 && from < t.size()) {
      const std::size_t n = random() % (t.size() - from + 1);
      p.pieces[p.size++] = std::string_view(t).substr(from, n);
      from += n;
    }
    p.pieces[p.size++] = std::string_view(t).substr(from);
    return p;
  };
  for (const auto& a : texts)
    for (std::size_t k = 0; k < 20; ++k) {
      const auto& b = texts[random() % texts.size()];
      EXPECT_EQ(cut(a) < cut(b), a < b) << a << " vs " << b;
    }
}

TEST(PieceText, BytesAtReadsTheWholeTextsBytesAcrossPieces) {
  const PieceText t = pieces({"main-", "", "pair:", "a\xe9"});
  EXPECT_EQ(t.bytes_at(0), 0x6d61696e2d706169u);  // "main-pai"
  EXPECT_EQ(t.bytes_at(8), 0x723a61e900000000u);  // "r:a\xe9", zeros past the end
  EXPECT_EQ(t.bytes_at(12), 0u);
  EXPECT_EQ(pieces({}).bytes_at(0), 0u);
}

TEST(PieceText, DifferentLeadingBytesOrderAsTheTexts) {
  // sort_keys orders by (bytes_at(0), bytes_at(8)) and compares the pieces
  // only when both are equal: where they differ they must agree.
  std::mt19937 random(11);
  const auto texts = random_texts(random, 20);
  auto head = [](const std::string& t) {
    const PieceText p = pieces({std::string_view(t).substr(0, t.size() / 3), std::string_view(t).substr(t.size() / 3)});
    return std::pair(p.bytes_at(0), p.bytes_at(8));
  };
  int decided = 0;
  for (const auto& a : texts)
    for (std::size_t k = 0; k < 20; ++k) {
      const auto& b = texts[random() % texts.size()];
      if (head(a) == head(b)) continue;
      ++decided;
      EXPECT_EQ(head(a) < head(b), a < b) << a << " vs " << b;
    }
  EXPECT_GT(decided, 3000);  // most pairs are decided by their first bytes
}

}  // namespace
}  // namespace dealscan::crosscheck

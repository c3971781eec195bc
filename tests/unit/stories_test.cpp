// Stories: which documents tell the same deal, in what order, with what
// title; determinism and a large synthetic folder.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "dealscan/crosscheck.h"

namespace dealscan {
namespace {

struct Builder {
  std::vector<DocumentResult> docs;

  DocumentResult& doc(const std::string& id, std::optional<std::string> date = std::nullopt) {
    DocumentResult d;
    d.source.id = id;
    d.source.date = std::move(date);
    docs.push_back(std::move(d));
    return docs.back();
  }
  static void entity(DocumentResult& d, const std::string& id, const std::string& name) {
    d.entities.push_back(Entity{id, name, EntityType::Org});
  }
  static Figure& figure(DocumentResult& d, Kind kind, std::optional<std::string> subj,
                        std::optional<std::string> cp, double value, std::size_t sentence = 0,
                        Qualifier q = Qualifier::Exact) {
    Figure f;
    f.source = d.source.id;
    f.id = f.source + "#f" + std::to_string(d.figures.size() + 1);
    f.kind = kind;
    f.subject = std::move(subj);
    f.counterparty = std::move(cp);
    f.money.value = value;
    f.money.currency = "USD";
    f.money.qualifier = q;
    f.sentence = sentence;
    f.text = std::to_string(static_cast<long long>(value / 1e9)) + " miliardi di dollari";
    d.figures.push_back(std::move(f));
    return d.figures.back();
  }
};

std::map<std::string, std::string> story_of(const CrossCheck& cc) {
  std::map<std::string, std::string> m;
  for (const auto& s : cc.stories)
    for (const auto& src : s.sources) m[src] = s.id;
  return m;
}

// Four deals of one company with four partners, told by two outlets each:
// the shared company must not glue them together.
Builder four_deals_with_one_common_party() {
  Builder b;
  const char* partners[] = {"nvidia", "amazon", "oracle", "amd"};
  const double values[] = {100e9, 38e9, 300e9, 90e9};
  for (int k = 0; k < 4; ++k)
    for (int copy = 0; copy < 2; ++copy) {
      auto& d = b.doc(std::string(partners[k]) + "-" + std::to_string(copy), "2025-09-1" + std::to_string(k));
      Builder::entity(d, "openai", "OpenAI");
      Builder::entity(d, partners[k], partners[k]);
      Builder::figure(d, Kind::Contract, "openai", partners[k], values[k], 0);
      // Every outlet recalls an earlier deal further down.
      Builder::figure(d, Kind::Contract, "openai", partners[(k + 1) % 4], values[(k + 1) % 4], 6);
    }
  return b;
}

TEST(Stories, UnrelatedDealsSharingACommonEntityStayApart) {
  auto b = four_deals_with_one_common_party();
  auto cc = cross_check(b.docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), 4u);
  auto s = story_of(cc);
  EXPECT_EQ(s["nvidia-0"], s["nvidia-1"]);
  EXPECT_NE(s["nvidia-0"], s["amazon-0"]);
  EXPECT_NE(s["amazon-0"], s["oracle-0"]);
  EXPECT_NE(s["oracle-0"], s["amd-0"]);
  for (const auto& c : cc.conflicts)
    for (const auto& v : c.values) EXPECT_EQ(s[v.source], c.story) << c.message;
}

TEST(Stories, MainDealIsTheRepeatedAmountNotTheFirstMentioned) {
  Builder b;
  auto& a = b.doc("a");
  // Opens by recalling an older deal, then tells (twice) the new one.
  Builder::figure(a, Kind::Contract, "openai", "oracle", 300e9, 0);
  Builder::figure(a, Kind::Investment, "nvidia", "openai", 100e9, 0);
  Builder::figure(a, Kind::Investment, "nvidia", "openai", 100e9, 5);
  auto& n = b.doc("n");
  Builder::figure(n, Kind::Investment, "nvidia", "openai", 100e9, 0);
  auto& o = b.doc("o");
  Builder::figure(o, Kind::Contract, "openai", "oracle", 300e9, 0);
  auto& o2 = b.doc("o2");
  Builder::figure(o2, Kind::Contract, "openai", "oracle", 300e9, 0, Qualifier::About);
  for (auto& d : b.docs) Builder::entity(d, "openai", "OpenAI");  // in every document: too common to link alone
  auto cc = cross_check(b.docs, Lexicon{});
  auto s = story_of(cc);
  EXPECT_EQ(s["a"], s["n"]);
  EXPECT_EQ(s["o"], s["o2"]);
  EXPECT_NE(s["a"], s["o"]);
  // The recalled Oracle amount in a is not compared with the Oracle story.
  for (const auto& c : cc.conflicts)
    for (const auto& v : c.values) EXPECT_NE(v.source, "a") << c.message;
}

TEST(Stories, OrderedBySizeThenFirstSourceWithNumberedIds) {
  Builder b;
  Builder::figure(b.doc("solo"), Kind::Investment, "google", "wiz", 32e9);
  Builder::figure(b.doc("x1"), Kind::Investment, "amazon", "openai", 10e9);
  Builder::figure(b.doc("x2"), Kind::Investment, "amazon", "openai", 10e9);
  Builder::figure(b.doc("other"), Kind::Fundraising, std::nullopt, "mistral", 2e9);
  auto cc = cross_check(b.docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), 3u);
  EXPECT_EQ(cc.stories[0].id, "s1");
  EXPECT_EQ(cc.stories[0].sources, (std::vector<std::string>{"x1", "x2"}));
  EXPECT_EQ(cc.stories[1].sources, (std::vector<std::string>{"solo"}));
  EXPECT_EQ(cc.stories[2].id, "s3");
}

TEST(Stories, TitleNamesPartiesKindAndAmount) {
  Builder b;
  auto& a = b.doc("a");
  Builder::entity(a, "amazon", "Amazon");
  Builder::entity(a, "openai", "OpenAI");
  Builder::figure(a, Kind::Investment, "amazon", "openai", 10e9);
  Builder::figure(b.doc("b"), Kind::Investment, "amazon", "openai", 10e9);
  auto cc = cross_check(b.docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), 1u);
  EXPECT_EQ(cc.stories[0].title, "Amazon → OpenAI: investment $10bn");
  ASSERT_EQ(cc.claims.size(), 1u);
  EXPECT_EQ(cc.claims[0].status, Status::Corroborated);
  EXPECT_EQ(cc.claims[0].story, "s1");
}

TEST(Stories, DocumentsWithoutFiguresAreStoriesOfTheirOwn) {
  Builder b;
  b.doc("empty1");
  b.doc("empty2");
  auto cc = cross_check(b.docs, Lexicon{});
  EXPECT_EQ(cc.stories.size(), 2u);
  EXPECT_TRUE(cc.claims.empty());
}

std::string dump(const CrossCheck& cc) {
  std::string s;
  for (const auto& st : cc.stories) {
    s += st.id + " " + st.title + ":";
    for (const auto& x : st.sources) s += " " + x;
    s += "\n";
  }
  for (const auto& c : cc.claims) s += c.id + " " + c.key + " " + std::string(to_string(c.status)) + "\n";
  for (const auto& c : cc.conflicts) s += c.claim + " " + c.field + " " + c.message + "\n";
  return s;
}

TEST(Stories, OutputIsDeterministic) {
  auto b = four_deals_with_one_common_party();
  Builder::figure(b.docs[1], Kind::Contract, "openai", "nvidia", 100e9, 2, Qualifier::UpTo);
  auto first = dump(cross_check(b.docs, Lexicon{}));
  EXPECT_NE(first.find("qualifier"), std::string::npos);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(dump(cross_check(b.docs, Lexicon{})), first);
}

// A folder of many deals, each told by several outlets, all naming one very
// common company. Grouping must stay near-linear (index, not all pairs).
std::vector<DocumentResult> synthetic_folder(std::size_t n_docs, std::size_t per_story) {
  Builder b;
  b.docs.reserve(n_docs);
  for (std::size_t i = 0; i < n_docs; ++i) {
    std::size_t deal = i / per_story;
    std::string partner = "company-" + std::to_string(deal);
    auto& d = b.doc("doc-" + std::to_string(i), "2025-" + std::to_string(1 + deal % 12) + "-01");
    Builder::entity(d, "openai", "OpenAI");
    Builder::entity(d, partner, partner);
    auto q = i % per_story == 0 ? Qualifier::UpTo : Qualifier::Exact;
    Builder::figure(d, Kind::Investment, partner, "openai", 1e9 * double(1 + deal % 97), 0, q);
    Builder::figure(d, Kind::Valuation, "openai", std::nullopt, 500e9, 3);
  }
  return std::move(b.docs);
}

TEST(Stories, LargeSyntheticFolderGroupsIntoItsDeals) {
  std::size_t n = 20000;
  if (const char* env = std::getenv("DEALSCAN_SCALE_DOCS")) n = std::strtoul(env, nullptr, 10);  // e.g. 100000
  const std::size_t per_story = 4;
  auto docs = synthetic_folder(n, per_story);
  auto cc = cross_check(docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), n / per_story);
  for (const auto& s : cc.stories) EXPECT_EQ(s.sources.size(), per_story);
  // One qualifier disagreement per deal, none across deals.
  std::size_t qualifier = 0;
  for (const auto& c : cc.conflicts) qualifier += c.field == "qualifier";
  EXPECT_EQ(qualifier, n / per_story);
}

}  // namespace
}  // namespace dealscan

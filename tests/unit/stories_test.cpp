// Stories: which documents tell the same deal, in what order, with what
// title; determinism and a large synthetic folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "dealscan/crosscheck.h"
#include "dealscan/pipeline.h"

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
  // An entity the text names `times` times (weak evidence counts mentions).
  static void named(DocumentResult& d, const std::string& id, std::size_t times,
                    EntityType type = EntityType::Org) {
    Entity e{id, id, type};
    e.mentions = times;
    d.entities.push_back(std::move(e));
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


// ---------------------------------------------------------------- lone documents

// Story membership as a set of sets of source ids: independent of story order.
std::set<std::set<std::string>> groups(const CrossCheck& cc) {
  std::set<std::set<std::string>> out;
  for (const auto& s : cc.stories) out.emplace(s.sources.begin(), s.sources.end());
  return out;
}

std::vector<DocumentResult> process_all(const std::vector<std::pair<std::string, std::string>>& texts) {
  DocumentProcessor processor(Lexicon::builtin());
  std::vector<DocumentResult> docs;
  for (const auto& [id, text] : texts) {
    auto doc = processor.process(InputFile{id + ".txt", id}, text);
    if (doc) docs.push_back(std::move(*doc));
  }
  return docs;
}

// Three outlets on an Eni-Snam contract (one recalls Buffett's fortune, one
// the cable makers, one an earlier 4 billion); two outlets on a cable joint
// venture whose amount names no party, where Buffett is the loudest critic;
// two more deals so that Buffett is not in most documents.
const std::vector<std::pair<std::string, std::string>> kJointVentureFolder = {
    {"a1",
     "Eni firma con Snam un contratto da 12 miliardi di euro per il trasporto del gas\n"
     "Eni ha firmato con Snam un contratto da 12 miliardi di euro in dieci anni. L'accordo prevede nuove "
     "condotte entro il 2030. Warren Buffett, con un patrimonio di 140 miliardi di dollari, ha definito "
     "l'intesa un buon affare.\n"},
    {"a2",
     "Snam, intesa con Eni da 12 miliardi di euro\n"
     "Snam e Eni hanno siglato un contratto del valore di 12 miliardi di euro. I cavi saranno forniti da "
     "Prysmian e da Pirelli, che hanno già lavorato sulla rete nazionale.\n"},
    {"a3",
     "Eni e Snam, contratto da 12 miliardi di euro\n"
     "Il contratto tra Eni e Snam vale 12 miliardi di euro. Snam aveva già speso 4 miliardi di euro per "
     "ammodernare la rete. Secondo Warren Buffett il gas resterà centrale.\n"},
    {"b1",
     "Nasce la joint venture dei cavi sottomarini: 4 miliardi di euro sul piatto\n"
     "Pirelli e Prysmian hanno presentato una joint venture per i cavi sottomarini. La nuova società "
     "investirà 4 miliardi di euro nei prossimi cinque anni. Warren Buffett ha criticato il progetto: «Non "
     "vedo come possa rendere», ha scritto Buffett, che dispone di 140 miliardi di dollari. Per Buffett il "
     "piano è troppo ambizioso.\n"},
    {"b2",
     "Cavi sottomarini, la joint venture punta a 4 miliardi di euro\n"
     "Il piano della joint venture prevede investimenti per 4 miliardi di euro. Prysmian porterà le "
     "fabbriche, Pirelli la ricerca. Warren Buffett non è convinto: secondo Buffett i conti non tornano.\n"},
    {"c1",
     "Enel vende a Terna la rete di Sicilia per 3 miliardi di euro\n"
     "Enel ha ceduto a Terna la rete elettrica siciliana per 3 miliardi di euro. Il closing è previsto "
     "entro giugno.\n"},
    {"c2",
     "Terna compra da Enel la rete siciliana: 3 miliardi di euro\n"
     "Terna pagherà a Enel 3 miliardi di euro per la rete della Sicilia.\n"},
    {"d1", "Saipem rileva Edison per 7 miliardi di euro\nSaipem ha acquisito Edison per 7 miliardi di euro.\n"},
    {"d2",
     "Edison passa a Saipem per 7 miliardi di euro\n"
     "Saipem ha comprato Edison per 7 miliardi di euro, secondo fonti vicine al dossier.\n"},
};

TEST(Stories, LoneArticlesOfOneJointVentureFormTheirOwnStoryDespiteACelebrity) {
  auto docs = process_all(kJointVentureFolder);
  ASSERT_EQ(docs.size(), kJointVentureFolder.size());
  auto cc = cross_check(docs, Lexicon::builtin());
  auto s = story_of(cc);
  EXPECT_EQ(s["b1"], s["b2"]);
  EXPECT_NE(s["b1"], s["a1"]) << "the joint venture joined the contract story through Buffett";
  EXPECT_EQ(s["a1"], s["a2"]);
  EXPECT_EQ(s["a1"], s["a3"]);
  EXPECT_EQ(cc.stories.size(), 4u);
}

TEST(Stories, GroupingDoesNotDependOnInputOrder) {
  auto docs = process_all(kJointVentureFolder);
  auto want = groups(cross_check(docs, Lexicon::builtin()));
  std::reverse(docs.begin(), docs.end());
  EXPECT_EQ(groups(cross_check(docs, Lexicon::builtin())), want);
  std::rotate(docs.begin(), docs.begin() + 4, docs.end());
  EXPECT_EQ(groups(cross_check(docs, Lexicon::builtin())), want);
  auto b = four_deals_with_one_common_party();
  auto four = groups(cross_check(b.docs, Lexicon{}));
  std::reverse(b.docs.begin(), b.docs.end());
  EXPECT_EQ(groups(cross_check(b.docs, Lexicon{})), four);
}

// Two lone documents whose main amount names nobody; `shared` names both
// mention, besides one name of their own each.
Builder two_lone_documents(const std::vector<std::string>& shared, double value_a, double value_b) {
  Builder b;
  for (auto [id, value] : {std::pair{"x", value_a}, std::pair{"y", value_b}}) {
    auto& d = b.doc(id, "2025-05-0" + std::string(id == std::string("x") ? "5" : "6"));
    Builder::figure(d, Kind::Investment, std::nullopt, std::nullopt, value, 0);
    for (const auto& e : shared) Builder::named(d, e, 3);
    Builder::named(d, std::string("own-") + id, 4);
  }
  // Unrelated documents, so that no name is in most documents.
  for (int k = 0; k < 4; ++k) {
    auto& d = b.doc("other-" + std::to_string(k));
    Builder::figure(d, Kind::Contract, "p" + std::to_string(k), "q" + std::to_string(k), 1e9 * (k + 2), 0);
  }
  return b;
}

TEST(Stories, LoneDocumentsNeedTwoNamesAndAnAmountOrDateInCommon) {
  {
    auto b = two_lone_documents({"pirelli", "prysmian"}, 4e9, 9e9);  // same days, two names
    auto s = story_of(cross_check(b.docs, Lexicon{}));
    EXPECT_EQ(s["x"], s["y"]);
  }
  {
    auto b = two_lone_documents({"pirelli"}, 4e9, 4e9);  // one name, same amount, same days
    auto s = story_of(cross_check(b.docs, Lexicon{}));
    EXPECT_NE(s["x"], s["y"]);
  }
}

TEST(Stories, LoneDocumentsLeadingWithDifferentDealsStayApart) {
  Builder b;
  // Each leads with its own deal between two named companies; both recall the
  // same background (a fortune, two rivals) in the same week.
  for (auto [id, payer, payee, value] : {std::tuple{"x", "eni", "snam", 12e9}, std::tuple{"y", "enel", "terna", 3e9}}) {
    auto& d = b.doc(id, "2025-05-05");
    Builder::figure(d, Kind::Contract, payer, payee, value, 0);
    Builder::figure(d, Kind::Other, "warren-buffett", std::nullopt, 140e9, 4);
    Builder::named(d, "warren-buffett", 3, EntityType::Person);
    Builder::named(d, "pirelli", 2);
    Builder::named(d, "prysmian", 2);
  }
  for (int k = 0; k < 4; ++k) Builder::figure(b.doc("other-" + std::to_string(k)), Kind::Contract, "p", "q", 1e9 * (k + 2), 0);
  auto s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_NE(s["x"], s["y"]);
}

// Many lone documents, two per deal: no strong key (the amounts name nobody),
// one very common company and a celebrity in a quarter of them. Pairs must be
// found, nothing glued, in near-linear time.
TEST(Stories, LargeFolderOfLoneDocumentsPairsUp) {
  std::size_t n = 20000;
  if (const char* env = std::getenv("DEALSCAN_SCALE_DOCS")) n = std::strtoul(env, nullptr, 10);
  Builder b;
  b.docs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t deal = i / 2;
    auto& d = b.doc("doc-" + std::to_string(i), "2024-" + std::to_string(1 + deal % 12) + "-1" + std::to_string(deal % 10));
    Builder::figure(d, Kind::Investment, std::nullopt, std::nullopt, 1e6 * double(1 + deal % 89), 0);
    Builder::named(d, "openai", 1);
    Builder::named(d, "company-a-" + std::to_string(deal), 3);
    Builder::named(d, "company-b-" + std::to_string(deal), 2);
    if (deal % 4 == 0) Builder::named(d, "elon-musk", 5, EntityType::Person);
  }
  auto cc = cross_check(b.docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), n / 2);
  for (const auto& s : cc.stories) EXPECT_EQ(s.sources.size(), 2u);
}


// The same two companies and amount two years apart are another deal; a
// follow-up months later stays with its story, and an undated report, which
// cannot tell which deal it tells, joins one by its evidence without gluing
// the two.
TEST(Stories, StrongKeysYearsApartAreTwoDeals) {
  Builder b;
  for (auto [id, date] : {std::pair{"mar23-a", "2023-03-01"}, std::pair{"mar23-b", "2023-03-02"},
                          std::pair{"aug23-followup", "2023-08-10"}, std::pair{"jun25-a", "2025-06-01"},
                          std::pair{"jun25-b", "2025-06-03"}}) {
    auto& d = b.doc(id, std::string(date));
    Builder::figure(d, Kind::Contract, "eni", "snam", 12e9, 0);
  }
  Builder::figure(b.doc("undated"), Kind::Contract, "eni", "snam", 12e9, 0);
  for (int k = 0; k < 8; ++k) Builder::figure(b.doc("other-" + std::to_string(k)), Kind::Contract, "p", "q", 1e9 * (k + 2), 0);
  auto cc = cross_check(b.docs, Lexicon{});
  auto s = story_of(cc);
  EXPECT_EQ(s["mar23-a"], s["mar23-b"]);
  EXPECT_EQ(s["mar23-a"], s["aug23-followup"]);
  EXPECT_EQ(s["jun25-a"], s["jun25-b"]);
  EXPECT_NE(s["mar23-a"], s["jun25-a"]);
  EXPECT_TRUE(s["undated"] == s["mar23-a"] || s["undated"] == s["jun25-a"]);
}

// One company and one amount (the other side unnamed) tie two reports of a
// deal published days apart, not the same company's next deal of that round
// amount months later.
TEST(Stories, OneCompanyKeysJoinOnlyReportsWeeksApart) {
  Builder b;
  for (auto [id, date] : {std::pair{"jan-a", "2025-01-10"}, std::pair{"jan-b", "2025-01-12"},
                          std::pair{"may-a", "2025-05-20"}}) {
    auto& d = b.doc(id, std::string(date));
    Builder::figure(d, Kind::Investment, "enel", std::nullopt, 2e9, 0);
  }
  for (int k = 0; k < 4; ++k) Builder::figure(b.doc("other-" + std::to_string(k)), Kind::Contract, "p", "q", 1e9 * (k + 3), 0);
  auto s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_EQ(s["jan-a"], s["jan-b"]);
  EXPECT_NE(s["jan-a"], s["may-a"]);
}

// Subsidiaries of two groups make deals of their own: the groups' pair alone
// does not make a story, the sides as the text names them or the amount do.
TEST(Stories, SubsidiariesOfTheSameTwoGroupsMakeSeparateDeals) {
  Builder b;
  auto child = [](DocumentResult& d, const std::string& id, const std::string& parent) {
    Entity e{id, id, EntityType::Org};
    e.parent = parent;
    d.entities.push_back(std::move(e));
  };
  struct Report {
    const char *id, *date, *payer, *payer_group, *payee, *payee_group;
    double value;
  };
  for (const Report& r : {Report{"tube-a", "2024-03-01", "youtube", "alphabet", "twitch", "amazon", 9e9},
                          Report{"tube-b", "2024-03-03", "youtube", "alphabet", "twitch", "amazon", 12e9},
                          Report{"zoox-a", "2024-04-20", "google", "alphabet", "zoox", "amazon", 3e9},
                          Report{"zoox-b", "2024-04-21", "google", "alphabet", "zoox", "amazon", 3e9},
                          Report{"aws-a", "2024-05-02", "google", "alphabet", "aws", "amazon", 3e9}}) {
    auto& d = b.doc(r.id, std::string(r.date));
    child(d, r.payer, r.payer_group);
    child(d, r.payee, r.payee_group);
    Builder::figure(d, Kind::Investment, r.payer, r.payee, r.value, 0);
  }
  for (int k = 0; k < 4; ++k) Builder::figure(b.doc("other-" + std::to_string(k)), Kind::Contract, "p", "q", 1e9 * (k + 2), 0);
  auto s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_EQ(s["tube-a"], s["tube-b"]);  // same sides, outlets disagree on the amount
  EXPECT_EQ(s["zoox-a"], s["zoox-b"]);
  EXPECT_EQ(s["zoox-a"], s["aws-a"]);  // same groups and amount: told as the parent's deal
  EXPECT_NE(s["tube-a"], s["zoox-a"]);
}

// A report naming one company and an amount may join a deal of that company,
// but cannot bridge two different two-company deals of the same round amount.
TEST(Stories, OneCompanyReportDoesNotBridgeTwoDeals) {
  Builder b;
  for (auto [id, date, payee] : {std::tuple{"snam-a", "2025-01-10", "snam"}, std::tuple{"snam-b", "2025-01-11", "snam"},
                                 std::tuple{"terna-a", "2025-01-14", "terna"}, std::tuple{"terna-b", "2025-01-15", "terna"}})
    Builder::figure(b.doc(id, std::string(date)), Kind::Investment, "enel", std::string(payee), 2e9, 0);
  Builder::figure(b.doc("enel-only", std::string("2025-01-12")), Kind::Investment, "enel", std::nullopt, 2e9, 0);
  for (int k = 0; k < 8; ++k) Builder::figure(b.doc("other-" + std::to_string(k)), Kind::Contract, "p", "q", 1e9 * (k + 3), 0);
  auto s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_EQ(s["snam-a"], s["snam-b"]);
  EXPECT_EQ(s["terna-a"], s["terna-b"]);
  EXPECT_NE(s["snam-a"], s["terna-a"]);
  EXPECT_TRUE(s["enel-only"] == s["snam-a"] || s["enel-only"] == s["terna-a"]);
}


// Parties of equal weight are ranked by their ids' text, not by the order in
// which documents first named them: "x" names zorro before mela, yet its main
// deal is alba with mela, the deal "y" reports seven months later.
TEST(Stories, MainDealTiesGoToTheSmallerIdNotTheFirstNamed) {
  Builder b;
  auto& x = b.doc("x", "2025-01-10");
  Builder::figure(x, Kind::Investment, "zorro", "alba", 5e9, 0);
  Builder::figure(x, Kind::Investment, "mela", "alba", 5e9, 0);
  auto& y = b.doc("y", "2025-08-01");
  Builder::figure(y, Kind::Investment, "alba", "mela", 5e9, 0);
  auto s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_EQ(s["x"], s["y"]);
  // With zorro in mela's place, y's deal is another one.
  b.docs[1].figures[0].counterparty = "zorro";
  s = story_of(cross_check(b.docs, Lexicon{}));
  EXPECT_NE(s["x"], s["y"]);
}

}  // namespace
}  // namespace dealscan

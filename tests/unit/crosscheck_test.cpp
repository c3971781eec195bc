// Cross-check: the case table in tests/data/crosscheck/cases.txt (hand-built
// documents and the conflicts they must produce), plus the interval helpers.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "crosscheck/internal.h"
#include "dealscan/crosscheck.h"
#include "dealscan/report.h"

namespace dealscan {
namespace {

// ---------------------------------------------------------------- case table

std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') { ++i; continue; }
    if (line[i] == '"') {
      auto e = line.find('"', i + 1);
      out.push_back(line.substr(i + 1, e - i - 1));
      i = e == std::string::npos ? line.size() : e + 1;
    } else {
      auto e = line.find_first_of(" \t", i);
      out.push_back(line.substr(i, e - i));
      i = e == std::string::npos ? line.size() : e;
    }
  }
  return out;
}

std::optional<std::string> party(const std::string& s) { return s == "-" ? std::nullopt : std::optional(s); }

std::map<std::string, std::string> opts(const std::vector<std::string>& t, std::size_t from, std::string& text) {
  std::map<std::string, std::string> o;
  for (std::size_t i = from; i < t.size(); ++i) {
    auto eq = t[i].find('=');
    if (eq == std::string::npos || i + 1 == t.size()) text = t[i];
    else o[t[i].substr(0, eq)] = t[i].substr(eq + 1);
  }
  return o;
}

Modality modality(const std::string& s) {
  if (s == "denied") return Modality::Denied;
  if (s == "conditional") return Modality::Conditional;
  if (s == "attributed") return Modality::Attributed;
  return Modality::Stated;
}

Qualifier qualifier(const std::string& s) {
  static const std::map<std::string, Qualifier> q{{"exact", Qualifier::Exact}, {"about", Qualifier::About},
                                                  {"over", Qualifier::Over},   {"atleast", Qualifier::AtLeast},
                                                  {"upto", Qualifier::UpTo},   {"under", Qualifier::Under},
                                                  {"nearly", Qualifier::Nearly}};
  return q.at(s);
}

struct Case {
  std::string name;
  std::vector<DocumentResult> docs;
  std::vector<std::vector<std::string>> checks;
  DocumentResult& doc(const std::string& id) {
    for (auto& d : docs)
      if (d.source.id == id) return d;
    throw std::runtime_error(name + ": no doc " + id);
  }
};

void add_figure(Case& c, const std::vector<std::string>& t) {
  auto& d = c.doc(t[1]);
  Figure f;
  f.source = d.source.id;
  f.id = f.source + "#f" + std::to_string(d.figures.size() + 1);
  f.kind = *kind_from(t[2]);
  f.subject = party(t[3]);
  f.counterparty = party(t[4]);
  f.money.value = std::stod(t[5]);
  f.money.currency = t[6];
  f.money.qualifier = qualifier(t[7]);
  auto o = opts(t, 8, f.text);
  if (o.count("period")) f.money.period_years = std::stod(o["period"]);
  if (o.count("max")) f.money.max = std::stod(o["max"]);
  if (o.count("sent")) f.sentence = std::stoul(o["sent"]);
  if (o.count("conv")) f.money.conversion_of = std::stoul(o["conv"]);
  if (o.count("mod")) f.modality = modality(o["mod"]);
  if (o.count("time")) {
    auto slash = o["time"].find('/');
    f.time = TimeExpr{{}, o["time"].substr(0, slash), o["time"].substr(slash + 1), "day", "test"};
  }
  d.figures.push_back(std::move(f));
}

void add_fact(Case& c, const std::vector<std::string>& t) {
  auto& d = c.doc(t[1]);
  Fact f;
  f.source = d.source.id;
  f.id = f.source + "#c" + std::to_string(d.facts.size() + 1);
  f.kind = t[2];
  f.subject = party(t[3]);
  auto o = opts(t, 4, f.text);
  if (o.count("mod")) f.modality = modality(o["mod"]);
  if (o.count("until")) {
    std::vector<std::string> parts;
    std::stringstream ss(o["until"]);
    for (std::string p; std::getline(ss, p, '/');) parts.push_back(p);
    parts.resize(3);
    f.until = TimeExpr{{}, parts[0], parts[1], parts[2], "test"};
  }
  d.facts.push_back(std::move(f));
}

std::vector<Case> load_cases() {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/crosscheck/cases.txt");
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    auto t = tokens(line);
    if (t.empty()) continue;
    if (t[0] == "case") {
      cases.push_back({t.at(1), {}, {}});
    } else if (t[0] == "doc") {
      DocumentResult d;
      d.source.id = t.at(1);
      if (t.size() > 2) d.source.date = t[2];
      cases.back().docs.push_back(std::move(d));
    } else if (t[0] == "entity") {
      Entity e{t.at(2), t.at(3)};
      if (t.size() > 4 && t[4].rfind("parent=", 0) == 0) e.parent = t[4].substr(7);
      cases.back().doc(t[1]).entities.push_back(e);
    } else if (t[0] == "fig") {
      add_figure(cases.back(), t);
    } else if (t[0] == "fact") {
      add_fact(cases.back(), t);
    } else {
      cases.back().checks.push_back(t);
    }
  }
  return cases;
}

bool has_sources(const Conflict& c, const std::string& a, const std::string& b) {
  int na = 0, nb = 0;
  for (const auto& v : c.values) na += v.source == a, nb += v.source == b;
  return a == b ? na >= 2 : na && nb;
}

std::string story_of(const CrossCheck& cc, const std::string& src) {
  for (const auto& s : cc.stories)
    for (const auto& x : s.sources)
      if (x == src) return s.id;
  return "?";
}

void run_check(const Case& c, const CrossCheck& cc, const std::vector<std::string>& t) {
  const std::string& what = t[0];
  if (what == "expect") {
    bool found = std::any_of(cc.conflicts.begin(), cc.conflicts.end(),
                             [&](const Conflict& x) { return x.field == t[1] && has_sources(x, t[2], t[3]); });
    EXPECT_TRUE(found) << c.name << ": no " << t[1] << " conflict between " << t[2] << " and " << t[3];
  } else if (what == "expect-severity") {
    for (const auto& x : cc.conflicts)
      if (x.field == t[1]) EXPECT_EQ(to_string(x.severity), t[2]) << c.name << ": " << x.message;
  } else if (what == "expect-none") {
    for (const auto& x : cc.conflicts)
      EXPECT_FALSE(t[1] == "*" || x.field == t[1]) << c.name << ": unexpected " << x.message;
  } else if (what == "expect-stories") {
    EXPECT_EQ(cc.stories.size(), std::stoul(t[1])) << c.name;
  } else if (what == "same-story" || what == "diff-story") {
    EXPECT_EQ(story_of(cc, t[1]) == story_of(cc, t[2]), what == "same-story") << c.name << ": " << t[1] << " " << t[2];
  } else if (what == "expect-title") {
    ASSERT_FALSE(cc.stories.empty()) << c.name;
    EXPECT_EQ(cc.stories.front().title, t[1]) << c.name;
  } else if (what == "expect-status") {
    auto it = std::find_if(cc.claims.begin(), cc.claims.end(),
                           [&](const Claim& cl) { return cl.key.rfind(t[1], 0) == 0; });
    ASSERT_NE(it, cc.claims.end()) << c.name << ": no claim " << t[1];
    EXPECT_EQ(to_string(it->status), t[2]) << c.name << ": " << it->key;
  } else {
    ADD_FAILURE() << c.name << ": unknown check " << what;
  }
}

TEST(CrossCheckCases, AllCasesHold) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 20u);
  Lexicon empty;
  for (const auto& c : cases) {
    auto cc = cross_check(c.docs, empty);
    for (const auto& t : c.checks) run_check(c, cc, t);
  }
}

TEST(CrossCheckCases, EveryConflictQuotesItsSourcesAndStaysInItsStory) {
  Lexicon empty;
  for (const auto& c : load_cases()) {
    auto cc = cross_check(c.docs, empty);
    for (const auto& x : cc.conflicts) {
      EXPECT_FALSE(x.message.empty());
      ASSERT_FALSE(x.values.empty());
      for (const auto& v : x.values) {
        EXPECT_EQ(story_of(cc, v.source), x.story) << c.name;
        EXPECT_NE(x.message.find(v.text), std::string::npos) << c.name << ": " << x.message;
      }
    }
  }
}

// One claim told by many outlets: the message stays readable, values[] complete.
TEST(CrossCheckCases, ManySourcesAreCountedNotAllQuoted) {
  std::vector<DocumentResult> docs;
  auto add = [&](const std::string& id, double value, const std::string& text) {
    DocumentResult d;
    d.source.id = id;
    Figure f;
    f.source = id;
    f.id = id + "#f1";
    f.kind = Kind::Investment;
    f.subject = "unicredit";
    f.counterparty = "banco-bpm";
    f.money.value = value;
    f.money.currency = "EUR";
    f.text = text;
    d.figures.push_back(f);
    docs.push_back(std::move(d));
  };
  for (int i = 0; i < 12; ++i) add("outlet" + std::to_string(i), 10e9, "10 miliardi di euro");
  add("dissent", 11e9, "11 miliardi di euro");
  auto cc = cross_check(docs, Lexicon{});
  ASSERT_EQ(cc.conflicts.size(), 1u);
  const Conflict& c = cc.conflicts.front();
  EXPECT_EQ(c.field, "value");
  EXPECT_EQ(c.values.size(), 13u);
  EXPECT_NE(c.message.find("outlet4 \"10 miliardi di euro\" and 7 more sources vs dissent"), std::string::npos)
      << c.message;
  EXPECT_EQ(c.message.find("outlet5"), std::string::npos) << c.message;
}

// Each story is checked on its own and numbered when handed over: claim ids
// run c1..cN across stories, and every reference to a claim (its story's
// list, a conflict, a topic conflict's message) follows the final number.
TEST(CrossCheckCases, ClaimIdsRunAcrossStoriesAndConflictsFollowThem) {
  std::vector<DocumentResult> docs;
  auto add = [&](const std::string& id, Kind kind, const std::string& subject, const std::string& counterparty,
                 double value, Qualifier q, const std::string& text) {
    DocumentResult d;
    d.source.id = id;
    Figure f;
    f.source = id;
    f.id = id + "#f1";
    f.kind = kind;
    f.subject = subject;
    f.counterparty = counterparty;
    f.money.value = value;
    f.money.currency = "EUR";
    f.money.qualifier = q;
    f.text = text;
    d.figures.push_back(f);
    docs.push_back(std::move(d));
  };
  // The bigger story (three outlets, first): "oltre" against an exact amount.
  add("p1", Kind::Investment, "eni", "plenitude", 2e9, Qualifier::Over, "oltre 2 miliardi di euro");
  add("p2", Kind::Investment, "eni", "plenitude", 2e9, Qualifier::Exact, "2 miliardi di euro");
  add("p3", Kind::Investment, "eni", "plenitude", 2e9, Qualifier::Exact, "2 miliardi di euro");
  // The second: each outlet its own price for one stake.
  add("q1", Kind::Stake, "unicredit", "banco-bpm", 10e9, Qualifier::Exact, "10 miliardi di euro");
  add("q2", Kind::Stake, "unicredit", "banco-bpm", 15e9, Qualifier::Exact, "15 miliardi di euro");
  const std::string topic = "value: different amounts for one deal (claims ";
  for (unsigned threads : {1u, 2u}) {
    auto cc = cross_check(docs, Lexicon{}, threads);
    ASSERT_EQ(cc.stories.size(), 2u);
    ASSERT_GE(cc.claims.size(), 3u);
    std::map<std::string, const Claim*> by_id;
    for (std::size_t i = 0; i < cc.claims.size(); ++i) {
      EXPECT_EQ(cc.claims[i].id, "c" + std::to_string(i + 1));
      by_id[cc.claims[i].id] = &cc.claims[i];
    }
    std::size_t listed = 0;
    for (const auto& story : cc.stories)
      for (const auto& id : story.claims) {
        ASSERT_LT(listed, cc.claims.size());
        EXPECT_EQ(cc.claims[listed].id, id);
        EXPECT_EQ(cc.claims[listed++].story, story.id);
      }
    EXPECT_EQ(listed, cc.claims.size());
    bool topic_seen = false, other_seen = false;
    for (const auto& x : cc.conflicts) {
      ASSERT_TRUE(by_id.count(x.claim)) << x.claim;
      EXPECT_EQ(by_id[x.claim]->story, x.story);
      EXPECT_EQ(by_id[x.claim]->status, Status::Conflict);
      if (x.message.rfind(topic, 0) != 0) {
        other_seen = true;
        continue;
      }
      topic_seen = true;
      EXPECT_EQ(x.story, "s2");
      // "(claims cX and cY)": both of this story, the first the conflict's own.
      auto names = x.message.substr(topic.size(), x.message.find(')') - topic.size());
      auto and_at = names.find(" and ");
      ASSERT_NE(and_at, std::string::npos) << x.message;
      const std::string a = names.substr(0, and_at), b = names.substr(and_at + 5);
      EXPECT_EQ(a, x.claim);
      ASSERT_TRUE(by_id.count(b)) << x.message;
      EXPECT_EQ(by_id[b]->story, x.story) << x.message;
      EXPECT_NE(a, b);
    }
    EXPECT_TRUE(topic_seen);
    EXPECT_TRUE(other_seen);
  }
}

// The first story's claims are numbered at hand-over too: its topic
// conflict names them by their final ids, never by empty ones.
TEST(CrossCheckCases, FirstStoryTopicConflictNamesItsClaims) {
  std::vector<DocumentResult> docs;
  for (const auto& [id, value] : {std::pair{"r1", 3e9}, std::pair{"r2", 4.5e9}}) {
    DocumentResult d;
    d.source.id = id;
    Figure f;
    f.source = id;
    f.id = std::string(id) + "#f1";
    f.kind = Kind::Stake;
    f.subject = "edison";
    f.counterparty = "saras";
    f.money.value = value;
    f.money.currency = "EUR";
    f.text = "una cifra";
    d.figures.push_back(f);
    docs.push_back(std::move(d));
  }
  auto cc = cross_check(docs, Lexicon{});
  ASSERT_EQ(cc.stories.size(), 1u);
  ASSERT_EQ(cc.claims.size(), 2u);
  EXPECT_EQ(cc.stories[0].claims, (std::vector<std::string>{"c1", "c2"}));
  ASSERT_EQ(cc.conflicts.size(), 1u);
  EXPECT_EQ(cc.conflicts[0].claim, "c1");
  EXPECT_EQ(cc.conflicts[0].message.rfind("value: different amounts for one deal (claims c1 and c2): ", 0), 0u)
      << cc.conflicts[0].message;
}

// Stories are checked in parallel; numbering and order must not depend on it.
TEST(CrossCheckCases, SameResultForAnyThreadCount) {
  std::vector<DocumentResult> all;
  for (auto& c : load_cases())
    for (auto& d : c.docs) {
      d.source.id = c.name + "/" + d.source.id;
      for (auto& f : d.figures) f.source = d.source.id;
      for (auto& f : d.facts) f.source = d.source.id;
      all.push_back(std::move(d));
    }
  auto summary = [&](unsigned threads) {
    Report r;
    r.check = cross_check(all, Lexicon{}, threads);
    std::ostringstream out;
    write_jsonl_summary(out, r);
    return out.str();
  };
  const std::string one = summary(1);
  EXPECT_NE(one.find("\"c2\""), std::string::npos);  // several stories, several claims
  for (unsigned threads : {2u, 3u, 8u}) EXPECT_EQ(summary(threads), one) << threads << " threads";
}

// A story checked on a pool thread is freed there, the last batch's too:
// none waits for the pool's next run once cross_check has returned.
TEST(CrossCheckCases, NoCheckedStoryLeftToFreeAfterTheRun) {
  std::vector<DocumentResult> docs;
  for (int i = 0; i < 600; ++i) {  // several batches of stories of one document
    DocumentResult d;
    d.source.id = "n" + std::to_string(i);
    Figure f;
    f.source = d.source.id;
    f.id = d.source.id + "#f1";
    f.kind = Kind::Stake;
    f.subject = "societa" + std::to_string(i);
    f.counterparty = "acquirente" + std::to_string(i);
    f.money.value = 1e6 * (i + 1);
    f.money.currency = "EUR";
    f.text = "una quota";
    d.figures.push_back(f);
    docs.push_back(std::move(d));
  }
  for (unsigned threads : {2u, 4u}) {
    const auto cc = cross_check(docs, Lexicon{}, threads);
    EXPECT_EQ(cc.stories.size(), docs.size());
    EXPECT_EQ(crosscheck::checked_stories_waiting_to_be_freed(), 0u) << threads << " threads";
  }
}

TEST(CrossCheckCases, BuiltinTunablesAreRead) {
  auto t = crosscheck::load_tunables(Lexicon::builtin());
  EXPECT_DOUBLE_EQ(t.same_value_tolerance, 0.12);
  Lexicon custom;
  custom.add_list("crosscheck", "same_value_tolerance\tvalue=0.3\nunknown_name\tvalue=9\n", "test");
  EXPECT_DOUBLE_EQ(crosscheck::load_tunables(custom).same_value_tolerance, 0.3);
}

TEST(CrossCheckCases, EmptyInputGivesEmptyCheck) {
  auto cc = cross_check({}, Lexicon{});
  EXPECT_TRUE(cc.stories.empty());
  EXPECT_TRUE(cc.claims.empty());
  EXPECT_TRUE(cc.conflicts.empty());
}

// ---------------------------------------------------------------- helpers

using namespace crosscheck;

TEST(Intervals, SameAmountAllowsRoundingOnly) {
  Tunables t;
  EXPECT_TRUE(same_amount(1.5e9, 1.52e9, t));
  EXPECT_TRUE(same_amount(38e9, 38.1e9, t));
  EXPECT_FALSE(same_amount(383e9, 393e9, t));
  EXPECT_FALSE(same_amount(400e9, 393e9, t));  // a round digit is not a rounding of 393
  EXPECT_FALSE(same_amount(23e9, 32e9, t));
}

TEST(Intervals, ScaleSlip) {
  EXPECT_TRUE(scale_slip(500, 500e9));
  EXPECT_TRUE(scale_slip(10e6, 10e9));
  EXPECT_FALSE(scale_slip(100e9, 10e9));
  EXPECT_FALSE(scale_slip(0, 10));
}

TEST(Intervals, QualifiedRanges) {
  Tunables t;
  MoneyMention over{.value = 400e9, .qualifier = Qualifier::Over};
  MoneyMention nearly{.value = 400e9, .qualifier = Qualifier::Nearly};
  MoneyMention exact{.value = 393e9};
  EXPECT_FALSE(overlaps(money_interval(over, t), money_interval(exact, t)));
  EXPECT_TRUE(overlaps(money_interval(nearly, t), money_interval(exact, t)));
  EXPECT_FALSE(overlaps(money_interval(nearly, t), money_interval(over, t)));
}

TEST(Intervals, RoundedAmountIsPrintfsSignificantDigits) {
  // Amount keys once came from snprintf("%.Ng"); story keys must not change.
  for (double v : {0.0, 1.0, 9.5, 38.0, 38.1, 999.5, 1e6, 1.25e9, 1.35e9, 9.95e9, 10e9, 1.234e12, 4099999999.9999995,
                   -2.5e8, 1e-3, 123456789012345.0}) {
    for (int digits : {2, 3}) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.*g", digits, v);
      MoneyMention m;
      m.value = v;
      m.currency = "EUR";
      EXPECT_EQ(crosscheck::rounded_amount(m, digits), std::string("EUR:") + buf) << v << " " << digits;
    }
  }
}

TEST(Intervals, SignificantDigitsOfWholeNumbersArePrintfs) {
  // Whole numbers take an integer path: ties (125, 1250, 2.5e9), carries
  // (995, 9995e6), every length up to 1e19, and their negatives.
  std::vector<double> values = {1, 9, 10, 99, 100, 125, 135, 995, 999, 1000, 1005, 1015, 1250, 1350, 9995,
                                99950, 2.5e9, 9995e6, 1.15e10, 4099999999.0, 9007199254740993.0, 1.8e18,
                                9.99e18, 1e19, 1.5e19};
  for (std::uint64_t p = 1; p < 10000000000000000000ull; p *= 10)
    for (std::uint64_t k : {1ull, 2ull, 5ull, 7ull, 12ull, 25ull, 45ull, 105ull, 115ull, 995ull, 1005ull})
      values.push_back(static_cast<double>(p * k)), values.push_back(static_cast<double>(p * k + p / 2));
  for (double v = 1; v < 5000; v += 1) values.push_back(v);
  for (double base : values)
    for (double v : {base, -base})
      for (int digits : {1, 2, 3, 5, 15}) {
        char want[64], got[64];
        std::snprintf(want, sizeof want, "%.*g", digits, v);
        char* end = crosscheck::significant_digits(v, digits, got, got + sizeof got);
        EXPECT_EQ(std::string(got, end), want) << v << " " << digits;
      }
}

TEST(Stories, BiggestFirstTiesByFirstDocumentDocumentsInInputOrder) {
  // Documents 0..6 in four stories, numbered by their first documents.
  const Stories s({0, 1, 0, 2, 1, 3, 2}, 4);
  ASSERT_EQ(s.size(), 4u);
  auto docs = [&](std::size_t k) { return std::vector<std::uint32_t>(s.docs(k).begin(), s.docs(k).end()); };
  // Three stories of two documents: the one whose first document comes first leads.
  EXPECT_EQ(docs(0), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(docs(1), (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(docs(2), (std::vector<std::uint32_t>{3, 6}));
  EXPECT_EQ(docs(3), (std::vector<std::uint32_t>{5}));
  EXPECT_EQ(s.group(1).docs, (std::vector<std::size_t>{1, 4}));
  EXPECT_EQ(Stories({}, 0).size(), 0u);
}

TEST(ParallelFor, EveryItemOnceAndTheFirstErrorRethrownAfterTheJoin) {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), threads, [&](std::size_t i) { ++seen[i]; });
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](const auto& c) { return c == 1; })) << threads;
    // A temporary file that cannot be read back, on a pool thread or the caller's.
    EXPECT_THROW(parallel_for(1000, threads,
                              [](std::size_t i) {
                                if (i == 37) throw std::runtime_error("cannot read back");
                              }),
                 std::runtime_error)
        << threads;
  }
}

// Names hands out ids in first-seen order, the same id for the same text,
// whatever the length (the table's hash reads 8, 4 or fewer bytes at once),
// across the table's growths and from several threads at once.
TEST(Names, OneIdPerTextInFirstSeenOrder) {
  std::vector<std::string> texts{""};
  for (int i = 0; i < 3000; ++i) texts.push_back(std::string(std::size_t(i % 41), 'x') + std::to_string(i));
  for (int len = 1; len <= 24; ++len) texts.push_back(std::string(std::size_t(len), 'a'));  // prefixes of each other
  Names names;
  for (std::size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(names.intern(texts[i]), i) << texts[i];
  EXPECT_EQ(names.size(), texts.size());
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::size_t k = (i * 7 + std::size_t(t)) % texts.size();
        if (names.intern(texts[k]) != k) ++wrong;
      }
      std::vector<std::uint32_t> ids(2);
      const std::string_view pair[] = {texts[5], "condiviso"};
      names.intern_all(pair, ids);
      if (ids[0] != 5) ++wrong;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(names.size(), texts.size() + 1);  // "condiviso", once
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(names.name(static_cast<std::uint32_t>(i)), texts[i]);
}

// find gives the id intern gave, and kNone for a text never interned:
// a prefix, a longer text, one differing in its last byte, or any text in
// an empty table.
TEST(Names, FindsOnlyInternedTexts) {
  Names empty;
  empty.freeze();
  EXPECT_EQ(empty.find("amazon"), Names::kNone);
  Names names;
  std::vector<std::string> texts;
  for (int i = 0; i < 500; ++i) texts.push_back("societa-" + std::to_string(i * 37));
  for (const auto& text : texts) names.intern(text);
  names.freeze();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(names.find(texts[i]), i) << texts[i];
    EXPECT_EQ(names.find(texts[i] + "x"), Names::kNone) << texts[i];
    EXPECT_EQ(names.find(texts[i].substr(0, texts[i].size() - 1) + "#"), Names::kNone) << texts[i];
  }
  EXPECT_EQ(names.find("societa-"), Names::kNone);
  EXPECT_EQ(names.find(""), Names::kNone);
}

Entity entity(std::string id, std::string name, std::optional<std::string> parent = std::nullopt) {
  Entity e;
  e.id = std::move(id);
  e.name = std::move(name);
  e.parent = std::move(parent);
  return e;
}

// Parties learns documents' entities as Names ids: an id's root follows its
// parents (the first one given), its name is the first one given (an empty
// one shows the id), and ids it never learned are their own root.
TEST(Parties, RootsAndNamesFromEachDocumentsLinks) {
  Names names;
  Parties parties(names);
  auto learn = [&](std::vector<Entity> entities) {
    DocumentResult doc;
    doc.entities = std::move(entities);
    parties.add(party_links(doc, story_doc(doc, Tunables{}, names), names));
  };
  learn({entity("aws", "Amazon Web Services", "amazon"), entity("amazon", "Amazon"), entity("vuota", "")});
  learn({entity("aws", "AWS Italia", "altro"), entity("amazon", "Amazon.com"), entity("prime", "Prime", "prime")});
  learn({entity("ciclo-a", "A", "ciclo-b"), entity("ciclo-b", "B", "ciclo-a"), entity("cloud", "Cloud", "aws")});
  names.freeze();

  EXPECT_EQ(parties.root(std::string("aws")), "amazon");
  EXPECT_EQ(parties.root(std::string("cloud")), "amazon");  // two steps
  EXPECT_EQ(parties.root(std::string("prime")), "prime");   // its own parent is none
  EXPECT_EQ(parties.root(std::string("altro")), "altro");
  const std::string unknown = "mai-vista";
  EXPECT_EQ(&parties.root(unknown), &unknown);
  EXPECT_EQ(parties.root(std::optional<std::string>("aws")), std::optional<std::string>("amazon"));
  EXPECT_EQ(parties.root(std::optional<std::string>("")), std::nullopt);
  EXPECT_EQ(parties.root(std::optional<std::string>()), std::nullopt);
  const std::string cycle = parties.root(std::string("ciclo-a"));  // bad data ends, on either side
  EXPECT_TRUE(cycle == "ciclo-a" || cycle == "ciclo-b") << cycle;
  EXPECT_EQ(parties.root(names.find("aws")), names.find("amazon"));

  EXPECT_EQ(parties.name("aws"), "Amazon Web Services");
  EXPECT_EQ(parties.name("amazon"), "Amazon");
  EXPECT_EQ(parties.name("cloud"), "Cloud");
  EXPECT_EQ(parties.name("vuota"), "vuota");
  EXPECT_EQ(parties.name("mai-vista"), "mai-vista");
}

TEST(Intervals, FormatMoney) {
  EXPECT_EQ(format_money(10e9, "USD"), "$10bn");
  EXPECT_EQ(format_money(1.5e12, "EUR"), "€1.5tn");
  EXPECT_EQ(format_money(250e6, "CHF"), "250m CHF");
  EXPECT_EQ(format_money(1234.5, ""), "1234.5");
  EXPECT_EQ(format_money(-2.5e9, "GBP"), "£-2.5bn");
}

// format_money's number is printf's "%g" of the scaled amount, whole or not.
TEST(Intervals, FormatMoneyNumberIsPrintfG) {
  const double values[] = {0,       1,          7.25,        0.000123456789, 999999.5, 1234567,    12345678,
                           3.14159, 1.0000005e9, 2.6666666e12, 45.5e6,        -17.125,  1e300,      5e-7,
                           1e15,    123456.5,    0.1,          99999.95,      -0.0,     2.5e-320,   987654.321e12};
  for (double v : values) {
    double scaled = v;
    const char* unit = "";
    if (std::fabs(v) >= 1e12) scaled = v / 1e12, unit = "tn";
    else if (std::fabs(v) >= 1e9) scaled = v / 1e9, unit = "bn";
    else if (std::fabs(v) >= 1e6) scaled = v / 1e6, unit = "m";
    char want[64];
    std::snprintf(want, sizeof want, "%g%s", scaled, unit);
    EXPECT_EQ(format_money(v, ""), want) << v;
    EXPECT_EQ(format_money(v, "JPY"), std::string(want) + " JPY") << v;
    EXPECT_EQ(format_money(v, "USD"), std::string("$") + want) << v;
  }
}

}  // namespace
}  // namespace dealscan

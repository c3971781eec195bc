// Report writers: the JSON contract (keys, order, offsets, nulls), the
// display notation (table in tests/data/report/display.tsv), the text
// report, JSON Lines agreeing with JSON, and the expected-file check.
#include <gtest/gtest.h>

#include <cstdio>

#include <fstream>
#include <sstream>
#include <utility>

#include "dealscan/pipeline.h"
#include "dealscan/report.h"
#include "report/display.h"
#include "report/text_util.h"

namespace dealscan {
namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------- fixtures

Figure make_figure(const std::string& id, const std::string& source, double value, Qualifier q) {
  Figure f;
  f.id = id;
  f.source = source;
  f.money.value = value;
  f.money.currency = "USD";
  f.money.qualifier = q;
  f.money.rule = "amount+scale+currency";
  f.text = q == Qualifier::Over ? "oltre 10 miliardi di dollari" : "10 miliardi di dollari";
  f.orig = Span{40, 40 + f.text.size() + 2};  // the original had two more bytes (curly quotes)
  f.sentence_text = "Si dice che Amazon metterà " + f.text + " in OpenAI, ma la trattativa è appena iniziata e "
                    "nessuna delle due aziende ha voluto commentare la notizia con i giornalisti.";
  f.kind = Kind::Investment;
  f.subject = "amazon";
  f.counterparty = "openai";
  f.modality = Modality::Conditional;
  return f;
}

DocumentResult doc_a() {
  DocumentResult d;
  d.source = Source{"a", "in/a.txt", std::string("2025-12"), "it", "UTF-8", {"invalid UTF-8 at byte 3 replaced"}};
  d.entities = {Entity{"amazon", "Amazon", EntityType::Org, std::nullopt, true, 2},
                Entity{"openai", "OpenAI", EntityType::Org, std::nullopt, true, 1},
                Entity{"the-information", "The Information", EntityType::Media, std::nullopt, true, 0}};
  Figure f1 = make_figure("a#f1", "a", 1e10, Qualifier::Over);
  f1.money.period_years = 7;
  f1.time = TimeExpr{{0, 4}, "2025-11-01", "2025-11-30", "month", "month-year"};
  Figure f2 = make_figure("a#f2", "a", 9.2e9, Qualifier::Exact);
  f2.money.currency = "EUR";
  f2.money.conversion_of = 0;
  f2.subject.reset();
  d.figures = {f1, f2};
  Quantity q;
  q.value = 5;
  q.unit = "percent";
  q.text = "5%";
  q.orig = {100, 102};
  d.quantities = {q};
  Fact fact;
  fact.id = "a#c1";
  fact.source = "a";
  fact.kind = "exclusive_rights";
  fact.subject = "microsoft";
  fact.until = TimeExpr{{}, "2030-01-01", "2030-12-31", "year", "fino-al-anno"};
  fact.text = "diritti esclusivi fino al 2030";
  fact.sentence_text = "Microsoft mantiene diritti esclusivi fino al 2030.";
  d.facts = {fact};
  d.bytes = 300;
  return d;
}

DocumentResult doc_b() {
  DocumentResult d;
  d.source = Source{"b", "in/b.txt", std::nullopt, "it", "UTF-8", {}};
  d.entities = {Entity{"amazon", "Amazon", EntityType::Org, std::nullopt, true, 1},
                Entity{"aws", "Amazon Web Services", EntityType::Org, std::string("amazon"), true, 1}};
  d.figures = {make_figure("b#f1", "b", 1e10, Qualifier::Exact)};
  return d;
}

Report sample_report() {
  Report r;
  r.documents = {doc_a(), doc_b()};
  r.skipped = {SkippedSource{"in/c.txt", "permission denied"}};
  Claim c;
  c.id = "c1";
  c.story = "s1";
  c.key = "investment|amazon|openai";
  c.kind = Kind::Investment;
  c.subject = "amazon";
  c.counterparty = "openai";
  c.figures = {"a#f1", "b#f1"};
  c.sources = {"a", "b"};
  c.status = Status::Conflict;
  Claim rights;
  rights.id = "c2";
  rights.story = "s1";
  rights.fact_kind = "exclusive_rights";
  rights.subject = "microsoft";
  rights.figures = {"a#c1"};
  rights.sources = {"a"};
  r.check.stories = {Story{"s1", "Amazon → OpenAI investment", {"a", "b"}, {"c1", "c2"}}};
  r.check.claims = {c, rights};
  Conflict k;
  k.claim = "c1";
  k.story = "s1";
  k.field = "qualifier";
  k.severity = Severity::Discrepancy;
  k.values = {ConflictValue{"a", "oltre 10 miliardi di dollari", 1e10, "a#f1"},
              ConflictValue{"b", "10 miliardi di dollari", 1e10, "b#f1"}};
  k.message = "over vs exact";
  r.check.conflicts = {k};
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ---------------------------------------------------------------- JSON contract

// A document line lists an id once: twice-listed ids are merged (mentions
// summed), ids sharing only their first eight bytes or their length are not.
TEST(JsonReport, DocumentLineMergesRepeatedEntityIds) {
  DocumentResult d;
  d.source.id = "doc";
  d.entities = {Entity{"intesa-sanpaolo", "Intesa Sanpaolo", EntityType::Org, std::nullopt, true, 2},
                Entity{"intesa-sanpaolo-vita", "Intesa Sanpaolo Vita", EntityType::Org, std::nullopt, true, 1},
                Entity{"eni", "Eni", EntityType::Org, std::nullopt, true, 1},
                Entity{"enel", "Enel", EntityType::Org, std::nullopt, true, 1},
                Entity{"banca-sella-holding", "Banca Sella Holding", EntityType::Org, std::nullopt, true, 1},
                Entity{"banca-sella-finance", "Banca Sella Finance", EntityType::Org, std::nullopt, true, 1},
                Entity{"intesa-sanpaolo", "Intesa Sanpaolo", EntityType::Org, std::nullopt, true, 3}};
  auto ids = [](const DocumentResult& doc) {
    std::vector<std::string> out;
    const Json line = Json::parse(jsonl_document_line(doc));
    for (const auto& e : line["entities"])
      out.push_back(e["id"].get<std::string>() + "/" + std::to_string(e["mentions"].get<int>()));
    return out;
  };
  EXPECT_EQ(ids(d), (std::vector<std::string>{"intesa-sanpaolo/5", "intesa-sanpaolo-vita/1", "eni/1", "enel/1", "banca-sella-holding/1", "banca-sella-finance/1"}));
  d.entities.back().id = "eni";
  EXPECT_EQ(ids(d), (std::vector<std::string>{"intesa-sanpaolo/2", "intesa-sanpaolo-vita/1", "eni/4", "enel/1", "banca-sella-holding/1", "banca-sella-finance/1"}));
  d.entities.pop_back();
  EXPECT_EQ(ids(d), (std::vector<std::string>{"intesa-sanpaolo/2", "intesa-sanpaolo-vita/1", "eni/1", "enel/1", "banca-sella-holding/1", "banca-sella-finance/1"}));
}

// Up to 64 entities are told apart in a small table keyed by length and
// first eight bytes: ids that all share both still merge only when whole.
TEST(JsonReport, DocumentLineMergesRepeatsAmongIdsSharingTheirHead) {
  for (std::size_t count : {std::size_t{63}, std::size_t{64}, std::size_t{65}}) {
    DocumentResult d;
    d.source.id = "doc";
    for (std::size_t i = 0; i < count; ++i) {
      const std::string id = "societa-" + std::to_string(100 + i);  // same length, same first eight bytes
      d.entities.push_back(Entity{id, id, EntityType::Org, std::nullopt, true, 1});
    }
    auto entity_count = [&] { return Json::parse(jsonl_document_line(d))["entities"].size(); };
    EXPECT_EQ(entity_count(), count);
    d.entities.back().id = "societa-130";  // repeats the 31st
    EXPECT_EQ(entity_count(), count - 1);
  }
}

TEST(JsonReport, TopLevelKeysInOrder) {
  Json j = to_json(sample_report());
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema", "sources", "skipped", "stories", "entities", "figures",
                                            "quantities", "facts", "claims", "conflicts"}));
  EXPECT_EQ(j["schema"], "dealscan.report/1");
}

TEST(JsonReport, SourcesKeepPartialDatesAndNulls) {
  Json j = to_json(sample_report());
  EXPECT_EQ(j["sources"][0]["date"], "2025-12");
  EXPECT_TRUE(j["sources"][1]["date"].is_null());
  EXPECT_EQ(j["sources"][0]["warnings"][0], "invalid UTF-8 at byte 3 replaced");
  EXPECT_EQ(j["skipped"][0]["path"], "in/c.txt");
  EXPECT_EQ(j["skipped"][0]["reason"], "permission denied");
}

TEST(JsonReport, FigureFieldsOffsetsAndNulls) {
  Json j = to_json(sample_report());
  ASSERT_EQ(j["figures"].size(), 3u);
  const Json& f = j["figures"][0];
  EXPECT_EQ(f["id"], "a#f1");
  EXPECT_EQ(f["start"], 40);
  EXPECT_EQ(f["end"], 40 + std::string("oltre 10 miliardi di dollari").size() + 2);  // original bytes, not normalised
  EXPECT_EQ(f["value"], 1e10);
  EXPECT_TRUE(f["max"].is_null());
  EXPECT_EQ(f["qualifier"], "over");
  EXPECT_EQ(f["period_years"], 7);
  EXPECT_EQ(f["display"], ">$10bn/7yr");
  EXPECT_EQ(f["modality"], "conditional");
  EXPECT_TRUE(f["attributed_to"].is_null());
  EXPECT_EQ(f["time"]["begin"], "2025-11-01");
  EXPECT_EQ(f["time"]["precision"], "month");
  EXPECT_TRUE(f["conversion_of"].is_null());
  EXPECT_EQ(f["rule"], "amount+scale+currency");
  const Json& conv = j["figures"][1];
  EXPECT_EQ(conv["conversion_of"], "a#f1");  // index 0 of the document's money list
  EXPECT_TRUE(conv["subject"].is_null());
  EXPECT_TRUE(conv["time"].is_null());
  EXPECT_EQ(conv["currency"], "EUR");
}

TEST(JsonReport, EmptyCurrencyIsNull) {
  Report r = sample_report();
  r.documents[1].figures[0].money.currency.clear();
  EXPECT_TRUE(to_json(r)["figures"][2]["currency"].is_null());
}

TEST(JsonReport, EntitiesMergedAcrossDocuments) {
  Json j = to_json(sample_report());
  ASSERT_EQ(j["entities"].size(), 4u);
  const Json& amazon = j["entities"][0];
  EXPECT_EQ(amazon["id"], "amazon");
  EXPECT_EQ(amazon["sources"], Json({"a", "b"}));
  EXPECT_EQ(amazon["mentions"], 3);  // two in a, one in b
  EXPECT_TRUE(amazon["parent"].is_null());
  EXPECT_EQ(j["entities"][2]["type"], "MEDIA");
  EXPECT_EQ(j["entities"][3]["id"], "aws");
  EXPECT_EQ(j["entities"][3]["parent"], "amazon");
}

TEST(JsonReport, QuantitiesFactsClaimsConflicts) {
  Json j = to_json(sample_report());
  EXPECT_EQ(j["quantities"][0]["source"], "a");
  EXPECT_EQ(j["quantities"][0]["start"], 100);
  EXPECT_EQ(j["quantities"][0]["unit"], "percent");
  EXPECT_EQ(j["facts"][0]["until"]["end"], "2030-12-31");
  EXPECT_TRUE(j["facts"][0]["object"].is_null());
  EXPECT_EQ(j["claims"][0]["kind"], "investment");
  EXPECT_EQ(j["claims"][0]["status"], "conflict");
  EXPECT_EQ(j["claims"][1]["kind"], "exclusive_rights");  // fact claims carry their fact kind
  EXPECT_TRUE(j["claims"][1]["counterparty"].is_null());
  EXPECT_EQ(j["conflicts"][0]["severity"], "discrepancy");
  EXPECT_EQ(j["conflicts"][0]["values"][1]["source"], "b");
}

TEST(JsonReport, EmptyReportHasEveryArray) {
  Json j = to_json(Report{});
  for (const char* k : {"sources", "skipped", "stories", "entities", "figures", "quantities", "facts", "claims",
                        "conflicts"}) {
    ASSERT_TRUE(j[k].is_array()) << k;
    EXPECT_TRUE(j[k].empty()) << k;
  }
}

// Differential: the JSON Lines stream and the one-shot JSON agree.
TEST(JsonLines, OneLinePerDocumentThenSummary) {
  Report r = sample_report();
  std::ostringstream out;
  write_jsonl(out, r);
  std::istringstream in(out.str());
  std::vector<Json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  Json whole = to_json(r);
  Json figures = Json::array();
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(lines[i]["type"], "document");
    EXPECT_EQ(lines[i]["source"], whole["sources"][i]);
    for (const auto& f : lines[i]["figures"]) figures.push_back(f);
  }
  EXPECT_EQ(figures, whole["figures"]);
  EXPECT_EQ(lines[2]["type"], "summary");
  EXPECT_EQ(lines[2]["conflicts"], whole["conflicts"]);
  EXPECT_EQ(lines[2]["skipped"], whole["skipped"]);
  EXPECT_EQ(lines[1]["entities"][1]["mentions"], 1);  // per-document counts
}

// ---------------------------------------------------------------- display table

std::optional<double> opt(const std::string& s) {
  return s == "-" ? std::nullopt : std::optional<double>(std::stod(s));
}

TEST(Display, PhraseTable) {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/report/display.tsv");
  ASSERT_TRUE(in) << "missing display.tsv";
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> col;
    std::istringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) col.push_back(c);
    ASSERT_EQ(col.size(), 6u) << line;
    MoneyMention m;
    m.value = std::stod(col[0]);
    m.max = opt(col[1]);
    m.currency = col[2] == "-" ? "" : col[2];
    auto q = qualifier_from(col[3]);
    ASSERT_TRUE(q) << line;
    m.qualifier = *q;
    m.period_years = opt(col[4]);
    EXPECT_EQ(display_money(m), col[5]) << line;
    EXPECT_EQ(report_detail::DisplayMoney(m).text(), col[5]) << line;  // the in-place form
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

// Texts longer than the in-place buffer come out whole all the same.
TEST(Display, InPlaceFallsBackToAStringWhenTooLong) {
  MoneyMention m;
  m.value = 1.5e55;  // 1.5e43 "tn": 44 digits
  m.currency = "XAU";
  m.qualifier = Qualifier::AtLeast;
  const std::string whole = display_money(m);
  EXPECT_TRUE(whole.starts_with("≥XAU 1500000000000000")) << whole;
  EXPECT_GT(whole.size(), 48u);  // past the in-place buffer
  EXPECT_EQ(report_detail::DisplayMoney(m).text(), whole);
  m.value = 2e9;
  m.currency = std::string(60, 'Q');  // a currency code no table would hold
  EXPECT_EQ(report_detail::DisplayMoney(m).text(), "≥" + m.currency + " 2bn");
}

// Only the four codes get a symbol; any other code, however close, is
// written out before the number.
TEST(Display, SymbolsOnlyForTheFourCommonCodes) {
  MoneyMention m;
  m.value = 3e9;
  const std::pair<const char*, const char*> cases[] = {
      {"USD", "$3bn"}, {"EUR", "€3bn"}, {"GBP", "£3bn"}, {"JPY", "¥3bn"},   {"USDX", "USDX 3bn"},
      {"US", "US 3bn"}, {"usd", "usd 3bn"}, {"EUS", "EUS 3bn"}, {"CHF", "CHF 3bn"}, {"", "3bn"}};
  for (const auto& [code, shown] : cases) {
    m.currency = code;
    EXPECT_EQ(display_money(m), shown) << code;
    EXPECT_EQ(report_detail::DisplayMoney(m).text(), shown) << code;
  }
}

// Remembered amounts come back only for a mention that shows the same:
// amounts differing in any displayed field, and more distinct amounts than
// the slots, each get their own text.
TEST(Display, RecentDisplaysMatchDisplayMoney) {
  MoneyMention base;
  base.value = 3e6;
  base.currency = "USD";
  std::vector<MoneyMention> ms(7, base);  // base, then each differing from it in one field
  ms[1].qualifier = Qualifier::About;
  ms[2].max = 9e6;
  ms[3].period_years = 2;
  ms[4].currency = "CHF";
  ms[5].value = -3e6;
  ms[6].value = 3e6 + 1;
  for (int i = 0; i < 30; ++i) {  // more distinct amounts than slots
    MoneyMention m;
    m.value = 1e9 + i;
    m.currency = "GBP";
    ms.push_back(m);
  }
  for (std::size_t i = 0; i < 7; ++i) ms.push_back(ms[i]);  // back after being dropped
  for (std::size_t i = 0; i < 7; ++i) ms.push_back(ms[6 - i]);  // remembered, in another order
  report_detail::RecentDisplays recent;
  for (const auto& m : ms) EXPECT_EQ(recent.text(m), display_money(m)) << m.value;
}

// Pieces of every length up to past the short copies (copy_small's moves
// of 1 to 16 bytes, then memcpy), after an odd start.
TEST(Display, FixedTextCopiesPiecesOfEveryLength) {
  const std::string text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
  for (std::size_t n = 0; n <= 40; ++n) {
    report_detail::FixedText<64> t;
    t.push_back('<');
    t.append(text.data() + 3, n);
    t.push_back('>');
    EXPECT_EQ(t.view(), "<" + text.substr(3, n) + ">") << n;
  }
}

TEST(Display, FixedTextKeepsWhatFitsAndFlagsTheRest) {
  report_detail::FixedText<4> t;
  t.append("ab", 2);
  t.push_back('c');
  EXPECT_FALSE(t.overflowed());
  EXPECT_EQ(t.view(), "abc");
  t.append("de", 2);
  EXPECT_TRUE(t.overflowed());
  EXPECT_EQ(t.view(), "abc");
}

// ---------------------------------------------------------------- text helpers and report

TEST(TextUtil, CountsCodePointsNotBytes) {
  using namespace report_detail;
  EXPECT_EQ(utf8_width("perché €"), 8u);
  EXPECT_EQ(utf8_truncate("Amazon Web Services", 8), "Amazon …");
  EXPECT_EQ(utf8_truncate("così", 4), "così");
  EXPECT_EQ(utf8_truncate("èèèèè", 3), "èè…");
  EXPECT_EQ(pad_right("€1", 4), "€1  ");
  EXPECT_EQ(short_number(1.5), "1.5");
  EXPECT_EQ(short_number(38), "38");
}

// short_number's fast path must round as "%.3f" does, near halfway too.
TEST(TextUtil, ShortNumberRoundsLikePrintf) {
  using namespace report_detail;
  auto printf_form = [](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? std::string("0") : s;
  };
  EXPECT_EQ(short_number(0.0005), "0.001");
  EXPECT_EQ(short_number(1.0005), "1");  // just below the half in binary
  EXPECT_EQ(short_number(-0.0004), "0");
  EXPECT_EQ(short_number(-1.25), "-1.25");
  EXPECT_EQ(short_number(6.6), "6.6");
  EXPECT_EQ(short_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(short_number(123456789.5), "123456789.5");
  EXPECT_EQ(short_number(2e9 + 0.25), "2000000000.25");
  std::vector<double> values;
  for (int k = -3000; k <= 3000; ++k) {
    const double x = k / 1000.0;
    for (double d : {0.0, 0.0005, -0.0005, 0.0004999, 0.0005001, 1e-12}) values.push_back(x + d);
    values.push_back(x * 1234.5678);
    values.push_back(x / 7.0);
  }
  for (double v : values) ASSERT_EQ(short_number(v), printf_form(v)) << v;
}

TEST(TextUtil, TrimsLongSentencesAroundTheFigure) {
  using namespace report_detail;
  std::string s = "uno due tre quattro cinque sei sette 10 miliardi otto nove dieci undici dodici tredici";
  std::string t = trim_around(s, "10 miliardi", 12);
  EXPECT_NE(t.find("10 miliardi"), std::string::npos);
  EXPECT_EQ(t.rfind("…", 0), 0u);  // cut at the start
  EXPECT_LT(t.size(), s.size());
  EXPECT_EQ(trim_around("breve frase", "frase", 40), "breve frase");
}

TEST(TextReport, HeaderRowsConflictsEntities) {
  std::ostringstream out;
  write_text(out, sample_report(), TextOptions{});
  std::string t = out.str();
  EXPECT_NE(t.find("2 sources, 3 figures, 1 stories, 1 conflicts, 1 skipped"), std::string::npos) << t;
  EXPECT_NE(t.find("[1] a (2025-12)"), std::string::npos) << t;
  // The claim row: kind, parties, one cell per source, status.
  std::istringstream lines(t);
  bool row = false, rights = false;
  for (std::string l; std::getline(lines, l);) {
    if (l.rfind("  investment", 0) == 0 && l.find("Amazon → OpenAI") != std::string::npos) {
      row = true;
      EXPECT_NE(l.find(">$10bn/7yr"), std::string::npos) << l;
      EXPECT_LT(l.find(">$10bn/7yr"), l.find(" $10bn ")) << l;  // source columns in story order
      EXPECT_NE(l.find("✗ conflict"), std::string::npos) << l;
    }
    if (l.rfind("  exclusive_rights", 0) == 0) {
      rights = true;
      EXPECT_NE(l.find("until 2030"), std::string::npos) << l;
      EXPECT_NE(l.find("· single"), std::string::npos) << l;
    }
  }
  EXPECT_TRUE(row) << t;
  EXPECT_TRUE(rights) << t;
  EXPECT_NE(t.find("qualifier (discrepancy): over vs exact"), std::string::npos) << t;
  EXPECT_NE(t.find("a: “Si dice che Amazon"), std::string::npos) << t;
  EXPECT_NE(t.find("…”"), std::string::npos) << "long sentence trimmed\n" << t;
  EXPECT_NE(t.find("ORG    Amazon, OpenAI, Amazon Web Services"), std::string::npos) << t;
  EXPECT_NE(t.find("MEDIA  The Information"), std::string::npos) << t;
}

TEST(TextReport, ColourOnlyWhenAsked) {
  std::ostringstream plain, coloured;
  write_text(plain, sample_report(), TextOptions{false, true});
  write_text(coloured, sample_report(), TextOptions{true, true});
  EXPECT_EQ(plain.str().find("\x1b["), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b["), std::string::npos);
}

TEST(TextReport, AlignedColumnsWithAccents) {
  Report r = sample_report();
  r.documents[0].entities[0].name = "Società Èlite";  // accents must not shift the next columns
  std::ostringstream out;
  write_text(out, r, TextOptions{});
  std::istringstream lines(out.str());
  std::size_t header_col = 0, row_col = 0;
  for (std::string l; std::getline(lines, l);) {
    if (l.find("parties") != std::string::npos) header_col = report_detail::utf8_width(l.substr(0, l.find("[1]")));
    if (l.find("Società") != std::string::npos && l.find(">$10bn") != std::string::npos)
      row_col = report_detail::utf8_width(l.substr(0, l.find(">$10bn")));
  }
  EXPECT_GT(header_col, 0u);
  EXPECT_EQ(header_col, row_col);
}

// ---------------------------------------------------------------- compare_expected

nlohmann::json expected_for_sample() {
  return nlohmann::json::parse(R"({
    "aliases": {"Amazon": ["Amazon.com"]},
    "stories": [{"id": "x", "sources": ["a", "b"],
                 "discrepancies": [{"field": "qualifier", "sources": ["a", "b"]}]}],
    "figures": {
      "a": [{"value": 1e10, "currency": "USD", "qualifier": "over", "period_years": 7, "kind": "investment",
             "subject": "Amazon.com", "counterparty": "OpenAI"},
            {"value": 9.2e9, "currency": "EUR", "qualifier": "exact", "period_years": null, "kind": "investment",
             "subject": null, "counterparty": "openai"}],
      "in/b.txt": [{"value": 1.004e10, "currency": "$", "qualifier": "exact", "period_years": null,
                    "kind": "contract", "kind_alt": ["investment"], "subject": "Amazon", "counterparty": "OpenAI"}]
    }})");
}

TEST(Check, MatchesWithAliasesAltsAndTolerance) {
  CheckResult r = compare_expected(expected_for_sample(), sample_report());
  EXPECT_TRUE(r.match) << r.summary << "\n" << (r.differences.empty() ? "" : r.differences[0]);
  EXPECT_EQ(r.summary, "3/3 figures matched (0 with differences), 0 missing, 0 extra; 1/1 expected conflicts found");
}

TEST(Check, ReportsAttributeDifferences) {
  auto e = expected_for_sample();
  e["figures"]["a"][0]["qualifier"] = "about";
  e["figures"]["a"][0]["counterparty"] = "Microsoft";
  CheckResult r = compare_expected(e, sample_report());
  ASSERT_FALSE(r.match);
  ASSERT_EQ(r.differences.size(), 1u);
  EXPECT_NE(r.differences[0].find("qualifier expected \"about\" got \"over\""), std::string::npos) << r.differences[0];
  EXPECT_NE(r.differences[0].find("counterparty expected \"Microsoft\" got openai"), std::string::npos);
}

TEST(Check, MissingExtraAndOutsideTolerance) {
  auto e = expected_for_sample();
  e["figures"]["in/b.txt"][0]["value"] = 1.006e10;  // 0.6% off: no longer the same figure
  CheckResult r = compare_expected(e, sample_report());
  ASSERT_FALSE(r.match);
  ASSERT_EQ(r.differences.size(), 2u);
  EXPECT_EQ(r.differences[0].rfind("b: missing", 0), 0u) << r.differences[0];
  EXPECT_EQ(r.differences[1].rfind("b: extra", 0), 0u) << r.differences[1];
}

TEST(Check, OneToOneMatching) {
  auto e = expected_for_sample();
  e["figures"]["in/b.txt"].push_back(e["figures"]["in/b.txt"][0]);  // two expected, one extracted
  CheckResult r = compare_expected(e, sample_report());
  EXPECT_FALSE(r.match);
  EXPECT_NE(r.summary.find("3/4 figures matched"), std::string::npos) << r.summary;
}

TEST(Check, OptionalFiguresAbsorbExtras) {
  auto e = expected_for_sample();
  e["figures"]["a"].erase(1);
  EXPECT_FALSE(compare_expected(e, sample_report()).match);
  e["figures_optional"]["a"] = nlohmann::json::parse(R"([{"value": 9e9, "max": 9.9e9, "currency": "EUR"}])");
  EXPECT_TRUE(compare_expected(e, sample_report()).match);
}

TEST(Check, ConflictNotFoundAndUnknownSource) {
  auto e = expected_for_sample();
  e["stories"][0]["discrepancies"][0]["field"] = "date";
  e["figures"]["zzz"] = nlohmann::json::array({{{"value", 1}, {"currency", "USD"}}});
  CheckResult r = compare_expected(e, sample_report());
  ASSERT_FALSE(r.match);
  EXPECT_NE(r.summary.find("0/1 expected conflicts found"), std::string::npos);
  bool conflict = false, source = false;
  for (const auto& d : r.differences) {
    conflict |= d == "conflict date between a and b: not found";
    source |= d.rfind("zzz: source not in the report", 0) == 0;
  }
  EXPECT_TRUE(conflict);
  EXPECT_TRUE(source);
}

TEST(Check, MalformedExpectedNamesTheKey) {
  auto bad = nlohmann::json::parse(R"({"figures": {"a": [{"value": "ten"}]}})");
  auto v = validate_expected(bad);
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.error().message.find("figures.a[0].value"), std::string::npos) << v.error().message;
  EXPECT_FALSE(validate_expected(nlohmann::json::array()).ok());
  EXPECT_FALSE(validate_expected(nlohmann::json::parse(R"({"stories": [{"discrepancies": [{"field": "x"}]}]})")).ok());
  EXPECT_FALSE(compare_expected(bad, sample_report()).match);
  EXPECT_TRUE(validate_expected(expected_for_sample()).ok());
}

TEST(Check, SeedsExpectedFileIsWellFormed) {
  auto j = nlohmann::json::parse(read_file(std::string(DEALSCAN_SOURCE_DIR) + "/seeds/expected.json"));
  ASSERT_TRUE(validate_expected(j).ok());
  EXPECT_EQ(j["figures"]["000_cda894d501949f3a"].size(), 8u);
  EXPECT_EQ(j["figures"]["001_b0abaa3699e14054"].size(), 4u);
  EXPECT_EQ(j["stories"][0]["discrepancies"].size(), 3u);
}

// ---------------------------------------------------------------- JSON Schema (structural)

// A small validator for the subset of JSON Schema 2020-12 that
// docs/report.schema.json uses: type, const, enum, required, properties,
// items, minimum, local $ref. Errors are collected with their JSON path.
class SchemaCheck {
 public:
  explicit SchemaCheck(const nlohmann::json& root) : root_(root) {}

  std::vector<std::string> validate(const Json& v) {
    errors_.clear();
    check(root_, v, "$");
    return errors_;
  }

 private:
  static bool has_type(const Json& v, const std::string& t) {
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "string") return v.is_string();
    if (t == "integer") return v.is_number_integer();
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return false;
  }

  const nlohmann::json& resolve(const nlohmann::json& s) {
    if (!s.contains("$ref")) return s;
    std::string ref = s["$ref"];
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
      errors_.push_back("unresolvable $ref " + ref);
      return root_;
    }
    return root_["$defs"][ref.substr(prefix.size())];
  }

  void check(const nlohmann::json& schema, const Json& v, const std::string& path) {
    const nlohmann::json& s = resolve(schema);
    if (s.contains("type")) {
      std::vector<std::string> types =
          s["type"].is_array() ? s["type"].get<std::vector<std::string>>() : std::vector<std::string>{s["type"]};
      bool ok = false;
      for (const auto& t : types) ok |= has_type(v, t);
      if (!ok) return errors_.push_back(path + ": wrong type, want " + s["type"].dump() + " got " + v.dump());
    }
    if (s.contains("const") && nlohmann::json::parse(v.dump()) != s["const"]) errors_.push_back(path + ": not const");
    if (s.contains("enum")) {
      bool ok = false;
      for (const auto& e : s["enum"]) ok |= nlohmann::json::parse(v.dump()) == e;
      if (!ok) errors_.push_back(path + ": " + v.dump() + " not in enum");
    }
    if (s.contains("minimum") && v.is_number() && v.get<double>() < s["minimum"].get<double>())
      errors_.push_back(path + ": below minimum");
    if (v.is_object()) {
      for (const auto& r : s.value("required", nlohmann::json::array()))
        if (!v.contains(r.get<std::string>())) errors_.push_back(path + ": missing " + r.get<std::string>());
      if (s.contains("properties"))
        for (const auto& [k, sub] : s["properties"].items())
          if (v.contains(k)) check(sub, v[k], path + "." + k);
    }
    if (v.is_array() && s.contains("items"))
      for (std::size_t i = 0; i < v.size(); ++i) check(s["items"], v[i], path + "[" + std::to_string(i) + "]");
  }

  const nlohmann::json& root_;
  std::vector<std::string> errors_;
};

nlohmann::json load_schema() {
  return nlohmann::json::parse(read_file(std::string(DEALSCAN_SOURCE_DIR) + "/docs/report.schema.json"));
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) s += e + "\n";
  return s;
}

TEST(Schema, HandBuiltReportConforms) {
  auto schema = load_schema();
  SchemaCheck check(schema);
  auto errors = check.validate(to_json(sample_report()));
  EXPECT_TRUE(errors.empty()) << joined(errors);
}

TEST(Schema, SeedsReportConforms) {
  auto schema = load_schema();
  RunOptions options;
  options.threads = 1;
  Report r = run_pipeline({std::string(DEALSCAN_SOURCE_DIR) + "/seeds"}, Lexicon::builtin(), options);
  ASSERT_EQ(r.documents.size(), 2u);
  SchemaCheck check(schema);
  auto errors = check.validate(to_json(r));
  EXPECT_TRUE(errors.empty()) << joined(errors);
}

TEST(Schema, CatchesBrokenReports) {
  auto schema = load_schema();
  SchemaCheck check(schema);
  Json j = to_json(sample_report());
  j["figures"][0]["qualifier"] = "roughly";
  j["figures"][1].erase("display");
  j["entities"][0]["mentions"] = "3";
  auto errors = check.validate(j);
  EXPECT_EQ(errors.size(), 3u) << joined(errors);
}

}  // namespace
}  // namespace dealscan

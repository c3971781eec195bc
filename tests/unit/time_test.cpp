// Time expressions: the phrase table tests/data/time/cases.tsv (positive and
// negative cases), compare_times, and a few properties of the extractor.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

struct Case {
  int line = 0;
  std::optional<std::string> doc_date;
  std::string text;  // brackets removed
  Span expected;     // empty when no time is expected
  std::string begin, end, precision;
};

std::string dash_empty(const std::string& s) { return s == "-" ? "" : s; }

std::vector<Case> load_cases() {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/time/cases.tsv");
  std::vector<Case> cases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() != 5) {
      ADD_FAILURE() << "cases.tsv:" << n << ": expected 5 columns, got " << cols.size();
      continue;
    }
    Case c;
    c.line = n;
    if (cols[0] != "-") c.doc_date = cols[0];
    auto open = cols[1].find('['), close = cols[1].find(']');
    if (open != std::string::npos && close != std::string::npos && close > open) {
      c.text = cols[1].substr(0, open) + cols[1].substr(open + 1, close - open - 1) + cols[1].substr(close + 1);
      c.expected = Span{open, close - 1};
    } else {
      c.text = cols[1];
    }
    c.begin = dash_empty(cols[2]);
    c.end = dash_empty(cols[3]);
    c.precision = dash_empty(cols[4]);
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string describe(const std::vector<TimeExpr>& got, const std::string& text) {
  std::string s;
  for (const auto& t : got)
    s += "  [" + text.substr(t.span.begin, t.span.size()) + "] " + t.begin + ".." + t.end + " " + t.precision +
         " (" + t.rule + ")\n";
  return s.empty() ? "  (nothing)\n" : s;
}

TEST(TimeCases, PhraseTable) {
  TimeExtractor ex(Lexicon::builtin());
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 60u);
  for (const auto& c : cases) {
    auto got = ex.extract(c.text, {}, c.doc_date);
    SCOPED_TRACE("cases.tsv:" + std::to_string(c.line) + ": " + c.text + "\n" + describe(got, c.text));
    if (c.expected.empty()) {
      EXPECT_TRUE(got.empty());
      continue;
    }
    const TimeExpr* hit = nullptr;
    for (const auto& t : got)
      if (t.span == c.expected) hit = &t;
    if (!hit) {
      ADD_FAILURE() << "expected [" << c.text.substr(c.expected.begin, c.expected.size()) << "]";
      continue;
    }
    EXPECT_EQ(hit->begin, c.begin);
    EXPECT_EQ(hit->end, c.end);
    EXPECT_EQ(hit->precision, c.precision);
    EXPECT_FALSE(hit->rule.empty());
  }
}

TEST(TimeExtractor, EmptyAndGarbageInput) {
  TimeExtractor ex(Lexicon::builtin());
  EXPECT_TRUE(ex.extract("", {}, std::nullopt).empty());
  EXPECT_TRUE(ex.extract("\xff\xfe\x80 nel", {}, std::string("2025-01-01")).empty());
  EXPECT_TRUE(ex.extract("dal", {}, std::string("2025-01-01")).empty());
  // A malformed document date counts as none: relative words are skipped.
  EXPECT_TRUE(ex.extract("ieri", {}, std::string("2025-13-40")).empty());
}

TEST(TimeExtractor, MonthOnlyDocumentDateSkipsDayWords) {
  TimeExtractor ex(Lexicon::builtin());
  EXPECT_TRUE(ex.extract("Ieri il titolo è salito.", {}, std::string("2025-03")).empty());
  auto got = ex.extract("L'anno scorso il titolo è salito.", {}, std::string("2025-03"));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].begin, "2024-01-01");
}

TEST(TimeExtractor, SeveralExpressionsInOrder) {
  TimeExtractor ex(Lexicon::builtin());
  std::string text = "Dal 2023 al 2025 il gruppo è cresciuto; nel 2026 punta all'estero, fino agli anni Trenta.";
  auto got = ex.extract(text, {}, std::string("2025-09-01"));
  ASSERT_EQ(got.size(), 3u) << describe(got, text);
  EXPECT_EQ(text.substr(got[0].span.begin, got[0].span.size()), "Dal 2023 al 2025");
  EXPECT_EQ(got[1].begin, "2026-01-01");
  EXPECT_EQ(got[2].end, "2039-12-31");
  EXPECT_EQ(got[2].begin, "");
  EXPECT_LT(got[0].span.end, got[1].span.begin);
}

TEST(TimeExtractor, DecadeWithoutDocumentDateUsesYearsInText) {
  TimeExtractor ex(Lexicon::builtin());
  auto got = ex.extract("Nel 2024 si parlava degli anni Trenta.", {}, std::nullopt);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].begin, "2030-01-01");
  EXPECT_TRUE(ex.extract("Si parlava degli anni Trenta.", {}, std::nullopt).empty());
}

TEST(TimeExtractor, ExtraLexiconEntriesAreUsed) {
  Lexicon lex = Lexicon::builtin();
  ASSERT_TRUE(lex.add_file_text("[months]\nsett.\tmonth=9\n", "extra").ok());
  TimeExtractor ex(lex);
  auto got = ex.extract("Il 5 sett. 2024 fu firmato.", {}, std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].begin, "2024-09-05");
}

// ---- compare_times

TimeExpr T(std::string b, std::string e, std::string p) { return TimeExpr{{}, std::move(b), std::move(e), std::move(p), "t"}; }

TEST(CompareTimes, SameOverlapDisjoint) {
  auto y2030 = T("2030-01-01", "2030-12-31", "year");
  auto d2030s = T("2030-01-01", "2039-12-31", "decade");
  EXPECT_EQ(compare_times(y2030, y2030), TimeRelation::Same);
  EXPECT_EQ(compare_times(y2030, d2030s), TimeRelation::Overlap);
  EXPECT_EQ(compare_times(d2030s, y2030), TimeRelation::Overlap);
  EXPECT_EQ(compare_times(T("2029-01-01", "2029-12-31", "year"), T("2031-01-01", "2031-12-31", "year")),
            TimeRelation::Disjoint);
  // Touching but not sharing a day.
  EXPECT_EQ(compare_times(T("2025-01-01", "2025-06-30", "half"), T("2025-07-01", "2025-12-31", "half")),
            TimeRelation::Disjoint);
}

TEST(CompareTimes, OpenIntervalsByTheirClosedEnd) {
  auto until2030 = T("", "2030-12-31", "year");
  auto until30s = T("", "2039-12-31", "decade");
  EXPECT_EQ(compare_times(until2030, until30s), TimeRelation::Overlap);
  EXPECT_EQ(compare_times(until2030, T("", "2030-12-31", "year")), TimeRelation::Same);
  EXPECT_EQ(compare_times(until2030, T("", "2027-12-31", "year")), TimeRelation::Disjoint);
  EXPECT_EQ(compare_times(T("2023-01-01", "", "year"), T("2023-01-01", "2023-12-31", "year")), TimeRelation::Overlap);
  // "dal 2023" and "fino al 2023" say different things.
  EXPECT_EQ(compare_times(T("2023-01-01", "", "year"), T("", "2023-12-31", "year")), TimeRelation::Unknown);
}

TEST(CompareTimes, UnresolvedIsUnknown) {
  EXPECT_EQ(compare_times(T("", "", "open"), T("2030-01-01", "2030-12-31", "year")), TimeRelation::Unknown);
  EXPECT_EQ(compare_times(T("bad", "", "year"), T("2030-01-01", "2030-12-31", "year")), TimeRelation::Unknown);
}

}  // namespace
}  // namespace dealscan

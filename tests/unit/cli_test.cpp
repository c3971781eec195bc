// End-to-end tests of the dealscan binary (DEALSCAN_BINARY): formats, exit
// codes, error paths, and the golden JSON report of the seeds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/binary.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const std::string kSource = DEALSCAN_SOURCE_DIR;
const std::string kData = std::string(DEALSCAN_TEST_DATA) + "/cli";

using dealscan::test_support::run_shell;
using dealscan::test_support::RunResult;
using dealscan::test_support::slurp;
using dealscan::test_support::TempDir;

RunResult dealscan(const std::string& args, const std::string& dir = kSource) {
  return dealscan::test_support::run_dealscan(args, dir);
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// ---------------------------------------------------------------- formats

TEST(Cli, JsonOnSeedsParses) {
  RunResult r = dealscan("--format json seeds/");
  ASSERT_EQ(r.code, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["schema"], "dealscan.report/1");
  ASSERT_EQ(j["sources"].size(), 2u);
  EXPECT_EQ(j["sources"][0]["id"], "000_cda894d501949f3a");  // folder entries in sorted order
  EXPECT_EQ(j["sources"][1]["date"], "2025-12-17");
}

TEST(Cli, JsonPipesThroughJq) {
  if (std::system("command -v jq >/dev/null 2>&1") != 0) GTEST_SKIP() << "jq not installed";
  RunResult r = dealscan("--format json seeds/ | jq -e -r '.sources | map(.id) | join(\",\")'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "000_cda894d501949f3a,001_b0abaa3699e14054\n");
}

// Differential: the streamed form carries the same figures as the one-shot JSON.
TEST(Cli, JsonLinesAgreesWithJson) {
  RunResult whole = dealscan("--format json seeds/");
  RunResult lines = dealscan("--format jsonl seeds/");
  ASSERT_EQ(lines.code, 0) << lines.err;
  Json j = Json::parse(whole.out);
  std::istringstream in(lines.out);
  Json figures = Json::array();
  int documents = 0;
  std::string line, last;
  while (std::getline(in, line)) {
    Json l = Json::parse(line);
    if (l["type"] == "document") {
      ++documents;
      for (const auto& f : l["figures"]) figures.push_back(f);
    }
    last = line;
  }
  EXPECT_EQ(documents, 2);
  EXPECT_EQ(figures, j["figures"]);
  EXPECT_EQ(Json::parse(last)["type"], "summary");
  EXPECT_EQ(Json::parse(last)["conflicts"], j["conflicts"]);
}

TEST(Cli, TextReportWhenPipedHasNoColour) {
  RunResult r = dealscan("seeds/");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("dealscan: 2 sources, ", 0), 0u) << r.out;
  EXPECT_FALSE(contains(r.out, "\x1b["));
}

TEST(Cli, OutputFile) {
  TempDir tmp;
  RunResult r = dealscan("--format json -o '" + (tmp.path() / "r.json").string() + "' seeds/");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(Json::parse(slurp(tmp.path() / "r.json"))["sources"].size(), 2u);
}

TEST(Cli, VersionMatchesProject) {
  RunResult r = dealscan("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, std::string("dealscan ") + DEALSCAN_PROJECT_VERSION + "\n");
}

TEST(Cli, VerboseLogNamesTheAllocator) {
  RunResult r = dealscan("-vv --format json seeds/");
  ASSERT_EQ(r.code, 0) << r.err;
#if DEALSCAN_WITH_MIMALLOC
  EXPECT_THAT(r.err, ::testing::HasSubstr("dealscan: allocator: mimalloc 2."));
#else
  EXPECT_THAT(r.err, ::testing::HasSubstr("dealscan: allocator: system malloc"));
#endif
}

TEST(Cli, GlobSelectsFolderFiles) {
  RunResult r = dealscan("--format json --glob 'one.*' '" + kData + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_EQ(j["sources"][0]["id"], "one");
  EXPECT_EQ(j["sources"][0]["date"], "2025-03-04");
}

TEST(Cli, ReadsStdin) {
  RunResult r = dealscan("--format json - < '" + kData + "/one.txt'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Json::parse(r.out)["sources"][0]["id"], "stdin");
}

// ---------------------------------------------------------------- error paths and exit codes

TEST(Cli, MissingPathIsUsageErrorNamingThePath) {
  RunResult r = dealscan("--format json no-such-file.txt");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "dealscan: no-such-file.txt: ")) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, MissingPathBesideGoodOneIsPartial) {
  RunResult r = dealscan("--format json no-such-file.txt seeds/");
  EXPECT_EQ(r.code, 3);
  EXPECT_TRUE(contains(r.err, "dealscan: no-such-file.txt: ")) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["sources"].size(), 2u);
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["skipped"][0]["path"], "no-such-file.txt");
}

// JSON Lines keeps documents in a temporary file: without one the run
// cannot do its job, and says where it looked.
TEST(Cli, JsonLinesWithoutATemporaryFolderIsAnErrorNamingIt) {
  RunResult r = run_shell("TMPDIR=/no-such-folder dealscan --format jsonl seeds/", kSource);
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "cannot create a temporary file in /no-such-folder")) << r.err;
}

// A whole-report run keeps its documents in memory; grouping stories uses a
// temporary file when it can, and does without one the same.
TEST(Cli, JsonWithoutATemporaryFolderGivesTheSameReport) {
  RunResult without = run_shell("TMPDIR=/no-such-folder dealscan --format json seeds/", kSource);
  RunResult with = run_shell("dealscan --format json seeds/", kSource);
  EXPECT_EQ(without.code, 0) << without.err;
  EXPECT_EQ(without.out, with.out);
  EXPECT_TRUE(contains(without.out, "\"stories\"")) << without.out.substr(0, 200);
}

TEST(Cli, JsonLinesHonoursTmpdir) {
  TempDir tmp;
  RunResult r = run_shell("TMPDIR='" + tmp.path().string() + "' dealscan --format jsonl seeds/", kSource);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\"type\":\"summary\"")) << r.out.substr(0, 200);
  EXPECT_TRUE(fs::is_empty(tmp.path()));  // unlinked as soon as made
}

TEST(Cli, QuietStillReportsSkippedInputs) {
  RunResult r = dealscan("-q --format json no-such-file.txt seeds/");
  EXPECT_EQ(r.code, 3);
  EXPECT_TRUE(contains(r.err, "dealscan: no-such-file.txt: ")) << r.err;
}

TEST(Cli, EmptyFolderIsUsageError) {
  TempDir tmp;
  RunResult r = dealscan("'" + tmp.path().string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "no input could be read")) << r.err;
}

TEST(Cli, NoPathsIsUsageError) {
  RunResult r = dealscan("--format json");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(r.err.empty());
}

TEST(Cli, UnknownFormatIsUsageError) {
  RunResult r = dealscan("--format xml seeds/");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "xml")) << r.err;
}

TEST(Cli, InvalidUtf8IsReadWithAWarning) {
  RunResult r = dealscan("--format json '" + kData + "/latin1.txt'");
  ASSERT_EQ(r.code, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_EQ(j["sources"].size(), 1u);
  EXPECT_TRUE(j["skipped"].empty());
  EXPECT_FALSE(j["sources"][0]["warnings"].empty()) << j["sources"][0].dump();
}

TEST(Cli, UnreadableFileIsSkipped) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TempDir tmp;
  fs::path locked = tmp.write("locked.txt", "Alfa ha pagato 5 milioni di euro.\n");
  fs::permissions(locked, fs::perms::none);
  RunResult r = dealscan("--format json '" + locked.string() + "' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 3);
  EXPECT_TRUE(contains(r.err, "dealscan: " + locked.string() + ": ")) << r.err;
  EXPECT_EQ(Json::parse(r.out)["sources"].size(), 1u);
}

TEST(Cli, TooLargeFileIsSkipped) {
  RunResult r = dealscan("--max-file-size 10 '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, kData + "/one.txt: ")) << r.err;
}

TEST(Cli, BadExtraLexiconIsUsageError) {
  TempDir tmp;
  fs::path lex = tmp.write("extra.tsv", "Alfa S.p.A.\ttype=ORG\n");  // no [list] section
  RunResult r = dealscan("--lexicon '" + lex.string() + "' seeds/");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "extra.tsv")) << r.err;
}

TEST(Cli, ExtraLexiconIsAccepted) {
  TempDir tmp;
  fs::path lex = tmp.write("extra.tsv", "[gazetteer]\nAlfa Industrie S.p.A.|Alfa\ttype=ORG\n");
  RunResult r = dealscan("--format json --lexicon '" + lex.string() + "' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 0) << r.err;
}

// The exit status follows the report: 1 exactly when conflicts were found.
TEST(Cli, FailOnConflictFollowsTheReport) {
  RunResult plain = dealscan("--format json seeds/");
  RunResult strict = dealscan("--format json --fail-on-conflict seeds/");
  ASSERT_EQ(plain.code, 0);
  bool conflicts = !Json::parse(strict.out)["conflicts"].empty();
  EXPECT_EQ(strict.code, conflicts ? 1 : 0);
  EXPECT_EQ(strict.out, plain.out);
}

// ---------------------------------------------------------------- check

TEST(Cli, CheckMalformedExpectedSaysWhere) {
  RunResult r = dealscan("check --expected '" + kData + "/malformed-expected.json' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "malformed-expected.json: invalid JSON at byte")) << r.err;
  EXPECT_TRUE(contains(r.err, "line 4")) << r.err;
}

TEST(Cli, CheckWrongShapeNamesTheKey) {
  RunResult r = dealscan("check --expected '" + kData + "/wrong-shape-expected.json' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "figures.one[0].value")) << r.err;
}

TEST(Cli, CheckMissingExpectedOptionIsUsageError) {
  RunResult r = dealscan("check seeds/");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "--expected")) << r.err;
}

TEST(Cli, CheckReportsMissingFigureAsDrift) {
  TempDir tmp;
  fs::path e = tmp.write("e.json", R"({"figures": {"one": [{"text": "quattro", "value": 4e15, "currency": "EUR"}]}})");
  RunResult r = dealscan("check --expected '" + e.string() + "' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "one: missing \"quattro\"")) << r.out;
  EXPECT_TRUE(contains(r.out, "check: DRIFT: 0/1 figures matched")) << r.out;
}

TEST(Cli, CheckMatchesAHandAnnotatedArticle) {
  TempDir tmp;
  fs::path e = tmp.write("e.json", R"({"figures": {"one": [
      {"value": 3e6, "currency": "EUR", "qualifier": "exact", "period_years": null, "kind": "investment",
       "subject": null, "counterparty": null}]}})");
  RunResult r = dealscan("check --expected '" + e.string() + "' '" + kData + "/one.txt'");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "check: OK: 1/1 figures matched")) << r.out;
}

// ---------------------------------------------------------------- golden

// The seeds' JSON report, byte for byte. Regenerate with scripts/update-golden
// after an intended change and review the diff.
TEST(Golden, SeedsJson) {
  RunResult r = dealscan("--format json seeds/");
  ASSERT_EQ(r.code, 0) << r.err;
  fs::path golden = fs::path(kSource) / "tests/golden/seeds.json";
  std::string want = slurp(golden);
  if (r.out == want) return;
  TempDir tmp;
  fs::path got = tmp.write("seeds.json", r.out);
  std::string d;
  {
    std::string cmd = "diff -u '" + golden.string() + "' '" + got.string() + "' | head -200";
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    for (std::size_t n; p && (n = fread(buf, 1, sizeof buf, p)) > 0;) d.append(buf, n);
    if (p) pclose(p);
  }
  ADD_FAILURE() << "seeds JSON differs from tests/golden/seeds.json (regenerate: scripts/update-golden)\n" << d;
}

}  // namespace

// Sharded runs: read_jsonl (write_jsonl read back) and `dealscan merge`.
// The central property: cross-checking the shards' documents together gives
// the report of one run over every input, byte for byte, however the inputs
// were split; plus the reader's errors (tables in tests/data/merge/) and the
// GNU parallel / xargs pipelines the README shows.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/binary.h"
#include "dealscan/crosscheck.h"
#include "dealscan/pipeline.h"
#include "dealscan/report.h"

namespace {

namespace fs = std::filesystem;
using namespace dealscan;
using Json = nlohmann::ordered_json;

const std::string kSource = DEALSCAN_SOURCE_DIR;
const std::string kData = std::string(DEALSCAN_TEST_DATA) + "/merge";
const std::string kBinary = DEALSCAN_BINARY;

// The inputs every equality test uses: the seeds and this module's articles.
std::vector<std::string> all_inputs() {
  return {kSource + "/seeds/000_cda894d501949f3a.txt", kSource + "/seeds/001_b0abaa3699e14054.txt",
          kData + "/articles/a1_enel.txt", kData + "/articles/a2_enel.txt", kData + "/articles/a3_stellantis.txt"};
}

const Lexicon& lexicon() {
  static const Lexicon l = Lexicon::builtin();
  return l;
}

Report run(const std::vector<std::string>& paths) { return run_pipeline(paths, lexicon(), RunOptions{}); }

std::string jsonl_of(const Report& r) {
  std::ostringstream out;
  write_jsonl(out, r);
  return out.str();
}

std::string json_of(const Report& r) { return to_json(r).dump(1); }

std::string text_of(const Report& r) {
  std::ostringstream out;
  write_text(out, r, TextOptions{});
  return out.str();
}

// Shards read back in order and cross-checked together, as `dealscan merge` does.
Report merge(const std::vector<std::string>& shards) {
  Report r;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    std::istringstream in(shards[i]);
    auto shard = read_jsonl(in, "shard" + std::to_string(i));
    EXPECT_TRUE(shard.ok()) << shard.error().message;
    if (!shard) continue;
    for (auto& d : shard->documents) r.documents.push_back(std::move(d));
    for (auto& s : shard->skipped) r.skipped.push_back(std::move(s));
  }
  r.check = cross_check(r.documents, lexicon());
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Tab-separated rows of a data file, comments and blank lines left out.
std::vector<std::vector<std::string>> table(const std::string& name) {
  std::ifstream in(kData + "/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

// ---------------------------------------------------------------- streaming

// What `--format jsonl` does: document lines written from on_document, in
// input order whatever the thread count; documents archived for the
// cross-check, which then runs a story at a time into JsonlSummaryWriter.
// The bytes must be those of write_jsonl.
TEST(StreamedJsonl, EqualsTheWholeReportWrittenAtTheEnd) {
  const std::string whole = jsonl_of(run(all_inputs()));
  for (unsigned threads : {1u, 2u, 4u}) {
    ArchiveCrossCheck archive(lexicon());
    RunOptions options;
    options.threads = threads;
    options.archive = &archive;
    std::ostringstream streamed;
    options.render = jsonl_document_line;
    options.on_document = [&](const DocumentResult& d, const std::string& line) {
      streamed << line;
      // The archive holds what the cross-check reads; the writer sees only
      // the document's source and size, its extractions freed by the worker.
      EXPECT_TRUE(d.mentions.empty() && d.quantities.empty() && d.times.empty()) << d.source.id;
      EXPECT_TRUE(d.figures.empty() && d.facts.empty() && d.entities.empty()) << d.source.id;
      EXPECT_FALSE(d.source.path.empty());
      EXPECT_GT(d.bytes, 0u) << d.source.id;
    };
    Report kept = run_pipeline(all_inputs(), lexicon(), options);
    EXPECT_TRUE(kept.documents.empty());
    EXPECT_EQ(archive.size(), all_inputs().size());
    JsonlSummaryWriter summary(streamed, kept.skipped);
    std::size_t stories = 0;
    archive.run(threads, [&](StoryCheck&& s) {
      ++stories;
      summary.add(s);
    });
    summary.finish();
    EXPECT_EQ(streamed.str(), whole) << threads << " threads";
    EXPECT_GE(stories, 2u);
  }
}

// ---------------------------------------------------------------- read_jsonl, in process

TEST(ReadJsonl, RoundTripGivesTheSameReportInEveryFormat) {
  Report whole = run(all_inputs());
  ASSERT_EQ(whole.documents.size(), 5u);
  Report back = merge({jsonl_of(whole)});
  EXPECT_EQ(json_of(back), json_of(whole));
  EXPECT_EQ(jsonl_of(back), jsonl_of(whole));
  EXPECT_EQ(text_of(back), text_of(whole));
  // What the JSON does not show but the cross-check reads came back too.
  for (std::size_t d = 0; d < whole.documents.size(); ++d) {
    const auto &a = whole.documents[d], &b = back.documents[d];
    ASSERT_EQ(b.entities.size(), a.entities.size()) << a.source.id;
    for (std::size_t e = 0; e < a.entities.size(); ++e) EXPECT_EQ(b.entities[e].mentions, a.entities[e].mentions);
    EXPECT_EQ(b.bytes, a.bytes) << a.source.id;
    ASSERT_EQ(b.figures.size(), a.figures.size());
    for (std::size_t i = 0; i < a.figures.size(); ++i) {
      EXPECT_EQ(b.figures[i].sentence, a.figures[i].sentence) << a.figures[i].id;
      EXPECT_EQ(b.figures[i].money.conversion_of, a.figures[i].money.conversion_of) << a.figures[i].id;
    }
  }
}

// The cross-check does see sentence_index: a figure moved out of the headline
// changes the JSON report (so the field is needed, not decoration).
TEST(ReadJsonl, SentenceIndexReachesTheCrossCheck) {
  Report whole = run(all_inputs());
  std::string text = jsonl_of(whole);
  std::string moved;
  for (const auto& line : lines_of(text)) {
    Json j = Json::parse(line);
    if (j["type"] == "document")
      for (auto& f : j["figures"]) f["sentence_index"] = 40 + f["sentence_index"].get<int>();
    moved += j.dump() + "\n";
  }
  EXPECT_NE(json_of(merge({moved})), json_of(whole));
}

// Every way of cutting the input list in two, and one shard per input.
TEST(ReadJsonl, ShardsCutAnywhereMergeToTheSingleRunReport) {
  auto inputs = all_inputs();
  const std::string want = json_of(run(inputs));
  for (std::size_t cut = 1; cut < inputs.size(); ++cut) {
    std::vector<std::string> left(inputs.begin(), inputs.begin() + cut), right(inputs.begin() + cut, inputs.end());
    EXPECT_EQ(json_of(merge({jsonl_of(run(left)), jsonl_of(run(right))})), want) << "cut at " << cut;
  }
  std::vector<std::string> singles;
  for (const auto& p : inputs) singles.push_back(jsonl_of(run({p})));
  Report merged = merge(singles);
  EXPECT_EQ(json_of(merged), want);
  // a1 and a2 are in different shards, yet they are told as one story.
  bool across = false;
  for (const auto& story : merged.check.stories) {
    const auto& s = story.sources;
    across |= std::count(s.begin(), s.end(), "a1_enel") && std::count(s.begin(), s.end(), "a2_enel");
  }
  EXPECT_TRUE(across) << "a1_enel and a2_enel are not one story";
}

TEST(ReadJsonl, BlankLinesCrlfAndConcatenatedShardsAreRead) {
  Report one = run({kData + "/articles/a1_enel.txt", kData + "/missing-one.txt"});
  Report two = run({kData + "/articles/a3_stellantis.txt", kData + "/missing-two.txt"});
  std::string crlf;
  for (const auto& line : lines_of(jsonl_of(one))) crlf += line + "\t\r\n\r\n";  // Hadoop Streaming may add a tab
  std::istringstream in("\n" + crlf + "   \n" + jsonl_of(two));
  auto shard = read_jsonl(in, "cat");
  ASSERT_TRUE(shard.ok()) << shard.error().message;
  ASSERT_EQ(shard->documents.size(), 2u);
  EXPECT_EQ(shard->documents[1].source.id, "a3_stellantis");
  ASSERT_EQ(shard->skipped.size(), 2u);  // one per summary line, in order
  EXPECT_EQ(fs::path(shard->skipped[0].path).filename(), "missing-one.txt");
  EXPECT_EQ(fs::path(shard->skipped[1].path).filename(), "missing-two.txt");
  EXPECT_EQ(shard->skipped[0].reason, one.skipped[0].reason);
}

TEST(ReadJsonl, EmptyStreamIsNoDocuments) {
  std::istringstream in("\n\n");
  auto shard = read_jsonl(in, "empty");
  ASSERT_TRUE(shard.ok());
  EXPECT_TRUE(shard->documents.empty());
  EXPECT_TRUE(shard->skipped.empty());
}

TEST(ReadJsonl, BadLinesNameOriginAndLine) {
  std::string valid = lines_of(jsonl_of(run({kData + "/articles/a3_stellantis.txt"})))[0];
  auto rows = table("bad-lines.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 2u) << row[0];
    std::istringstream in(valid + "\n" + row[0] + "\n" + valid + "\n");
    auto shard = read_jsonl(in, "shard-7.jsonl");
    ASSERT_FALSE(shard.ok()) << row[0];
    const std::string& msg = shard.error().message;
    EXPECT_EQ(msg.rfind("shard-7.jsonl:2: ", 0), 0u) << msg;
    EXPECT_NE(msg.find(row[1]), std::string::npos) << row[0] << "\n  got: " << msg << "\n want: " << row[1];
  }
}

// The document lines of the seeds and articles, by source id.
std::map<std::string, Json> document_lines() {
  std::map<std::string, Json> out;
  for (const auto& line : lines_of(jsonl_of(run(all_inputs())))) {
    Json j = Json::parse(line);
    if (j["type"] == "document") out[j["source"]["id"].get<std::string>()] = j;
  }
  return out;
}

TEST(ReadJsonl, BadFieldsAreNamedWithTheirPlace) {
  auto docs = document_lines();
  auto rows = table("bad-fields.tsv");
  ASSERT_GE(rows.size(), 20u);
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u) << row[0];
    const auto& [id, pointer, value, want] = std::tie(row[0], row[1], row[2], row[3]);
    ASSERT_TRUE(docs.count(id)) << id;
    Json j = docs[id];
    Json::json_pointer ptr(pointer);
    ASSERT_TRUE(j.contains(ptr)) << pointer << " is not in " << id << "'s line: fix the table";
    if (value == "-") j[ptr.parent_pointer()].erase(ptr.back());
    else j[ptr] = Json::parse(value);
    std::istringstream in(j.dump() + "\n");
    auto shard = read_jsonl(in, "s.jsonl");
    if (want == "OK") {
      EXPECT_TRUE(shard.ok()) << pointer << ": " << shard.error().message;
      continue;
    }
    ASSERT_FALSE(shard.ok()) << id << " " << pointer << " = " << value;
    EXPECT_NE(shard.error().message.find("s.jsonl:1: " + want), std::string::npos)
        << pointer << "\n  got: " << shard.error().message << "\n want: s.jsonl:1: " << want;
  }
}

// ---------------------------------------------------------------- dealscan merge, the binary

using dealscan::test_support::RunResult;
using dealscan::test_support::slurp;
using dealscan::test_support::TempDir;

RunResult sh(const std::string& command, const fs::path& dir) { return dealscan::test_support::run_shell(command, dir); }

std::string quoted(const std::vector<std::string>& paths) {
  std::string s;
  for (const auto& p : paths) s += " '" + p + "'";
  return s;
}

// The inputs plus two files made here: one in Latin-1 (its encoding and
// warnings must survive the shard) and one that cannot be read (skipped).
std::vector<std::string> cli_inputs(const TempDir& tmp) {
  auto inputs = all_inputs();
  inputs.push_back(tmp.write("b1_latin1.txt",
                             " date 2026-03-05 Enel ha versato 1,2 miliardi di euro per la quota tedesca: la cifra "
                             "\xe8 stata confermata gioved\xec dal gruppo.\n"));
  inputs.push_back(tmp.file("b2_missing.txt"));
  return inputs;
}

TEST(MergeCli, ShardsGiveTheSingleRunReportInEveryFormat) {
  TempDir tmp;
  auto inputs = cli_inputs(tmp);
  std::vector<std::vector<std::string>> parts = {{inputs[0], inputs[1], inputs[2]}, {inputs[3], inputs[4]},
                                                 {inputs[5], inputs[6]}};
  std::string shards;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string shard = "shard-" + std::to_string(i + 1) + ".jsonl";
    RunResult r = sh("dealscan -q --format jsonl" + quoted(parts[i]) + " > " + shard, tmp.path());
    ASSERT_EQ(r.code, i == 2 ? 3 : 0) << r.err;
    shards += " " + shard;
  }
  for (std::string format : {"json", "text", "jsonl"}) {
    RunResult single = sh("dealscan -q --format " + format + quoted(inputs), tmp.path());
    RunResult merged = sh("dealscan -q merge --format " + format + shards, tmp.path());
    EXPECT_EQ(single.code, 3) << single.err;  // b2_missing was skipped
    EXPECT_EQ(merged.code, single.code) << merged.err;
    EXPECT_EQ(merged.out, single.out) << format;
  }
  Json j = Json::parse(sh("dealscan -q merge --format json" + shards, tmp.path()).out);
  ASSERT_EQ(j["skipped"].size(), 1u);
  EXPECT_EQ(j["sources"][5]["id"], "b1_latin1");
  EXPECT_NE(j["sources"][5]["encoding"], "UTF-8");
  // The skipped input is reported by the merge run too (it may run elsewhere).
  RunResult loud = sh("dealscan merge" + shards + " >/dev/null", tmp.path());
  EXPECT_NE(loud.err.find("b2_missing.txt"), std::string::npos) << loud.err;
}

TEST(MergeCli, StdinOutputFileAndFailOnConflict) {
  TempDir tmp;
  auto inputs = all_inputs();
  sh("dealscan -q --format jsonl" + quoted({inputs[0], inputs[2]}) + " > one.jsonl", tmp.path());
  sh("dealscan -q --format jsonl" + quoted({inputs[1], inputs[3], inputs[4]}) + " > two.jsonl", tmp.path());
  // One run in the same order as the shards' documents.
  RunResult single = sh("dealscan --format json" + quoted({inputs[0], inputs[2], inputs[1], inputs[3], inputs[4]}),
                        tmp.path());
  ASSERT_EQ(single.code, 0) << single.err;
  ASSERT_FALSE(Json::parse(single.out)["conflicts"].empty());
  RunResult piped = sh("cat one.jsonl two.jsonl | dealscan merge --format json -", tmp.path());
  EXPECT_EQ(piped.code, 0) << piped.err;
  EXPECT_EQ(piped.out, single.out);
  // Output options before the subcommand name, as for a scan.
  RunResult to_file = sh("dealscan --format json -o merged.json merge one.jsonl two.jsonl", tmp.path());
  EXPECT_EQ(to_file.code, 0) << to_file.err;
  EXPECT_TRUE(to_file.out.empty());
  EXPECT_EQ(slurp(tmp.path() / "merged.json"), single.out);
  EXPECT_EQ(sh("dealscan merge --fail-on-conflict one.jsonl two.jsonl", tmp.path()).code, 1);
  // JSON Lines streams through the archive: the same file, the same exit codes.
  RunResult single_jsonl = sh("dealscan --format jsonl" + quoted({inputs[0], inputs[2], inputs[1], inputs[3], inputs[4]}),
                              tmp.path());
  RunResult jsonl_file = sh("dealscan --format jsonl -o merged.jsonl merge one.jsonl two.jsonl", tmp.path());
  EXPECT_EQ(jsonl_file.code, 0) << jsonl_file.err;
  EXPECT_EQ(slurp(tmp.path() / "merged.jsonl"), single_jsonl.out);
  EXPECT_EQ(sh("dealscan merge --format jsonl --fail-on-conflict one.jsonl two.jsonl >/dev/null", tmp.path()).code, 1);
}

TEST(MergeCli, UnreadableShardsExitTwoNamingFileAndLine) {
  TempDir tmp;
  std::string good = sh("dealscan -q --format jsonl '" + all_inputs()[4] + "'", tmp.path()).out;
  tmp.write("bad.jsonl", good.substr(0, good.find('\n') + 1) + "{\"schema\":\"dealscan.report/1\",\"type\":\n");
  RunResult bad = sh("dealscan merge --format json bad.jsonl", tmp.path());
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(bad.out.empty());
  EXPECT_NE(bad.err.find("dealscan: bad.jsonl:2: invalid JSON"), std::string::npos) << bad.err;
  // Streamed JSON Lines too write nothing when a later shard is bad.
  tmp.write("good.jsonl", good);
  RunResult bad_jsonl = sh("dealscan merge --format jsonl good.jsonl bad.jsonl", tmp.path());
  EXPECT_EQ(bad_jsonl.code, 2);
  EXPECT_TRUE(bad_jsonl.out.empty());
  EXPECT_NE(bad_jsonl.err.find("bad.jsonl:2: invalid JSON"), std::string::npos) << bad_jsonl.err;

  RunResult from_stdin = sh("printf 'x\\n' | dealscan merge -", tmp.path());
  EXPECT_EQ(from_stdin.code, 2);
  EXPECT_NE(from_stdin.err.find("stdin:1: invalid JSON"), std::string::npos) << from_stdin.err;

  RunResult missing = sh("dealscan merge no-such-shard.jsonl", tmp.path());
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no-such-shard.jsonl: cannot read shard"), std::string::npos) << missing.err;

  RunResult folder = sh("dealscan merge .", tmp.path());
  EXPECT_EQ(folder.code, 2);
  EXPECT_NE(folder.err.find("is a folder"), std::string::npos) << folder.err;

  tmp.write("empty.jsonl", "");
  RunResult empty = sh("dealscan merge empty.jsonl", tmp.path());
  EXPECT_EQ(empty.code, 2);
  EXPECT_NE(empty.err.find("no documents"), std::string::npos) << empty.err;
  RunResult empty_jsonl = sh("dealscan merge --format jsonl empty.jsonl", tmp.path());
  EXPECT_EQ(empty_jsonl.code, 2);
  EXPECT_TRUE(empty_jsonl.out.empty());
  EXPECT_NE(empty_jsonl.err.find("no documents"), std::string::npos) << empty_jsonl.err;

  EXPECT_EQ(sh("dealscan merge", tmp.path()).code, 2);  // no shard given
}

// ---------------------------------------------------------------- pipelines (README "Sharded runs")

// Writes the input list, one path a line, as the README's `find | sort` would.
void write_list(const TempDir& tmp, const std::vector<std::string>& inputs) {
  std::string list;
  for (const auto& p : inputs) list += p + "\n";
  tmp.write("inputs.txt", list);
}

TEST(MergePipeline, GnuParallelShardsAndStream) {
  if (sh("command -v parallel", ".").code != 0) GTEST_SKIP() << "GNU parallel is not installed (Debian: parallel)";
  TempDir tmp;
  auto inputs = all_inputs();
  write_list(tmp, inputs);
  std::string want = sh("dealscan -q --format json" + quoted(inputs), tmp.path()).out;
  // Shard files, two inputs a job (the README uses -N 500).
  RunResult files = sh("parallel -X -N 2 'dealscan -q --format jsonl {} > shard-{#}.jsonl' < inputs.txt && "
                       "dealscan merge --format json $(ls -v shard-*.jsonl)",
                       tmp.path());
  EXPECT_EQ(files.code, 0) << files.err;
  EXPECT_EQ(files.out, want);
  EXPECT_TRUE(fs::exists(tmp.path() / "shard-3.jsonl"));
  // A stream, shards kept in input order by -k.
  RunResult stream = sh("parallel -k -X -N 2 dealscan -q --format jsonl < inputs.txt | dealscan merge --format json -",
                        tmp.path());
  EXPECT_EQ(stream.code, 0) << stream.err;
  EXPECT_EQ(stream.out, want);
}

TEST(MergePipeline, XargsShards) {
  TempDir tmp;
  auto inputs = all_inputs();
  write_list(tmp, inputs);
  std::string want = sh("dealscan -q --format json" + quoted(inputs), tmp.path()).out;
  RunResult r = sh("split -l 2 inputs.txt part- && "
                   "ls part-* | xargs -P 2 -I{} sh -c 'xargs -d \"\\n\" dealscan -q --format jsonl < {} > {}.jsonl' && "
                   "dealscan merge --format json part-*.jsonl",
                   tmp.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, want);
}

}  // namespace

// Issue 5: a folder holding every kind of file a newsroom folder can hold,
// made at test time. The run must name each unreadable file with its reason,
// exit 3 (done, some inputs skipped), and keep every good file's figures.
#include <gtest/gtest.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/binary.h"

namespace {

using dealscan::test_support::RunResult;
using dealscan::test_support::TempDir;
using Json = nlohmann::json;
namespace fs = std::filesystem;

std::string utf16le_with_bom(const std::u16string& s) {
  std::string out = "\xFF\xFE";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
  return out;
}

// The good files and the one figure each must still yield (value, currency).
const std::map<std::string, std::pair<double, std::string>> kGood = {
    {"plain", {5e9, "EUR"}},    {"bom", {3e6, "EUR"}},       {"utf16", {2e9, "USD"}},
    {"latin1", {4e7, "EUR"}},   {"html", {1.2e9, "EUR"}},    {"longline", {9e9, "EUR"}},
    {"invalid", {7e9, "EUR"}},
};

void make_folder(const TempDir& dir) {
  dir.write("plain.txt", "La società Alfa investirà 5 miliardi di euro nella rete.\n");
  dir.write("bom.txt", "\xEF\xBB\xBF" "Beta ha raccolto 3 milioni di euro da un fondo.\n");
  dir.write("utf16.txt", utf16le_with_bom(u"Gamma è valutata 2 miliardi di dollari.\n"));
  // Windows-1252: "società" and "più" with one byte for the accented letters.
  dir.write("latin1.txt", "La societ\xE0 Delta ha perso 40 milioni di euro, pi\xF9 del previsto.\n");
  dir.write("html.txt",
            "<!DOCTYPE html><html><head><style>p{}</style></head><body><p>Epsilon compra Theta per "
            "1,2 miliardi di euro &amp; altro.</p></body></html>");
  dir.write("longline.txt", std::string(1'000'000, 'x') + " e poi Omega investe 9 miliardi di euro.\n");
  dir.write("invalid.txt", "Sigma investe 7 miliardi di euro \xC3\x28 in Tau.\n");
  dir.write("empty.txt", "");
  dir.write("overflow.txt", "Zeta vale 999999999999999999999 miliardi di euro.\n");
  dir.write("doc.txt", std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n", 32) + std::string(8, '\0'));
  dir.write("photo.txt", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01", 13));
  dir.write("huge.txt", std::string(1'200'000, 'a'));  // over the --max-file-size given below
  fs::create_directories(dir.path() / "sub");
  fs::create_directory_symlink("..", dir.path() / "sub" / "loop");
}

TEST(Hostile, FolderOfBadFilesKeepsTheGoodOnes) {
  TempDir dir;
  make_folder(dir);
  RunResult r = dealscan::test_support::run_dealscan("--format json --max-file-size 1100000 .", dir.path().string());
  ASSERT_EQ(r.code, 3) << r.err;  // done, but some inputs were skipped
  Json j = Json::parse(r.out);

  std::map<std::string, std::string> skipped;
  for (const auto& s : j["skipped"]) skipped[fs::path(s["path"].get<std::string>()).filename().string()] = s["reason"];
  std::map<std::string, std::string> want = {
      {"doc.txt", "not text (binary: PDF document)"},
      {"photo.txt", "not text (binary: JPEG image)"},
      {"loop", "symlink loop"},
  };
  ASSERT_EQ(skipped.size(), 4u) << j["skipped"].dump(1);
  for (const auto& [name, reason] : want) EXPECT_EQ(skipped[name], reason) << name;
  EXPECT_EQ(skipped["huge.txt"].rfind("too large", 0), 0u) << skipped["huge.txt"];
  // Each skipped file gets one line on stderr naming it and the reason.
  for (const auto& [name, reason] : skipped) EXPECT_NE(r.err.find(name + ": " + reason), std::string::npos) << name;

  std::map<std::string, std::vector<std::pair<double, std::string>>> figures;
  for (const auto& f : j["figures"]) figures[f["source"]].push_back({f["value"], f["currency"]});
  for (const auto& [id, fig] : kGood) {
    ASSERT_EQ(figures[id].size(), 1u) << id;
    EXPECT_DOUBLE_EQ(figures[id][0].first, fig.first) << id;
    EXPECT_EQ(figures[id][0].second, fig.second) << id;
  }
  // Read but without figures: the empty file, and the overflowing number
  // (rejected, never wrapped into a small value).
  EXPECT_TRUE(figures["empty"].empty());
  EXPECT_TRUE(figures["overflow"].empty());
  EXPECT_EQ(j["sources"].size(), kGood.size() + 2);
}

TEST(Hostile, EncodingsAreReportedPerSource) {
  TempDir dir;
  make_folder(dir);
  RunResult r = dealscan::test_support::run_dealscan("--format json --max-file-size 1100000 .", dir.path().string());
  Json j = Json::parse(r.out);
  std::map<std::string, Json> src;
  for (const auto& s : j["sources"]) src[s["id"]] = s;
  EXPECT_EQ(src["utf16"]["encoding"], "UTF-16LE");
  EXPECT_EQ(src["plain"]["encoding"], "UTF-8");
  EXPECT_NE(src["latin1"]["encoding"], "UTF-8");
  EXPECT_FALSE(src["latin1"]["warnings"].empty());  // says which encoding was assumed
  EXPECT_FALSE(src["html"]["warnings"].empty());
}

TEST(Hostile, NothingReadableExits2) {
  TempDir dir;
  dir.write("a.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  RunResult r = dealscan::test_support::run_dealscan("--format json a.txt missing.txt", dir.path().string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing.txt: not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("a.txt: not text"), std::string::npos) << r.err;
}

TEST(Hostile, UnreadableFileIsSkippedWithItsReason) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  TempDir dir;
  dir.write("ok.txt", "Alfa investe 1 miliardo di euro.\n");
  auto locked = dir.write("locked.txt", "Beta investe 2 miliardi di euro.\n");
  fs::permissions(locked, fs::perms::none);
  RunResult r = dealscan::test_support::run_dealscan("--format json .", dir.path().string());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("locked.txt: permission denied"), std::string::npos) << r.err;
}

}  // namespace

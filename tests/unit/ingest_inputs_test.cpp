// Ingest, inputs: expanding command-line paths (folders, globs, symlinks,
// stdin) and reading files, with the reasons given for what is skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "dealscan/ingest.h"

namespace dealscan {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp directory, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("dealscan-ingest-" + std::to_string(rd()) + std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    // Give back permissions taken away by a test so the folder can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink()) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& rel, const std::string& content) const {
    fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  fs::path mkdir(const std::string& rel) const {
    fs::create_directories(path_ / rel);
    return path_ / rel;
  }

 private:
  fs::path path_;
};

std::vector<std::string> paths_of(const InputList& files) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < files.size(); ++i) out.push_back(files[i].path);
  return out;
}

std::string reason_for(const std::vector<SkippedSource>& skipped, const std::string& path) {
  for (const auto& s : skipped)
    if (s.path == path) return s.reason;
  return "<not skipped>";
}

TEST(ExpandInputs, FilesAsGivenAndStdin) {
  TempDir tmp;
  auto a = tmp.write("nota.md", "testo");
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({a.string(), "-"}, InputOptions{}, skipped);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, a.string());  // named files are taken whatever the glob
  EXPECT_EQ(files[0].id, "nota");
  EXPECT_EQ(files[1].path, "-");
  EXPECT_EQ(files[1].id, "stdin");
  EXPECT_TRUE(skipped.empty());
}

TEST(ExpandInputs, MissingPathIsSkipped) {
  TempDir tmp;
  std::vector<SkippedSource> skipped;
  std::string missing = (tmp.path() / "manca.txt").string();
  auto files = expand_inputs({missing}, InputOptions{}, skipped);
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(reason_for(skipped, missing), "not found");
}

TEST(ExpandInputs, FoldersAreWalkedRecursivelyInPathOrder) {
  TempDir tmp;
  tmp.write("b.txt", "b");
  tmp.write("a/z.txt", "z");
  tmp.write("a/b/c.txt", "c");
  tmp.write("a/nota.md", "skip");
  tmp.write("C.TXT", "upper");
  tmp.write(".nascosto.txt", "hidden");
  tmp.write(".git/x.txt", "hidden folder");
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({tmp.path().string()}, InputOptions{}, skipped);
  auto p = [&](const std::string& rel) { return (tmp.path() / rel).string(); };
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{p("C.TXT"), p("a/b/c.txt"), p("a/z.txt"), p("b.txt")}));
  EXPECT_EQ(files[1].id, "c");
  EXPECT_TRUE(skipped.empty());
}

// A folder named with a trailing slash lists its files with one slash, and
// names sort by their bytes (accented letters after z).
TEST(ExpandInputs, TrailingSlashAndByteOrder) {
  TempDir tmp;
  tmp.write("z.txt", "z");
  tmp.write("\xc3\xa9.txt", "e");
  tmp.write("sub/a.txt", "a");
  tmp.write("A b.txt", "space");
  std::vector<SkippedSource> skipped;
  const std::string folder = tmp.path().string() + "/";
  auto files = expand_inputs({folder}, InputOptions{}, skipped);
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{folder + "A b.txt", folder + "sub/a.txt", folder + "z.txt",
                                                        folder + "\xc3\xa9.txt"}));
  EXPECT_TRUE(skipped.empty());
}

TEST(ExpandInputs, GlobFiltersFileNames) {
  TempDir tmp;
  tmp.write("art1.txt", "");
  tmp.write("art2.txt", "");
  tmp.write("art10.txt", "");
  tmp.write("nota.md", "");
  std::vector<SkippedSource> skipped;
  InputOptions opt;
  opt.glob = "art?.txt";
  auto files = expand_inputs({tmp.path().string()}, opt, skipped);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].id, "art1");
  EXPECT_EQ(files[1].id, "art2");
  opt.glob = "*.md";
  EXPECT_EQ(expand_inputs({tmp.path().string()}, opt, skipped).size(), 1u);
}

TEST(GlobMatch, Patterns) {
  EXPECT_TRUE(glob_match("*.txt", "articolo.txt"));
  EXPECT_TRUE(glob_match("*.txt", "ARTICOLO.TXT"));
  EXPECT_TRUE(glob_match("*.txt", ".txt"));
  EXPECT_FALSE(glob_match("*.txt", "articolo.txt.bak"));
  EXPECT_TRUE(glob_match("*", "qualsiasi"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYY"));
  EXPECT_TRUE(glob_match("?.txt", "è.txt"));  // one character, two bytes
  EXPECT_FALSE(glob_match("?.txt", "ab.txt"));
  EXPECT_TRUE(glob_match("[ab]*.txt", "beta.txt"));
  EXPECT_FALSE(glob_match("[!ab]*.txt", "beta.txt"));
  EXPECT_TRUE(glob_match("art[0-9].txt", "art7.txt"));
  EXPECT_FALSE(glob_match("art[0-9].txt", "artx.txt"));
  EXPECT_TRUE(glob_match("[.txt", "[.txt"));  // an unclosed '[' is literal
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "a"));
  EXPECT_TRUE(glob_match("**.txt", "a.txt"));
  std::string many(200, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*b", many));
}

// "*.txt" and the like take a shortcut (the name's end compared); "**.txt"
// means the same but takes the general matcher: both must agree on any name,
// non-ASCII and broken UTF-8 included.
TEST(GlobMatch, StarThenPlainTextAgreesWithTheGeneralMatcher) {
  const std::vector<std::string> names = {"",          "txt",        ".txt",          "a.txt",       "A.TXT",
                                          "a.TxT",     "a.tx",       "a.txt.bak",     "città.txt",   "\xC3.txt",
                                          "\xA9.txt", "à\xA9.txt", "ab.txt.txt",    "nota.md",     "x.tXt ",
                                          "relazione", "RELAZIONE",  "è-relazione",   ".relazione",  "a-b"};
  for (const std::string pattern : {"*.txt", "*.TXT", "*", "*relazione", "*-b", "*.tx"})
    for (const auto& name : names)
      EXPECT_EQ(glob_match(pattern, name), glob_match("*" + pattern, name)) << pattern << " " << name;
  EXPECT_TRUE(glob_match("*.TXT", "nota.txt"));
  EXPECT_FALSE(glob_match("*.txt", "txt"));
  EXPECT_TRUE(glob_match("*", ""));
}

TEST(ExpandInputs, EmptyFolderIsReported) {
  TempDir tmp;
  tmp.mkdir("vuota");
  tmp.write("solo-md/nota.md", "x");
  std::vector<SkippedSource> skipped;
  std::string empty = (tmp.path() / "vuota").string(), md = (tmp.path() / "solo-md").string();
  auto files = expand_inputs({empty, md}, InputOptions{}, skipped);
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(reason_for(skipped, empty), "empty folder: no file matches *.txt");
  EXPECT_EQ(reason_for(skipped, md), "empty folder: no file matches *.txt");
}

TEST(ExpandInputs, SymlinkLoopIsReportedAndTheRestIsRead) {
  TempDir tmp;
  tmp.write("dir/a.txt", "a");
  tmp.write("dir/sub/b.txt", "b");
  fs::create_directory_symlink(tmp.path() / "dir", tmp.path() / "dir/sub/giro");
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({(tmp.path() / "dir").string()}, InputOptions{}, skipped);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].id, "a");
  EXPECT_EQ(files[1].id, "b");
  EXPECT_EQ(reason_for(skipped, (tmp.path() / "dir/sub/giro").string()), "symlink loop");
}

// The walk tells a folder's regular files from their entries or with a stat
// each, as the file system allows: the tests below force each way, so both
// run whatever file system the temp folder is on.
class EitherWayOfListing : public testing::TestWithParam<FolderEntries> {
 protected:
  InputOptions options() const {
    InputOptions o;
    o.folder_entries = GetParam();
    return o;
  }
};
INSTANTIATE_TEST_SUITE_P(ExpandInputs, EitherWayOfListing,
                         testing::Values(FolderEntries::kStatEach, FolderEntries::kTrustEntries),
                         [](const testing::TestParamInfo<FolderEntries>& info) {
                           return info.param == FolderEntries::kStatEach ? "StatEach" : "TrustEntries";
                         });

TEST_P(EitherWayOfListing, SymlinksToFilesAndFoldersAreFollowedOnce) {
  TempDir tmp;
  tmp.write("altrove/x.txt", "x");
  tmp.write("dir/a.txt", "a");
  fs::create_directory_symlink(tmp.path() / "altrove", tmp.path() / "dir/link");
  fs::create_symlink(tmp.path() / "dir/a.txt", tmp.path() / "dir/copia.txt");
  fs::create_symlink(tmp.path() / "manca.txt", tmp.path() / "dir/rotto.txt");
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({(tmp.path() / "dir").string()}, options(), skipped);
  auto p = [&](const std::string& rel) { return (tmp.path() / rel).string(); };
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{p("dir/a.txt"), p("dir/link/x.txt")}));
  EXPECT_NE(reason_for(skipped, p("dir/copia.txt")).find("duplicate"), std::string::npos);
  EXPECT_EQ(reason_for(skipped, p("dir/rotto.txt")), "broken symlink");
}

// The streaming walk gives each file as it finds it, in the list's order,
// and reports the same skipped paths (an empty folder among them).
TEST(ExpandInputs, StreamedWalkListsWhatTheListHolds) {
  TempDir tmp;
  tmp.write("dir/b.txt", "b");
  tmp.write("dir/a.txt", "a");
  tmp.write("dir/sotto/c.txt", "c");
  tmp.write("dir/nota.md", "m");
  tmp.write("vuota/nota.md", "m");
  const std::vector<std::string> args = {(tmp.path() / "dir").string(), "-", (tmp.path() / "vuota").string(),
                                         (tmp.path() / "dir/a.txt").string(), "-"};
  std::vector<SkippedSource> listed_skipped, streamed_skipped;
  const auto files = expand_inputs(args, InputOptions{}, listed_skipped);
  std::vector<std::string> streamed;
  expand_inputs(args, InputOptions{}, streamed_skipped, [&](std::string_view p) { streamed.emplace_back(p); });
  EXPECT_EQ(streamed, paths_of(files));
  ASSERT_EQ(streamed.size(), 4u);
  EXPECT_EQ(streamed[3], "-");
  ASSERT_EQ(streamed_skipped.size(), listed_skipped.size());
  for (std::size_t i = 0; i < streamed_skipped.size(); ++i) {
    EXPECT_EQ(streamed_skipped[i].path, listed_skipped[i].path);
    EXPECT_EQ(streamed_skipped[i].reason, listed_skipped[i].reason);
  }
  EXPECT_EQ(reason_for(streamed_skipped, (tmp.path() / "vuota").string()), "empty folder: no file matches *.txt");
}

TEST(InputList, PathsComeBackWithTheirIds) {
  InputList list;
  EXPECT_TRUE(list.empty());
  list.push_back("notizie/2026/amazon.openai.txt");
  list.push_back("-");
  list.push_back("senza-estensione");
  list.push_back("");
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].path, "notizie/2026/amazon.openai.txt");
  EXPECT_EQ(list[0].id, "amazon.openai");
  EXPECT_EQ(list[1].id, "stdin");
  EXPECT_EQ(list[2].id, "senza-estensione");
  EXPECT_EQ(list[3].path, "");
}

// An id is the file name without its extension, as std::filesystem gives it.
TEST(InputList, IdsAreTheStemsFilesystemGives) {
  const std::vector<std::string> paths = {"notizie/fusione.txt", "fusione.txt", "fusione", "a.b.c",
                                          "cartella/.nascosto", ".nascosto.txt", ".x", "cartella/", "cartella//",
                                          "/", "", ".", "..", "a/..", "a/.", "dir.v2/nota", "dir.v2/nota.",
                                          "/radice/relazione annuale.TXT", "..txt", "città/è.già.txt"};
  InputList list;
  for (const auto& p : paths) list.push_back(p);
  for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(list[i].id, fs::path(paths[i]).stem().string()) << paths[i];
}

TEST_P(EitherWayOfListing, AHardLinkIsTheSameFile) {
  TempDir tmp;
  tmp.write("dir/a.txt", "a");
  tmp.write("dir/b.txt", "b");
  fs::create_hard_link(tmp.path() / "dir/a.txt", tmp.path() / "dir/c.txt");
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({(tmp.path() / "dir").string(), (tmp.path() / "dir/b.txt").string()}, options(), skipped);
  auto p = [&](const std::string& rel) { return (tmp.path() / rel).string(); };
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{p("dir/a.txt"), p("dir/b.txt")}));
  EXPECT_NE(reason_for(skipped, p("dir/c.txt")).find("duplicate"), std::string::npos);
  EXPECT_NE(reason_for(skipped, p("dir/b.txt")).find("duplicate"), std::string::npos);  // named twice
}

// Files are told apart by (device, inode), read from the folder entry where
// the file system gives it and from stat() where a symlink is followed: the
// two must agree, whichever path reaches the file first.
TEST_P(EitherWayOfListing, ALinkAndItsTargetAreOneFileWhicheverComesFirst) {
  TempDir tmp;
  tmp.write("archivio/bilancio.txt", "b");
  tmp.write("archivio/fusione.txt", "f");
  fs::create_directory(tmp.path() / "collegamenti");
  fs::create_symlink(tmp.path() / "archivio/bilancio.txt", tmp.path() / "collegamenti/bilancio.txt");
  fs::create_symlink(tmp.path() / "archivio/fusione.txt", tmp.path() / "collegamenti/fusione.txt");
  fs::create_hard_link(tmp.path() / "archivio/fusione.txt", tmp.path() / "archivio/rilancio.txt");
  auto p = [&](const std::string& rel) { return (tmp.path() / rel).string(); };
  std::vector<SkippedSource> skipped;
  // The link's target first (stat), then its folder entry.
  auto files = expand_inputs({p("collegamenti/bilancio.txt"), p("archivio")}, options(), skipped);
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{p("collegamenti/bilancio.txt"), p("archivio/fusione.txt")}));
  EXPECT_NE(reason_for(skipped, p("archivio/bilancio.txt")).find("duplicate"), std::string::npos);
  EXPECT_NE(reason_for(skipped, p("archivio/rilancio.txt")).find("duplicate"), std::string::npos);
  // The folder entries first, then the links to them found in another folder.
  skipped.clear();
  files = expand_inputs({p("archivio"), p("collegamenti")}, options(), skipped);
  EXPECT_EQ(paths_of(files), (std::vector<std::string>{p("archivio/bilancio.txt"), p("archivio/fusione.txt")}));
  EXPECT_NE(reason_for(skipped, p("collegamenti/bilancio.txt")).find("duplicate"), std::string::npos);
  EXPECT_NE(reason_for(skipped, p("collegamenti/fusione.txt")).find("duplicate"), std::string::npos);
}

TEST(ExpandInputs, SelfLinkIsASymlinkLoop) {
  TempDir tmp;
  fs::create_symlink(tmp.path() / "io.txt", tmp.path() / "io.txt");
  std::vector<SkippedSource> skipped;
  std::string p = (tmp.path() / "io.txt").string();
  EXPECT_TRUE(expand_inputs({p}, InputOptions{}, skipped).empty());
  EXPECT_EQ(reason_for(skipped, p), "symlink loop");
}

TEST(ReadInput, ReadsWholeFile) {
  TempDir tmp;
  std::string content = "Il fondo ha raccolto 5 milioni.\n" + std::string(200000, 'x');
  auto p = tmp.write("a.txt", content);
  auto r = read_input({p.string(), "a"}, InputOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, content);
}

TEST(ReadInput, Errors) {
  TempDir tmp;
  auto dir = tmp.mkdir("cartella");
  auto big = tmp.write("grande.txt", std::string(100, 'x'));
  auto r1 = read_input({(tmp.path() / "manca.txt").string(), "manca"}, InputOptions{});
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().message, "not found");
  auto r2 = read_input({dir.string(), "cartella"}, InputOptions{});
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().message, "is a directory");
  InputOptions small;
  small.max_file_bytes = 10;
  auto r3 = read_input({big.string(), "grande"}, small);
  ASSERT_FALSE(r3.ok());
  EXPECT_EQ(r3.error().message, "too large (100 bytes > limit 10)");
}

TEST(ReadInput, UnreadableFileIsPermissionDenied) {
  TempDir tmp;
  auto p = tmp.write("chiuso.txt", "segreto");
  fs::permissions(p, fs::perms::none);
  if (::access(p.c_str(), R_OK) == 0) GTEST_SKIP() << "this user (root?) can read any file";
  auto r = read_input({p.string(), "chiuso"}, InputOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "permission denied");
}

TEST(ExpandInputs, UnreadableFolderIsReported) {
  TempDir tmp;
  tmp.write("ok/a.txt", "a");
  auto locked = tmp.mkdir("ok/chiusa");
  tmp.write("ok/chiusa/b.txt", "b");
  fs::permissions(locked, fs::perms::none);
  if (::access(locked.c_str(), R_OK) == 0) GTEST_SKIP() << "this user (root?) can read any folder";
  std::vector<SkippedSource> skipped;
  auto files = expand_inputs({(tmp.path() / "ok").string()}, InputOptions{}, skipped);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(reason_for(skipped, locked.string()), "permission denied");
}

TEST(ReadInput, ReadsAPipe) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string content = "Dal pipe.\n";
  ASSERT_EQ(::write(fds[1], content.data(), content.size()), static_cast<ssize_t>(content.size()));
  ::close(fds[1]);
  auto r = read_input({"/dev/fd/" + std::to_string(fds[0]), "pipe"}, InputOptions{});
  ::close(fds[0]);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, content);
}

}  // namespace
}  // namespace dealscan

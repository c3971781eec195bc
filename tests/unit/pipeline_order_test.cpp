// run_pipeline hands documents over in input order whatever the thread
// count, skipped files included, and loses none: many small documents on
// several threads, with files too large to read scattered among them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "dealscan/pipeline.h"

namespace {

namespace fs = std::filesystem;
using namespace dealscan;

class Folder {
 public:
  Folder() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("dealscan-order-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

constexpr int kFiles = 300;

// Every seventh file is over the size limit; the others differ in length so
// that workers finish them out of order.
std::string text_of(int i) {
  std::string t = "Enel investe " + std::to_string(i + 1) + " milioni di euro nella rete.\n";
  if (i % 7 == 3) return std::string(600, 'x');
  for (int k = 0; k < i % 5; ++k) t += "Il piano prevede nuovi impianti in Sicilia e in Puglia.\n";
  return t;
}

std::string name_of(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d.txt", i);
  return buf;
}

// Runs the pipeline over a folder on `threads` threads, with a 500-byte
// file limit; `seen` gets the documents' ids in the order they are handed over.
Report run_folder(const fs::path& folder, unsigned threads, std::vector<std::string>& seen) {
  RunOptions options;
  options.threads = threads;
  options.input.max_file_bytes = 500;
  options.on_document = [&](const DocumentResult& d, const std::string&) { seen.push_back(d.source.id); };
  return run_pipeline({folder.string()}, Lexicon::builtin(), options);
}

TEST(RunPipeline, HandsDocumentsOverInInputOrderOnAnyThreadCount) {
  Folder folder;
  for (int i = 0; i < kFiles; ++i) std::ofstream(folder.path() / name_of(i), std::ios::binary) << text_of(i);
  for (unsigned threads : {1u, 2u, 4u, 8u}) {
    std::vector<std::string> seen;
    const Report r = run_folder(folder.path(), threads, seen);
    std::vector<std::string> read, skipped;
    for (int i = 0; i < kFiles; ++i) (i % 7 == 3 ? skipped : read).push_back(name_of(i).substr(0, 4));
    EXPECT_EQ(seen, read) << threads << " threads";
    ASSERT_EQ(r.documents.size(), read.size()) << threads << " threads";
    for (std::size_t k = 0; k < read.size(); ++k) EXPECT_EQ(r.documents[k].source.id, read[k]);
    ASSERT_EQ(r.skipped.size(), skipped.size()) << threads << " threads";
    for (std::size_t k = 0; k < skipped.size(); ++k)
      EXPECT_EQ(fs::path(r.skipped[k].path).stem().string(), skipped[k]) << r.skipped[k].reason;
  }
}

// Workers start while the walk goes on: documents spread over folders still
// come in input order, and the walk's own skips (a broken link, listed when
// the walk meets it) come before the files that could not be read.
TEST(RunPipeline, StreamedWalkKeepsInputOrderAndPutsTheWalksSkipsFirst) {
  Folder folder;
  std::vector<std::string> read;
  for (int d = 0; d < 6; ++d) {
    const fs::path sub = folder.path() / ("cartella-" + std::to_string(d));
    fs::create_directories(sub);
    for (int i = 0; i < 40; ++i) {
      const int k = d * 40 + i;
      std::ofstream(sub / name_of(k), std::ios::binary) << text_of(k);
      if (k % 7 != 3) read.push_back(name_of(k).substr(0, 4));
    }
  }
  fs::create_symlink(folder.path() / "manca.txt", folder.path() / "cartella-5" / "zz-rotto.txt");
  for (unsigned threads : {1u, 2u, 3u}) {
    std::vector<std::string> seen;
    const Report r = run_folder(folder.path(), threads, seen);
    EXPECT_EQ(seen, read) << threads << " threads";
    ASSERT_FALSE(r.skipped.empty());
    EXPECT_EQ(r.skipped.front().reason, "broken symlink") << threads << " threads";
    for (std::size_t k = 1; k < r.skipped.size(); ++k)
      EXPECT_NE(r.skipped[k].reason.find("too large"), std::string::npos) << r.skipped[k].path;
  }
}

}  // namespace

// Ingest: find the input files, read their bytes, decode them (UTF-8,
// UTF-16 with BOM, legacy 8-bit charsets via ICU detection), take the
// leading " date YYYY-MM-DD" marker as metadata, normalise (NFC, folded
// quotes/apostrophes/spaces, soft hyphens dropped) keeping a map back to the
// original bytes, and split sentences.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/result.h"
#include "dealscan/types.h"

namespace dealscan {

// How a folder's regular files are told from its other entries: from the
// entry's type and inode number where the file system makes them agree with
// stat, else with a stat each. Tests force either way.
enum class FolderEntries { kWhereReliable, kStatEach, kTrustEntries };

struct InputOptions {
  std::string glob = "*.txt";                    // file names taken from folders
  std::size_t max_file_bytes = 64u << 20;        // larger files are skipped
  FolderEntries folder_entries = FolderEntries::kWhereReliable;
};

// One file to read; path "-" means standard input.
struct InputFile {
  std::string path;
  std::string id;  // file name without extension; "stdin" for "-"
};

// The files of a run, in order, their paths stored back to back: an
// archive's 200,000 files cost ~40 bytes each, where InputFiles cost ~150.
class InputList {
 public:
  void push_back(std::string_view path);  // "-" is standard input
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // The path with its id: the file name without extension, "stdin" for "-".
  InputFile operator[](std::size_t i) const;
  void shrink_to_fit();

 private:
  std::string paths_;
  std::vector<std::uint64_t> ends_;  // where path i ends in paths_
};

// Expands command-line paths (files as given, folders recursively filtered by
// glob, "-" for stdin) into a deterministic list (folders sorted by path).
// Paths that cannot be used are appended to skipped with a reason:
//   "missing.txt"      -> skipped "not found"
//   "empty/"           -> skipped "empty folder: no file matches *.txt"
//   "dir/loop -> dir"  -> skipped "symlink loop" (symlinks to folders are
//                         followed unless they lead back to an ancestor)
// Inside folders, hidden entries (".name") are ignored, and a file reached a
// second time (through a symlink or a hard link, or named twice) is skipped
// as a duplicate.
InputList expand_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                        std::vector<SkippedSource>& skipped);
// The same walk, each file given to `list` as soon as it is found (in the
// list's order), so a caller can start on the first files while the walk
// goes on.
void expand_inputs(const std::vector<std::string>& paths, const InputOptions& options,
                   std::vector<SkippedSource>& skipped, const std::function<void(std::string_view path)>& list);

// True when a file name matches a glob: '*' any run of characters, '?' one
// character, "[abc]", "[a-z]", "[!abc]" one of a set; ASCII letters match
// either case ("*.txt" takes "NOTE.TXT").
bool glob_match(std::string_view pattern, std::string_view name);

// Reads the whole file (or stdin). Never throws. Errors: "not found",
// "permission denied", "is a directory", "symlink loop",
// "too large (N bytes > limit M)", "read error: ...".
Result<std::string> read_input(const InputFile& file, const InputOptions& options);

struct IngestedText {
  Source source;
  NormalizedText text;
};

// Decoding and normalisation; owns the ICU objects, so build one per thread.
class Ingestor {
 public:
  explicit Ingestor(const Lexicon& lexicon);
  ~Ingestor();
  Ingestor(Ingestor&&) noexcept;
  Ingestor& operator=(Ingestor&&) noexcept;

  // Error when the bytes are not text (binary, undecodable).
  Result<IngestedText> ingest(const InputFile& file, std::string_view bytes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sentence breaking with ICU (Italian rules) plus the lexicon's abbreviations
// ("Sig.", "p.es.") that must not end a sentence. One per thread.
class SentenceSplitter {
 public:
  explicit SentenceSplitter(const Lexicon& lexicon);
  ~SentenceSplitter();
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  std::vector<Sentence> split(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealscan

// Cross-check: group sources into stories, group claims within a story, and
// compare values, qualifiers, periods, dates, attributions and denials.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan {

// threads: stories are checked in parallel on up to this many; the result is
// the same for any number.
CrossCheck cross_check(const std::vector<DocumentResult>& documents, const Lexicon& lexicon, unsigned threads = 1);

// The cross-check of an archive too large to keep: documents are added in
// input order and wait in a temporary file, with only what story grouping
// reads kept in memory; run() reads them back a story at a time. The stories,
// claims and conflicts are cross_check's, in the same order.
class ArchiveCrossCheck {
 public:
  // Throws std::runtime_error when no temporary file can be made.
  explicit ArchiveCrossCheck(const Lexicon& lexicon);
  ~ArchiveCrossCheck();
  ArchiveCrossCheck(const ArchiveCrossCheck&) = delete;
  ArchiveCrossCheck& operator=(const ArchiveCrossCheck&) = delete;

  struct Entry;  // what add() keeps of one document
  struct EntryDeleter {
    void operator()(Entry* entry) const;
  };
  using Prepared = std::unique_ptr<Entry, EntryDeleter>;
  // The costly part of add(), safe on any thread: the pipeline's workers
  // prepare documents and only add() runs in input order.
  Prepared prepare(const DocumentResult& document) const;
  // In input order, one at a time. The entry is only read: whoever prepared
  // it frees it (on its own thread). Throws std::runtime_error when the
  // temporary file cannot be written.
  void add(const Prepared& entry);
  void add(const DocumentResult& document) { add(prepare(document)); }
  std::size_t size() const;  // documents added
  // Groups and checks on up to `threads` threads; each story's check goes to
  // on_story in story order, on the calling thread. Call once.
  void run(unsigned threads, const std::function<void(StoryCheck&&)>& on_story);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace dealscan

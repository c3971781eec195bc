// Per-document records kept on disk until the cross-check reads them back:
// the documents' figures and facts (a story at a time) and their StoryDocs
// (once to count parties, once to profile), so an archive run holds neither
// in memory.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/internal.h"
#include "dealscan/types.h"

namespace dealscan::crosscheck {

class DocumentSpill {
 public:
  // An anonymous temporary file in $TMPDIR (else /tmp), gone when closed.
  // Throws std::runtime_error when none can be made.
  DocumentSpill();
  ~DocumentSpill();
  DocumentSpill(const DocumentSpill&) = delete;
  DocumentSpill& operator=(const DocumentSpill&) = delete;

  // What the cross-check reads of a document (its source id, figures and
  // facts, without the texts it never reads: sentences, rule names, a
  // figure's attributed_to, a fact's object) as one record, with its figure_prominence (computed while the
  // document is at hand, so claim grouping does not redo it); safe on any
  // thread.
  static std::string encode(const DocumentResult& doc, const std::vector<FigureProminence>& ranked = {});
  static std::string encode(const StoryDoc& doc);
  // Appends a record. Throws std::runtime_error when the disk refuses it.
  void append(const std::string& record);
  std::size_t size() const { return lengths_.size(); }
  // Reads record i back, as a document or a StoryDoc (as it was encoded);
  // safe from several threads once seal() was called. A thread reading
  // records in order gets them from blocks read ahead.
  DocumentResult load(std::size_t i) const;
  DocumentResult load(std::size_t i, std::vector<FigureProminence>& ranked) const;
  StoryDoc load_story(std::size_t i) const;
  // Flushes what add() buffered; call before the first load().
  void seal();

 private:
  // A view of record i, valid until this thread's next read.
  std::string_view read(std::size_t i) const;
  void pread_exact(char* to, std::uint64_t offset, std::size_t n) const;
  std::uint64_t length(std::size_t i) const;
  std::uint64_t start(std::size_t i) const;

  std::unique_ptr<char[]> buffer_;  // file_'s, larger than stdio's 4 KB default
  std::FILE* file_ = nullptr;
  std::uint64_t id_;  // tells this spill's read-ahead blocks from another's
  // Where records are, in about 2 bytes a record (an offset each took 8:
  // 3 MB for the two spills of a 1 GB archive): the offset of every
  // kStride-th record, and each record's length, kLong for one of kLong
  // bytes or more, whose length is in long_.
  static constexpr std::size_t kStride = 64;
  static constexpr std::uint16_t kLong = UINT16_MAX;
  std::vector<std::uint64_t> stride_starts_;
  std::vector<std::uint16_t> lengths_;
  std::vector<std::pair<std::size_t, std::uint64_t>> long_;  // (record, length), in record order
  std::uint64_t end_ = 0;  // the bytes appended
};

}  // namespace dealscan::crosscheck

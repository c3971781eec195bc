// The whole pipeline behind one call: inputs -> per-document extraction
// (on a thread pool, deterministic order) -> cross-check.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dealscan/crosscheck.h"
#include "dealscan/extract.h"
#include "dealscan/ingest.h"
#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan {

// Everything one thread needs to process documents; built once per thread.
class DocumentProcessor {
 public:
  explicit DocumentProcessor(const Lexicon& lexicon);
  // The same with entities' compiled tables shared, not built again (one
  // set for all of a run's threads).
  DocumentProcessor(const Lexicon& lexicon, const EntityExtractor& entities);
  // Decode, normalise and extract one source. Error when it is not text.
  Result<DocumentResult> process(const InputFile& file, std::string_view bytes) const;

 private:
  Ingestor ingestor_;
  SentenceSplitter splitter_;
  MoneyExtractor money_;
  TimeExtractor time_;
  EntityExtractor entities_;
  ClaimExtractor claims_;
};

struct RunOptions {
  InputOptions input;
  unsigned threads = 0;  // 0 = all cores
  // Turns a finished document into output text on the worker that made it,
  // so writers format in parallel. Optional.
  std::function<std::string(const DocumentResult&)> render;
  // Called once per document, in input order, as soon as it and every
  // document before it are done, with what render made of it (empty without
  // render): a writer can stream them out. Runs under a lock: keep it short.
  std::function<void(const DocumentResult&, const std::string& rendered)> on_document;
  // When set, each document goes to the archive instead of into the
  // report: after render it is stripped of what the cross-check does not
  // read and prepared, and on_document sees only its source and size. The
  // cross-check is left to the caller (ArchiveCrossCheck::run), so memory
  // does not grow with the figures of an archive. run_pipeline rethrows
  // what the archive throws.
  ArchiveCrossCheck* archive = nullptr;
};

// Runs the pipeline over paths; unreadable inputs land in Report::skipped,
// each also passed to on_skip (for logging) as soon as it happens.
Report run_pipeline(const std::vector<std::string>& paths, const Lexicon& lexicon, const RunOptions& options,
                    const std::function<void(const SkippedSource&)>& on_skip = {});

}  // namespace dealscan

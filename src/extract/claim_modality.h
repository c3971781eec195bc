// Claims: how a figure is asserted, decided from its own clause.
//
//   "l'investimento non sarà di 5 milioni"       => denied      (negation:non)
//   "Alfa investirebbe 5 milioni"                => conditional (conditional:*rebbe)
//   "secondo il Sole 24 Ore, Alfa investe 5..."  => attributed, attributed_to = the medium
//   otherwise                                    => stated
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/claim_context.h"

namespace dealscan::claims {

// A modality or attribution cue found in a sentence.
struct CueHit {
  std::size_t b = 0, e = 0;
  const LexEntry* entry = nullptr;
  std::string_view type;
};

// Cues of one matcher over the sentence (names skipped).
std::vector<CueHit> find_cues(const PhraseMatcher& matcher, const SentenceView& v);
// The same into out (cleared first), reusing its buffer.
void find_cues_into(const PhraseMatcher& matcher, const SentenceView& v, std::vector<CueHit>& out);

struct ModalityDecision {
  Modality modality = Modality::Stated;
  std::optional<std::string> attributed_to;
  std::string rule = "stated";
};

// The source named by an attribution cue: a medium soon after it, else a
// party right after it ("secondo Alfa").
std::optional<std::string> cue_source(const SentenceView& v, const CueHit& cue);

ModalityDecision decide_modality(const SentenceView& v, const std::vector<CueHit>& modality,
                                 const std::vector<CueHit>& attribution, std::size_t mb, std::size_t me);

}  // namespace dealscan::claims

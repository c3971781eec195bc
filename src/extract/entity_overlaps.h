// Overlap resolution of the entity matchers' drafts: of overlapping drafts
// the longest is kept (then the lower priority, then the earlier).
#pragma once

#include <vector>

#include "extract/entity_draft.h"

namespace dealscan::entity {

// The drafts kept, sorted by position. Only the drafts that share a token
// with another are ranked: the others are kept as they are.
std::vector<Draft> resolve_overlaps(std::vector<Draft> drafts);

}  // namespace dealscan::entity

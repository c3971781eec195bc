// Cross-check: group sources into stories, group claims within a story, and
// compare values, qualifiers, periods, dates, attributions and denials.
#pragma once

#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"

namespace dealscan {

// threads: stories are checked in parallel on up to this many; the result is
// the same for any number.
CrossCheck cross_check(const std::vector<DocumentResult>& documents, const Lexicon& lexicon, unsigned threads = 1);

}  // namespace dealscan

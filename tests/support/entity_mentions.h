// Helpers for tests of the claim stage: an entity stage's output for a
// sentence, with each entity mentioned where its name first appears.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "dealscan/extract.h"

namespace dealscan::test_support {

// The entities, each mentioned at the first occurrence of its name in text
// (none where the name is absent), the mentions in text order.
inline EntityOutput mentions_by_name(const std::string& text, const std::vector<Entity>& entities) {
  EntityOutput out;
  out.entities = entities;
  for (const Entity& e : entities)
    if (auto at = text.find(e.name); at != std::string::npos) out.mentions.push_back({e.id, Span{at, at + e.name.size()}});
  std::sort(out.mentions.begin(), out.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace dealscan::test_support

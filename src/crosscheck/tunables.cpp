#include <cstddef>

#include "crosscheck/internal.h"

namespace dealscan::crosscheck {

Tunables load_tunables(const Lexicon& lexicon) {
  Tunables t;
  // Each tunable by name; unknown names in the file are ignored.
  const std::pair<const char*, double*> reals[] = {
      {"same_value_tolerance", &t.same_value_tolerance},
      {"rounding_tolerance", &t.rounding_tolerance},
      {"about_width", &t.about_width},
      {"nearly_width", &t.nearly_width},
      {"over_width", &t.over_width},
      {"common_entity_share", &t.common_entity_share},
      {"headline_bonus", &t.headline_bonus},
      {"lead_bonus", &t.lead_bonus},
      {"repeat_bonus", &t.repeat_bonus},
  };
  const std::pair<const char*, std::size_t*> counts[] = {
      {"max_key_fanout", &t.max_key_fanout},
      {"max_value_classes", &t.max_value_classes},
  };
  for (const auto& e : lexicon.list("crosscheck")) {
    if (!e.attrs.count("value")) continue;
    for (auto& [name, ptr] : reals)
      if (e.canonical() == name) *ptr = e.number("value", *ptr);
    for (auto& [name, ptr] : counts)
      if (e.canonical() == name) *ptr = static_cast<std::size_t>(e.number("value", static_cast<double>(*ptr)));
  }
  return t;
}

}  // namespace dealscan::crosscheck

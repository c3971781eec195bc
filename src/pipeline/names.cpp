// String names of the enums, as used in JSON and in the lexicon files.
#include <array>

#include "dealscan/types.h"

namespace dealscan {
namespace {

constexpr std::array<std::string_view, 5> kEntityTypes = {"ORG", "PERSON", "PRODUCT", "PLACE", "MEDIA"};
constexpr std::array<std::string_view, 7> kQualifiers = {"exact", "about", "over", "at_least", "up_to", "under", "nearly"};
constexpr std::array<std::string_view, 9> kKinds = {"investment", "valuation", "spending", "contract", "fundraising",
                                                    "revenue",    "loss",      "stake",    "other"};
constexpr std::array<std::string_view, 4> kModalities = {"stated", "conditional", "attributed", "denied"};
constexpr std::array<std::string_view, 3> kStatuses = {"corroborated", "single_source", "conflict"};
constexpr std::array<std::string_view, 2> kSeverities = {"conflict", "discrepancy"};

template <class E, std::size_t N>
std::optional<E> from(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(EntityType t) { return kEntityTypes[static_cast<std::size_t>(t)]; }
std::string_view to_string(Qualifier q) { return kQualifiers[static_cast<std::size_t>(q)]; }
std::string_view to_string(Kind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(Modality m) { return kModalities[static_cast<std::size_t>(m)]; }
std::string_view to_string(Status s) { return kStatuses[static_cast<std::size_t>(s)]; }
std::string_view to_string(Severity s) { return kSeverities[static_cast<std::size_t>(s)]; }
std::optional<Qualifier> qualifier_from(std::string_view s) { return from<Qualifier>(kQualifiers, s); }
std::optional<Kind> kind_from(std::string_view s) { return from<Kind>(kKinds, s); }
std::optional<EntityType> entity_type_from(std::string_view s) { return from<EntityType>(kEntityTypes, s); }

}  // namespace dealscan

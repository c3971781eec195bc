// validate_expected: checks the shape of an expected file (the format is the
// evaluation corpus's, documented in docs/expected-format.md) before any
// comparison, so a typo gives a clear message rather than a silent mismatch.
#include <fmt/format.h>

#include "dealscan/report.h"

namespace dealscan {
namespace {

using Json = nlohmann::json;

Result<bool> fail(const std::string& where, const std::string& what) {
  return Error{fmt::format("expected file: {} {}", where, what)};
}

bool string_or_null(const Json& j) { return j.is_string() || j.is_null(); }
bool number_or_null(const Json& j) { return j.is_number() || j.is_null(); }

Result<bool> check_figure(const Json& f, const std::string& where) {
  if (!f.is_object()) return fail(where, "must be an object");
  if (!f.contains("value") || !f["value"].is_number()) return fail(where + ".value", "must be a number");
  for (const char* key : {"currency", "qualifier", "kind", "subject", "counterparty", "text"})
    if (f.contains(key) && !string_or_null(f[key])) return fail(where + "." + key, "must be a string or null");
  for (const char* key : {"max", "period_years"})
    if (f.contains(key) && !number_or_null(f[key])) return fail(where + "." + key, "must be a number or null");
  return true;
}

// {"source": [figure, ...], ...}
Result<bool> check_figure_map(const Json& j, const std::string& key) {
  if (!j.contains(key)) return true;
  const Json& m = j[key];
  if (!m.is_object()) return fail(key, "must be an object of source id -> figure list");
  for (const auto& [source, list] : m.items()) {
    std::string where = key + "." + source;
    if (!list.is_array()) return fail(where, "must be an array");
    for (std::size_t i = 0; i < list.size(); ++i)
      if (auto r = check_figure(list[i], fmt::format("{}[{}]", where, i)); !r) return r;
  }
  return true;
}

Result<bool> check_discrepancy(const Json& d, const std::string& where) {
  if (!d.is_object()) return fail(where, "must be an object");
  if (!d.contains("field") || !d["field"].is_string()) return fail(where + ".field", "must be a string");
  const Json& s = d.contains("sources") ? d["sources"] : Json();
  if (!s.is_array() || s.size() != 2 || !s[0].is_string() || !s[1].is_string())
    return fail(where + ".sources", "must be an array of two source ids");
  return true;
}

Result<bool> check_stories(const Json& j) {
  if (!j.contains("stories")) return true;
  if (!j["stories"].is_array()) return fail("stories", "must be an array");
  for (std::size_t i = 0; i < j["stories"].size(); ++i) {
    const Json& s = j["stories"][i];
    std::string where = fmt::format("stories[{}]", i);
    if (!s.is_object()) return fail(where, "must be an object");
    if (!s.contains("discrepancies")) continue;
    if (!s["discrepancies"].is_array()) return fail(where + ".discrepancies", "must be an array");
    for (std::size_t k = 0; k < s["discrepancies"].size(); ++k)
      if (auto r = check_discrepancy(s["discrepancies"][k], fmt::format("{}.discrepancies[{}]", where, k)); !r)
        return r;
  }
  return true;
}

Result<bool> check_aliases(const Json& j) {
  if (!j.contains("aliases")) return true;
  if (!j["aliases"].is_object()) return fail("aliases", "must be an object of name -> [alias, ...]");
  for (const auto& [name, list] : j["aliases"].items()) {
    if (!list.is_array()) return fail("aliases." + name, "must be an array of strings");
    for (const auto& a : list)
      if (!a.is_string()) return fail("aliases." + name, "must be an array of strings");
  }
  return true;
}

}  // namespace

Result<bool> validate_expected(const Json& j) {
  if (!j.is_object()) return fail("top level", "must be an object");
  if (!j.contains("figures") && !j.contains("stories")) return fail("top level", "needs \"figures\" or \"stories\"");
  for (auto r : {check_figure_map(j, "figures"), check_figure_map(j, "figures_optional"), check_stories(j),
                 check_aliases(j)})
    if (!r) return r;
  return true;
}

}  // namespace dealscan

// STUB: replaced by the report module.
#include "dealscan/report.h"

namespace dealscan {

nlohmann::ordered_json to_json(const Report& report) {
  nlohmann::ordered_json j;
  j["schema"] = "dealscan.report/1";
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& d : report.documents) {
    j["sources"].push_back({{"id", d.source.id}, {"path", d.source.path},
                            {"date", d.source.date ? nlohmann::ordered_json(*d.source.date) : nullptr},
                            {"language", d.source.language}});
  }
  j["entities"] = nlohmann::ordered_json::array();
  j["figures"] = nlohmann::ordered_json::array();
  for (const auto& d : report.documents)
    for (const auto& f : d.figures)
      j["figures"].push_back({{"id", f.id}, {"source", f.source}, {"text", f.text}, {"start", f.orig.begin},
                              {"end", f.orig.end}, {"value", f.money.value}, {"currency", f.money.currency},
                              {"qualifier", to_string(f.money.qualifier)}, {"kind", to_string(f.kind)}});
  j["claims"] = nlohmann::ordered_json::array();
  j["conflicts"] = nlohmann::ordered_json::array();
  return j;
}

void write_text(std::ostream& out, const Report& report, const TextOptions&) {
  for (const auto& d : report.documents)
    for (const auto& f : d.figures) out << f.source << '\t' << f.text << '\n';
}

CheckResult compare_expected(const nlohmann::json&, const Report&) { return {}; }

}  // namespace dealscan

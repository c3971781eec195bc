#include "report/json_parts.h"

#include <map>

#include "dealscan/report.h"

namespace dealscan::report_detail {
namespace {

template <class T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json source_json(const Source& s) {
  return Json{{"id", s.id},
              {"path", s.path},
              {"date", or_null(s.date)},
              {"language", s.language},
              {"encoding", s.encoding},
              {"warnings", s.warnings}};
}

Json skipped_json(const SkippedSource& s) { return Json{{"path", s.path}, {"reason", s.reason}}; }

Json story_json(const Story& s) {
  return Json{{"id", s.id}, {"title", s.title}, {"sources", s.sources}, {"claims", s.claims}};
}

Json time_json(const std::optional<TimeExpr>& t) {
  if (!t) return nullptr;
  return Json{{"begin", string_or_null(t->begin)},
              {"end", string_or_null(t->end)},
              {"precision", t->precision},
              {"rule", t->rule}};
}

Json figure_json(const Figure& f, const std::vector<Figure>& same_document) {
  const MoneyMention& m = f.money;
  // conversion_of indexes the document's money list; figures are one per
  // money mention in the same order, so it names that figure.
  Json conversion = nullptr;
  if (m.conversion_of && *m.conversion_of < same_document.size()) conversion = same_document[*m.conversion_of].id;
  return Json{{"id", f.id},
              {"source", f.source},
              {"text", f.text},
              {"start", f.orig.begin},
              {"end", f.orig.end},
              {"sentence", f.sentence_text},
              {"sentence_index", f.sentence},  // headline and lead weigh more in the cross-check
              {"value", m.value},
              {"max", or_null(m.max)},
              {"currency", string_or_null(m.currency)},
              {"currency_from_context", m.currency_from_context},
              {"qualifier", to_string(m.qualifier)},
              {"period_years", or_null(m.period_years)},
              {"kind", to_string(f.kind)},
              {"subject", or_null(f.subject)},
              {"counterparty", or_null(f.counterparty)},
              {"modality", to_string(f.modality)},
              {"attributed_to", or_null(f.attributed_to)},
              {"time", time_json(f.time)},
              {"conversion_of", conversion},
              {"display", display_money(m)},
              {"rule", m.rule},
              {"kind_rule", f.kind_rule},
              {"party_rule", f.party_rule}};
}

Json quantity_json(const Quantity& q, const std::string& source) {
  return Json{{"source", source},     {"text", q.text},          {"start", q.orig.begin}, {"end", q.orig.end},
              {"value", q.value},     {"max", or_null(q.max)},   {"unit", q.unit},        {"rule", q.rule}};
}

Json fact_json(const Fact& f) {
  return Json{{"id", f.id},
              {"source", f.source},
              {"kind", f.kind},
              {"subject", or_null(f.subject)},
              {"object", or_null(f.object)},
              {"until", time_json(f.until)},
              {"text", f.text},
              {"start", f.orig.begin},
              {"end", f.orig.end},
              {"sentence", f.sentence_text},
              {"sentence_index", f.sentence},
              {"modality", to_string(f.modality)},
              {"rule", f.rule}};
}

Json claim_json(const Claim& c) {
  return Json{{"id", c.id},
              {"story", c.story},
              {"key", c.key},
              {"kind", c.kind ? std::string(to_string(*c.kind)) : c.fact_kind},
              {"subject", or_null(c.subject)},
              {"counterparty", or_null(c.counterparty)},
              {"figures", c.figures},
              {"sources", c.sources},
              {"status", to_string(c.status)}};
}

Json conflict_json(const Conflict& c) {
  Json values = Json::array();
  for (const auto& v : c.values)
    values.push_back(Json{{"source", v.source}, {"text", v.text}, {"value", or_null(v.value)}, {"item", v.item}});
  return Json{{"claim", c.claim},
              {"story", c.story},
              {"field", c.field},
              {"severity", to_string(c.severity)},
              {"values", std::move(values)},
              {"message", c.message}};
}

Json entities_json(const std::vector<const DocumentResult*>& documents) {
  Json out = Json::array();
  std::map<std::string, std::size_t, std::less<>> index;  // id -> position in out
  for (const DocumentResult* d : documents) {
    std::map<std::string, std::size_t, std::less<>> counts;
    for (const auto& m : d->mentions) ++counts[m.entity_id];
    for (const auto& e : d->entities) {
      auto [it, fresh] = index.try_emplace(e.id, out.size());
      if (fresh)
        out.push_back(Json{{"id", e.id},
                           {"name", e.name},
                           {"type", to_string(e.type)},
                           {"known", e.known},
                           {"sources", Json::array()},
                           {"mentions", 0},
                           {"parent", or_null(e.parent)}});
      Json& j = out[it->second];
      if (j["parent"].is_null() && e.parent) j["parent"] = *e.parent;
      auto& sources = j["sources"];
      if (sources.empty() || sources.back() != d->source.id) sources.push_back(d->source.id);
      auto c = counts.find(e.id);
      j["mentions"] = j["mentions"].get<std::size_t>() + (c == counts.end() ? 0 : c->second);
    }
  }
  return out;
}

}  // namespace dealscan::report_detail

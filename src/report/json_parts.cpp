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

// Builds an object field by field. Keys are distinct by construction, so no
// duplicate search per field, and the fields are reserved once: a growing
// ordered_map copies its const string keys instead of moving them.
class Object {
 public:
  explicit Object(std::size_t fields) : j_(Json::object()) { j_.get_ref<Json::object_t&>().reserve(fields); }
  template <class T>
  Object& add(const char* key, T&& value) {
    j_.get_ref<Json::object_t&>().emplace_back(key, Json(std::forward<T>(value)));
    return *this;
  }
  Json done() { return std::move(j_); }

 private:
  Json j_;
};

}  // namespace

Json source_json(const Source& s) {
  return Object(6)
      .add("id", s.id)
      .add("path", s.path)
      .add("date", or_null(s.date))
      .add("language", s.language)
      .add("encoding", s.encoding)
      .add("warnings", s.warnings)
      .done();
}

Json skipped_json(const SkippedSource& s) { return Object(2).add("path", s.path).add("reason", s.reason).done(); }

Json story_json(const Story& s) {
  return Object(4)
      .add("id", s.id)
      .add("title", s.title)
      .add("sources", s.sources)
      .add("claims", s.claims)
      .done();
}

Json time_json(const std::optional<TimeExpr>& t) {
  if (!t) return nullptr;
  return Object(4)
      .add("begin", string_or_null(t->begin))
      .add("end", string_or_null(t->end))
      .add("precision", t->precision)
      .add("rule", t->rule)
      .done();
}

Json figure_json(const Figure& f, const std::vector<Figure>& same_document) {
  const MoneyMention& m = f.money;
  // conversion_of indexes the document's money list; figures are one per
  // money mention in the same order, so it names that figure.
  Json conversion = nullptr;
  if (m.conversion_of && *m.conversion_of < same_document.size()) conversion = same_document[*m.conversion_of].id;
  return Object(24)
      .add("id", f.id)
      .add("source", f.source)
      .add("text", f.text)
      .add("start", f.orig.begin)
      .add("end", f.orig.end)
      .add("sentence", f.sentence_text)
      .add("sentence_index", f.sentence)  // headline and lead weigh more in the cross-check
      .add("value", m.value)
      .add("max", or_null(m.max))
      .add("currency", string_or_null(m.currency))
      .add("currency_from_context", m.currency_from_context)
      .add("qualifier", to_string(m.qualifier))
      .add("period_years", or_null(m.period_years))
      .add("kind", to_string(f.kind))
      .add("subject", or_null(f.subject))
      .add("counterparty", or_null(f.counterparty))
      .add("modality", to_string(f.modality))
      .add("attributed_to", or_null(f.attributed_to))
      .add("time", time_json(f.time))
      .add("conversion_of", conversion)
      .add("display", display_money(m))
      .add("rule", m.rule)
      .add("kind_rule", f.kind_rule)
      .add("party_rule", f.party_rule)
      .done();
}

Json quantity_json(const Quantity& q, const std::string& source) {
  return Object(8)
      .add("source", source)
      .add("text", q.text)
      .add("start", q.orig.begin)
      .add("end", q.orig.end)
      .add("value", q.value)
      .add("max", or_null(q.max))
      .add("unit", q.unit)
      .add("rule", q.rule)
      .done();
}

Json fact_json(const Fact& f) {
  return Object(13)
      .add("id", f.id)
      .add("source", f.source)
      .add("kind", f.kind)
      .add("subject", or_null(f.subject))
      .add("object", or_null(f.object))
      .add("until", time_json(f.until))
      .add("text", f.text)
      .add("start", f.orig.begin)
      .add("end", f.orig.end)
      .add("sentence", f.sentence_text)
      .add("sentence_index", f.sentence)
      .add("modality", to_string(f.modality))
      .add("rule", f.rule)
      .done();
}

Json claim_json(const Claim& c) {
  return Object(9)
      .add("id", c.id)
      .add("story", c.story)
      .add("key", c.key)
      .add("kind", c.kind ? std::string(to_string(*c.kind)) : c.fact_kind)
      .add("subject", or_null(c.subject))
      .add("counterparty", or_null(c.counterparty))
      .add("figures", c.figures)
      .add("sources", c.sources)
      .add("status", to_string(c.status))
      .done();
}

Json conflict_json(const Conflict& c) {
  Json values = Json::array();
  for (const auto& v : c.values)
    values.push_back(
        Object(4).add("source", v.source).add("text", v.text).add("value", or_null(v.value)).add("item", v.item).done());
  return Object(6)
      .add("claim", c.claim)
      .add("story", c.story)
      .add("field", c.field)
      .add("severity", to_string(c.severity))
      .add("values", std::move(values))
      .add("message", c.message)
      .done();
}

Json entities_json(const std::vector<const DocumentResult*>& documents) {
  Json out = Json::array();
  std::map<std::string, std::size_t, std::less<>> index;  // id -> position in out
  for (const DocumentResult* d : documents) {
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
      j["mentions"] = j["mentions"].get<std::size_t>() + e.mentions;
    }
  }
  return out;
}

}  // namespace dealscan::report_detail

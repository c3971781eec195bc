#include "report/json_parts.h"

#include <algorithm>
#include <cstring>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "dealscan/report.h"
#include "report/display.h"

// The parts a JSON Lines document line writes through JsonLine::bounded are
// inlined there, so that the JsonCursor's position stays in a register.
#define DEALSCAN_PART_INLINE [[gnu::always_inline]] inline
#define DEALSCAN_PART_LAMBDA __attribute__((always_inline))

namespace dealscan::report_detail {

template <class Writer>
void write_source(Writer& w, const Source& s) {
  w.begin_object()
      .field("id", s.id)
      .field("path", s.path)
      .field("date", s.date)
      .field("language", s.language)
      .field("encoding", s.encoding)
      .field("warnings", s.warnings)
      .end_object();
}

template <class Writer>
void write_skipped(Writer& w, const SkippedSource& s) {
  w.begin_object().field("path", s.path).field("reason", s.reason).end_object();
}

template <class Writer>
DEALSCAN_PART_INLINE void write_story(Writer& w, const Story& s) {
  w.begin_object()
      .field("id", s.id)
      .field("title", s.title)
      .field("sources", s.sources)
      .field("claims", s.claims)
      .end_object();
}

template <class Writer>
DEALSCAN_PART_INLINE void write_time(Writer& w, const std::optional<TimeExpr>& t) {
  if (!t) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("begin").string_or_null(t->begin);
  w.key("end").string_or_null(t->end);
  w.field("precision", t->precision).field("rule", t->rule).end_object();
}

namespace {

// write_figure with its display amount made by the caller (a JSON Lines
// figure is written twice, measured then written: the amount is made once).
template <class Writer>
DEALSCAN_PART_INLINE void write_figure_shown(Writer& w, const Figure& f, const std::vector<Figure>& same_document,
                                             std::string_view display) {
  const MoneyMention& m = f.money;
  w.begin_object()
      .field("id", f.id)
      .field("source", f.source)
      .field("text", f.text)
      .field("start", f.orig.begin)
      .field("end", f.orig.end)
      .field("sentence", f.sentence_text)
      .field("sentence_index", f.sentence)  // headline and lead weigh more in the cross-check
      .field("value", m.value)
      .field("max", m.max);
  w.key("currency").string_or_null(m.currency);
  w.field("currency_from_context", m.currency_from_context)
      .field("qualifier", to_string(m.qualifier))
      .field("period_years", m.period_years)
      .field("kind", to_string(f.kind))
      .field("subject", f.subject)
      .field("counterparty", f.counterparty)
      .field("modality", to_string(f.modality))
      .field("attributed_to", f.attributed_to);
  write_time(w.key("time"), f.time);
  // conversion_of indexes the document's money list; figures are one per
  // money mention in the same order, so it names that figure.
  w.key("conversion_of");
  if (m.conversion_of && *m.conversion_of < same_document.size()) w.value(same_document[*m.conversion_of].id);
  else w.null();
  w.field("display", display)
      .field("rule", m.rule)
      .field("kind_rule", f.kind_rule)
      .field("party_rule", f.party_rule)
      .end_object();
}

}  // namespace

template <class Writer>
void write_figure(Writer& w, const Figure& f, const std::vector<Figure>& same_document) {
  write_figure_shown(w, f, same_document, DisplayMoney(f.money).text());
}

template <class Writer>
DEALSCAN_PART_INLINE void write_quantity(Writer& w, const Quantity& q, const std::string& source) {
  w.begin_object()
      .field("source", source)
      .field("text", q.text)
      .field("start", q.orig.begin)
      .field("end", q.orig.end)
      .field("value", q.value)
      .field("max", q.max)
      .field("unit", q.unit)
      .field("rule", q.rule)
      .end_object();
}

template <class Writer>
DEALSCAN_PART_INLINE void write_fact(Writer& w, const Fact& f) {
  w.begin_object()
      .field("id", f.id)
      .field("source", f.source)
      .field("kind", f.kind)
      .field("subject", f.subject)
      .field("object", f.object);
  write_time(w.key("until"), f.until);
  w.field("text", f.text)
      .field("start", f.orig.begin)
      .field("end", f.orig.end)
      .field("sentence", f.sentence_text)
      .field("sentence_index", f.sentence)
      .field("modality", to_string(f.modality))
      .field("rule", f.rule)
      .end_object();
}

template <class Writer>
DEALSCAN_PART_INLINE void write_claim(Writer& w, const Claim& c) {
  w.begin_object()
      .field("id", c.id)
      .field("story", c.story)
      .field("key", c.key)
      .field("kind", c.kind ? to_string(*c.kind) : std::string_view(c.fact_kind))
      .field("subject", c.subject)
      .field("counterparty", c.counterparty)
      .field("figures", c.figures)
      .field("sources", c.sources)
      .field("status", to_string(c.status))
      .end_object();
}

template <class Writer>
DEALSCAN_PART_INLINE void write_conflict(Writer& w, const Conflict& c) {
  w.begin_object()
      .field("claim", c.claim)
      .field("story", c.story)
      .field("field", c.field)
      .field("severity", to_string(c.severity));
  w.key("values").begin_array();
  for (const auto& v : c.values)
    w.begin_object().field("source", v.source).field("text", v.text).field("value", v.value).field("item", v.item).end_object();
  w.end_array();
  w.field("message", c.message).end_object();
}

namespace {

// One entity as the merged list writes it; sources: a list of ids, or that
// list already written (RawJson).
template <class Writer, class Sources>
DEALSCAN_PART_INLINE void write_entity(Writer& w, const Entity& e, const std::optional<std::string>& parent, const Sources& sources,
                  std::size_t mentions) {
  w.begin_object()
      .field("id", e.id)
      .field("name", e.name)
      .field("type", to_string(e.type))
      .field("known", e.known)
      .field("sources", sources)
      .field("mentions", mentions)
      .field("parent", parent)
      .end_object();
}

// Are the ids of the document's entities all different? (The extractor
// lists each once; then nothing needs merging.)
bool distinct_ids(const std::vector<Entity>& entities) {
  // A document has a few dozen: each goes into a small open-addressing table
  // keyed by its length and first eight bytes, the whole ids compared only
  // when two land on the same slot chain (pairwise compares and sorting
  // string_views cost more).
  constexpr std::size_t kSmall = 64, kSlots = 2 * kSmall;
  if (entities.size() <= kSmall) {
    std::uint8_t slots[kSlots] = {};  // entity index + 1; 0: empty
    for (std::size_t i = 0; i < entities.size(); ++i) {
      const std::string& id = entities[i].id;
      std::uint64_t head = 0;
      std::memcpy(&head, id.data(), std::min<std::size_t>(id.size(), 8));
      std::size_t slot = ((head ^ id.size()) * 0x9E3779B97F4A7C15ull) >> 57;  // top 7 bits: 0..127
      for (; slots[slot] != 0; slot = (slot + 1) % kSlots)
        if (entities[slots[slot] - 1u].id == id) return false;
      slots[slot] = static_cast<std::uint8_t>(i + 1);
    }
    return true;
  }
  std::vector<std::string_view> ids;
  ids.reserve(entities.size());
  for (const auto& e : entities) ids.emplace_back(e.id);
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) == ids.end();
}

}  // namespace

template <class Writer>
void write_entities(Writer& w, const std::vector<const DocumentResult*>& documents) {
  // One document (a JSON Lines line) with distinct ids: each entity is
  // written as it is, with that document as its only source.
  if (documents.size() == 1 && distinct_ids(documents.front()->entities)) {
    const DocumentResult& d = *documents.front();
    const std::vector<std::string> sources{d.source.id};
    std::string sources_json;  // the same for every entity: written once
    if (w.compact()) JsonWriter(sources_json).value(sources);
    w.begin_array();
    for (const auto& e : d.entities) {
      if constexpr (std::is_same_v<Writer, JsonLine>)
        w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write_entity(x, e, e.parent, RawJson{sources_json}, e.mentions); });
      else if (w.compact()) write_entity(w, e, e.parent, RawJson{sources_json}, e.mentions);
      else write_entity(w, e, e.parent, sources, e.mentions);
    }
    w.end_array();
    return;
  }
  struct Merged {
    const Entity* first;
    std::optional<std::string> parent;
    std::vector<std::string> sources;
    std::size_t mentions = 0;
  };
  std::vector<Merged> merged;
  std::unordered_map<std::string_view, std::size_t> index;  // id -> position in merged
  for (const DocumentResult* d : documents)
    for (const auto& e : d->entities) {
      auto [it, fresh] = index.try_emplace(e.id, merged.size());
      if (fresh) merged.push_back(Merged{&e, e.parent, {}, 0});
      Merged& m = merged[it->second];
      if (!m.parent && e.parent) m.parent = e.parent;
      if (m.sources.empty() || m.sources.back() != d->source.id) m.sources.push_back(d->source.id);
      m.mentions += e.mentions;
    }
  w.begin_array();
  for (const auto& m : merged) write_entity(w, *m.first, m.parent, m.sources, m.mentions);
  w.end_array();
}

namespace {

// items as an array, each written by write(writer, item) through JsonLine::bounded.
template <class Item, class Write>
void write_bounded_array(JsonLine& w, const std::vector<Item>& items, Write write) {
  w.begin_array();
  for (const auto& item : items) w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write(x, item); });
  w.end_array();
}

}  // namespace

void write_figures(JsonLine& w, const std::vector<Figure>& figures) {
  w.begin_array();
  RecentDisplays displays;
  for (const auto& f : figures) {
    const std::string_view shown = displays.text(f.money);
    w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write_figure_shown(x, f, figures, shown); });
  }
  w.end_array();
}

void write_quantities(JsonLine& w, const std::vector<Quantity>& quantities, const std::string& source) {
  write_bounded_array(w, quantities, [&](auto& x, const Quantity& q) DEALSCAN_PART_LAMBDA { write_quantity(x, q, source); });
}

void write_facts(JsonLine& w, const std::vector<Fact>& facts) {
  write_bounded_array(w, facts, [](auto& x, const Fact& f) DEALSCAN_PART_LAMBDA { write_fact(x, f); });
}

void write_bounded(JsonLine& w, const Story& s) {
  w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write_story(x, s); });
}

void write_bounded(JsonLine& w, const Claim& c) {
  w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write_claim(x, c); });
}

void write_bounded(JsonLine& w, const Conflict& c) {
  w.bounded([&](auto& x) DEALSCAN_PART_LAMBDA { write_conflict(x, c); });
}

// The parts for both writers.
#define DEALSCAN_JSON_PARTS(Writer)                                                                      \
  template void write_source(Writer&, const Source&);                                                  \
  template void write_skipped(Writer&, const SkippedSource&);                                          \
  template void write_story(Writer&, const Story&);                                                    \
  template void write_figure(Writer&, const Figure&, const std::vector<Figure>&);                      \
  template void write_quantity(Writer&, const Quantity&, const std::string&);                          \
  template void write_fact(Writer&, const Fact&);                                                      \
  template void write_claim(Writer&, const Claim&);                                                    \
  template void write_conflict(Writer&, const Conflict&);                                              \
  template void write_time(Writer&, const std::optional<TimeExpr>&);                                   \
  template void write_entities(Writer&, const std::vector<const DocumentResult*>&);
DEALSCAN_JSON_PARTS(JsonWriter)
DEALSCAN_JSON_PARTS(JsonLine)
#undef DEALSCAN_JSON_PARTS

}  // namespace dealscan::report_detail

#undef DEALSCAN_PART_INLINE
#undef DEALSCAN_PART_LAMBDA

// read_jsonl: write_jsonl read back, for `dealscan merge`. It rebuilds what
// the cross-check and the report writers read from a DocumentResult; what the
// writer derives (a figure's display, an entity's sources) is recomputed, and
// what it never writes stays empty: normalised spans, the document's time
// expressions and mentions (each entity keeps its mention count).
#include <nlohmann/json.hpp>
#include <functional>
#include <stdexcept>
#include <unordered_map>

#include "dealscan/report.h"

namespace dealscan {
namespace {

using Json = nlohmann::json;

constexpr const char* kSchema = "dealscan.report/1";

// A missing or mistyped field. Thrown inside this file only and turned into
// an Error per line, prefixed with where in the line it was found.
struct BadField : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs read() and prefixes any BadField with where ("figures[2]").
template <class F>
auto within(const std::string& where, F read) {
  try {
    return read();
  } catch (const BadField& e) {
    throw BadField(where + ": " + e.what());
  }
}

const Json& field(const Json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) throw BadField(std::string("missing \"") + key + "\"");
  return *it;
}

[[noreturn]] void wrong(const char* key, const char* want) {
  throw BadField(std::string("\"") + key + "\" is not " + want);
}

const Json& object(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_object()) wrong(key, "an object");
  return v;
}

const Json& array(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_array()) wrong(key, "an array");
  return v;
}

std::string str(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_string()) wrong(key, "a string");
  return v.get<std::string>();
}

std::optional<std::string> opt_str(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) wrong(key, "a string or null");
  return v.get<std::string>();
}

// The writer turns empty strings (no currency, open time bounds) into null.
std::string str_or_empty(const Json& o, const char* key) { return opt_str(o, key).value_or(""); }

double num(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_number()) wrong(key, "a number");
  return v.get<double>();
}

std::optional<double> opt_num(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_number()) wrong(key, "a number or null");
  return v.get<double>();
}

std::size_t count(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_number_unsigned()) wrong(key, "a whole number >= 0");
  return v.get<std::size_t>();
}

bool flag(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (!v.is_boolean()) wrong(key, "true or false");
  return v.get<bool>();
}

// An enum written with to_string, read back through its *_from function.
template <class E>
E named(const Json& o, const char* key, std::optional<E> (*from)(std::string_view)) {
  std::string name = str(o, key);
  if (auto e = from(name)) return *e;
  throw BadField(std::string("\"") + key + "\": unknown value \"" + name + "\"");
}

std::optional<Modality> modality_from(std::string_view s) {
  for (Modality m : {Modality::Stated, Modality::Conditional, Modality::Attributed, Modality::Denied})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

Span orig_span(const Json& o) { return Span{count(o, "start"), count(o, "end")}; }

std::optional<TimeExpr> time_of(const Json& o, const char* key) {
  const Json& v = field(o, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_object()) wrong(key, "an object or null");
  return within(key, [&] {
    TimeExpr t;
    t.begin = str_or_empty(v, "begin");
    t.end = str_or_empty(v, "end");
    t.precision = str(v, "precision");
    t.rule = str(v, "rule");
    return t;
  });
}

Source source_of(const Json& j) {
  return within("source", [&] {
    Source s;
    s.id = str(j, "id");
    s.path = str(j, "path");
    s.date = opt_str(j, "date");
    s.language = str(j, "language");
    s.encoding = str(j, "encoding");
    for (const Json& w : array(j, "warnings")) {
      if (!w.is_string()) wrong("warnings", "a list of strings");
      s.warnings.push_back(w.get<std::string>());
    }
    return s;
  });
}

// More mentions of one entity than a 64 MiB article could hold: a damaged
// count, refused rather than allocated.
constexpr std::size_t kMaxMentions = std::size_t{1} << 24;

// An entity and how often this document mentions it (the writer keeps only the count).
void read_entity(const Json& j, DocumentResult& d) {
  Entity e;
  e.id = str(j, "id");
  e.name = str(j, "name");
  e.type = named(j, "type", entity_type_from);
  e.known = flag(j, "known");
  e.parent = opt_str(j, "parent");
  e.mentions = count(j, "mentions");
  if (e.mentions > kMaxMentions) throw BadField("\"mentions\": " + std::to_string(e.mentions) + " is implausibly many");
  d.entities.push_back(std::move(e));
}

// A figure; its conversion_of names another figure and is resolved by the caller.
Figure read_figure(const Json& j, std::optional<std::string>& conversion_of) {
  Figure f;
  f.id = str(j, "id");
  f.source = str(j, "source");
  f.text = str(j, "text");
  f.orig = orig_span(j);
  f.sentence_text = str(j, "sentence");
  f.sentence = count(j, "sentence_index");
  MoneyMention& m = f.money;
  m.value = num(j, "value");
  m.max = opt_num(j, "max");
  m.currency = str_or_empty(j, "currency");
  m.currency_from_context = flag(j, "currency_from_context");
  m.qualifier = named(j, "qualifier", qualifier_from);
  m.period_years = opt_num(j, "period_years");
  m.rule = str(j, "rule");
  f.kind = named(j, "kind", kind_from);
  f.subject = opt_str(j, "subject");
  f.counterparty = opt_str(j, "counterparty");
  f.modality = named(j, "modality", modality_from);
  f.attributed_to = opt_str(j, "attributed_to");
  f.time = time_of(j, "time");
  f.kind_rule = str(j, "kind_rule");
  f.party_rule = str(j, "party_rule");
  conversion_of = opt_str(j, "conversion_of");
  return f;
}

// Figures are one per money mention in order, so the index of the figure a
// conversion names is the money index conversion_of holds in memory.
void read_figures(const Json& list, DocumentResult& d) {
  std::vector<std::optional<std::string>> conversions(list.size());
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < list.size(); ++i) {
    d.figures.push_back(within("figures[" + std::to_string(i) + "]", [&] { return read_figure(list[i], conversions[i]); }));
    index.emplace(d.figures.back().id, i);
  }
  for (std::size_t i = 0; i < conversions.size(); ++i) {
    if (!conversions[i]) continue;
    auto it = index.find(*conversions[i]);
    if (it == index.end())
      throw BadField("figures[" + std::to_string(i) + "]: \"conversion_of\": no figure \"" + *conversions[i] +
                     "\" in this document");
    d.figures[i].money.conversion_of = it->second;
  }
}

Quantity read_quantity(const Json& j) {
  Quantity q;
  q.text = str(j, "text");
  q.orig = orig_span(j);
  q.value = num(j, "value");
  q.max = opt_num(j, "max");
  q.unit = str(j, "unit");
  q.rule = str(j, "rule");
  return q;
}

Fact read_fact(const Json& j) {
  Fact f;
  f.id = str(j, "id");
  f.source = str(j, "source");
  f.kind = str(j, "kind");
  f.subject = opt_str(j, "subject");
  f.object = opt_str(j, "object");
  f.until = time_of(j, "until");
  f.text = str(j, "text");
  f.orig = orig_span(j);
  f.sentence_text = str(j, "sentence");
  f.sentence = count(j, "sentence_index");
  f.modality = named(j, "modality", modality_from);
  f.rule = str(j, "rule");
  return f;
}

// Reads each element of line[key] with read, naming its position on error.
template <class F>
void each(const Json& line, const char* key, F read) {
  const Json& list = array(line, key);
  for (std::size_t i = 0; i < list.size(); ++i)
    within(std::string(key) + "[" + std::to_string(i) + "]", [&] {
      if (!list[i].is_object()) throw BadField("not an object");
      read(list[i]);
      return 0;
    });
}

DocumentResult read_document(const Json& line) {
  DocumentResult d;
  d.source = source_of(object(line, "source"));
  if (line.contains("bytes")) d.bytes = count(line, "bytes");  // absent in shards from before it was written
  each(line, "entities", [&](const Json& j) { read_entity(j, d); });
  read_figures(array(line, "figures"), d);
  each(line, "quantities", [&](const Json& j) { d.quantities.push_back(read_quantity(j)); });
  each(line, "facts", [&](const Json& j) { d.facts.push_back(read_fact(j)); });
  return d;
}

void read_summary(const Json& line, std::vector<SkippedSource>& skipped) {
  each(line, "skipped", [&](const Json& j) { skipped.push_back(SkippedSource{str(j, "path"), str(j, "reason")}); });
}

// A parse callback: a summary's stories, claims and conflicts are parsed but
// never built, since merge recomputes them (as a tree they would take several
// times the shard's size in memory).
bool skip_summary_results(int depth, Json::parse_event_t event, Json& parsed) {
  if (depth != 1 || event != Json::parse_event_t::key) return true;
  const auto& key = parsed.get_ref<const std::string&>();
  return key != "stories" && key != "claims" && key != "conflicts";
}

// One non-blank line, its document to on_document or its skipped inputs to
// skipped; the problem when it cannot be read.
std::optional<std::string> read_line(const std::string& text, const std::function<void(DocumentResult&&)>& on_document,
                                     std::vector<SkippedSource>& skipped) {
  Json line;
  try {
    // The callback parser costs more (nlohmann checks each finished object
    // for discarded members): only lines that may be a summary use it.
    line = text.find("\"summary\"") != std::string::npos ? Json::parse(text, skip_summary_results) : Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    auto colon = what.find(": ");  // drop nlohmann's "[json.exception...] parse error at line 1, column n"
    return "invalid JSON at byte " + std::to_string(e.byte) +
           (colon == std::string::npos ? std::string() : ": " + what.substr(colon + 2));
  }
  try {
    if (!line.is_object()) return std::string("not a JSON object");
    std::string schema = str(line, "schema");
    if (schema != kSchema) return "schema \"" + schema + "\", expected \"" + kSchema + "\"";
    std::string type = str(line, "type");
    if (type == "document") on_document(read_document(line));
    else if (type == "summary") read_summary(line, skipped);
    else return "unknown line type \"" + type + "\" (expected \"document\" or \"summary\")";
  } catch (const BadField& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

Result<std::size_t> read_jsonl(std::istream& in, std::string_view origin,
                               const std::function<void(DocumentResult&&)>& on_document,
                               std::vector<SkippedSource>& skipped) {
  std::string text;
  std::size_t documents = 0;
  auto counted = [&](DocumentResult&& d) {
    ++documents;
    on_document(std::move(d));
  };
  for (std::size_t number = 1; std::getline(in, text); ++number) {
    if (blank(text)) continue;
    if (auto problem = read_line(text, counted, skipped))
      return Error{std::string(origin) + ":" + std::to_string(number) + ": " + *problem};
  }
  if (in.bad()) return Error{std::string(origin) + ": read error"};
  return documents;
}

Result<JsonlShard> read_jsonl(std::istream& in, std::string_view origin) {
  JsonlShard shard;
  auto read = read_jsonl(
      in, origin, [&](DocumentResult&& d) { shard.documents.push_back(std::move(d)); }, shard.skipped);
  if (!read) return read.error();
  return shard;
}

}  // namespace dealscan

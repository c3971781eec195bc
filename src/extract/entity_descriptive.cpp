#include "extract/entity_descriptive.h"

#include <algorithm>
#include <set>

#include "extract/entity_rules.h"

namespace dealscan::entity {
namespace {

constexpr std::uint32_t kScopeSentences = 2;  // "la società" looks back this many sentences

// Kinds a generic "la società" never stands for: authorities, markets, media.
bool institutional(const std::string& kind) {
  return kind == "regulator" || kind == "exchange" || kind == "government" || kind == "media" || kind == "agency";
}

// The names kept, restricted to those known by id: a name draft for arg.
const Draft* mention_at(const std::vector<Draft>& names, std::size_t token) {
  auto it = std::lower_bound(names.begin(), names.end(), token, [](const Draft& d, std::size_t t) { return d.first < t; });
  return it != names.end() && it->first == token ? &*it : nullptr;
}

// Keeps the candidates named earlier in the document when there are several.
std::optional<std::string> unique_or_mentioned(const std::vector<std::string>& candidates, const std::vector<Draft>& names,
                                               std::size_t before) {
  if (candidates.size() == 1) return candidates.front();
  std::set<std::string> seen;
  for (const auto& n : names)
    if (n.first < before && std::find(candidates.begin(), candidates.end(), n.entity_id) != candidates.end())
      seen.emplace(n.entity_id);
  if (seen.size() == 1) return *seen.begin();
  return std::nullopt;
}

}  // namespace

DescriptiveResolver::DescriptiveResolver(const Lexicon& lexicon, const Gazetteer& gazetteer)
    : gazetteer_(gazetteer), determiners_(load_determiners(lexicon)) {
  for (const auto& e : lexicon.list("entity_modifiers"))
    for (const auto& f : e.forms) modifiers_.add(f, 0, CaseRule::Insensitive);
  for (const auto& e : lexicon.list("entity_descriptors")) {
    auto mode = e.attr("mode", "generic");
    Descriptor d{mode == "arg" ? Mode::Arg : mode == "sector" ? Mode::Sector : Mode::Generic, std::string(e.attr("kind")),
                 std::string(e.attr("sector")), "descriptive:" + e.canonical()};
    int idx = static_cast<int>(info_.size());
    info_.push_back(std::move(d));
    for (const auto& f : e.forms) descriptors_.add(f, idx, CaseRule::Insensitive);
  }
}

void DescriptiveResolver::mark_starts(StartMarks& marks) const { marks.add(descriptors_, kFollowerStart); }

bool DescriptiveResolver::compatible(std::string_view id, const std::string& kind, const DocState& doc) const {
  if (const GazEntry* g = gazetteer_.find(id)) {
    if (g->entity.type != EntityType::Org) return false;
    return kind.empty() ? !institutional(g->kind) : g->kind == kind;
  }
  if (const UnknownEntity* u = doc.find_unknown(id)) {
    if (u->entity.type != EntityType::Org) return false;
    return kind.empty() || u->kind == kind;
  }
  return false;
}

std::optional<std::string> DescriptiveResolver::generic(const TokenStream& ts, const Descriptor& d, std::size_t at,
                                                        const std::vector<Draft>& names, const DocState& doc) const {
  std::uint32_t sentence = ts.tokens[at].sentence;
  std::uint32_t from = sentence >= kScopeSentences ? sentence - kScopeSentences : 0;
  std::set<std::string> ids;
  auto start = std::partition_point(names.begin(), names.end(),
                                    [&](const Draft& n) { return ts.tokens[n.first].sentence < from; });
  for (auto it = start; it != names.end(); ++it) {
    const Draft& n = *it;
    if (n.first >= at) break;
    if (compatible(n.entity_id, d.kind, doc)) ids.emplace(n.entity_id);
  }
  if (ids.size() != 1) return std::nullopt;
  return *ids.begin();
}

std::optional<std::string> DescriptiveResolver::by_argument(const Draft& arg, const std::vector<Draft>& names) const {
  const GazEntry* g = gazetteer_.find(arg.entity_id);
  if (!g) return std::nullopt;
  switch (g->entity.type) {
    case EntityType::Person: {
      if (!g->org.empty()) return g->org;
      return unique_or_mentioned(gazetteer_.orgs_of_person(g->entity.id), names, arg.first);
    }
    case EntityType::Product:
      if (!g->owner.empty()) return g->owner;
      return std::nullopt;
    case EntityType::Place:
      return unique_or_mentioned(gazetteer_.orgs_at(g->entity.id), names, arg.first);
    default:
      return std::nullopt;
  }
}

std::optional<std::string> DescriptiveResolver::by_sector(const Descriptor& d, std::size_t at,
                                                          const std::vector<Draft>& names) const {
  auto end = std::partition_point(names.begin(), names.end(), [&](const Draft& n) { return n.first < at; });
  for (auto it = std::make_reverse_iterator(end); it != names.rend(); ++it) {
    const GazEntry* g = gazetteer_.find(it->entity_id);
    if (g && g->entity.type == EntityType::Org &&
        std::find(g->sectors.begin(), g->sectors.end(), d.sector) != g->sectors.end())
      return g->entity.id;
  }
  return std::nullopt;
}

void DescriptiveResolver::apply(const TokenStream& ts, const std::vector<Draft>& names, DocState& doc,
                                std::vector<Draft>& out) const {
  // The rules found the determiners already (the same list); asked alone,
  // the resolver walks its own trie.
  const bool found = doc.determiners.size() == ts.size();
  thread_local std::vector<PhraseMatch> own;
  thread_local std::vector<std::uint32_t> own_starts;
  if (!found) determiners_.longest_each(ts, own, own_starts);
  const std::vector<PhraseMatch>& determiners = found ? doc.determiners : own;
  // Only a determiner opens the pattern: its starts are visited, not every
  // token. from: the tokens before it are taken by a match found here.
  std::size_t from = 0;
  for (const std::size_t i : found ? doc.determiner_starts : own_starts) {
    if (i < from || !ts.tokens[i].word) continue;
    const PhraseMatch det = determiners[i];
    if (det.payload != 1) continue;
    auto m = descriptors_.longest(ts, det.end);
    if (m.payload < 0) continue;
    const Descriptor& d = info_[m.payload];
    std::optional<std::string> id;
    if (d.mode == Mode::Arg) {
      if (const Draft* arg = mention_at(names, m.end)) id = by_argument(*arg, names);
    } else {
      // "la società Acme" names a company, "la società di consulenza" is
      // another one: neither refers back.
      std::size_t next = m.end;
      while (true) {
        auto mod = modifiers_.longest(ts, next);
        if (mod.payload < 0) break;
        next = mod.end;
      }
      bool apposition = next < ts.size() && (ts.capitalised(next) || mention_at(names, next));
      bool qualified = m.end < ts.size() && (ts.key(m.end) == "di" || ts.key(m.end) == "del" || ts.key(m.end) == "della" ||
                                             ts.key(m.end) == "dei" || ts.key(m.end) == "dell");
      if (apposition || qualified) {
        from = m.end;
        continue;
      }
      id = d.mode == Mode::Sector ? by_sector(d, i, names) : generic(ts, d, i, names, doc);
    }
    if (id) out.push_back({i, m.end, doc.hold(std::move(*id)), d.rule, kDescriptive, true});
    from = m.end;
  }
}

}  // namespace dealscan::entity

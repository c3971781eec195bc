#include "extract/entity_gazetteer.h"

#include <algorithm>
#include <set>

namespace dealscan::entity {
namespace {

constexpr std::size_t kTypoMinLength = 5;  // shorter names have too many neighbours

std::vector<std::string> split_bar(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto p = s.find('|', start);
    auto part = s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start);
    if (!part.empty()) out.emplace_back(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

GazEntry make_entry(const LexEntry& e) {
  GazEntry g;
  g.entity.name = e.canonical();
  g.entity.id = std::string(e.attr("id"));
  if (g.entity.id.empty()) g.entity.id = slug(e.canonical());
  g.entity.type = entity_type_from(e.attr("type", "ORG")).value_or(EntityType::Org);
  if (auto p = e.attr("parent"); !p.empty()) g.entity.parent = std::string(p);
  g.entity.known = true;
  g.kind = std::string(e.attr("kind"));
  g.sectors = split_bar(e.attr("sector"));
  g.hq = std::string(e.attr("hq"));
  g.people = split_bar(e.attr("ceo"));
  for (auto& f : split_bar(e.attr("founder"))) g.people.push_back(f);
  g.owner = std::string(e.attr("owner"));
  g.org = std::string(e.attr("org"));
  return g;
}

// Every string one deletion away from key, and key itself.
std::vector<std::string> deletion_variants(std::string_view key) {
  std::vector<std::string> out{std::string(key)};
  for (std::size_t i = 0; i < key.size(); ++i) {
    // Delete whole UTF-8 characters only.
    if ((static_cast<unsigned char>(key[i]) & 0xC0) == 0x80) continue;
    std::size_t len = 1;
    while (i + len < key.size() && (static_cast<unsigned char>(key[i + len]) & 0xC0) == 0x80) ++len;
    out.push_back(std::string(key.substr(0, i)) + std::string(key.substr(i + len)));
  }
  return out;
}

}  // namespace

Gazetteer::Gazetteer(const Lexicon& lexicon) {
  for (const auto& e : lexicon.list("gazetteer")) {
    GazEntry g = make_entry(e);
    if (by_id_.count(g.entity.id)) continue;  // first definition wins
    int idx = static_cast<int>(entries_.size());
    by_id_.emplace(g.entity.id, idx);
    auto exact = split_bar(e.attr("exact"));
    bool all_exact = std::find(exact.begin(), exact.end(), "*") != exact.end();
    for (const auto& form : e.forms) {
      bool is_exact = all_exact || std::find(exact.begin(), exact.end(), form) != exact.end();
      CaseRule rule = is_exact ? CaseRule::Exact : default_case_rule(form);
      bool one_token = names_.add(form, idx, rule) == 1;
      std::string key = fold(form);
      if (rule == CaseRule::Insensitive && one_token && key.size() >= kTypoMinLength)
        for (auto& v : deletion_variants(key)) deletions_[v].emplace_back(idx, key);
    }
    for (const auto& d : split_bar(e.attr("descr"))) descriptions_.add(d, idx, CaseRule::Insensitive);
    entries_.push_back(std::move(g));
  }
}

const GazEntry* Gazetteer::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

void Gazetteer::match_names(const TokenStream& ts, const WordSet& stopwords, DocState& doc) const {
  // The token array, its size and the start bitmap stay in registers (the
  // draft list's growth would otherwise make every test reload them).
  // Only the tokens marked as starting a name are visited.
  const Token* tokens = ts.tokens.data();
  const std::size_t n = ts.size();
  const std::uint8_t* starts = doc.starts;
  for (std::size_t i = next_marked(starts, 0, n, kNameStart); i < n; i = next_marked(starts, i, n, kNameStart)) {
    // Most marked tokens are common words some name starts with ("il", "gruppo"):
    // the next token rules out most of them without a walk.
    if (!tokens[i].word || !names_.may_match(tokens, n, i)) {
      ++i;
      continue;
    }
    auto m = names_.longest_started(ts, i);
    if (m.payload < 0) {
      ++i;
      continue;
    }
    // A one-word name that is also a common word opening the sentence
    // ("Intesa raggiunta ...") is the word, not the company.
    bool common_opener = m.end == i + 1 && ts.tokens[i].sentence_initial && stopwords.contains_key(ts.key(i));
    if (!common_opener) doc.drafts.push_back(
        {i, m.end, entries_[m.payload].entity.id, "gazetteer", kGazetteer, false, &entries_[m.payload].entity});
    i = m.end;
  }
}

void Gazetteer::match_descriptions(const TokenStream& ts, DocState& doc) const {
  if (descriptions_.empty()) return;
  const Token* tokens = ts.tokens.data();  // as in match_names
  const std::size_t n = ts.size();
  const std::uint8_t* starts = doc.starts;
  for (std::size_t i = next_marked(starts, 0, n, kDescriptionStart); i < n;
       i = next_marked(starts, i + 1, n, kDescriptionStart)) {
    if (!tokens[i].word) continue;
    auto m = descriptions_.longest_started(ts, i);
    if (m.payload < 0) continue;
    doc.drafts.push_back(
        {i, m.end, entries_[m.payload].entity.id, "descriptive:descr", kDescriptive, true, &entries_[m.payload].entity});
    i = m.end - 1;
  }
}

std::optional<int> Gazetteer::typo_candidate(const TokenStream& ts, std::size_t i) const {
  auto key = ts.key(i);
  std::set<int> found;
  for (const auto& v : deletion_variants(key)) {
    auto it = deletions_.find(v);
    if (it == deletions_.end()) continue;
    for (const auto& [idx, form] : it->second)
      if (form != key && edit_distance(form, key, 1) == 1) found.insert(idx);
  }
  if (found.size() != 1) return std::nullopt;
  return *found.begin();
}

void Gazetteer::mark_starts(StartMarks& marks) const {
  marks.add(names_, kNameStart);
  marks.add(descriptions_, kDescriptionStart);
  marks.add_shape(Shape::Title, kTypoShape);
  marks.add_shape(Shape::Mixed, kTypoShape);
}

void Gazetteer::match_typos(const TokenStream& ts, const WordSet& stopwords, DocState& doc) const {
  Covered covered(ts.size(), 0);
  for (const auto& d : doc.drafts)
    for (std::size_t k = d.first; k < d.last; ++k) covered[k] = true;
  const Token* tokens = ts.tokens.data();  // as in match_names
  const std::size_t n = ts.size();
  auto titled = [&](std::size_t k) { return k < n && tokens[k].shape == Shape::Title; };
  // Only a Mixed or Title word can be one (below): those are marked, and
  // the others (most tokens) not visited.
  const std::uint8_t* starts = doc.starts;
  for (std::size_t i = next_marked(starts, 0, n, kTypoShape); i < n; i = next_marked(starts, i + 1, n, kTypoShape)) {
    const Token& t = tokens[i];
    if (covered[i] || !t.word || t.end - t.begin < kTypoMinLength) continue;
    // "OperAI" is a name whatever its place; "Amazom" only mid-sentence and
    // not inside a longer name ("Marco Altmann").
    bool mixed = t.shape == Shape::Mixed && ts.capitalised(i);
    bool lone_title = t.shape == Shape::Title && !t.sentence_initial && !titled(i + 1) && !(i > 0 && titled(i - 1));
    // The shape rules out most words before the stopword lookup has to.
    if ((!mixed && !lone_title) || stopwords.contains_key(ts.key(i))) continue;
    if (auto idx = typo_candidate(ts, i))
      doc.drafts.push_back({i, i + 1, entries_[*idx].entity.id, "typo", kTypo, false, &entries_[*idx].entity});
  }
}

std::vector<std::string> Gazetteer::orgs_of_person(const std::string& person_id) const {
  std::vector<std::string> out;
  for (const auto& g : entries_)
    if (std::find(g.people.begin(), g.people.end(), person_id) != g.people.end()) out.push_back(g.entity.id);
  return out;
}

std::vector<std::string> Gazetteer::orgs_at(const std::string& place_id) const {
  std::vector<std::string> out;
  for (const auto& g : entries_)
    if (g.hq == place_id) out.push_back(g.entity.id);
  return out;
}

}  // namespace dealscan::entity

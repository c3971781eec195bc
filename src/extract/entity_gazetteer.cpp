#include "extract/entity_gazetteer.h"

#include <algorithm>
#include <cstdint>
#include <set>

namespace dealscan::entity {
namespace {

constexpr std::size_t kTypoMinLength = 5;  // shorter names have too many neighbours

// The non-empty '|'-separated parts of s, as views into s or as strings.
template <class Part = std::string>
std::vector<Part> split_bar(std::string_view s) {
  std::vector<Part> out;
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

// The attributes a gazetteer entry reads, found in one pass over the
// entry's (asking for each by name walked them a dozen times).
struct GazAttrs {
  std::string_view id, type = "ORG", parent, kind, sector, hq, ceo, founder, owner, org, exact, descr;

  explicit GazAttrs(const LexEntry& e) {
    const std::pair<std::string_view, std::string_view*> fields[] = {
        {"id", &id},   {"type", &type},   {"parent", &parent}, {"kind", &kind}, {"sector", &sector}, {"hq", &hq},
        {"ceo", &ceo}, {"founder", &founder}, {"owner", &owner}, {"org", &org}, {"exact", &exact}, {"descr", &descr}};
    for (const auto& [key, value] : e.attrs)
      for (const auto& [name, field] : fields)
        if (key == name) *field = value;
  }
};

GazEntry make_entry(const LexEntry& e, const GazAttrs& a) {
  GazEntry g;
  g.entity.name = e.canonical();
  g.entity.id = std::string(a.id);
  if (g.entity.id.empty()) g.entity.id = slug(e.canonical());
  g.entity.type = entity_type_from(a.type).value_or(EntityType::Org);
  if (!a.parent.empty()) g.entity.parent = std::string(a.parent);
  g.entity.known = true;
  g.kind = std::string(a.kind);
  g.sectors = split_bar(a.sector);
  g.hq = std::string(a.hq);
  g.people = split_bar(a.ceo);
  for (auto& f : split_bar(a.founder)) g.people.push_back(f);
  g.owner = std::string(a.owner);
  g.org = std::string(a.org);
  return g;
}

// The byte length of the UTF-8 character at key[i] (a lead byte).
std::size_t char_length(std::string_view key, std::size_t i) {
  std::size_t len = 1;
  while (i + len < key.size() && (static_cast<unsigned char>(key[i + len]) & 0xC0) == 0x80) ++len;
  return len;
}

// Calls f(at, len) for every deletion of one whole UTF-8 character from
// key (key[at, at + len) deleted), and f(0, 0) for key itself.
template <class F>
void for_each_deletion(std::string_view key, F f) {
  f(0, 0);
  for (std::size_t i = 0; i < key.size(); ++i)
    if ((static_cast<unsigned char>(key[i]) & 0xC0) != 0x80) f(i, char_length(key, i));
}

// key without key[at, at + len).
std::string without(std::string_view key, std::size_t at, std::size_t len) {
  std::string out(key.substr(0, at));
  out.append(key.substr(at + len));
  return out;
}

// FNV-1a of key without key[at, at + len), read in two pieces (no string made).
std::uint64_t hash_without(std::string_view key, std::size_t at, std::size_t len) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key.substr(0, at)) h = (h ^ c) * 1099511628211ull;
  for (unsigned char c : key.substr(at + len)) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

Gazetteer::Gazetteer(const Lexicon& lexicon) {
  const auto& list = lexicon.list("gazetteer");
  entries_.reserve(list.size());  // an entry is a dozen strings: not moved by growth
  for (const auto& e : list) {
    const GazAttrs attrs(e);
    GazEntry g = make_entry(e, attrs);
    if (by_id_.count(g.entity.id)) continue;  // first definition wins
    int idx = static_cast<int>(entries_.size());
    by_id_.emplace(g.entity.id, idx);
    const auto exact = split_bar<std::string_view>(attrs.exact);
    bool all_exact = std::find(exact.begin(), exact.end(), "*") != exact.end();
    for (const auto& form : e.forms) {
      bool is_exact = all_exact || std::find(exact.begin(), exact.end(), form) != exact.end();
      CaseRule rule = is_exact ? CaseRule::Exact : default_case_rule(form);
      bool one_token = names_.add(form, idx, rule) == 1;
      if (rule == CaseRule::Insensitive && one_token) add_typo_form(idx, fold(form));
    }
    for (std::string_view d : split_bar<std::string_view>(attrs.descr)) descriptions_.add(d, idx, CaseRule::Insensitive);
    entries_.push_back(std::move(g));
  }
  index_deletions();
}

void Gazetteer::add_typo_form(int entry, std::string key) {
  if (key.size() >= kTypoMinLength) typo_forms_.push_back({entry, std::move(key)});
}

void Gazetteer::index_deletions() {
  std::size_t count = 0;
  for (const auto& f : typo_forms_) for_each_deletion(f.key, [&](std::size_t, std::size_t) { ++count; });
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;  // at most half full
  deletions_.assign(size, Deletion{});
  for (std::uint32_t form = 0; form < typo_forms_.size(); ++form) {
    const std::string& key = typo_forms_[form].key;
    for_each_deletion(key, [&](std::size_t at, std::size_t len) {
      const std::uint64_t h = hash_without(key, at, len);
      std::size_t i = h & (size - 1);
      while (deletions_[i].form != Deletion::kEmpty) i = (i + 1) & (size - 1);
      deletions_[i] = {h, form, static_cast<std::uint16_t>(at), static_cast<std::uint16_t>(len)};
    });
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
  // The entries with a typo form sharing a one-deletion variant with key
  // (or key itself) and one edit away from it. Few words get here: the
  // variants are made as strings and compared whole.
  const std::string_view key = ts.key(i);
  const std::size_t mask = deletions_.size() - 1;
  std::set<int> found;
  for_each_deletion(key, [&](std::size_t at, std::size_t len) {
    const std::string variant = without(key, at, len);
    const std::uint64_t h = hash_without(key, at, len);
    for (std::size_t k = h & mask; deletions_[k].form != Deletion::kEmpty; k = (k + 1) & mask) {
      const Deletion& d = deletions_[k];
      const TypoForm& f = typo_forms_[d.form];
      if (d.hash == h && without(f.key, d.at, d.len) == variant && f.key != key && edit_distance(f.key, key, 1) == 1)
        found.insert(f.entry);
    }
  });
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

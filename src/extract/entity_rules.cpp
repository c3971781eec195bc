#include "extract/entity_rules.h"

#include <algorithm>

namespace dealscan::entity {
namespace {

constexpr std::size_t kMaxNameWords = 5;
constexpr std::size_t kMaxPersonWords = 3;
constexpr int kMaxModifiers = 2;

// Adds every form of list entry e to trie; forms listed in exact= (or all,
// with exact=*) keep their case, the others match in any case.
void add_forms(PhraseTrie& trie, const LexEntry& e, int payload) {
  auto exact = std::string(e.attr("exact"));
  for (const auto& f : e.forms) {
    bool is_exact = exact == "*" || ("|" + exact + "|").find("|" + f + "|") != std::string::npos;
    trie.add(f, payload, is_exact ? CaseRule::Exact : CaseRule::Insensitive);
  }
}

PhraseTrie load_trie(const Lexicon& lexicon, std::string_view list) {
  PhraseTrie t;
  for (const auto& e : lexicon.list(list)) add_forms(t, e, 0);
  return t;
}

// Asked at almost every token, of a one-byte mark: compared in place, not
// by a string comparison (a call to memcmp).
bool is_punct(const TokenStream& ts, std::size_t i, std::string_view p) {
  if (i >= ts.size()) return false;
  const Token& t = ts.tokens[i];
  if (t.word || t.end - t.begin != p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (ts.text[t.begin + k] != p[k]) return false;
  return true;
}

// ts.heading as bytes, for the loops that ask it at every token: a
// std::vector<bool> read costs a shift and a mask each time.
std::vector<char> heading_bytes(const TokenStream& ts) { return std::vector<char>(ts.heading.begin(), ts.heading.end()); }

// Tokens a..b of the text as written ("Quercia & Figli").
std::string text_of(const TokenStream& ts, std::size_t a, std::size_t b) {
  return std::string(ts.text.substr(ts.tokens[a].begin, ts.tokens[b - 1].end - ts.tokens[a].begin));
}

}  // namespace

PhraseTrie load_determiners(const Lexicon& lexicon) {
  PhraseTrie t;
  for (const auto& e : lexicon.list("entity_determiners"))
    for (const auto& f : e.forms) t.add(f, e.attr("def") == "1" ? 1 : 2, CaseRule::Insensitive);
  return t;
}

WordSet load_words(const Lexicon& lexicon, std::string_view list) {
  WordSet w;
  for (const auto& e : lexicon.list(list))
    for (const auto& f : e.forms) w.add(f);
  return w;
}

NameRules::NameRules(const Lexicon& lexicon, const Gazetteer& gazetteer)
    : gazetteer_(gazetteer),
      suffixes_(load_trie(lexicon, "legal_suffixes")),
      determiners_(load_determiners(lexicon)),
      modifiers_(load_trie(lexicon, "entity_modifiers")),
      roles_(load_trie(lexicon, "roles")),
      stopwords_(load_words(lexicon, "entity_stopwords")),
      particles_(load_words(lexicon, "name_particles")) {
  for (const auto& e : lexicon.list("entity_triggers")) {
    int idx = static_cast<int>(trigger_info_.size());
    trigger_info_.push_back({entity_type_from(e.attr("type", "ORG")).value_or(EntityType::Org), std::string(e.attr("kind")),
                             std::string(e.attr("rule", "org-after"))});
    add_forms(triggers_, e, idx);
  }
}

void NameRules::apply(const TokenStream& ts, DocState& doc) const {
  Covered covered(ts.size(), 0);
  for (const auto& d : doc.drafts)
    for (std::size_t k = d.first; k < d.last; ++k) covered[k] = true;
  legal_suffix(ts, covered, doc);
  find_determiners(ts, doc);
  after_trigger(ts, covered, doc);
  persons(ts, covered, doc);
  repeats(ts, doc);
}

void NameRules::find_determiners(const TokenStream& ts, DocState& doc) const {
  // Only a determiner before a trigger or a role, or after a comma, is read
  // (after_trigger, persons; the descriptive resolver's descriptors too).
  determiners_.longest_marked_near(ts, doc.starts, kDeterminerStart, kFollowerStart, kCommaMark, doc.determiners,
                                   doc.determiner_starts);
}

void NameRules::mark_starts(StartMarks& marks) const {
  marks.add(suffixes_, kSuffixStart);
  marks.add(determiners_, kDeterminerStart);
  marks.add_key(",", kCommaMark);
  marks.add(triggers_, kFollowerStart);
  marks.add(roles_, kFollowerStart);
}

std::size_t NameRules::name_end(const TokenStream& ts, std::size_t i, const Covered& covered) const {
  std::size_t end = i, words = 0;
  for (std::size_t j = i; j < ts.size() && words < kMaxNameWords; ++j) {
    if (j > i && ts.tokens[j].newline_before) break;
    if (covered[j]) break;
    if (ts.capitalised(j) || (j > i && ts.tokens[j].word && ts.tokens[j].shape == Shape::None)) {
      if (j > i && ts.tokens[j].sentence_initial) break;
      end = j + 1;
      ++words;
      continue;
    }
    // "Quercia & Figli", "Alfa-Beta": a connector between two capitalised words.
    bool connector = is_punct(ts, j, "&") || is_punct(ts, j, "-") || ts.key(j) == "and";
    if (j > i && connector && j + 1 < ts.size() && ts.capitalised(j + 1) && !covered[j + 1]) continue;
    break;
  }
  return end;
}

bool NameRules::person_word(const TokenStream& ts, std::size_t i, const Covered& covered) const {
  return i < ts.size() && !covered[i] && ts.tokens[i].shape == Shape::Title && !stopwords_.contains_key(ts.key(i));
}

std::size_t NameRules::person_end(const TokenStream& ts, std::size_t i, const Covered& covered) const {
  if (!person_word(ts, i, covered)) return i;
  std::size_t end = i + 1, words = 1;
  for (std::size_t j = i + 1; j < ts.size() && !ts.tokens[j].newline_before; ++j) {
    if (person_word(ts, j, covered)) {
      end = j + 1;
      if (++words > kMaxPersonWords) return i;
    } else if (!(ts.tokens[j].shape == Shape::Lower && particles_.contains_key(ts.key(j)))) {
      break;
    }
  }
  if (end < ts.size() && ts.capitalised(end) && !ts.tokens[end].newline_before) return i;  // longer than a name
  return words >= 2 ? end : i;
}

std::size_t NameRules::person_begin(const TokenStream& ts, std::size_t end, const Covered& covered) const {
  std::size_t begin = end, words = 0;
  for (std::size_t j = end; j-- > 0;) {
    if (person_word(ts, j, covered)) {
      begin = j;
      ++words;
      if (ts.tokens[j].newline_before) break;
    } else if (!(ts.tokens[j].shape == Shape::Lower && particles_.contains_key(ts.key(j)) && words > 0)) {
      break;
    }
  }
  if (words < 2 || words > kMaxPersonWords) return end;
  bool longer = begin > 0 && ts.capitalised(begin - 1) && !stopwords_.contains_key(ts.key(begin - 1));
  if (longer && !ts.tokens[begin].newline_before) return end;
  return begin;
}

void NameRules::add(const TokenStream& ts, DocState& doc, std::size_t name_first, std::size_t name_last, std::size_t first,
                    std::size_t last, EntityType type, const std::string& kind, std::string_view rule) const {
  std::string name = text_of(ts, name_first, name_last);
  std::string id = slug(name);
  if (id.empty() || gazetteer_.find(id)) return;
  const UnknownEntity* known = doc.find_unknown(id);
  if (!known) {
    UnknownEntity u;
    u.entity = Entity{id, name, type, std::nullopt, false};
    u.kind = kind;
    for (std::size_t k = name_first; k < name_last; ++k) u.name_tokens.emplace_back(ts.surface(k));
    doc.unknown_index.emplace(id, doc.unknown.size());
    known = &doc.unknown.emplace_back(std::move(u));
  }
  // The draft views the id its entity holds (the local one goes away).
  doc.drafts.push_back({first, last, known->entity.id, rule, kRule});
}

void NameRules::legal_suffix(const TokenStream& ts, const Covered& covered, DocState& doc) const {
  // The token array, its size and the start bitmap stay in registers (the
  // draft list's growth would otherwise make every test reload them).
  const Token* tokens = ts.tokens.data();
  const std::size_t n = ts.size();
  const std::uint8_t* starts = doc.starts;  // only the tokens marked as starting a suffix
  for (std::size_t j = next_marked(starts, 1, n, kSuffixStart); j < n; j = next_marked(starts, j + 1, n, kSuffixStart)) {
    const Token& t = tokens[j];
    if (!t.word || !t.space_before || covered[j]) continue;
    auto m = suffixes_.longest_started(ts, j);
    if (m.payload < 0) continue;
    std::size_t suffix = j;
    j = m.end - 1;  // a suffix is never the name before another one
    if (ts.tokens[suffix].newline_before || ts.heading[ts.tokens[suffix].sentence]) continue;
    std::size_t stop = is_punct(ts, suffix - 1, ",") ? suffix - 1 : suffix;
    // Walk back over the capitalised words before the suffix.
    std::size_t a = stop;
    while (a > 0 && a + kMaxNameWords > stop && !covered[a - 1] &&
           (ts.capitalised(a - 1) || is_punct(ts, a - 1, "&") || is_punct(ts, a - 1, "-"))) {
      --a;
      if (ts.tokens[a].newline_before) break;
    }
    while (a < stop && (!ts.tokens[a].word || stopwords_.contains_key(ts.key(a)))) ++a;
    if (a >= stop || (a > 0 && covered[a - 1] && ts.capitalised(a - 1))) continue;
    add(ts, doc, a, stop, a, m.end, EntityType::Org, "", "legal-suffix");
  }
}

void NameRules::after_trigger(const TokenStream& ts, const Covered& covered, DocState& doc) const {
  const std::vector<char> heading = heading_bytes(ts);
  // Only a determiner opens the pattern: its starts are visited, not every
  // token. from: the tokens before it are in a name found here.
  std::size_t from = 0;
  for (const std::size_t d : doc.determiner_starts) {
    if (d < from || !ts.tokens[d].word || heading[ts.tokens[d].sentence]) continue;
    const PhraseMatch det = doc.determiners[d];
    auto trig = triggers_.longest(ts, det.end);
    if (trig.payload < 0) continue;
    std::size_t x = trig.end;
    for (int k = 0; k < kMaxModifiers; ++k) {
      auto mod = modifiers_.longest(ts, x);
      if (mod.payload < 0) break;
      x = mod.end;
    }
    if (is_punct(ts, x, ",")) ++x;
    if (x >= ts.size() || !ts.capitalised(x) || covered[x] || stopwords_.contains_key(ts.key(x))) continue;
    if (ts.tokens[x].newline_before) continue;
    std::size_t end = name_end(ts, x, covered);
    if (end == x) continue;
    const Trigger& t = trigger_info_[trig.payload];
    add(ts, doc, x, end, x, end, t.type, t.kind, t.rule);
    from = end;
  }
}

void NameRules::persons(const TokenStream& ts, const Covered& covered, DocState& doc) const {
  const std::vector<char> heading = heading_bytes(ts);
  const Token* tokens = ts.tokens.data();  // as in legal_suffix
  const PhraseMatch* determiners = doc.determiners.data();
  const char* text = ts.text.data();
  const std::size_t n = ts.size();
  // Only a comma or a definite determiner opens a pattern: the tokens marked
  // as either are visited, and tested first, as they are cheap.
  constexpr std::uint8_t kOpeners = kCommaMark | kDeterminerStart;
  const std::uint8_t* starts = doc.starts;
  for (std::size_t d = next_marked(starts, 0, n, kOpeners); d < n; d = next_marked(starts, d + 1, n, kOpeners)) {
    const Token& tok = tokens[d];
    const bool at_comma = !tok.word && tok.end - tok.begin == 1 && text[tok.begin] == ',';
    if (!at_comma && (!tok.word || determiners[d].payload != 1)) continue;
    if (heading[tok.sentence]) continue;
    // "Anna Neri, [la] fondatrice ...": the name before a comma and a role.
    if (at_comma) {
      std::size_t comma = d;
      std::size_t r = comma + 1;
      if (r < ts.size() && doc.determiners[r].payload == 1) r = doc.determiners[r].end;
      if (roles_.longest(ts, r).payload >= 0) {
        std::size_t begin = person_begin(ts, comma, covered);
        if (begin < comma) add(ts, doc, begin, comma, begin, comma, EntityType::Person, "", "person-before-role");
      }
    }
    // "[il] ceo [di Acme][,] Anna Neri".
    if (!ts.tokens[d].word) continue;
    const PhraseMatch det = doc.determiners[d];
    if (det.payload != 1) continue;
    auto role = roles_.longest(ts, det.end);
    if (role.payload < 0) continue;
    std::size_t x = role.end;
    if (x < ts.size() && (ts.key(x) == "di" || ts.key(x) == "del" || ts.key(x) == "della" || ts.key(x) == "dell")) {
      std::size_t y = x + 1;
      if (is_punct(ts, y, "'")) ++y;
      std::size_t org_end = y;
      while (org_end < ts.size() && org_end < y + 4 && (ts.capitalised(org_end) || covered[org_end])) ++org_end;
      if (org_end == y) continue;
      x = org_end;
    }
    if (is_punct(ts, x, ",")) ++x;
    std::size_t end = person_end(ts, x, covered);
    if (end > x) add(ts, doc, x, end, x, end, EntityType::Person, "", "person-after-role");
  }
}

void NameRules::repeats(const TokenStream& ts, DocState& doc) const {
  if (doc.unknown.empty()) return;
  Covered covered(ts.size(), 0);
  for (const auto& dr : doc.drafts)
    for (std::size_t k = dr.first; k < dr.last; ++k) covered[k] = true;
  for (const auto& u : doc.unknown) {
    const auto& name = u.name_tokens;
    bool person = u.entity.type == EntityType::Person;
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (covered[i]) continue;
      std::size_t n = name.size();
      bool full = i + n <= ts.size();
      for (std::size_t k = 0; full && k < n; ++k) full = !covered[i + k] && ts.surface(i + k) == name[k];
      if (full) {
        doc.drafts.push_back({i, i + n, u.entity.id, "repeat", kRepeat});
        for (std::size_t k = i; k < i + n; ++k) covered[k] = true;
        i += n - 1;
      } else if (person && ts.surface(i) == name.back() && !(i + 1 < ts.size() && ts.capitalised(i + 1)) &&
                 !(i > 0 && ts.capitalised(i - 1) && !ts.tokens[i].sentence_initial)) {
        doc.drafts.push_back({i, i + 1, u.entity.id, "surname", kRepeat});
        covered[i] = true;
      }
    }
  }
}

}  // namespace dealscan::entity

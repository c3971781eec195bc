// The words the corpus generator writes, taken from the project's lexicon
// (data/lexicon/it/*.tsv) so generated text exercises what the extractors
// know: gazetteer names, currencies, qualifiers, scales, number words, months.
// A small fallback keeps the generator usable while a list is still missing.
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dealscan/lexicon.h"
#include "templates.h"

namespace dealscan::gen {

struct Currency {
  std::string name_plural;  // "dollari"
  std::string name_singular;  // "dollaro" (for "un miliardo di ...", same as plural when unknown)
  std::string symbol;       // "$", "€", "" when none
  std::string code;         // "USD"
};

// A company that can be a party to a generated deal.
struct Company {
  std::string name;                 // canonical gazetteer name
  std::string root;                 // id of its top parent, so a group never deals with itself
  bool prominent = false;           // big tech, AI start-ups: in the news more often
  std::vector<std::string> people;  // its ceo, founders, people the gazetteer ties to it
};

struct Vocabulary {
  std::vector<std::string> orgs, people, media, places;
  std::vector<std::string> cities;          // the kCities among places
  std::vector<std::string> deal_currencies; // the kOtherCurrencies the lexicon knows
  std::vector<Company> companies;  // ORG entries that do deals (no regulators, exchanges...)
  std::vector<Currency> currencies;
  std::vector<std::string> qualifiers;          // "oltre", "circa", "fino a", ...
  std::vector<std::string> deal_qualifiers;     // the kDealQualifiers the lexicon knows
  std::vector<std::pair<std::string, double>> scales;  // "miliardi" -> 1e9 (plural or abbreviations)
  std::vector<std::pair<std::string, std::string>> scale_words;  // ("miliardo", "miliardi")
  std::map<int, std::string> units;             // 1..19 -> "uno".."diciannove"
  std::map<int, std::string> unit_in_compound;  // 3 -> "tré" (accented at the end of a compound)
  std::map<int, std::string> tens, tens_elided; // 20 -> "venti", "vent"
  std::vector<std::string> months;              // "gennaio".."dicembre"

  static Vocabulary from(const Lexicon& lex);
  // The currency with this ISO code, or the first one.
  const Currency& currency(std::string_view code) const {
    for (const auto& c : currencies)
      if (c.code == code) return c;
    return currencies.front();
  }
};

namespace detail {

inline void add_gazetteer(Vocabulary& v, const Lexicon& lex) {
  for (const auto& e : lex.list("gazetteer")) {
    auto type = e.attr("type", "ORG");
    const std::string& name = e.canonical();
    if (type == "ORG") v.orgs.push_back(name);
    else if (type == "PERSON") v.people.push_back(name);
    else if (type == "MEDIA") v.media.push_back(name);
    else if (type == "PLACE") v.places.push_back(name);
  }
}

// Kinds of organisation that report or regulate deals rather than make them.
inline bool makes_deals(std::string_view kind) {
  return kind != "regulator" && kind != "exchange" && kind != "agency" && kind != "government";
}

// Splits "a|b|c" into its parts.
inline std::vector<std::string> split_bar(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    auto bar = s.find('|');
    out.emplace_back(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

// Deal-making companies with their group root and their people (a person's
// org=, a company's ceo= and founder=).
inline void add_companies(Vocabulary& v, const Lexicon& lex) {
  std::map<std::string, std::string, std::less<>> parent, person_name;
  std::map<std::string, std::vector<std::string>, std::less<>> people_of;
  for (const auto& e : lex.list("gazetteer")) {
    std::string id(e.attr("id"));
    if (!e.attr("parent").empty()) parent[id] = std::string(e.attr("parent"));
    if (e.attr("type") == "PERSON") {
      person_name[id] = e.canonical();
      for (const auto& org : split_bar(e.attr("org"))) people_of[org].push_back(e.canonical());
    }
  }
  auto root = [&](std::string id) {
    for (int hops = 0; hops < 8 && parent.count(id); ++hops) id = parent[id];
    return id;
  };
  for (const auto& e : lex.list("gazetteer")) {
    if (e.attr("type", "ORG") != "ORG" || !makes_deals(e.attr("kind"))) continue;
    std::string id(e.attr("id"));
    Company c{e.canonical(), root(id), e.attr("kind") == "bigtech" || e.attr("kind") == "startup", {}};
    for (const char* key : {"ceo", "founder"})
      for (const auto& p : split_bar(e.attr(key)))
        if (person_name.count(p)) c.people.push_back(person_name[p]);
    for (const auto& p : people_of[id]) c.people.push_back(p);
    std::sort(c.people.begin(), c.people.end());
    c.people.erase(std::unique(c.people.begin(), c.people.end()), c.people.end());
    v.companies.push_back(std::move(c));
  }
}

inline void add_currencies(Vocabulary& v, const Lexicon& lex) {
  for (const auto& e : lex.list("currencies")) {
    if (e.attrs.count("factor") || e.attr("code").empty()) continue;  // sub-units read differently
    Currency c{e.canonical(), e.canonical(), "", std::string(e.attr("code"))};
    for (const auto& f : e.forms) {
      bool pure_symbol = !f.empty() && f.find_first_of("abcdefghijklmnopqrstuvwxyz ") == std::string::npos;
      if (pure_symbol && c.symbol.empty() && f.size() <= 3) c.symbol = f;  // "$", "€", "£"
    }
    for (auto& ch : c.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (e.forms.size() > 1 && e.forms[1].find(' ') == std::string::npos && e.forms[1].size() > 3) c.name_singular = e.forms[1];
    v.currencies.push_back(std::move(c));
  }
}

inline void add_numbers(Vocabulary& v, const Lexicon& lex) {
  for (const auto& e : lex.list("number_words")) {
    int value = static_cast<int>(e.number("value"));
    auto type = e.attr("type");
    if (type == "unit" && value > 0) {
      v.units[value] = e.canonical();
      v.unit_in_compound[value] = e.forms.size() > 1 ? e.forms[1] : e.canonical();
    } else if (type == "ten") {
      v.tens[value] = e.canonical();
    } else if (type == "elided") {
      v.tens_elided[value] = e.canonical();
    }
  }
}

inline void add_simple_lists(Vocabulary& v, const Lexicon& lex) {
  // Multi-word forms are whole phrases ("più di", "fino a"); single words may be
  // fragments of one ("fino"), so those come from kQualifierWords instead.
  for (const auto& e : lex.list("qualifiers"))
    if (!e.attr("qualifier").empty())
      for (const auto& f : e.forms)
        if (f.find(' ') != std::string::npos) v.qualifiers.push_back(f);
  for (auto w : kQualifierWords) v.qualifiers.emplace_back(w);
  for (auto q : kDealQualifiers)
    for (const auto& e : lex.list("qualifiers"))
      if (!e.attr("qualifier").empty() && std::find(e.forms.begin(), e.forms.end(), q) != e.forms.end())
        v.deal_qualifiers.emplace_back(q);
  for (const auto& e : lex.list("scales")) {
    double value = e.number("value");
    if (e.attrs.count("glued_only") || e.attr("type") == "vague" || value < 1e6 || value > 1e9) continue;
    if (e.forms[0].size() <= 2) continue;  // "bn|bln|billion": English forms, rare in Italian prose
    for (std::size_t i = e.forms.size() > 1 ? 1 : 0; i < e.forms.size(); ++i)  // forms[0] is singular
      if (e.forms[i].size() > 2) v.scales.emplace_back(e.forms[i], value);
    if (e.forms.size() > 1 && e.forms[0].size() > 3) v.scale_words.emplace_back(e.forms[0], e.forms[1]);
  }
  for (const auto& e : lex.list("months")) v.months.push_back(e.canonical());
}

// Generator choices kept only when the lexicon knows the word.
inline void add_known(Vocabulary& v) {
  for (auto c : kCities)
    if (std::find(v.places.begin(), v.places.end(), c) != v.places.end()) v.cities.emplace_back(c);
  for (auto code : kOtherCurrencies)
    for (const auto& c : v.currencies)
      if (c.code == code) {
        v.deal_currencies.emplace_back(code);
        break;
      }
}

// Used only for lists the lexicon does not have (yet).
inline void add_fallbacks(Vocabulary& v) {
  if (v.orgs.empty()) v.orgs = {"Amazon", "OpenAI", "Microsoft", "Nvidia", "Enel", "Eni", "Intesa Sanpaolo"};
  if (v.companies.size() < 3)
    for (const auto& o : v.orgs) v.companies.push_back(Company{o, o, true, {}});
  if (v.people.empty()) v.people = {"Sam Altman", "Andy Jassy", "Satya Nadella"};
  if (v.media.empty()) v.media = {"Financial Times", "Bloomberg", "Reuters"};
  if (v.currencies.empty()) v.currencies = {{"dollari", "dollaro", "$", "USD"}, {"euro", "euro", "€", "EUR"}};
  if (v.qualifiers.empty()) v.qualifiers = {"oltre", "circa", "fino a", "almeno", "quasi"};
  if (v.deal_qualifiers.empty()) v.deal_qualifiers = {"oltre", "circa"};
  if (v.cities.empty()) v.cities = {"Milano"};
  if (v.deal_currencies.empty()) v.deal_currencies = {v.currencies.front().code};
  if (v.scales.empty()) v.scales = {{"miliardi", 1e9}, {"milioni", 1e6}, {"mld", 1e9}, {"mln", 1e6}};
  if (v.scale_words.empty()) v.scale_words = {{"miliardo", "miliardi"}, {"milione", "milioni"}};
  if (v.months.empty()) v.months = {"gennaio", "marzo", "giugno", "settembre", "novembre"};
  if (v.units.empty()) {
    const char* u[] = {"uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci"};
    for (int i = 0; i < 10; ++i) v.units[i + 1] = v.unit_in_compound[i + 1] = u[i];
  }
}

}  // namespace detail

inline Vocabulary Vocabulary::from(const Lexicon& lex) {
  Vocabulary v;
  detail::add_gazetteer(v, lex);
  detail::add_companies(v, lex);
  detail::add_currencies(v, lex);
  detail::add_numbers(v, lex);
  detail::add_simple_lists(v, lex);
  detail::add_known(v);
  detail::add_fallbacks(v);
  return v;
}

}  // namespace dealscan::gen

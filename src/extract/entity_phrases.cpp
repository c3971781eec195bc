#include "extract/entity_phrases.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dealscan::entity {

CaseRule default_case_rule(std::string_view form) {
  int letters = 0, lower = 0;
  for (std::size_t i = 0; i < form.size();) {
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(form.data()), pos, static_cast<int32_t>(form.size()), c);
    i = static_cast<std::size_t>(pos);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    if (u_islower(c)) ++lower;
  }
  if (letters >= 2 && lower == 0) return CaseRule::Acronym;
  if (letters < 4) return CaseRule::Exact;
  return CaseRule::Insensitive;
}

void PhraseTrie::add(std::string_view form, int payload, CaseRule rule) {
  auto toks = form_tokens(form);
  if (toks.empty()) return;
  int node = 0;
  Pattern p{payload, rule, {}};
  for (const auto& t : toks) {
    std::string key = fold(t);
    auto it = nodes_[node].next.find(key);
    int child;
    if (it == nodes_[node].next.end()) {
      child = static_cast<int>(nodes_.size());
      nodes_[node].next.emplace(key, child);
      nodes_.emplace_back();
    } else {
      child = it->second;
    }
    node = child;
    std::vector<std::string> v{t, upper(t)};
    if (rule == CaseRule::Acronym) v.push_back(titlecase(t));
    p.variants.push_back(std::move(v));
  }
  nodes_[node].patterns.push_back(std::move(p));
}

bool PhraseTrie::accepts(const Pattern& p, const TokenStream& ts, std::size_t i) const {
  if (p.rule == CaseRule::Insensitive) return true;
  for (std::size_t k = 0; k < p.variants.size(); ++k) {
    auto s = ts.surface(i + k);
    bool ok = false;
    for (const auto& v : p.variants[k]) ok = ok || v == s;
    if (!ok) return false;
  }
  return true;
}

std::vector<int> PhraseTrie::longest_all(const TokenStream& ts, std::size_t i, std::size_t& end) const {
  std::vector<int> best;
  end = i;
  int node = 0;
  for (std::size_t j = i; j < ts.size(); ++j) {
    if (j > i && ts.tokens[j].newline_before) break;
    auto it = nodes_[node].next.find(ts.key(j));
    if (it == nodes_[node].next.end()) break;
    node = it->second;
    std::vector<int> here;
    for (const auto& p : nodes_[node].patterns)
      if (accepts(p, ts, i)) here.push_back(p.payload);
    if (!here.empty()) {
      best = std::move(here);
      end = j + 1;
    }
  }
  return best;
}

PhraseMatch PhraseTrie::longest(const TokenStream& ts, std::size_t i) const {
  std::size_t end = i;
  auto all = longest_all(ts, i, end);
  if (all.empty()) return {};
  return {all.front(), end};
}

}  // namespace dealscan::entity

#include "extract/claim_context.h"

#include <algorithm>

namespace dealscan::claims {

ClaimLexicon::ClaimLexicon(const Lexicon& lexicon)
    : triggers(lexicon.list("claim_triggers")),
      roles(lexicon.list("claim_roles")),
      modality(lexicon.list("claim_modality")),
      attribution(lexicon.list("claim_attribution")) {}

bool MentionRef::party() const {
  return entity && (entity->type == EntityType::Org || entity->type == EntityType::Person);
}

std::pair<std::size_t, std::size_t> SentenceView::token_range(Span s) const {
  std::size_t b = 0;
  while (b < tokens.size() && tokens[b].span.end <= s.begin) ++b;
  std::size_t e = b;
  while (e < tokens.size() && tokens[e].span.begin < s.end) ++e;
  return {b, e};
}

int SentenceView::mention_at(std::size_t t) const {
  for (std::size_t k = 0; k < mentions.size(); ++k)
    if (mentions[k].tb <= t && t < mentions[k].te) return static_cast<int>(k);
  return -1;
}

bool SentenceView::is_punct(std::size_t t, std::string_view chars) const {
  return t < tokens.size() && !tokens[t].word && chars.find(tokens[t].lower) != std::string_view::npos;
}

std::vector<std::size_t> SentenceView::coordinated(std::size_t k) const {
  // Walks left and right over "A, B e C": only commas and coordinating words between.
  auto joined = [&](std::size_t a, std::size_t b) {
    if (mentions[b].tb < mentions[a].te) return false;
    for (std::size_t t = mentions[a].te; t < mentions[b].tb; ++t)
      if (!is_punct(t, ",") && role[t] != "coord") return false;
    return mentions[b].tb > mentions[a].te;  // adjacent mentions are one name, not a list
  };
  std::size_t lo = k, hi = k;
  while (lo > 0 && joined(lo - 1, lo)) --lo;
  while (hi + 1 < mentions.size() && joined(hi, hi + 1)) ++hi;
  std::vector<std::size_t> out;
  for (std::size_t i = lo; i <= hi; ++i)
    if (!mentions[i].parenthetical) out.push_back(i);
  return out;
}

namespace {

void assign_roles(const ClaimLexicon& lex, SentenceView& v) {
  v.role.assign(v.tokens.size(), {});
  for (const auto& m : lex.roles.find_all(v.tokens, 0, v.tokens.size())) {
    std::string_view r = m.phrase->entry->attr("role");
    for (std::size_t t = m.begin; t < m.end; ++t) v.role[t] = r;
  }
}

// The role of the preposition governing a mention: "in OpenAI" => target,
// "da parte di Nvidia" => source. Articles between are skipped.
std::string_view governing_role(const SentenceView& v, std::size_t tb) {
  std::size_t t = tb;
  while (t > 0) {
    --t;
    auto r = v.role[t];
    if (r == "article") continue;
    if (r.empty() || r == "link" || r == "coord") return {};
    return r;
  }
  return {};
}

}  // namespace

SentenceView build_view(const ClaimLexicon& lex, std::string_view text, std::size_t index, Span span,
                        const EntityOutput& entities,
                        const std::unordered_map<std::string_view, const Entity*>& by_id) {
  SentenceView v;
  v.index = index;
  v.span = span;
  v.tokens = tokenize(text, span);
  assign_roles(lex, v);
  auto first = std::lower_bound(entities.mentions.begin(), entities.mentions.end(), span.begin,
                                [](const EntityMention& m, std::size_t pos) { return m.span.begin < pos; });
  std::size_t covered_to = 0;
  for (auto it = first; it != entities.mentions.end() && it->span.begin < span.end; ++it) {
    if (it->span.end > span.end || it->span.begin < covered_to) continue;  // nested or crossing
    auto [tb, te] = v.token_range(it->span);
    if (tb >= te) continue;
    MentionRef r;
    r.mention = &*it;
    auto e = by_id.find(it->entity_id);
    r.entity = e == by_id.end() ? nullptr : e->second;
    r.tb = tb;
    r.te = te;
    for (std::size_t t = tb; t < te; ++t) v.role[t] = {};  // a name is never a preposition
    r.role = governing_role(v, tb);
    r.parenthetical = tb > 0 && v.is_punct(tb - 1, "([") && !v.mentions.empty() && v.mentions.back().te + 1 == tb;
    v.mentions.push_back(r);
    covered_to = it->span.end;
  }
  return v;
}

}  // namespace dealscan::claims

#include "extract/money_phrases.h"

namespace dealscan::money {

void PhraseTable::add_list(const std::vector<LexEntry>& entries, std::string_view key, std::string_view value) {
  for (const auto& e : entries) {
    if (!key.empty() && e.attr(key) != value) continue;
    for (const auto& form : e.forms) {
      Phrase p;
      Tokens toks;
      tokenize(form, toks);
      for (const auto& t : toks.list) p.words.emplace_back(t.low);
      if (p.words.empty()) continue;
      p.entry = &e;
      first_digests_.set(digest(p.words.front()));
      last_digests_.set(digest(p.words.back()));
      by_first_[p.words.front()].push_back(p);
      by_last_[p.words.back()].push_back(std::move(p));
    }
  }
}

std::optional<PhraseHit> PhraseTable::match_at_listed(const std::vector<Token>& toks, std::size_t i) const {
  const auto* phrases = by_first_.find(toks[i].low);
  if (!phrases) return std::nullopt;
  std::optional<PhraseHit> best;
  for (const auto& p : *phrases) {
    if (i + p.words.size() > toks.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < p.words.size() && ok; ++k) ok = toks[i + k].low == p.words[k];
    if (ok && (!best || best->last - best->first < p.words.size())) best = PhraseHit{i, i + p.words.size(), p.entry};
  }
  return best;
}

std::optional<PhraseHit> PhraseTable::match_before_listed(const std::vector<Token>& toks, std::size_t end) const {
  const auto* phrases = by_last_.find(toks[end - 1].low);
  if (!phrases) return std::nullopt;
  std::optional<PhraseHit> best;
  for (const auto& p : *phrases) {
    if (p.words.size() > end) continue;
    std::size_t first = end - p.words.size();
    bool ok = true;
    for (std::size_t k = 0; k + 1 < p.words.size() && ok; ++k) ok = toks[first + k].low == p.words[k];
    if (ok && (!best || best->last - best->first < p.words.size())) best = PhraseHit{first, end, p.entry};
  }
  return best;
}

const LexEntry* PhraseTable::word(std::string_view w) const {
  if (!first_digests_.test(digest(w))) return nullptr;
  const auto* phrases = by_first_.find(w);
  if (!phrases) return nullptr;
  for (const auto& p : *phrases)
    if (p.words.size() == 1) return p.entry;
  return nullptr;
}

PhraseTable::Start PhraseTable::start_of(std::string_view w) const {
  if (!first_digests_.test(digest(w))) return Start::None;
  const auto* phrases = by_first_.find(w);
  if (!phrases) return Start::None;
  for (const auto& p : *phrases)
    if (p.words.size() == 1) return Start::Alone;
  return Start::Longer;
}

}  // namespace dealscan::money

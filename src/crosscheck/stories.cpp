// Documents -> stories. Each document contributes a few keys describing its
// main deal (the parties of its most prominent figure, the amount, the deal
// party of the month); documents sharing a key are joined with union-find.
// Keys carried by too many documents are ignored, so the work is linear in
// the number of keys and one ubiquitous entity cannot glue unrelated deals.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "crosscheck/internal.h"

namespace dealscan::crosscheck {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index becomes the root, so roots are stable across runs.
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<std::size_t> parent_;
};

std::string pair_key(const std::string& a, const std::string& b) {
  return a < b ? a + "|" + b : b + "|" + a;
}

std::string amount_key(const MoneyMention& m) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2g", m.value);
  return m.currency + ":" + buf;
}

// The document's most prominent figure, preferring figures with a party.
std::optional<FigureRef> main_figure(const std::vector<FigureRef>& figs) {
  const FigureRef* best = nullptr;
  auto parties = [](const FigureRef& f) { return int(bool(f.subject)) + int(bool(f.counterparty)); };
  for (const auto& f : figs) {
    if (!best) { best = &f; continue; }
    bool has = parties(f) > 0, best_has = parties(*best) > 0;
    if (has != best_has ? has : f.prominence > best->prominence) best = &f;
  }
  return best ? std::optional<FigureRef>(*best) : std::nullopt;
}

// Entities weighted as deal parties: figure roles count by prominence.
std::vector<std::pair<std::string, double>> deal_parties(const std::vector<FigureRef>& figs) {
  std::map<std::string, double> w;
  for (const auto& f : figs) {
    if (f.subject) w[*f.subject] += f.prominence;
    if (f.counterparty) w[*f.counterparty] += f.prominence;
  }
  std::vector<std::pair<std::string, double>> out(w.begin(), w.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

struct DocKeys {
  std::optional<FigureRef> main;
  std::vector<std::string> keys;
};

// Rule names double as key prefixes, so a story can be explained by its keys.
DocKeys document_keys(const DocumentResult& doc, std::size_t i, const Parties& parties, const Tunables& t,
                      const std::unordered_map<std::string, std::size_t>& df, std::size_t n_docs) {
  DocKeys out;
  auto figs = rank_figures(doc, i, parties, t);
  out.main = main_figure(figs);
  if (!out.main) return out;
  const FigureRef& m = *out.main;
  const Figure& f = doc.figures[m.index];
  const std::string kind(kind_class(f.kind));
  auto is_common = [&](const std::string& e) {
    auto it = df.find(e);
    std::size_t c = it == df.end() ? 0 : it->second;
    return n_docs >= 8 && double(c) > t.common_entity_share * double(n_docs);
  };
  if (m.subject && m.counterparty) out.keys.push_back("main-pair:" + pair_key(*m.subject, *m.counterparty));
  // The same amount of the same kind paid by or to the same (rare) party:
  // lets a document that names one side join one that names both.
  for (const auto* p : {&m.subject, &m.counterparty})
    if (*p && !is_common(**p)) out.keys.push_back("main-claim:" + kind + "|" + **p + "|" + amount_key(f.money));
  // A main claim naming one party: that party's claim of this kind, whatever
  // the amount ("Mistral raises ...", "Ellison's wealth ...").
  if (bool(m.subject) != bool(m.counterparty)) {
    const std::string& p = m.subject ? *m.subject : *m.counterparty;
    if (!is_common(p)) out.keys.push_back("main-topic:" + kind + "|" + p);
  }
  // A rare deal party in the same month: documents of one news cycle.
  if (doc.source.date && doc.source.date->size() >= 7) {
    for (const auto& [e, w] : deal_parties(figs)) {
      if (is_common(e)) continue;
      out.keys.push_back("party-month:" + e + "|" + doc.source.date->substr(0, 7));
      break;
    }
  }
  return out;
}

// How many documents mention each (canonical) entity.
std::unordered_map<std::string, std::size_t> document_frequency(const std::vector<DocumentResult>& documents,
                                                                const Parties& parties) {
  std::unordered_map<std::string, std::size_t> df;
  for (const auto& d : documents) {
    std::vector<std::string> roots;
    for (const auto& e : d.entities) roots.push_back(parties.root(e.id));
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    for (auto& r : roots) ++df[r];
  }
  return df;
}

}  // namespace

std::vector<StoryGroup> group_stories(const std::vector<DocumentResult>& documents, const Parties& parties,
                                      const Tunables& t) {
  const std::size_t n = documents.size();
  auto df = document_frequency(documents, parties);
  std::vector<std::optional<FigureRef>> mains(n);
  std::unordered_map<std::string, std::vector<std::size_t>> index;
  for (std::size_t i = 0; i < n; ++i) {
    auto k = document_keys(documents[i], i, parties, t, df, n);
    mains[i] = std::move(k.main);
    for (auto& key : k.keys) index[std::move(key)].push_back(i);
  }
  UnionFind uf(n);
  for (const auto& [key, docs] : index) {
    if (docs.size() > t.max_key_fanout) continue;  // too common to mean one deal
    for (std::size_t j = 1; j < docs.size(); ++j) uf.unite(docs[0], docs[j]);
  }
  std::unordered_map<std::size_t, std::size_t> slot;
  std::vector<StoryGroup> stories;
  for (std::size_t i = 0; i < n; ++i) {
    auto [it, fresh] = slot.emplace(uf.find(i), stories.size());
    if (fresh) stories.emplace_back();
    auto& s = stories[it->second];
    s.docs.push_back(i);
    if (mains[i]) s.main.push_back(*mains[i]);
  }
  std::stable_sort(stories.begin(), stories.end(),
                   [](const StoryGroup& a, const StoryGroup& b) { return a.docs.size() > b.docs.size(); });
  return stories;
}

}  // namespace dealscan::crosscheck

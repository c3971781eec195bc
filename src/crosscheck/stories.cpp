// Documents -> stories, in two passes over a key index (never all pairs):
//
// 1. Strong keys from each document's main deal: the amount it gives most
//    prominence to (headline, lead, repetitions) and that amount's parties;
//    plus the other amounts it ties to the same parties. Documents sharing a
//    key are joined with union-find.
// 2. A document still alone joins the story it shares most weak evidence with
//    (a party, an amount, a publication date a few days apart).
//
// Entities in most documents (the IDF idea) never link on their own, and keys
// carried by too many documents are ignored, so one ubiquitous company cannot
// glue unrelated deals and the work stays linear in the number of keys.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>
#include <unordered_map>

#include "crosscheck/internal.h"

namespace dealscan::crosscheck {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), 0); }
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
    size_[a] += size_[b];
  }
  std::size_t size(std::size_t x) { return size_[find(x)]; }

 private:
  std::vector<std::size_t> parent_, size_;
};

// One amount of a document with everything said about it.
struct Bucket {
  std::string amount;  // currency + two significant digits
  double prominence = 0;
  std::size_t first = 0;                  // position of the first mention
  std::map<std::string, double> parties;  // entity -> weight
  const FigureRef* top = nullptr;         // its most prominent mention
  Kind top_kind = Kind::Other;
};

std::string amount_key(const MoneyMention& m) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2g", m.value);
  return m.currency + ":" + buf;
}

std::vector<Bucket> amount_buckets(const DocumentResult& doc, const std::vector<FigureRef>& figs) {
  std::vector<Bucket> out;
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < figs.size(); ++i) {
    const auto& r = figs[i];
    auto key = amount_key(doc.figures[r.index].money);
    auto [it, fresh] = at.emplace(key, out.size());
    if (fresh) out.push_back(Bucket{key, 0, i, {}, nullptr});
    Bucket& b = out[it->second];
    b.prominence += r.prominence;
    for (const auto* p : {&r.subject, &r.counterparty})
      if (*p) b.parties[**p] += r.prominence;
    if (!b.top || r.prominence > b.top->prominence) {
      b.top = &r;
      b.top_kind = doc.figures[r.index].kind;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Bucket& a, const Bucket& b) { return a.prominence > b.prominence; });
  return out;
}

// Parties by weight, heaviest first (ties by id for determinism).
std::vector<std::string> by_weight(const std::map<std::string, double>& w) {
  std::vector<std::pair<std::string, double>> v(w.begin(), w.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (auto& [k, x] : v) out.push_back(k);
  return out;
}

struct Profile {
  std::optional<FigureRef> main;
  std::vector<std::string> strong;
  std::vector<std::pair<std::string, int>> weak;  // key, weight
  std::optional<long> day;                        // publication day number
};

// Days since 0000-03-01 for "YYYY-MM-DD" (civil calendar); none otherwise.
std::optional<long> day_number(const std::optional<std::string>& date) {
  if (!date || date->size() < 10) return std::nullopt;
  int y = std::atoi(date->substr(0, 4).c_str()), m = std::atoi(date->substr(5, 2).c_str());
  int d = std::atoi(date->substr(8, 2).c_str());
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  y -= m <= 2;
  long era = y / 400, yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

class Profiler {
 public:
  Profiler(const std::vector<DocumentResult>& docs, const Parties& parties, const Tunables& t)
      : docs_(docs), parties_(parties), t_(t) {
    for (const auto& d : docs) {
      std::set<std::string> roots;
      for (const auto& e : d.entities) roots.insert(parties.root(e.id));
      for (const auto& f : d.figures)
        for (const auto* p : {&f.subject, &f.counterparty})
          if (*p) roots.insert(parties.root(**p));
      for (const auto& r : roots) ++df_[r];
    }
  }

  Profile profile(std::size_t i) const {
    const DocumentResult& doc = docs_[i];
    Profile p;
    p.day = day_number(doc.source.date);
    auto figs = rank_figures(doc, i, parties_, t_);
    auto buckets = amount_buckets(doc, figs);
    if (!buckets.empty()) {
      p.main = *buckets.front().top;
      strong_keys(buckets, p.strong);
    }
    weak_keys(doc, buckets, p);
    return p;
  }

 private:
  bool common(const std::string& e) const {
    auto it = df_.find(e);
    std::size_t c = it == df_.end() ? 0 : it->second;
    return docs_.size() >= 4 && double(c) > t_.common_entity_share * double(docs_.size());
  }
  std::set<std::string> rare_parties(const Bucket& b) const {
    std::set<std::string> out;
    for (const auto& [e, w] : b.parties)
      if (!common(e)) out.insert(e);
    return out;
  }

  // rule: main-pair — the two heaviest parties of the main amount.
  // rule: claim — a rare party with the main amount, or with another amount
  // the document ties to the same rare parties (an earlier offer, a tranche).
  void strong_keys(const std::vector<Bucket>& buckets, std::vector<std::string>& keys) const {
    const Bucket& main = buckets.front();
    auto order = by_weight(main.parties);
    if (order.size() >= 2) {
      auto a = order[0], b = order[1];
      if (b < a) std::swap(a, b);
      keys.push_back("main-pair:" + a + "|" + b);
    }
    // rule: main-topic — a main amount tied to one party only: that party's
    // claim of this kind, whatever the amount ("Mistral raises ...").
    if (order.size() == 1 && !common(order[0]) && main.top)
      keys.push_back("main-topic:" + std::string(kind_class(main.top_kind)) + "|" + order[0]);
    auto main_rare = rare_parties(main);
    for (const auto& e : main_rare) keys.push_back("claim:" + e + "|" + main.amount);
    for (std::size_t k = 1; k < buckets.size() && k < 3; ++k) {
      auto rare = rare_parties(buckets[k]);
      bool related = std::any_of(rare.begin(), rare.end(), [&](const std::string& e) { return main_rare.count(e); });
      if (!related) continue;
      for (const auto& e : rare) keys.push_back("claim:" + e + "|" + buckets[k].amount);
    }
  }

  // rule: weak — rare parties (figure roles, then most mentioned names), the
  // leading amounts; scored when a lone document looks for its story.
  void weak_keys(const DocumentResult& doc, const std::vector<Bucket>& buckets, Profile& p) const {
    // The main amount and a figure role weigh more than a passing amount or name.
    std::map<std::string, int> parties;
    for (std::size_t k = 0; k < buckets.size() && k < 3; ++k) {
      p.weak.emplace_back("amount:" + buckets[k].amount, k == 0 ? 2 : 1);
      for (const auto& e : rare_parties(buckets[k])) parties[e] = 2;
    }
    std::map<std::string, double> mentioned;
    std::unordered_map<std::string, EntityType> type;
    for (const auto& e : doc.entities) type[e.id] = e.type;
    for (const auto& m : doc.mentions) {
      auto t = type.find(m.entity_id);
      if (t != type.end() && (t->second == EntityType::Media || t->second == EntityType::Place)) continue;
      const auto& r = parties_.root(m.entity_id);
      if (!common(r)) mentioned[r] += 1;
    }
    auto order = by_weight(mentioned);
    for (std::size_t k = 0; k < order.size() && k < 3; ++k) parties[order[k]] += k == 0 ? 2 : 1;
    for (const auto& [e, w] : parties) p.weak.emplace_back("party:" + e, w);
  }

  const std::vector<DocumentResult>& docs_;
  const Parties& parties_;
  const Tunables& t_;
  std::unordered_map<std::string, std::size_t> df_;
};

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

void join_strong(const std::vector<Profile>& profiles, const Tunables& t, UnionFind& uf) {
  Index index;
  for (std::size_t i = 0; i < profiles.size(); ++i)
    for (const auto& k : profiles[i].strong) index[k].push_back(i);
  for (const auto& [key, docs] : index) {
    if (docs.size() > t.max_key_fanout) continue;  // too common to mean one deal
    for (std::size_t j = 1; j < docs.size(); ++j) uf.unite(docs[0], docs[j]);
  }
}

// A lone document joins the story it shares the most evidence with, each
// shared key weighted by its rarity (IDF); at least two pieces of evidence
// (a party and an amount, or either and a nearby publication date).
void attach_loners(const std::vector<Profile>& profiles, const Tunables& t, UnionFind& uf) {
  constexpr std::size_t kScan = 64;   // documents looked at per key
  constexpr long kDateWindow = 3;     // days
  constexpr double kDateWeight = 2;
  Index index, by_day;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    for (const auto& [k, w] : profiles[i].weak) index[k].push_back(i);
    if (profiles[i].day) by_day[std::to_string(*profiles[i].day)].push_back(i);
  }
  const double n = double(profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (uf.size(i) > 1) continue;
    std::map<std::size_t, std::pair<double, int>> score;  // story root -> (weight, pieces)
    auto count = [&](const std::vector<std::size_t>& docs, double w, std::set<std::size_t>& seen) {
      if (docs.size() > t.max_key_fanout) return;
      for (std::size_t j = 0; j < docs.size() && j < kScan; ++j) {
        std::size_t root = uf.find(docs[j]);
        if (docs[j] == i || !seen.insert(root).second) continue;
        score[root].first += w;
        score[root].second += 1;
      }
    };
    for (const auto& [k, w] : profiles[i].weak) {
      const auto& docs = index[k];
      std::set<std::size_t> seen;
      count(docs, w * std::log(1 + n / double(docs.size())), seen);
    }
    if (profiles[i].day) {
      std::set<std::size_t> seen;
      for (long d = *profiles[i].day - kDateWindow; d <= *profiles[i].day + kDateWindow; ++d) {
        auto it = by_day.find(std::to_string(d));
        if (it != by_day.end()) count(it->second, kDateWeight, seen);
      }
    }
    std::optional<std::size_t> best;
    for (const auto& [root, s] : score) {
      if (s.second < 2) continue;
      if (!best || s.first > score[*best].first ||
          (s.first == score[*best].first && uf.size(root) > uf.size(*best)))
        best = root;
    }
    if (best) uf.unite(i, *best);
  }
}

}  // namespace

std::vector<StoryGroup> group_stories(const std::vector<DocumentResult>& documents, const Parties& parties,
                                      const Tunables& t) {
  const std::size_t n = documents.size();
  Profiler profiler(documents, parties, t);
  std::vector<Profile> profiles;
  profiles.reserve(n);
  for (std::size_t i = 0; i < n; ++i) profiles.push_back(profiler.profile(i));
  UnionFind uf(n);
  join_strong(profiles, t, uf);
  attach_loners(profiles, t, uf);

  std::unordered_map<std::size_t, std::size_t> slot;
  std::vector<StoryGroup> stories;
  for (std::size_t i = 0; i < n; ++i) {
    auto [it, fresh] = slot.emplace(uf.find(i), stories.size());
    if (fresh) stories.emplace_back();
    auto& s = stories[it->second];
    s.docs.push_back(i);
    if (profiles[i].main) s.main.push_back(*profiles[i].main);
  }
  std::stable_sort(stories.begin(), stories.end(),
                   [](const StoryGroup& a, const StoryGroup& b) { return a.docs.size() > b.docs.size(); });
  return stories;
}

}  // namespace dealscan::crosscheck

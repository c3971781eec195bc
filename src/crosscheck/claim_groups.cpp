// The figures and facts of one story -> claims.
//
// Figures first gather by topic (kind class + parties) and close amounts.
// Figures that name only one party, or none, then join a topic that agrees
// on what they do say; clusters stating the same amount are the same claim.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "crosscheck/amount_index.h"
#include "crosscheck/internal.h"

namespace dealscan::crosscheck {

std::string_view kind_class(Kind k) {
  // A contract seen from the client's side is spending.
  if (k == Kind::Spending) return to_string(Kind::Contract);
  return to_string(k);
}

namespace {

// An amount as the grouping rules read it: currency, value and range end.
using AmountKey = std::tuple<std::string_view, std::uint64_t, std::optional<std::uint64_t>>;

AmountKey amount_key(const MoneyMention& m) {
  // Bit patterns order every double, NaN included, so the key is always sortable.
  auto bits = [](double v) { return std::bit_cast<std::uint64_t>(v); };
  return {m.currency, bits(m.value), m.max ? std::optional(bits(*m.max)) : std::nullopt};
}

struct Cluster {
  std::string_view kind;                 // kind class (kind_class's static strings)
  const std::string *a = nullptr, *b = nullptr;  // parties (FigureRef's), a <= b when both known
  std::vector<FigureRef> members;
  bool alive = true;
  // One amount-index entry per distinct amount among the members: a claim told
  // ten thousand times costs the rules below one entry, not ten thousand.
  std::vector<std::size_t> entries;
  // The keys of those entries, once there are more than kFewAmounts (below,
  // the entries are scanned: most clusters state one amount, and a set
  // would cost a heap node each).
  std::set<AmountKey> amounts;
};
constexpr std::size_t kFewAmounts = 8;

const Figure& fig(const std::vector<DocumentResult>& docs, const FigureRef& r) { return docs[r.doc].figures[r.index]; }

int known(const FigureRef& r) { return int(bool(r.subject)) + int(bool(r.counterparty)); }

// Parties of a figure in the order clusters store them.
std::pair<const std::string*, const std::string*> ordered(const FigureRef& r) {
  auto a = r.subject, b = r.counterparty;
  if (!a) std::swap(a, b);
  if (a && b && *b < *a) std::swap(a, b);
  return {a, b};
}

bool has_party(const Cluster& c, const std::string& p) { return (c.a && *c.a == p) || (c.b && *c.b == p); }

constexpr std::size_t kNone = std::size_t(-1);

// The rules below read "scan every cluster"; the indexes (amounts by value,
// clusters by party) only narrow the scan to the clusters that can pass, and
// ties still go to the earliest cluster, so the result is the full scan's.
class ClaimBuilder {
 public:
  ClaimBuilder(const std::vector<DocumentResult>& docs, const Tunables& t)
      : docs_(docs), t_(t), reach_(same_amount_reach(t)) {}

  // rule: topic — same kind class, same parties (either order), close amount;
  // also where a partial figure goes when nothing else takes it.
  void add_to_topic(const FigureRef& r) {
    auto [a, b] = ordered(r);
    const std::string_view kind = kind_class(fig(docs_, r).kind);
    auto& topic = topic_of(kind, a, b);
    for (auto i : topic)
      if (close_to(clusters_[i], r)) return add_member(i, r);
    topic.push_back(clusters_.size());
    if (a) by_party_[*a].push_back(clusters_.size());
    if (b && (!a || *a != *b)) by_party_[*b].push_back(clusters_.size());
    clusters_.push_back(Cluster{kind, a, b, {}, true, {}, {}});
    add_member(clusters_.size() - 1, r);
    if (clusters_.back().b) index_for_partials(clusters_.size() - 1);
  }

  // rule: partial-party — one party known, joins a full topic that agrees.
  bool join_partial(const FigureRef& r) {
    const std::string& party = r.subject ? *r.subject : *r.counterparty;
    const std::string_view kind = kind_class(fig(docs_, r).kind);
    const auto& m = fig(docs_, r).money;
    std::size_t best = kNone;
    auto consider = [&](std::size_t i) {
      const Cluster& c = clusters_[i];
      if (!c.alive || c.kind != kind || !c.b || !close_to(c, r)) return;
      if (best == kNone || larger(i, best)) best = i;
    };
    key_.assign(party).append("|").append(kind);
    auto it = partial_.find(key_);
    if (m.currency.empty() || !indexable(m)) {
      // Without a currency any currency is close: look at every cluster.
      auto all = by_party_.find(party);
      if (all != by_party_.end())
        for (auto i : all->second) consider(i);
    } else if (it != partial_.end()) {
      const PartialIndex& index = it->second;
      for (auto i : index.others) consider(i);
      // close_amount: the anchor's +-tolerance range meets [value, max], or
      // one is the other with a slipped scale word (x1e3 ... x1e12, 0.5%).
      const double w = t_.same_value_tolerance, hi = m.max ? std::max(*m.max, m.value) : m.value;
      index.anchors.between(m.currency, m.value / (1 + w), hi / (1 - w), consider);
      for (double scale : {1e3, 1e6, 1e9, 1e12}) {
        index.anchors.between(m.currency, m.value * scale * 0.995, m.value * scale * 1.005, consider);
        index.anchors.between(m.currency, m.value / scale / 1.005, m.value / scale / 0.995, consider);
      }
    }
    if (best == kNone) return false;
    add_member(best, r);
    return true;
  }

  // rule: bare-amount — no party, same kind class and same amount.
  bool join_bare(const FigureRef& r) {
    const std::string_view kind = kind_class(fig(docs_, r).kind);
    return join_same(r, [&](std::string_view k) { return k == kind; });
  }

  // rule: same-amount — the same amount and currency in one story is one
  // claim, unless the two name different kinds of money (revenue vs a round).
  bool join_same_amount(const FigureRef& r) {
    const std::string_view kind = kind_class(fig(docs_, r).kind);
    const std::string_view other = to_string(Kind::Other);
    return join_same(r, [&](std::string_view k) { return k == kind || k == other || kind == other; });
  }

  // Denials rarely repeat the amount they deny: a cluster holding only denied
  // figures joins the largest cluster on the same topic.
  void attach_denials() {
    // Whether a cluster holds only denials cannot change here: clusters that
    // take members hold a stated figure, and the ones that give them die.
    std::vector<char> denied(clusters_.size());
    for (std::size_t i = 0; i < clusters_.size(); ++i) denied[i] = all_denied(clusters_[i]);
    for (std::size_t ci = 0; ci < clusters_.size(); ++ci) {
      Cluster& c = clusters_[ci];
      if (!c.alive || !denied[ci]) continue;
      std::size_t best = kNone;
      for (const std::string* p : {c.a, c.b}) {
        if (!p) continue;
        auto it = by_party_.find(*p);
        if (it == by_party_.end()) continue;
        for (auto oi : it->second) {
          const Cluster& o = clusters_[oi];
          if (oi == ci || !o.alive || denied[oi] || o.kind != c.kind) continue;
          if (best == kNone || o.members.size() > clusters_[best].members.size() ||
              (o.members.size() == clusters_[best].members.size() && oi < best))
            best = oi;
        }
      }
      if (best == kNone) continue;
      absorb(best, ci);
    }
  }

  // rule: same-amount — clusters stating the same amount in the same currency
  // and sharing a party are one claim told with different kinds.
  void merge_same_amount() {
    // Candidates: the first member of each later cluster, indexed by party and
    // amount; taken in cluster order, as a pairwise scan would. A cluster leaves
    // the index once merged or once the scan has passed it.
    std::unordered_map<std::string, AmountIndex> fronts;
    std::vector<std::vector<std::pair<AmountIndex*, AmountIndex::Slot>>> slots(clusters_.size());
    for (std::size_t j = 0; j < clusters_.size(); ++j) {
      const auto& m = fig(docs_, clusters_[j].members.front()).money;
      for (const std::string* p : parties_of(clusters_[j])) {
        AmountIndex& index = fronts[*p];  // elements of an unordered_map never move
        slots[j].emplace_back(&index, index.add(m.currency, m.value, j));
      }
    }
    auto forget = [&](std::size_t j) {
      for (const auto& [index, slot] : slots[j]) index->remove(slot);
      slots[j].clear();
    };
    for (std::size_t i = 0; i < clusters_.size(); ++i) {
      forget(i);
      if (!clusters_[i].alive) continue;
      std::set<std::size_t> pending;
      auto queue_after = [&](std::size_t after, const std::vector<std::size_t>& entries) {
        for (auto e : entries) {
          const Entry& en = entries_[e];
          for (const std::string* p : parties_of(clusters_[i])) {
            auto f = fronts.find(*p);
            if (f == fronts.end()) continue;
            f->second.near(*en.currency, en.value, reach_, [&](std::size_t j) {
              if (j <= after || pending.count(j)) return;
              const auto& fm = fig(docs_, clusters_[j].members.front()).money;
              if (*en.currency == fm.currency && same_amount(en.value, fm.value, t_)) pending.insert(j);
            });
          }
        }
      };
      queue_after(i, clusters_[i].entries);
      while (!pending.empty()) {
        std::size_t j = *pending.begin();
        pending.erase(pending.begin());
        if (!clusters_[j].alive || !shares_party(clusters_[i], clusters_[j])) continue;
        std::vector<std::size_t> gained = clusters_[j].entries;
        absorb(i, j);
        forget(j);
        queue_after(j, gained);
      }
    }
  }

  std::vector<Cluster>& clusters() { return clusters_; }
  // A figure makes at most one cluster and one amount entry.
  void reserve(std::size_t figures) {
    clusters_.reserve(figures);
    entries_.reserve(figures);
  }

 private:
  // A member's amount, as indexed.
  struct Entry {
    double value;
    const std::string* currency;
    const MoneyMention* money;  // the first member stating it
    std::size_t cluster;        // its live cluster
    std::size_t group;          // the group of its exact amount
  };
  // Every cluster stating one exact amount, with the largest per kind class
  // kept up to date, so "the largest cluster with this amount" costs one
  // look per distinct amount even when thousands of clusters state it.
  struct Group {
    double value;
    const std::string* currency;
    std::vector<std::size_t> clusters;                     // dead ones pruned lazily
    std::vector<std::pair<std::string_view, std::size_t>> best;  // kind class -> largest
  };

  // The clusters of a topic, its key built in a reused buffer: most figures
  // join a topic that exists.
  std::vector<std::size_t>& topic_of(std::string_view kind, const std::string* a, const std::string* b) {
    key_.assign(kind).append("|").append(a ? std::string_view(*a) : "?").append("|").append(b ? std::string_view(*b) : "?");
    auto it = topic_.find(key_);
    return it != topic_.end() ? it->second : topic_[key_];
  }
  void add_member(std::size_t c, const FigureRef& r) {
    const auto& m = fig(docs_, r).money;
    Cluster& cl = clusters_[c];
    cl.members.push_back(r);
    if (new_amount(cl, m)) {
      const std::size_t g = group_of(m);
      cl.entries.push_back(entries_.size());
      entries_.push_back(Entry{m.value, &m.currency, &m, c, g});
      groups_[g].clusters.push_back(c);
    }
    grown(c);
  }
  // Whether the cluster states no amount with m's key yet; the caller adds
  // its entry when so.
  bool new_amount(Cluster& c, const MoneyMention& m) const {
    const AmountKey key = amount_key(m);
    if (c.entries.size() < kFewAmounts)
      return std::none_of(c.entries.begin(), c.entries.end(),
                          [&](std::size_t e) { return amount_key(*entries_[e].money) == key; });
    if (c.amounts.empty())
      for (auto e : c.entries) c.amounts.insert(amount_key(*entries_[e].money));
    return c.amounts.insert(key).second;
  }
  // x takes y's members; y dies.
  void absorb(std::size_t x, std::size_t y) {
    Cluster& cx = clusters_[x];
    Cluster& cy = clusters_[y];
    cx.members.insert(cx.members.end(), cy.members.begin(), cy.members.end());
    for (auto e : cy.entries) {
      Entry& en = entries_[e];
      if (!new_amount(cx, *en.money)) continue;
      en.cluster = x;
      cx.entries.push_back(e);
      groups_[en.group].clusters.push_back(x);
    }
    cy.entries.clear();
    cy.amounts.clear();
    cy.alive = false;
    grown(x);
  }

  // The group of an exact amount, created on first sight.
  std::size_t group_of(const MoneyMention& m) {
    auto [it, fresh] = group_ids_.try_emplace({m.currency, std::bit_cast<std::uint64_t>(m.value)}, groups_.size());
    if (fresh) {
      groups_.push_back(Group{m.value, &m.currency, {}, {}});
      amounts_.add(m.currency, m.value, it->second);
    }
    return it->second;
  }
  bool larger(std::size_t x, std::size_t y) const {
    const auto nx = clusters_[x].members.size(), ny = clusters_[y].members.size();
    return nx > ny || (nx == ny && x < y);
  }
  // Cluster c has grown: it may now be the largest of its kind in its groups.
  void grown(std::size_t c) {
    for (auto e : clusters_[c].entries) {
      Group& g = groups_[entries_[e].group];
      auto b = best_slot(g, clusters_[c].kind);
      if (b->second == kNone || !clusters_[b->second].alive) refresh(g, *b);
      else if (larger(c, b->second)) b->second = c;
    }
  }
  std::pair<std::string_view, std::size_t>* best_slot(Group& g, std::string_view kind) {
    for (auto& b : g.best)
      if (b.first == kind) return &b;
    g.best.emplace_back(kind, kNone);
    return &g.best.back();
  }
  // Recomputes a group's largest cluster of one kind class, pruning the dead.
  void refresh(Group& g, std::pair<std::string_view, std::size_t>& best) {
    std::erase_if(g.clusters, [&](std::size_t c) { return !clusters_[c].alive; });
    best.second = kNone;
    for (auto c : g.clusters)
      if (clusters_[c].kind == best.first && (best.second == kNone || larger(c, best.second))) best.second = c;
  }
  // Close to the cluster's first amount, not to any member: chained closeness
  // would let one claim drift from 10 to 20 billion through 11, 12.3, 13.7...
  // and make a claim of every amount a big story states.
  bool close_to(const Cluster& c, const FigureRef& r) const {
    return close_amount(fig(docs_, c.members.front()).money, fig(docs_, r).money, t_);
  }
  // The largest live cluster passing ok with a member of the same amount and
  // currency as r (the earliest among equals) takes r.
  template <class Pred>
  bool join_same(const FigureRef& r, Pred ok) {
    const auto& m = fig(docs_, r).money;
    std::size_t best = kNone;
    amounts_.near(m.currency, m.value, reach_, [&](std::size_t gi) {
      Group& g = groups_[gi];
      if (*g.currency != m.currency || !same_amount(g.value, m.value, t_)) return;
      for (auto& b : g.best) {
        if (!ok(b.first)) continue;
        if (b.second != kNone && !clusters_[b.second].alive) refresh(g, b);
        if (b.second != kNone && (best == kNone || larger(b.second, best))) best = b.second;
      }
    });
    if (best == kNone) return false;
    add_member(best, r);
    return true;
  }
  // Full clusters by party and kind, by their first amount, for join_partial:
  // a partial figure looks only at clusters whose first amount can be close.
  struct PartialIndex {
    AmountIndex anchors;             // first amounts with a currency and no range
    std::vector<std::size_t> others;  // the rest: always looked at
  };
  static bool indexable(const MoneyMention& m) { return m.value > 0 && std::isfinite(m.value); }
  void index_for_partials(std::size_t c) {
    const auto& m = fig(docs_, clusters_[c].members.front()).money;
    for (const std::string* p : parties_of(clusters_[c])) {
      key_.assign(*p).append("|").append(clusters_[c].kind);
      PartialIndex& index = partial_[key_];  // copies the key only when new
      if (m.currency.empty() || m.max || !indexable(m)) index.others.push_back(c);
      else index.anchors.add(m.currency, m.value, c);
    }
  }

  // The distinct parties a cluster names (none, one or two; no heap).
  struct PartyList {
    std::array<const std::string*, 2> at{};
    std::size_t n = 0;
    const std::string* const* begin() const { return at.data(); }
    const std::string* const* end() const { return at.data() + n; }
  };
  static PartyList parties_of(const Cluster& c) {
    PartyList out;
    if (c.a) out.at[out.n++] = c.a;
    if (c.b && (!c.a || *c.b != *c.a)) out.at[out.n++] = c.b;
    return out;
  }
  static bool shares_party(const Cluster& x, const Cluster& y) {
    return (y.a && has_party(x, *y.a)) || (y.b && has_party(x, *y.b));
  }
  bool all_denied(const Cluster& c) const {
    return std::all_of(c.members.begin(), c.members.end(),
                       [&](const FigureRef& r) { return fig(docs_, r).modality == Modality::Denied; });
  }

  const std::vector<DocumentResult>& docs_;
  const Tunables& t_;
  const double reach_;
  std::vector<Cluster> clusters_;
  std::vector<Entry> entries_;
  std::vector<Group> groups_;
  std::map<std::pair<std::string_view, std::uint64_t>, std::size_t> group_ids_;
  AmountIndex amounts_;  // group ids by amount
  std::unordered_map<std::string, std::vector<std::size_t>> topic_;  // only looked up
  std::string key_;  // topic_of()'s and join_partial()'s buffer
  std::unordered_map<std::string, std::vector<std::size_t>> by_party_;  // clusters naming a party, in order
  std::unordered_map<std::string, PartialIndex> partial_;             // "party|kind" -> full clusters
};

// The most frequent value of an optional field among members; ties go to
// the value seen first.
// Get returns a pointer to the member's value, or null. Counted by pointer:
// most claims have one or two distinct values, and copies would allocate.
template <class Get>
std::optional<std::string> majority(const std::vector<FigureRef>& members, Get get) {
  std::vector<std::pair<const std::string*, int>> counts;
  for (const auto& m : members)
    if (const std::string* v = get(m)) {
      auto it = std::find_if(counts.begin(), counts.end(), [&](auto& c) { return *c.first == *v; });
      if (it == counts.end()) counts.emplace_back(v, 1);
      else ++it->second;
    }
  if (counts.empty()) return std::nullopt;
  return *std::max_element(counts.begin(), counts.end(), [](auto& x, auto& y) { return x.second < y.second; })->first;
}

// The cluster's members move into the claim.
ClaimGroup to_claim(const std::vector<DocumentResult>& docs, Cluster& c) {
  ClaimGroup g;
  auto by_position = [](const FigureRef& x, const FigureRef& y) {
    return std::tie(x.doc, x.index) < std::tie(y.doc, y.index);
  };
  // Most clusters are in order already; stable_sort would allocate a buffer.
  if (!std::is_sorted(c.members.begin(), c.members.end(), by_position))
    std::stable_sort(c.members.begin(), c.members.end(), by_position);
  g.figures = std::move(c.members);
  g.subject = majority(g.figures, [](const FigureRef& r) { return r.subject; });
  // The counterparty is never the subject itself, whatever single mentions say.
  g.counterparty = majority(g.figures, [&](const FigureRef& r) {
    return r.counterparty && (!g.subject || *r.counterparty != *g.subject) ? r.counterparty : nullptr;
  });
  // The most frequent kind; ties go to the first in Kind's order.
  std::array<int, std::size_t(Kind::Other) + 1> kinds{};
  for (const auto& m : g.figures) ++kinds[std::size_t(fig(docs, m).kind)];
  g.kind = Kind(std::max_element(kinds.begin(), kinds.end()) - kinds.begin());
  g.key = std::string(to_string(*g.kind)) + "|" + g.subject.value_or("") + "|" + g.counterparty.value_or("");
  return g;
}

void number_shared_keys(const std::vector<DocumentResult>& docs, std::vector<ClaimGroup>& out) {
  std::map<std::string, int> uses;
  for (const auto& g : out) ++uses[g.key];
  for (auto& g : out)
    if (uses[g.key] > 1) {
      const auto& m = fig(docs, g.figures.front()).money;
      g.key += "|" + format_money(m.value, m.currency);
    }
  std::map<std::string, int> seen;
  for (auto& g : out)
    if (int n = seen[g.key]++; n > 0) g.key += "#" + std::to_string(n + 1);
}

void add_fact_claims(const std::vector<DocumentResult>& docs, const StoryGroup& story, const Parties& parties,
                     std::vector<ClaimGroup>& out) {
  std::map<std::string, ClaimGroup> by_key;
  for (auto d : story.docs)
    for (std::size_t i = 0; i < docs[d].facts.size(); ++i) {
      const Fact& f = docs[d].facts[i];
      auto subject = parties.root(f.subject);
      std::string key;
      // rule: attribution — every "who reported it" fact of a story is one claim.
      if (f.kind == "first_reported_by" || f.kind == "reported_by") key = "attribution";
      // rule: fact-holder — other facts by kind and holder.
      else key = f.kind + "|" + subject.value_or("");
      auto& g = by_key[key];
      if (g.key.empty()) {
        g.key = key;
        g.fact_kind = key == "attribution" ? "attribution" : f.kind;
        if (key != "attribution") g.subject = subject;
      }
      g.facts.emplace_back(d, i);
    }
  for (auto& [k, g] : by_key) out.push_back(std::move(g));
}

}  // namespace

std::vector<ClaimGroup> group_claims(const std::vector<DocumentResult>& docs, const StoryGroup& story,
                                     const Parties& parties, const Tunables& t,
                                     std::span<const std::vector<FigureProminence>> ranked) {
  std::vector<FigureRef> figs;
  for (auto d : story.docs) {
    auto r = ranked.empty() ? rank_figures(docs[d], d, parties, t) : rank_figures(docs[d], d, parties, ranked[d]);
    figs.insert(figs.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
  }
  ClaimBuilder b(docs, t);
  b.reserve(figs.size());
  for (const auto& r : figs)
    if (known(r) == 2) b.add_to_topic(r);
  b.merge_same_amount();
  for (const auto& r : figs)
    if (known(r) == 1 && !b.join_partial(r) && !b.join_same_amount(r)) b.add_to_topic(r);
  for (const auto& r : figs)
    if (known(r) == 0 && !b.join_bare(r) && !b.join_same_amount(r)) b.add_to_topic(r);
  b.attach_denials();

  std::vector<ClaimGroup> out;
  for (auto& c : b.clusters())
    if (c.alive) out.push_back(to_claim(docs, c));
  // Several clusters on one topic: tell them apart by amount. (One cluster,
  // most stories' case, has nothing to tell apart.)
  if (out.size() > 1) number_shared_keys(docs, out);
  add_fact_claims(docs, story, parties, out);
  // Sorted as indexes, then moved once: a claim group is large to swap.
  std::vector<std::uint32_t> order(out.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return out[x].key < out[y].key; });
  std::vector<ClaimGroup> sorted;
  sorted.reserve(out.size());
  for (auto i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace dealscan::crosscheck

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
#include "crosscheck/first_seen.h"
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

// kind_class as a Kind: the rules compare classes, the claim key spells them.
Kind class_of(Kind k) { return k == Kind::Spending ? Kind::Contract : k; }

constexpr std::uint32_t kNoParty = UINT32_MAX;
constexpr std::uint32_t kEnd = UINT32_MAX;  // the end of a member or entry list

// The parties of one story's figures as small numbers given in string order
// (equal strings, one number), so the rules order, key and index clusters by
// integers instead of building and hashing "kind|party|party" strings.
struct PartyNumbers {
  std::vector<std::uint32_t> subject, counterparty;  // per figure; kNoParty when absent
  std::size_t count = 0;
};

PartyNumbers number_parties(const std::vector<FigureRef>& figs) {
  PartyNumbers out;
  out.subject.reserve(figs.size());
  out.counterparty.reserve(figs.size());
  FirstSeen seen;
  auto number = [&](const std::string* p) { return p ? static_cast<std::uint32_t>(seen.add(*p).first) : kNoParty; };
  for (const auto& r : figs) {
    out.subject.push_back(number(r.subject));
    out.counterparty.push_back(number(r.counterparty));
  }
  // First-seen numbers -> string order.
  const auto& names = seen.strings();
  out.count = names.size();
  std::vector<std::uint32_t> order(names.size()), rank(names.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto x, auto y) { return names[x] < names[y]; });
  for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
  for (auto* numbers : {&out.subject, &out.counterparty})
    for (auto& n : *numbers)
      if (n != kNoParty) n = rank[n];
  return out;
}

// A cluster's members and amount entries are singly linked lists through
// per-figure and per-entry arrays: one story's clusters own no heap blocks
// of their own, and absorbing a cluster is a splice.
struct List {
  std::uint32_t head = kEnd, tail = kEnd, size = 0;
};

struct Cluster {
  Kind kind = Kind::Other;                      // kind class
  std::uint32_t a = kNoParty, b = kNoParty;     // party numbers, a <= b when both known
  std::uint32_t front = kEnd;                   // its first member, which the rules compare with
  std::uint32_t next_in_topic = kEnd;
  // Every member ever added (an absorbed cluster keeps its count and front
  // but gives its list away).
  std::uint32_t size = 0;
  List members;
  // One amount-index entry per distinct amount among the members: a claim told
  // ten thousand times costs the rules below one entry, not ten thousand.
  List entries;
  bool alive = true;
  // The keys of those entries, once there are more than kFewAmounts (below,
  // the entries are scanned: most clusters state one amount, and a set
  // would cost a heap node each).
  std::set<AmountKey> amounts;
};
constexpr std::size_t kFewAmounts = 8;
constexpr std::size_t kKinds = std::size_t(Kind::Other) + 1;  // Kind's values

// Topic key -> its clusters: open addressing in one block, at most half
// full, as a story has at most one topic per figure (a hash table's node
// per topic cost a heap block each, for stories most of which have few).
class TopicTable {
 public:
  explicit TopicTable(std::size_t figures) : slots_(std::bit_ceil(std::max<std::size_t>(4, 2 * figures))) {}
  // The key's list, empty when new; at most `figures` keys.
  List& operator[](std::uint64_t key) {
    const std::size_t mask = slots_.size() - 1;
    std::uint64_t h = key * 0x9E3779B97F4A7C15ull;
    for (std::size_t at = static_cast<std::size_t>(h ^ (h >> 32)) & mask;; at = (at + 1) & mask) {
      Slot& s = slots_[at];
      if (!s.used) {
        s.used = true;
        s.key = key;
        return s.list;
      }
      if (s.key == key) return s.list;
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    List list;
    bool used = false;
  };
  std::vector<Slot> slots_;
};

const Figure& fig(const std::vector<DocumentResult>& docs, const FigureRef& r) { return docs[r.doc].figures[r.index]; }

int known(const FigureRef& r) { return int(bool(r.subject)) + int(bool(r.counterparty)); }

constexpr std::size_t kNone = std::size_t(-1);

// The rules below read "scan every cluster"; the indexes (amounts by value,
// clusters by party) only narrow the scan to the clusters that can pass, and
// ties still go to the earliest cluster, so the result is the full scan's.
// Figures are named by their index in the story's figure list.
class ClaimBuilder {
 public:
  ClaimBuilder(const std::vector<DocumentResult>& docs, const std::vector<FigureRef>& figs, const Tunables& t)
      : docs_(docs),
        figs_(figs),
        t_(t),
        reach_(same_amount_reach(t)),
        parties_(number_parties(figs)),
        next_member_(figs.size(), kEnd),
        topic_(figs.size()),
        by_party_(parties_.count) {
    // A figure makes at most one cluster and one amount entry.
    clusters_.reserve(figs.size());
    entries_.reserve(figs.size());
  }

  // rule: topic — same kind class, same parties (either order), close amount;
  // also where a partial figure goes when nothing else takes it.
  void add_to_topic(std::uint32_t f) {
    auto [a, b] = ordered(f);
    const Kind kind = class_of(money_fig(f).kind);
    List& topic = topic_[topic_key(kind, a, b)];
    for (auto i = topic.head; i != kEnd; i = clusters_[i].next_in_topic)
      if (close_to(clusters_[i], f)) return add_member(i, f);
    const auto c = static_cast<std::uint32_t>(clusters_.size());
    append(topic, c, [&](std::uint32_t i) -> std::uint32_t& { return clusters_[i].next_in_topic; });
    if (a != kNoParty) by_party_[a].push_back(c);
    if (b != kNoParty && a != b) by_party_[b].push_back(c);
    Cluster& cl = clusters_.emplace_back();
    cl.kind = kind;
    cl.a = a;
    cl.b = b;
    cl.front = f;
    add_member(c, f);
    if (b != kNoParty) index_for_partials(c);
  }

  // rule: partial-party — one party known, joins a full topic that agrees.
  bool join_partial(std::uint32_t f) {
    const std::uint32_t party =
        parties_.subject[f] != kNoParty ? parties_.subject[f] : parties_.counterparty[f];
    const Kind kind = class_of(money_fig(f).kind);
    const auto& m = money_fig(f).money;
    std::size_t best = kNone;
    auto consider = [&](std::size_t i) {
      const Cluster& c = clusters_[i];
      if (!c.alive || c.kind != kind || c.b == kNoParty || !close_to(c, f)) return;
      if (best == kNone || larger(i, best)) best = i;
    };
    if (m.currency.empty() || !indexable(m)) {
      // Without a currency any currency is close: look at every cluster.
      for (auto i : by_party_[party]) consider(i);
    } else if (auto it = partial_.find(partial_key(party, kind)); it != partial_.end()) {
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
    add_member(best, f);
    return true;
  }

  // rule: bare-amount — no party, same kind class and same amount.
  bool join_bare(std::uint32_t f) {
    const Kind kind = class_of(money_fig(f).kind);
    return join_same(f, [&](Kind k) { return k == kind; });
  }

  // rule: same-amount — the same amount and currency in one story is one
  // claim, unless the two name different kinds of money (revenue vs a round).
  bool join_same_amount(std::uint32_t f) {
    const Kind kind = class_of(money_fig(f).kind);
    return join_same(f, [&](Kind k) { return k == kind || k == Kind::Other || kind == Kind::Other; });
  }

  // Denials rarely repeat the amount they deny: a cluster holding only denied
  // figures joins the largest cluster on the same topic.
  void attach_denials() {
    // Whether a cluster holds only denials cannot change here: clusters that
    // take members hold a stated figure, and the ones that give them die.
    std::vector<char> denied(clusters_.size());
    for (std::size_t i = 0; i < clusters_.size(); ++i) denied[i] = clusters_[i].alive && all_denied(clusters_[i]);
    for (std::size_t ci = 0; ci < clusters_.size(); ++ci) {
      Cluster& c = clusters_[ci];
      if (!c.alive || !denied[ci]) continue;
      std::size_t best = kNone;
      for (const std::uint32_t p : {c.a, c.b}) {
        if (p == kNoParty) continue;
        for (auto oi : by_party_[p]) {
          const Cluster& o = clusters_[oi];
          if (oi == ci || !o.alive || denied[oi] || o.kind != c.kind) continue;
          if (best == kNone || o.size > clusters_[best].size || (o.size == clusters_[best].size && oi < best))
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
    if (clusters_.size() < 2) return;  // nothing to merge (most short stories): no index built
    // Candidates: the first member of each later cluster, indexed by party and
    // amount; taken in cluster order, as a pairwise scan would. A cluster leaves
    // the index once merged or once the scan has passed it.
    std::vector<AmountIndex> fronts(parties_.count);
    struct Slots {
      std::array<AmountIndex::Slot, 2> at;
      std::array<std::uint32_t, 2> party{};
      std::uint8_t n = 0;
    };
    std::vector<Slots> slots(clusters_.size());
    for (std::size_t j = 0; j < clusters_.size(); ++j) {
      const auto& m = money_fig(clusters_[j].front).money;
      for (const std::uint32_t p : parties_of(clusters_[j])) {
        Slots& s = slots[j];
        s.party[s.n] = p;
        s.at[s.n++] = fronts[p].add(m.currency, m.value, j);
      }
    }
    auto forget = [&](std::size_t j) {
      Slots& s = slots[j];
      for (std::uint8_t k = 0; k < s.n; ++k) fronts[s.party[k]].remove(s.at[k]);
      s.n = 0;
    };
    std::vector<std::uint32_t> gained;
    for (std::size_t i = 0; i < clusters_.size(); ++i) {
      forget(i);
      if (!clusters_[i].alive) continue;
      std::set<std::size_t> pending;
      auto queue_after = [&](std::size_t after, const std::vector<std::uint32_t>& entries) {
        for (auto e : entries) {
          const Entry& en = entries_[e];
          for (const std::uint32_t p : parties_of(clusters_[i]))
            fronts[p].near(*en.currency, en.value, reach_, [&](std::size_t j) {
              if (j <= after || pending.count(j)) return;
              const auto& fm = money_fig(clusters_[j].front).money;
              if (*en.currency == fm.currency && same_amount(en.value, fm.value, t_)) pending.insert(j);
            });
        }
      };
      list_entries(clusters_[i], gained);
      queue_after(i, gained);
      while (!pending.empty()) {
        std::size_t j = *pending.begin();
        pending.erase(pending.begin());
        if (!clusters_[j].alive || !shares_party(clusters_[i], clusters_[j])) continue;
        list_entries(clusters_[j], gained);
        absorb(i, j);
        forget(j);
        queue_after(j, gained);
      }
    }
  }

  const std::vector<Cluster>& clusters() const { return clusters_; }
  // A cluster's members, in the order they joined.
  template <class Visit>
  void each_member(const Cluster& c, Visit visit) const {
    for (auto f = c.members.head; f != kEnd; f = next_member_[f]) visit(figs_[f]);
  }

 private:
  // A member's amount, as indexed.
  struct Entry {
    double value;
    const std::string* currency;
    const MoneyMention* money;  // the first member stating it
    std::size_t group;          // the group of its exact amount
    std::uint32_t next = kEnd;  // in its cluster's entry list
  };
  // Every cluster stating one exact amount, with the largest per kind class
  // kept up to date, so "the largest cluster with this amount" costs one
  // look per distinct amount even when thousands of clusters state it.
  struct Group {
    double value;
    const std::string* currency;
    std::vector<std::size_t> clusters;          // dead ones pruned lazily
    // Kind class -> its largest cluster (kNone: none yet), in place: most
    // groups see one kind, and a list of them cost a heap block per group.
    std::array<std::size_t, kKinds> best;
  };

  const Figure& money_fig(std::uint32_t f) const { return fig(docs_, figs_[f]); }
  // Parties of a figure in the order clusters store them.
  std::pair<std::uint32_t, std::uint32_t> ordered(std::uint32_t f) const {
    auto a = parties_.subject[f], b = parties_.counterparty[f];
    if (a == kNoParty) std::swap(a, b);
    if (a != kNoParty && b != kNoParty && b < a) std::swap(a, b);
    return {a, b};
  }
  // (kind class, a, b) as one number; an absent party counts as party `count`.
  std::uint64_t topic_key(Kind kind, std::uint32_t a, std::uint32_t b) const {
    const std::uint64_t n = parties_.count + 1;
    auto number = [&](std::uint32_t p) { return p == kNoParty ? parties_.count : std::uint64_t(p); };
    return (std::uint64_t(kind) * n + number(a)) * n + number(b);
  }
  static std::uint64_t partial_key(std::uint32_t party, Kind kind) { return std::uint64_t(party) * 16 + std::uint64_t(kind); }

  // Appends item to a list whose links next(i) gives.
  template <class Next>
  static void append(List& list, std::uint32_t item, Next next) {
    if (list.head == kEnd) list.head = item;
    else next(list.tail) = item;
    list.tail = item;
    ++list.size;
  }
  void append_entry(Cluster& c, std::uint32_t e) {
    entries_[e].next = kEnd;
    append(c.entries, e, [&](std::uint32_t i) -> std::uint32_t& { return entries_[i].next; });
  }
  void list_entries(const Cluster& c, std::vector<std::uint32_t>& out) const {
    out.clear();
    for (auto e = c.entries.head; e != kEnd; e = entries_[e].next) out.push_back(e);
  }

  void add_member(std::size_t c, std::uint32_t f) {
    const auto& m = money_fig(f).money;
    Cluster& cl = clusters_[c];
    append(cl.members, f, [&](std::uint32_t i) -> std::uint32_t& { return next_member_[i]; });
    ++cl.size;
    if (new_amount(cl, m)) {
      const std::size_t g = group_of(m);
      const auto e = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back(Entry{m.value, &m.currency, &m, g});
      append_entry(cl, e);
      groups_[g].clusters.push_back(c);
    }
    grown(c);
  }
  // Whether the cluster states no amount with m's key yet; the caller adds
  // its entry when so.
  bool new_amount(Cluster& c, const MoneyMention& m) const {
    const AmountKey key = amount_key(m);
    if (c.entries.size < kFewAmounts) {
      for (auto e = c.entries.head; e != kEnd; e = entries_[e].next)
        if (amount_key(*entries_[e].money) == key) return false;
      return true;
    }
    if (c.amounts.empty())
      for (auto e = c.entries.head; e != kEnd; e = entries_[e].next) c.amounts.insert(amount_key(*entries_[e].money));
    return c.amounts.insert(key).second;
  }
  // x takes y's members; y dies.
  void absorb(std::size_t x, std::size_t y) {
    Cluster& cx = clusters_[x];
    Cluster& cy = clusters_[y];
    if (cy.members.head != kEnd) {
      append(cx.members, cy.members.head, [&](std::uint32_t i) -> std::uint32_t& { return next_member_[i]; });
      cx.members.tail = cy.members.tail;
      cx.members.size += cy.members.size - 1;
    }
    cx.size += cy.size;
    cy.members = List{};
    for (auto e = cy.entries.head; e != kEnd;) {
      const auto next = entries_[e].next;
      if (new_amount(cx, *entries_[e].money)) {
        append_entry(cx, e);
        groups_[entries_[e].group].clusters.push_back(x);
      }
      e = next;
    }
    cy.entries = List{};
    cy.amounts.clear();
    cy.alive = false;
    grown(x);
  }

  // The group of an exact amount, created on first sight. Found through
  // the amount index the groups are in anyway (a value that is not
  // positive and finite, rare, through a scan), not a map of its own.
  std::size_t group_of(const MoneyMention& m) {
    const auto bits = std::bit_cast<std::uint64_t>(m.value);
    auto same = [&](std::size_t g) {
      return std::bit_cast<std::uint64_t>(groups_[g].value) == bits && *groups_[g].currency == m.currency;
    };
    std::size_t found = kNone;
    if (indexable(m)) {
      amounts_.between(m.currency, m.value, m.value, [&](std::size_t g) {
        if (found == kNone && same(g)) found = g;
      });
    } else {
      auto at = std::find_if(odd_groups_.begin(), odd_groups_.end(), same);
      if (at != odd_groups_.end()) found = *at;
    }
    if (found != kNone) return found;
    found = groups_.size();
    groups_.push_back(Group{m.value, &m.currency, {}, {}});
    groups_.back().best.fill(kNone);
    amounts_.add(m.currency, m.value, found);  // join_same's queries visit the odd ones too
    if (!indexable(m)) odd_groups_.push_back(found);
    return found;
  }
  bool larger(std::size_t x, std::size_t y) const {
    const auto nx = clusters_[x].size, ny = clusters_[y].size;
    return nx > ny || (nx == ny && x < y);
  }
  // Cluster c has grown: it may now be the largest of its kind in its groups.
  void grown(std::size_t c) {
    for (auto e = clusters_[c].entries.head; e != kEnd; e = entries_[e].next) {
      Group& g = groups_[entries_[e].group];
      const std::size_t b = g.best[std::size_t(clusters_[c].kind)];
      if (b == kNone || !clusters_[b].alive) refresh(g, clusters_[c].kind);
      else if (larger(c, b)) g.best[std::size_t(clusters_[c].kind)] = c;
    }
  }
  // Recomputes a group's largest cluster of one kind class, pruning the dead.
  void refresh(Group& g, Kind kind) {
    std::erase_if(g.clusters, [&](std::size_t c) { return !clusters_[c].alive; });
    std::size_t& best = g.best[std::size_t(kind)];
    best = kNone;
    for (auto c : g.clusters)
      if (clusters_[c].kind == kind && (best == kNone || larger(c, best))) best = c;
  }
  // Close to the cluster's first amount, not to any member: chained closeness
  // would let one claim drift from 10 to 20 billion through 11, 12.3, 13.7...
  // and make a claim of every amount a big story states.
  bool close_to(const Cluster& c, std::uint32_t f) const {
    return close_amount(money_fig(c.front).money, money_fig(f).money, t_);
  }
  // The largest live cluster passing ok with a member of the same amount and
  // currency as f (the earliest among equals) takes f.
  template <class Pred>
  bool join_same(std::uint32_t f, Pred ok) {
    const auto& m = money_fig(f).money;
    std::size_t best = kNone;
    amounts_.near(m.currency, m.value, reach_, [&](std::size_t gi) {
      Group& g = groups_[gi];
      if (*g.currency != m.currency || !same_amount(g.value, m.value, t_)) return;
      for (std::size_t k = 0; k < kKinds; ++k) {
        if (g.best[k] == kNone || !ok(Kind(k))) continue;
        if (!clusters_[g.best[k]].alive) refresh(g, Kind(k));
        if (g.best[k] != kNone && (best == kNone || larger(g.best[k], best))) best = g.best[k];
      }
    });
    if (best == kNone) return false;
    add_member(best, f);
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
    const auto& m = money_fig(clusters_[c].front).money;
    for (const std::uint32_t p : parties_of(clusters_[c])) {
      PartialIndex& index = partial_[partial_key(p, clusters_[c].kind)];
      if (m.currency.empty() || m.max || !indexable(m)) index.others.push_back(c);
      else index.anchors.add(m.currency, m.value, c);
    }
  }

  // The distinct parties a cluster names (none, one or two; no heap).
  struct PartyList {
    std::array<std::uint32_t, 2> at{};
    std::size_t n = 0;
    const std::uint32_t* begin() const { return at.data(); }
    const std::uint32_t* end() const { return at.data() + n; }
  };
  static PartyList parties_of(const Cluster& c) {
    PartyList out;
    if (c.a != kNoParty) out.at[out.n++] = c.a;
    if (c.b != kNoParty && c.b != c.a) out.at[out.n++] = c.b;
    return out;
  }
  static bool has_party(const Cluster& c, std::uint32_t p) { return c.a == p || c.b == p; }
  static bool shares_party(const Cluster& x, const Cluster& y) {
    return (y.a != kNoParty && has_party(x, y.a)) || (y.b != kNoParty && has_party(x, y.b));
  }
  bool all_denied(const Cluster& c) const {
    for (auto f = c.members.head; f != kEnd; f = next_member_[f])
      if (money_fig(f).modality != Modality::Denied) return false;
    return true;
  }

  const std::vector<DocumentResult>& docs_;
  const std::vector<FigureRef>& figs_;
  const Tunables& t_;
  const double reach_;
  const PartyNumbers parties_;
  std::vector<std::uint32_t> next_member_;  // per figure: the next member of its cluster
  std::vector<Cluster> clusters_;
  std::vector<Entry> entries_;
  std::vector<Group> groups_;
  AmountIndex amounts_;                    // group ids by amount
  std::vector<std::size_t> odd_groups_;    // those whose value is not positive and finite
  TopicTable topic_;                                    // (kind class, parties) -> its clusters
  std::vector<std::vector<std::uint32_t>> by_party_;    // clusters naming a party, in order
  std::unordered_map<std::uint64_t, PartialIndex> partial_;  // (party, kind class) -> full clusters
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

// The cluster's members, gathered into the claim.
ClaimGroup to_claim(const std::vector<DocumentResult>& docs, const ClaimBuilder& b, const Cluster& c) {
  ClaimGroup g;
  g.figures.reserve(c.members.size);
  b.each_member(c, [&](const FigureRef& r) { g.figures.push_back(r); });
  auto by_position = [](const FigureRef& x, const FigureRef& y) {
    return std::tie(x.doc, x.index) < std::tie(y.doc, y.index);
  };
  // Most clusters are in order already; stable_sort would allocate a buffer.
  if (!std::is_sorted(g.figures.begin(), g.figures.end(), by_position))
    std::stable_sort(g.figures.begin(), g.figures.end(), by_position);
  g.subject = majority(g.figures, [](const FigureRef& r) { return r.subject; });
  // The counterparty is never the subject itself, whatever single mentions say.
  g.counterparty = majority(g.figures, [&](const FigureRef& r) {
    return r.counterparty && (!g.subject || *r.counterparty != *g.subject) ? r.counterparty : nullptr;
  });
  // The most frequent kind; ties go to the first in Kind's order.
  std::array<int, kKinds> kinds{};
  for (const auto& m : g.figures) ++kinds[std::size_t(fig(docs, m).kind)];
  g.kind = Kind(std::max_element(kinds.begin(), kinds.end()) - kinds.begin());
  const std::string_view kind = to_string(*g.kind), subject = g.subject ? std::string_view(*g.subject) : "",
                         counterparty = g.counterparty ? std::string_view(*g.counterparty) : "";
  g.key.reserve(kind.size() + subject.size() + counterparty.size() + 2);
  g.key.append(kind).append("|").append(subject).append("|").append(counterparty);
  return g;
}

// Indexes of claims, sorted by key; equal keys in claim order. Most
// stories have a handful of claims: those are sorted by insertion (stable
// too), without the buffer stable_sort allocates.
std::vector<std::uint32_t> key_order(const std::vector<ClaimGroup>& claims) {
  // Insertion sort makes up to n(n-1)/2 key comparisons: 120 at 16, about
  // what stable_sort's buffer allocation and merge passes cost (16 is also
  // where libstdc++'s own sorts switch to insertion sort).
  constexpr std::size_t kInsertionSorted = 16;
  std::vector<std::uint32_t> order(claims.size());
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](std::uint32_t x, std::uint32_t y) { return claims[x].key < claims[y].key; };
  if (order.size() > kInsertionSorted) {
    std::stable_sort(order.begin(), order.end(), less);
    return order;
  }
  for (std::size_t i = 1; i < order.size(); ++i) {
    const std::uint32_t x = order[i];
    std::size_t j = i;
    for (; j > 0 && less(x, order[j - 1]); --j) order[j] = order[j - 1];
    order[j] = x;
  }
  return order;
}

// Calls each(run) for every run of claims sharing one key (run: their
// indexes, in claim order), given the claims in key_order; returns whether
// there was one.
template <class Each>
bool each_shared_key(const std::vector<ClaimGroup>& claims, const std::vector<std::uint32_t>& order, Each each) {
  bool shared = false;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && claims[order[j]].key == claims[order[i]].key) ++j;
    if (j - i > 1) {
      each(std::span<const std::uint32_t>(order.data() + i, j - i));
      shared = true;
    }
    i = j;
  }
  return shared;
}

// Claims sharing a key get their first amount appended, and those still
// sharing one "#2", "#3"... in claim order. Sorted indexes, not a map of
// keys: a story has a handful of claims, and a map copies every key.
void number_shared_keys(const std::vector<DocumentResult>& docs, std::vector<ClaimGroup>& out) {
  const bool shared = each_shared_key(out, key_order(out), [&](std::span<const std::uint32_t> run) {
    for (auto i : run) {
      const auto& m = fig(docs, out[i].figures.front()).money;
      out[i].key.append("|").append(format_money(m.value, m.currency));
    }
  });
  if (!shared) return;  // no key changed
  each_shared_key(out, key_order(out), [&](std::span<const std::uint32_t> run) {
    for (std::size_t k = 1; k < run.size(); ++k) out[run[k]].key.append("#").append(std::to_string(k + 1));
  });
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
  if (!ranked.empty()) {
    std::size_t n = 0;
    for (auto d : story.docs) n += ranked[d].size();
    figs.reserve(n);
  }
  for (auto d : story.docs) {
    if (ranked.empty()) rank_figures(docs[d], d, parties, t, figs);
    else rank_figures(docs[d], d, parties, ranked[d], figs);
  }
  ClaimBuilder b(docs, figs, t);
  const auto n = static_cast<std::uint32_t>(figs.size());
  for (std::uint32_t f = 0; f < n; ++f)
    if (known(figs[f]) == 2) b.add_to_topic(f);
  b.merge_same_amount();
  for (std::uint32_t f = 0; f < n; ++f)
    if (known(figs[f]) == 1 && !b.join_partial(f) && !b.join_same_amount(f)) b.add_to_topic(f);
  for (std::uint32_t f = 0; f < n; ++f)
    if (known(figs[f]) == 0 && !b.join_bare(f) && !b.join_same_amount(f)) b.add_to_topic(f);
  b.attach_denials();

  std::vector<ClaimGroup> out;
  out.reserve(b.clusters().size() + 4);  // the clusters and a few fact claims
  for (const auto& c : b.clusters())
    if (c.alive) out.push_back(to_claim(docs, b, c));
  // Several clusters on one topic: tell them apart by amount. (One cluster,
  // most stories' case, has nothing to tell apart.)
  if (out.size() > 1) number_shared_keys(docs, out);
  add_fact_claims(docs, story, parties, out);
  // Sorted as indexes, then moved once (a claim group is large to swap),
  // unless they are in order already, as one claim is.
  const auto order = key_order(out);
  if (std::is_sorted(order.begin(), order.end())) return out;
  std::vector<ClaimGroup> sorted;
  sorted.reserve(out.size());
  for (auto i : order) sorted.push_back(std::move(out[i]));
  return sorted;
}

}  // namespace dealscan::crosscheck

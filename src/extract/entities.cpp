// EntityExtractor: gazetteer names, typos, rules for unknown names, then
// descriptive references, with overlaps resolved (longest mention wins).
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <unordered_set>

#include "dealscan/extract.h"
#include "extract/entity_descriptive.h"
#include "extract/entity_gazetteer.h"
#include "extract/entity_rules.h"
#include "extract/entity_tokens.h"

namespace dealscan {
namespace {

using entity::Draft;

// The rank order of resolve_overlaps packed into one number when every part
// fits: longer first (the length's complement), then the lower priority,
// then the earlier; the draft's index in the low bits. Sorting numbers costs
// one compare and an eight-byte move per step.
constexpr int kIndexBits = 20, kFirstBits = 24, kPriorityBits = 3, kLengthBits = 17;
constexpr std::uint64_t kIndexMask = (std::uint64_t{1} << kIndexBits) - 1;

// Fills order with the drafts' indices in rank order from packed ranks, or
// returns false when a part does not fit or two drafts tie on every part
// but the index (then std::sort's order of equal ranks decides, as it always
// has, and the caller sorts the full ranks).
bool rank_packed(const std::vector<Draft>& drafts, std::vector<std::uint32_t>& order) {
  thread_local std::vector<std::uint64_t> keys;
  if (drafts.size() > kIndexMask) return false;
  keys.resize(drafts.size());
  constexpr std::uint64_t kMaxLength = (std::uint64_t{1} << kLengthBits) - 1;
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    const std::uint64_t length = d.last - d.first;
    if (d.first >> kFirstBits || length > kMaxLength || static_cast<unsigned>(d.priority) >> kPriorityBits) return false;
    keys[k] = (kMaxLength - length) << (kIndexBits + kFirstBits + kPriorityBits) |
              static_cast<std::uint64_t>(d.priority) << (kIndexBits + kFirstBits) | std::uint64_t{d.first} << kIndexBits | k;
  }
  std::sort(keys.begin(), keys.end());
  order.resize(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (k > 0 && keys[k] >> kIndexBits == keys[k - 1] >> kIndexBits) return false;  // a tie
    order[k] = static_cast<std::uint32_t>(keys[k] & kIndexMask);
  }
  return true;
}

// The drafts' indices in rank order, sorting the full ranks: std::sort
// takes the same steps on the same comparison results as when it sorted
// the drafts, so ties come out as they always have.
void rank_full(const std::vector<Draft>& drafts, std::vector<std::uint32_t>& order) {
  struct Ranked {
    std::size_t length, first;
    int priority;
    std::uint32_t index;
  };
  thread_local std::vector<Ranked> ranked;
  ranked.resize(drafts.size());
  for (std::size_t k = 0; k < drafts.size(); ++k) {
    const Draft& d = drafts[k];
    ranked[k] = {d.last - d.first, d.first, d.priority, static_cast<std::uint32_t>(k)};
  }
  // Longer first, then the lower priority, then the earlier.
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.first < b.first;
  });
  order.resize(ranked.size());
  for (std::size_t k = 0; k < ranked.size(); ++k) order[k] = ranked[k].index;
}

// Whether an entity is named for the first time, given those named so far
// (listed): a document names a few dozen, so the list is searched in place
// until it is long, then a hash set takes over.
class FirstSeen {
 public:
  bool first(const Entity* e, const std::vector<const Entity*>& listed) {
    if (listed.size() < kListed) return std::find(listed.begin(), listed.end(), e) == listed.end();
    if (set_.empty()) set_.insert(listed.begin(), listed.end());
    return set_.insert(e).second;
  }

 private:
  static constexpr std::size_t kListed = 48;
  std::unordered_set<const Entity*> set_;
};

// Keeps the longest of overlapping drafts (then the higher priority, then the
// earlier), returned sorted by position.
std::vector<Draft> resolve_overlaps(std::vector<Draft> drafts) {
  // Per-thread buffers: this runs twice per document.
  thread_local std::vector<std::uint32_t> order;
  thread_local std::vector<std::uint32_t> kept;
  thread_local std::vector<char> taken_tokens;
  thread_local std::vector<std::uint64_t> by_first;
  if (!rank_packed(drafts, order)) rank_full(drafts, order);
  kept.clear();
  if (std::all_of(drafts.begin(), drafts.end(), [](const Draft& d) { return d.first < d.last; })) {
    // Drafts cover tokens: a draft clashes when one of its tokens is taken.
    std::size_t end = 0;
    for (const auto& d : drafts) end = std::max(end, d.last);
    std::vector<char>& taken = taken_tokens;
    taken.assign(end, 0);
    for (const auto k : order) {
      const Draft& d = drafts[k];
      const auto from = taken.begin() + static_cast<std::ptrdiff_t>(d.first);
      const auto to = taken.begin() + static_cast<std::ptrdiff_t>(d.last);
      if (std::find(from, to, 1) != to) continue;
      std::fill(from, to, 1);
      kept.push_back(k);
    }
    // Kept drafts share no token, so no two start at the same one: sorted by
    // (first, index) packed, the order is the one sorting by first gave.
    by_first.resize(kept.size());
    for (std::size_t k = 0; k < kept.size(); ++k) by_first[k] = std::uint64_t{drafts[kept[k]].first} << 32 | kept[k];
    std::sort(by_first.begin(), by_first.end());
    std::vector<Draft> out;
    out.reserve(kept.size());
    for (const auto key : by_first) out.push_back(drafts[key & 0xFFFFFFFFu]);
    return out;
  }
  // An empty draft has no token: interval bookkeeping, as it always was.
  std::map<std::size_t, std::size_t> taken;  // first -> last of kept drafts
  for (const auto k : order) {
    const Draft& d = drafts[k];
    auto it = taken.lower_bound(d.first);
    bool clash = (it != taken.end() && it->first < d.last) || (it != taken.begin() && std::prev(it)->second > d.first);
    if (clash) continue;
    taken.emplace(d.first, d.last);
    kept.push_back(k);
  }
  std::sort(kept.begin(), kept.end(), [&](std::uint32_t x, std::uint32_t y) { return drafts[x].first < drafts[y].first; });
  std::vector<Draft> out;
  out.reserve(kept.size());
  for (auto k : kept) out.push_back(drafts[k]);
  return out;
}

}  // namespace

struct EntityExtractor::Impl {
  explicit Impl(const Lexicon& lexicon)
      : gazetteer(lexicon), rules(lexicon, gazetteer), descriptive(lexicon, gazetteer) {
    gazetteer.mark_starts(starts);
    rules.mark_starts(starts);
  }

  const Entity* lookup(std::string_view id, const entity::DocState& doc) const {
    if (const auto* g = gazetteer.find(id)) return &g->entity;
    if (const auto* u = doc.find_unknown(id)) return &u->entity;
    return nullptr;
  }

  EntityOutput extract(const entity::TokenStream& ts) const {
    entity::DocState doc;
    // One pass marks where each every-token matcher may start (per-thread marks).
    thread_local std::vector<std::uint8_t> marks;
    starts.mark(ts, marks);
    doc.starts = marks.data();
    gazetteer.match_names(ts, rules.stopwords(), doc);
    gazetteer.match_descriptions(ts, doc);
    gazetteer.match_typos(ts, rules.stopwords(), doc);
    rules.apply(ts, doc);
    std::vector<Draft> names = resolve_overlaps(std::move(doc.drafts));
    // The descriptive drafts go after the names, as one list: appended to
    // the names themselves once read, not to a copy of them.
    std::vector<Draft> described;
    descriptive.apply(ts, names, doc, described);
    names.insert(names.end(), std::make_move_iterator(described.begin()), std::make_move_iterator(described.end()));
    return to_output(ts, resolve_overlaps(std::move(names)), doc);
  }

  EntityOutput to_output(const entity::TokenStream& ts, std::vector<Draft> drafts, const entity::DocState& doc) const {
    EntityOutput out;
    out.mentions.reserve(drafts.size());
    // An id finds one entity and an entity has one id, so the entity's
    // address stands for the id: no string hashed or copied per mention.
    // The entities in order of first mention are listed first, so the
    // output's entities are copied once into a list of the right size.
    thread_local std::vector<const Entity*> firsts;
    firsts.clear();
    FirstSeen seen;
    for (auto& d : drafts) {
      const Entity* e = d.known ? d.known : lookup(d.entity_id, doc);
      if (!e) continue;
      Span span{ts.tokens[d.first].begin, ts.tokens[d.last - 1].end};
      if (seen.first(e, firsts)) firsts.push_back(e);
      out.mentions.push_back({std::string(d.entity_id), span, std::string(d.rule), d.descriptive});
    }
    out.entities.reserve(firsts.size());
    for (const Entity* e : firsts) out.entities.push_back(*e);
    return out;
  }

  entity::Gazetteer gazetteer;
  entity::NameRules rules;
  entity::DescriptiveResolver descriptive;
  entity::StartMarks starts;  // the gazetteer's and the rules' every-token tries
};

EntityExtractor::EntityExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
EntityExtractor::~EntityExtractor() = default;
EntityExtractor::EntityExtractor(EntityExtractor&&) noexcept = default;
EntityExtractor& EntityExtractor::operator=(EntityExtractor&&) noexcept = default;

EntityOutput EntityExtractor::extract(std::string_view text, const std::vector<Sentence>& sentences) const {
  return extract(DocumentText(text, sentences));
}

EntityOutput EntityExtractor::extract(const DocumentText& doc) const { return impl_->extract(doc.words()); }

}  // namespace dealscan

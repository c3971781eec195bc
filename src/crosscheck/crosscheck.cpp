// cross_check: stories, then claims per story, then conflicts per claim.
// Output order is stable: stories by size then first source, claims by key
// within a story, conflicts in claim order.
#include "dealscan/crosscheck.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "crosscheck/internal.h"

namespace dealscan {
namespace {

using namespace crosscheck;

std::vector<std::string> claim_sources(const std::vector<DocumentResult>& docs, const ClaimGroup& g) {
  std::set<std::size_t> ds;
  for (const auto& f : g.figures) ds.insert(f.doc);
  for (const auto& [d, i] : g.facts) ds.insert(d);
  std::vector<std::string> out;
  for (auto d : ds) out.push_back(docs[d].source.id);
  return out;
}

Claim make_claim(const std::vector<DocumentResult>& docs, const ClaimGroup& g, std::string id, const std::string& story) {
  Claim c;
  c.id = std::move(id);
  c.story = story;
  c.key = g.key;
  if (!g.figures.empty()) c.kind = g.kind;
  c.fact_kind = g.fact_kind;
  c.subject = g.subject;
  c.counterparty = g.counterparty;
  for (const auto& f : g.figures) c.figures.push_back(docs[f.doc].figures[f.index].id);
  for (const auto& [d, i] : g.facts) c.figures.push_back(docs[d].facts[i].id);
  c.sources = claim_sources(docs, g);
  return c;
}

// "Amazon → OpenAI: investment $10bn", from the money claim told by the most
// sources (then the most prominent).
std::string story_title(const std::vector<DocumentResult>& docs, const std::vector<ClaimGroup>& claims,
                        const Parties& parties) {
  const ClaimGroup* best = nullptr;
  std::size_t best_n = 0;
  double best_p = 0;
  for (const auto& g : claims) {
    if (g.figures.empty()) continue;
    std::size_t n = claim_sources(docs, g).size();
    double p = 0;
    for (const auto& f : g.figures) p = std::max(p, f.prominence);
    if (!best || n > best_n || (n == best_n && p > best_p)) best = &g, best_n = n, best_p = p;
  }
  if (!best) return claims.empty() ? std::string("(no claims)") : claims.front().key;
  std::string who;
  if (best->subject) who = parties.name(*best->subject);
  if (best->counterparty) who += (who.empty() ? "" : " → ") + parties.name(*best->counterparty);
  // The amount most sources give.
  const auto& first = best->figures.front();
  const auto& m = docs[first.doc].figures[first.index].money;
  std::string what = std::string(to_string(*best->kind)) + " " + format_money(m.value, m.currency);
  return who.empty() ? what : who + ": " + what;
}

Status claim_status(const Claim& c, const std::vector<Conflict>& conflicts, std::size_t from) {
  for (std::size_t i = from; i < conflicts.size(); ++i)
    if (conflicts[i].claim == c.id) return Status::Conflict;
  return c.sources.size() >= 2 ? Status::Corroborated : Status::SingleSource;
}

// Everything the cross-check says about one story.
struct StoryCheck {
  Story story;
  std::vector<Claim> claims;
  std::vector<Conflict> conflicts;
};

// Claims numbered from first_claim + 1, compared, and the story titled.
StoryCheck check_story(const std::vector<DocumentResult>& documents, const StoryGroup& group, std::size_t index,
                       std::size_t first_claim, const std::vector<ClaimGroup>& claims, const Parties& parties,
                       const Tunables& t) {
  StoryCheck out;
  Story& story = out.story;
  story.id = "s" + std::to_string(index + 1);
  for (auto d : group.docs) story.sources.push_back(documents[d].source.id);
  std::vector<std::string> ids;
  for (const auto& g : claims) {
    std::size_t from = out.conflicts.size();
    Claim c = make_claim(documents, g, "c" + std::to_string(first_claim + out.claims.size() + 1), story.id);
    compare_claim(documents, g, c.id, story.id, t, out.conflicts);
    c.status = claim_status(c, out.conflicts, from);
    story.claims.push_back(c.id);
    ids.push_back(c.id);
    out.claims.push_back(std::move(c));
  }
  for (auto [x, y] : compare_topics(documents, claims, ids, story.id, t, out.conflicts))
    out.claims[x].status = out.claims[y].status = Status::Conflict;
  story.title = story_title(documents, claims, parties);
  return out;
}

}  // namespace

CrossCheck cross_check(const std::vector<DocumentResult>& documents, const Lexicon& lexicon, unsigned threads) {
  const Tunables t = load_tunables(lexicon);
  const Parties parties(documents);
  std::vector<StoryDoc> story_docs(documents.size());
  parallel_for(documents.size(), threads, [&](std::size_t d) { story_docs[d] = story_doc(documents[d], t); });
  auto groups = group_stories(story_docs, parties, t, threads);
  std::vector<StoryDoc>().swap(story_docs);
  // Stories are independent once grouped: their claims are built in
  // parallel, numbered in story order, then compared in parallel, so the
  // output is the same for any thread count.
  std::vector<std::vector<ClaimGroup>> claims(groups.size());
  parallel_for(groups.size(), threads, [&](std::size_t s) { claims[s] = group_claims(documents, groups[s], parties, t); });
  std::vector<std::size_t> first(groups.size() + 1, 0);
  for (std::size_t s = 0; s < groups.size(); ++s) first[s + 1] = first[s] + claims[s].size();
  std::vector<StoryCheck> checks(groups.size());
  parallel_for(groups.size(), threads, [&](std::size_t s) {
    checks[s] = check_story(documents, groups[s], s, first[s], claims[s], parties, t);
    std::vector<ClaimGroup>().swap(claims[s]);  // only the check is kept
  });
  CrossCheck out;
  out.claims.reserve(first.back());
  for (auto& c : checks) {
    out.stories.push_back(std::move(c.story));
    std::move(c.claims.begin(), c.claims.end(), std::back_inserter(out.claims));
    std::move(c.conflicts.begin(), c.conflicts.end(), std::back_inserter(out.conflicts));
    c = StoryCheck{};
  }
  return out;
}

}  // namespace dealscan

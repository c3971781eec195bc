#include "extract/claim_story.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace dealscan::claims {
namespace {

bool pays(Kind k) { return k == Kind::Investment || k == Kind::Contract || k == Kind::Spending || k == Kind::Stake; }

// Contract and spending are two readings of the same purchase of services.
bool compatible(Kind a, Kind b) {
  auto service = [](Kind k) { return k == Kind::Contract || k == Kind::Spending; };
  return a == b || (service(a) && service(b));
}

bool several(const Figure& f) { return f.party_rule.find("several") != std::string::npos; }

void set(Figure& f, std::optional<std::string> subject, std::optional<std::string> counterparty, const char* rule) {
  f.subject = std::move(subject);
  f.counterparty = std::move(counterparty);
  f.party_rule += std::string(f.party_rule.empty() ? "" : ",") + rule;
}

}  // namespace

std::optional<StoryPair> main_pair(const std::vector<Figure>& figures,
                                   const std::vector<std::pair<std::string, int>>& org_mentions,
                                   const std::unordered_set<std::string>& persons) {
  // Candidates: payments between organisations, named as such (not one of
  // several payers standing for all, not a person announcing).
  auto org = [&](const std::optional<std::string>& id) { return !id || !persons.count(*id); };
  std::vector<std::size_t> payments;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (pays(f.kind) && (f.subject || f.counterparty) && org(f.subject) && org(f.counterparty) &&
        f.party_rule.find("each") == std::string::npos && f.party_rule.find("story") == std::string::npos &&
        !several(f))
      payments.push_back(i);
  }
  std::optional<StoryPair> best;
  double best_score = 0;
  std::size_t sentences = 0;
  for (const auto& f : figures) sentences = std::max(sentences, f.sentence + 1);
  std::vector<double> support(sentences);  // per sentence; sums of halves are exact in any order
  for (auto i : payments) {
    const auto& cand = figures[i];
    // Support counts sentences, not figures: one sentence with two amounts is one statement.
    std::fill(support.begin(), support.end(), 0.0);
    for (auto j : payments) {
      const auto& f = figures[j];
      bool s = f.subject == cand.subject, c = f.counterparty == cand.counterparty;
      double w = s && c ? 1 : (s && f.subject && !f.counterparty) || (c && f.counterparty && !f.subject) ? 0.5 : 0;
      support[f.sentence] = std::max(support[f.sentence], w);
    }
    // The deal's amount said again with nobody named ("L'investimento di N
    // arriverà per gradi") is the article dwelling on that deal.
    for (const auto& f : figures) {
      bool same_amount = f.money.currency == cand.money.currency &&
                         std::abs(f.money.value - cand.money.value) <= 0.01 * cand.money.value;
      if (pays(f.kind) && !f.subject && !f.counterparty && same_amount && f.sentence != cand.sentence)
        support[f.sentence] = std::max(support[f.sentence], 0.5);
    }
    double score = 0;
    for (double w : support) score += w;
    if (!best || score > best_score) best = StoryPair{cand.subject, cand.counterparty, cand.kind}, best_score = score;
  }
  if (!best) return best;
  // The recipient nobody names: the organisation the document talks about
  // most. A payer is never guessed that way: who pays must be said.
  auto& missing = best->subject ? best->counterparty : best->subject;
  const auto& known = best->subject ? best->subject : best->counterparty;
  best->guessed_subject = !best->subject;
  if (!missing) {
    int top = 0;
    for (const auto& [id, n] : org_mentions)
      if (id != *known && n > top) missing = id, top = n;
  }
  return best;
}

bool same_family(const ParentOf& parents, const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto pa = parents.find(a), pb = parents.find(b);
  if (pa != parents.end() && pa->second == b) return true;
  if (pb != parents.end() && pb->second == a) return true;
  return pa != parents.end() && pb != parents.end() && pa->second == pb->second;
}

void apply_story(std::vector<Figure>& figures, const StoryPair& story, std::span<const SentenceFlags> sentences,
                 const ParentOf& parents) {
  auto is = [&](const std::optional<std::string>& id, const std::optional<std::string>& want) {
    return id && want && same_family(parents, *id, *want);
  };
  bool agreement = story.kind == Kind::Contract || story.kind == Kind::Spending;
  for (auto& f : figures) {
    bool bare = f.sentence < sentences.size() && !sentences[f.sentence].has_party;
    // A payer guessed from mention counts is trusted only where the sentence names
    // it ("Alfa cresce; il colosso investirà N in Beta"), or for an agreement,
    // whose other side is the document's main company.
    bool named = false;
    if (story.subject && f.sentence < sentences.size())
      for (const auto& id : sentences[f.sentence].named) named = named || same_family(parents, id, *story.subject);
    auto payer = !story.guessed_subject || agreement || named ? story.subject : std::nullopt;
    if (f.kind_rule == "default" && bare && sentences[f.sentence].pay_verb) {
      // "I primi 10 miliardi verranno versati a gennaio": money paid, nobody
      // named, no other kind said: the story's deal again.
      f.kind = story.kind;
      f.kind_rule = "story";
      set(f, payer, story.counterparty, "story:both");
      continue;
    }
    bool names_recipient = false;
    if (story.counterparty && f.sentence < sentences.size())
      for (const auto& id : sentences[f.sentence].named)
        names_recipient = names_recipient || same_family(parents, id, *story.counterparty);
    if (f.kind == Kind::Fundraising) {
      // A round in a story about money going into a company is that company's
      // round, when nobody else is named or the sentence names that company
      // ("i partner di Beta: al round hanno partecipato A, B e C").
      if (!f.counterparty && (bare || names_recipient)) set(f, f.subject, story.counterparty, "story:raiser");
      continue;
    }
    if (pays(f.kind) && is(f.subject, story.subject) && !f.counterparty && f.sentence < sentences.size() &&
        sentences[f.sentence].target_head) {
      // "Alfa metterà nella società N": the company is the story's recipient, whatever the kind said.
      set(f, f.subject, story.counterparty, "story:head-target");
      continue;
    }
    if (!pays(f.kind) || !compatible(f.kind, story.kind)) continue;
    bool carried = f.party_rule.rfind("carried", 0) == 0;
    if ((!f.subject && !f.counterparty && !several(f)) || (carried && is(f.subject, story.counterparty))) {
      // Nothing named, or a subject carried over that is the story's recipient.
      set(f, payer, story.counterparty, "story:both");
    } else if (is(f.subject, story.subject) && !f.counterparty) {
      set(f, f.subject, story.counterparty, "story:counterparty");
    } else if (is(f.counterparty, story.counterparty) && !f.subject && !several(f)) {
      set(f, payer, f.counterparty, payer ? "story:subject" : "story:subject(unnamed)");
    } else if (is(f.subject, story.counterparty) && is(f.counterparty, story.subject) &&
               (f.party_rule == "agent:pair" || f.party_rule == "between:pair")) {
      // A pair named without direction ("Alfa e Beta, un accordo") takes the story's.
      set(f, story.subject, story.counterparty, "story:oriented");
    }
  }
}

void revenue_clients(std::vector<Figure>& figures, std::span<const SentenceFlags> sentences,
                     const std::vector<std::pair<std::string, int>>& org_mentions, const ParentOf& parents) {
  for (auto& f : figures) {
    if (f.kind != Kind::Revenue || !f.subject || f.counterparty || f.sentence >= sentences.size() ||
        !sentences[f.sentence].deal_noun)
      continue;
    std::optional<std::string> client;
    int top = 0;
    for (const auto& [id, n] : org_mentions)
      if (!same_family(parents, id, *f.subject) && n > top) client = id, top = n;
    if (client) set(f, f.subject, client, "story:revenue-client");
  }
}

}  // namespace dealscan::claims

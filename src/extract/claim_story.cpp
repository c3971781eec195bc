#include "extract/claim_story.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
  if (!f.party_rule.empty()) f.party_rule += ',';
  f.party_rule += rule;
}

// One side of the story and its parent, looked up once: a figure's party
// is of its family when it is that company, its parent or its subsidiary,
// or shares its parent (same_family with this side fixed).
class Family {
 public:
  Family(const ParentOf& parents, const std::optional<std::string>& id) : parents_(parents), id_(id ? &*id : nullptr) {
    if (!id_ || parents_.empty()) return;
    if (auto p = parents_.find(*id_); p != parents_.end()) parent_ = &p->second;
  }
  bool has(const std::string& other) const {
    if (!id_) return false;
    if (other == *id_) return true;
    if (parents_.empty()) return false;
    if (parent_ && *parent_ == other) return true;
    auto p = parents_.find(other);
    return p != parents_.end() && (p->second == *id_ || (parent_ && p->second == *parent_));
  }
  bool has(const std::optional<std::string>& other) const { return other && has(*other); }
  // Some id of ids is of the family.
  bool any_of(const std::vector<std::string>& ids) const {
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return has(id); });
  }

 private:
  const ParentOf& parents_;
  const std::string* id_;
  const std::string* parent_ = nullptr;
};

// A payment figure's parties as small numbers (-1: unnamed), so the pairwise
// support loop compares integers, not id strings.
struct PaymentParties {
  int subject = -1, counterparty = -1;
};

class PartyNumbers {
 public:
  int of(const std::optional<std::string>& id) {
    if (!id) return -1;
    for (std::size_t k = 0; k < names_.size(); ++k)
      if (*names_[k] == *id) return static_cast<int>(k);
    names_.push_back(&*id);
    return static_cast<int>(names_.size() - 1);
  }

 private:
  std::vector<const std::string*> names_;  // a document's payments name a handful of parties
};

// Half-points of support per sentence for one candidate: the best weight
// each sentence gives it, summed over the sentences touched.
class SentenceSupport {
 public:
  explicit SentenceSupport(std::size_t sentences) : halves_(sentences, 0) {}
  void give(std::size_t sentence, std::uint8_t halves) {
    std::uint8_t& h = halves_[sentence];
    if (h == 0 && halves > 0) touched_.push_back(sentence);
    h = std::max(h, halves);
  }
  // The sum so far, and every sentence back to zero for the next candidate.
  unsigned take_total() {
    unsigned total = 0;
    for (std::size_t s : touched_) total += halves_[s], halves_[s] = 0;
    touched_.clear();
    return total;
  }

 private:
  std::vector<std::uint8_t> halves_;
  std::vector<std::size_t> touched_;
};

}  // namespace

std::optional<StoryPair> main_pair(const std::vector<Figure>& figures,
                                   const std::vector<std::pair<std::string, int>>& org_mentions,
                                   const std::unordered_set<std::string>& persons) {
  // Candidates: payments between organisations, named as such (not one of
  // several payers standing for all, not a person announcing).
  auto org = [&](const std::optional<std::string>& id) { return !id || !persons.count(*id); };
  std::vector<std::size_t> payments;
  std::vector<std::size_t> unnamed;  // payments naming nobody: the deal's amount said again
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (!pays(f.kind)) continue;
    if (!f.subject && !f.counterparty) unnamed.push_back(i);
    else if (org(f.subject) && org(f.counterparty) && f.party_rule.find("each") == std::string::npos &&
             f.party_rule.find("story") == std::string::npos && !several(f))
      payments.push_back(i);
  }
  PartyNumbers numbers;
  std::vector<PaymentParties> parties;
  parties.reserve(payments.size());
  for (auto i : payments) parties.push_back({numbers.of(figures[i].subject), numbers.of(figures[i].counterparty)});
  std::size_t sentences = 0;
  for (const auto& f : figures) sentences = std::max(sentences, f.sentence + 1);
  SentenceSupport support(sentences);  // support counts sentences, not figures: one sentence with two amounts is one statement
  const Figure* best_figure = nullptr;
  unsigned best_score = 0;
  for (std::size_t a = 0; a < payments.size(); ++a) {
    const auto& cand = figures[payments[a]];
    const PaymentParties want = parties[a];
    for (std::size_t b = 0; b < payments.size(); ++b) {
      const PaymentParties got = parties[b];
      bool s = got.subject == want.subject, c = got.counterparty == want.counterparty;
      std::uint8_t halves = s && c ? 2 : (s && got.subject >= 0 && got.counterparty < 0) || (c && got.counterparty >= 0 && got.subject < 0) ? 1 : 0;
      support.give(figures[payments[b]].sentence, halves);
    }
    // The deal's amount said again with nobody named ("L'investimento di N
    // arriverà per gradi") is the article dwelling on that deal.
    for (auto j : unnamed) {
      const auto& f = figures[j];
      bool same_amount = f.money.currency == cand.money.currency &&
                         std::abs(f.money.value - cand.money.value) <= 0.01 * cand.money.value;
      if (same_amount && f.sentence != cand.sentence) support.give(f.sentence, 1);
    }
    unsigned score = support.take_total();
    if (!best_figure || score > best_score) best_figure = &cand, best_score = score;
  }
  std::optional<StoryPair> best;
  if (best_figure) best = StoryPair{best_figure->subject, best_figure->counterparty, best_figure->kind};
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
  if (parents.empty()) return false;  // most documents name no subsidiary
  auto pa = parents.find(a), pb = parents.find(b);
  if (pa != parents.end() && pa->second == b) return true;
  if (pb != parents.end() && pb->second == a) return true;
  return pa != parents.end() && pb != parents.end() && pa->second == pb->second;
}

void apply_story(std::vector<Figure>& figures, const StoryPair& story, std::span<const SentenceFlags> sentences,
                 const ParentOf& parents) {
  const Family payer_family(parents, story.subject), recipient_family(parents, story.counterparty);
  bool agreement = story.kind == Kind::Contract || story.kind == Kind::Spending;
  for (auto& f : figures) {
    bool bare = f.sentence < sentences.size() && !sentences[f.sentence].has_party;
    // A payer guessed from mention counts is trusted only where the sentence names
    // it ("Alfa cresce; il colosso investirà N in Beta"), or for an agreement,
    // whose other side is the document's main company.
    bool named = f.sentence < sentences.size() && payer_family.any_of(sentences[f.sentence].named);
    auto payer = !story.guessed_subject || agreement || named ? story.subject : std::nullopt;
    if (f.kind_rule == "default" && bare && sentences[f.sentence].pay_verb) {
      // "I primi 10 miliardi verranno versati a gennaio": money paid, nobody
      // named, no other kind said: the story's deal again.
      f.kind = story.kind;
      f.kind_rule = "story";
      set(f, payer, story.counterparty, "story:both");
      continue;
    }
    bool names_recipient = f.sentence < sentences.size() && recipient_family.any_of(sentences[f.sentence].named);
    if (f.kind == Kind::Fundraising) {
      // A round in a story about money going into a company is that company's
      // round, when nobody else is named or the sentence names that company
      // ("i partner di Beta: al round hanno partecipato A, B e C").
      if (!f.counterparty && (bare || names_recipient)) set(f, f.subject, story.counterparty, "story:raiser");
      continue;
    }
    if (pays(f.kind) && payer_family.has(f.subject) && !f.counterparty && f.sentence < sentences.size() &&
        sentences[f.sentence].target_head) {
      // "Alfa metterà nella società N": the company is the story's recipient, whatever the kind said.
      set(f, f.subject, story.counterparty, "story:head-target");
      continue;
    }
    if (!pays(f.kind) || !compatible(f.kind, story.kind)) continue;
    bool carried = f.party_rule.rfind("carried", 0) == 0;
    if ((!f.subject && !f.counterparty && !several(f)) || (carried && recipient_family.has(f.subject))) {
      // Nothing named, or a subject carried over that is the story's recipient.
      set(f, payer, story.counterparty, "story:both");
    } else if (payer_family.has(f.subject) && !f.counterparty) {
      set(f, f.subject, story.counterparty, "story:counterparty");
    } else if (recipient_family.has(f.counterparty) && !f.subject && !several(f)) {
      set(f, payer, f.counterparty, payer ? "story:subject" : "story:subject(unnamed)");
    } else if (recipient_family.has(f.subject) && payer_family.has(f.counterparty) &&
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

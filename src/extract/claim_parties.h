// Claims: who pays (subject) and who receives (counterparty), read from
// Italian syntax over the entity mentions of the sentence.
//
//   "Alfa investirà 5 milioni in Beta"          => Alfa -> Beta   (agent, cp:target)
//   "Beta ha ricevuto 5 milioni da Alfa"         => Alfa -> Beta   (source, agent)
//   "Beta ha raccolto 5 milioni da Alfa e Gamma" => null -> Beta   (several investors)
//   "la valutazione di Beta sale a 5 milioni"    => Beta           (owner:of)
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "extract/claim_kind.h"

namespace dealscan::claims {

// Mention indexes of a group, in order. A group is one name or a short
// list ("A, B e C"): up to kInPlace are held in place, so making one costs
// no allocation; a longer list moves to the heap.
class MentionList {
 public:
  MentionList() = default;
  MentionList(std::initializer_list<std::size_t> ks) {
    for (auto k : ks) push_back(k);
  }
  void push_back(std::size_t k) {
    if (n_ < kInPlace) {
      in_place_[n_] = k;
    } else {
      if (n_ == kInPlace) more_.assign(in_place_, in_place_ + kInPlace);
      more_.push_back(k);
    }
    ++n_;
  }
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const std::size_t* begin() const { return n_ <= kInPlace ? in_place_ : more_.data(); }
  const std::size_t* end() const { return begin() + n_; }
  std::size_t operator[](std::size_t i) const { return begin()[i]; }
  std::size_t front() const { return begin()[0]; }

 private:
  static constexpr std::size_t kInPlace = 6;
  std::size_t in_place_[kInPlace] = {};
  std::size_t n_ = 0;
  std::vector<std::size_t> more_;  // all of them, once more than kInPlace
};

// The grammatical subject of a clause: the first party named without a
// preposition before it, with anything coordinated to it ("A e B").
struct Agent {
  MentionList members;  // mention indexes in the view
  bool several() const { return members.size() > 1; }
};

// The agent among mentions in tokens [from, limit).
std::optional<Agent> find_agent(const SentenceView& v, std::size_t limit, std::size_t from = 0);

struct PartyDecision {
  std::optional<std::string> subject;
  std::optional<std::string> counterparty;
  std::string rule;
};

// The agent of an earlier sentence, found only when a decider asks: most
// figures' own sentence names their subject, and finding the carried one
// may mean analysing the sentences before.
class CarriedAgent {
 public:
  using Find = std::optional<std::string> (*)(const void* context);
  CarriedAgent(std::optional<std::string> known) : value_(std::move(known)), done_(true) {}  // NOLINT: implicit, as the optional was
  CarriedAgent(std::nullopt_t) : done_(true) {}                                                 // NOLINT
  CarriedAgent(Find find, const void* context) : find_(find), context_(context) {}
  const std::optional<std::string>& get() const {
    if (!done_) value_ = find_(context_), done_ = true;
    return value_;
  }

 private:
  Find find_ = nullptr;
  const void* context_ = nullptr;
  mutable std::optional<std::string> value_;
  mutable bool done_ = false;
};

// [mb, me): the money's tokens. carried: the agent of an earlier sentence, used when this one names none.
// leaders (optional): maps a person paying for a company deal to their company.
PartyDecision decide_parties(const SentenceView& v, const KindDecision& kind, std::size_t mb, std::size_t me,
                             const CarriedAgent& carried, const LeaderIndex* leaders = nullptr);

}  // namespace dealscan::claims

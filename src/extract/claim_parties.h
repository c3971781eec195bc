// Claims: who pays (subject) and who receives (counterparty), read from
// Italian syntax over the entity mentions of the sentence.
//
//   "Alfa investirà 5 milioni in Beta"          => Alfa -> Beta   (agent, cp:target)
//   "Beta ha ricevuto 5 milioni da Alfa"         => Alfa -> Beta   (source, agent)
//   "Beta ha raccolto 5 milioni da Alfa e Gamma" => null -> Beta   (several investors)
//   "la valutazione di Beta sale a 5 milioni"    => Beta           (owner:of)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/claim_kind.h"

namespace dealscan::claims {

// The grammatical subject of a clause: the first party named without a
// preposition before it, with anything coordinated to it ("A e B").
struct Agent {
  std::vector<std::size_t> members;  // mention indexes in the view
  bool several() const { return members.size() > 1; }
};

// The agent among mentions in tokens [from, limit).
std::optional<Agent> find_agent(const SentenceView& v, std::size_t limit, std::size_t from = 0);

struct PartyDecision {
  std::optional<std::string> subject;
  std::optional<std::string> counterparty;
  std::string rule;
};

// [mb, me): the money's tokens. carried: the agent of an earlier sentence, used when this one names none.
// leaders (optional): maps a person paying for a company deal to their company.
PartyDecision decide_parties(const SentenceView& v, const KindDecision& kind, std::size_t mb, std::size_t me,
                             const std::optional<std::string>& carried, const LeaderIndex* leaders = nullptr);

}  // namespace dealscan::claims

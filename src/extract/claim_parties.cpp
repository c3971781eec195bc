#include "extract/claim_parties.h"

#include <algorithm>
#include <array>
#include <functional>

namespace dealscan::claims {
namespace {

const std::string& id_of(const SentenceView& v, std::size_t k) { return v.mentions[k].mention->entity_id; }

bool in_agent(const SentenceView& v, const std::optional<Agent>& agent, std::size_t k) {
  if (!agent) return false;
  for (auto m : agent->members)
    if (m == k || id_of(v, m) == id_of(v, k)) return true;
  return false;
}

// One entity id for a group of mentions, or nothing when they name several.
std::optional<std::string> single(const SentenceView& v, const std::vector<std::size_t>& group) {
  if (group.empty()) return std::nullopt;
  for (auto k : group)
    if (id_of(v, k) != id_of(v, group.front())) return std::nullopt;
  return id_of(v, group.front());
}

// Parties coordinated with mention k, as one group.
std::vector<std::size_t> party_group(const SentenceView& v, std::size_t k) {
  std::vector<std::size_t> out;
  for (auto m : v.coordinated(k))
    if (v.mentions[m].party()) out.push_back(m);
  return out;
}

// Right after a trigger: "la valutazione di Beta", "acquisire Beta".
bool follows(const SentenceView& v, const TriggerHit* h, std::size_t k, std::size_t slack) {
  if (!h) return false;
  const auto& m = v.mentions[k];
  if (m.tb < h->e) return false;
  for (std::size_t t = h->e; t < m.tb; ++t)
    if (v.role[t].empty()) return false;
  return m.tb - h->e <= slack;
}

// "comprerà Wiz", "rilevare Wiz": a name right after a buying verb is what is bought.
bool object_of_verb(const SentenceView& v, const KindDecision& kd, std::size_t k) {
  if (!kd.hits) return false;
  for (const auto& h : *kd.hits)
    if (h.verb && h.dir == "pay" && follows(v, &h, k, 1)) return true;
  return false;
}

struct Pick {
  std::optional<std::size_t> mention;
  std::string rule;
};

// The first party after token `after` governed by one of roles.
std::optional<std::size_t> first_with_role(const SentenceView& v, std::size_t after,
                                           std::initializer_list<std::string_view> roles) {
  for (std::size_t k = 0; k < v.mentions.size(); ++k) {
    const auto& m = v.mentions[k];
    if (!m.party() || m.parenthetical || m.tb < after) continue;
    if (std::find(roles.begin(), roles.end(), m.role) != roles.end()) return k;
  }
  return std::nullopt;
}

// Who receives a payment made by the agent, best evidence first.
Pick counterparty(const SentenceView& v, const KindDecision& kd, const std::optional<Agent>& agent, std::size_t mb,
                  std::size_t me) {
  std::vector<std::size_t> cands;
  for (std::size_t k = 0; k < v.mentions.size(); ++k)
    if (v.mentions[k].party() && !v.mentions[k].parenthetical && !in_agent(v, agent, k)) cands.push_back(k);
  auto nearest = [&](auto pred) -> std::optional<std::size_t> {
    std::optional<std::size_t> best;
    std::size_t best_d = 0;
    for (auto k : cands) {
      if (!pred(k)) continue;
      std::size_t d = v.mentions[k].tb >= me ? v.mentions[k].tb - me : mb - std::min(mb, v.mentions[k].te) + 1;
      if (!best || d < best_d) best = k, best_d = d;
    }
    return best;
  };
  auto role_is = [&](std::string_view r) { return [&v, r](std::size_t k) { return v.mentions[k].role == r; }; };
  const TriggerHit* trig = kd.trigger;
  const TriggerHit* verb = kd.dir_verb ? kd.dir_verb : (trig && trig->verb ? trig : nullptr);
  const std::array<std::pair<const char*, std::function<bool(std::size_t)>>, 6> tiers = {{
      {"cp:object", [&](std::size_t k) { return v.mentions[k].role.empty() && object_of_verb(v, kd, k); }},
      {"cp:target", role_is("target")},
      {"cp:partner", [&](std::size_t k) { return v.mentions[k].role == "partner" || v.mentions[k].role == "between"; }},
      {"cp:for", role_is("for")},

      {"cp:source", [&](std::size_t k) { return v.mentions[k].role == "source" && kd.kind != Kind::Investment; }},
      {"cp:of", [&](std::size_t k) { return v.mentions[k].role == "of" && follows(v, trig, k, 2); }},
  }};
  for (const auto& [name, pred] : tiers)
    if (auto k = nearest(pred)) return {k, name};
  if (cands.size() == 1) return {cands.front(), "cp:only-other"};
  return {std::nullopt, "cp:none"};
}

// A mention pick as an id: null when it is part of a list of several.
std::optional<std::string> resolve(const SentenceView& v, const Pick& p, std::string& rule) {
  if (!p.mention) return std::nullopt;
  auto group = party_group(v, *p.mention);
  auto id = single(v, group);
  if (!id) rule += "(several)";
  return id;
}

std::optional<std::string> agent_id(const SentenceView& v, const std::optional<Agent>& agent,
                                    const std::optional<std::string>& carried, std::string& rule) {
  if (!agent) {
    rule = carried ? "carried" : "none";
    return carried;
  }
  auto id = single(v, agent->members);
  rule = id ? "agent" : "agent(several)";
  return id;
}

bool after_comma(const SentenceView& v, std::size_t t) {
  while (t > 0 && v.role[t - 1] == "article") --t;
  return t > 0 && v.is_punct(t - 1, ",");
}

}  // namespace

std::optional<Agent> find_agent(const SentenceView& v, std::size_t limit, std::size_t from) {
  for (std::size_t k = 0; k < v.mentions.size(); ++k) {
    const auto& m = v.mentions[k];
    if (m.tb < from) continue;
    if (m.te > limit) break;
    if (!m.party() || m.parenthetical || !m.role.empty()) continue;
    if (from > 0 && !after_comma(v, m.tb)) continue;  // after a fronted clause only
    return Agent{party_group(v, k)};
  }
  return std::nullopt;
}

PartyDecision decide_parties(const SentenceView& v, const KindDecision& kd, std::size_t mb, std::size_t me,
                             const std::optional<std::string>& carried) {
  PartyDecision d;
  const TriggerHit* verb = kd.dir_verb ? kd.dir_verb : (kd.trigger && kd.trigger->verb ? kd.trigger : nullptr);
  std::size_t limit = verb ? std::min(verb->b, mb) : mb;
  auto agent = find_agent(v, limit);
  // "Dopo aver chiuso un round da N, Beta ha ...": the subject follows a fronted clause.
  if (!agent && kd.dir != "owner") agent = find_agent(v, v.tokens.size(), me);
  std::string agent_rule;
  auto agent_entity = agent_id(v, agent, carried, agent_rule);
  std::size_t after = verb ? verb->e : std::min(mb, kd.trigger ? kd.trigger->e : mb);

  if (kd.dir == "owner") {
    // "la valutazione di Beta", else whoever the clause is about.
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      if (v.mentions[k].party() && v.mentions[k].role == "of" && follows(v, kd.trigger, k, 2)) {
        d.subject = id_of(v, k);
        d.rule = "owner:of";
        return d;
      }
    }
    d.subject = agent_entity;
    d.rule = "owner:" + agent_rule;
    // Company measures (revenue, valuation, loss) belong to an organisation,
    // not to the manager quoted about them.
    bool company_measure = kd.kind != Kind::Other;
    bool person_agent = agent && !agent->several() && v.mentions[agent->members[0]].entity->type == EntityType::Person;
    if (!agent || (company_measure && person_agent)) {
      // The only party in the sentence: "fruttare ad Alfa ricavi per N".
      d.subject.reset();
      std::optional<std::size_t> only;
      for (std::size_t k = 0; k < v.mentions.size(); ++k)
        if (v.mentions[k].party() && !v.mentions[k].parenthetical &&
            (!company_measure || v.mentions[k].entity->type == EntityType::Org))
          only = !only ? k : (*only < v.mentions.size() && id_of(v, *only) == id_of(v, k) ? *only : v.mentions.size());
      if (only && *only < v.mentions.size()) d.subject = id_of(v, *only), d.rule = "owner:only-party";
    }
    return d;
  }
  if (kd.dir == "receive" || kd.dir == "sell") {
    // "Beta ha ricevuto N da Alfa": the payer is after "da"; "Beta vende ad Alfa": after "a".
    bool receive = kd.dir == "receive";
    Pick p{first_with_role(v, after, receive ? std::initializer_list<std::string_view>{"source"}
                                             : std::initializer_list<std::string_view>{"target"}),
           receive ? "payer:source" : "payer:target"};
    d.rule = p.rule;
    d.subject = resolve(v, p, d.rule);
    if (d.subject && agent_entity == d.subject) d.subject.reset();
    d.counterparty = agent_entity;
    d.rule += "," + agent_rule;
    return d;
  }
  if (kd.kind == Kind::Contract && agent && agent->members.size() == 2 && !agent_entity) {
    // "Alfa e Beta firmano un accordo da N": the two sides of the contract, in the order named.
    d.subject = id_of(v, agent->members[0]);
    d.counterparty = id_of(v, agent->members[1]);
    d.rule = "agent:pair";
    return d;
  }
  d.subject = agent_entity;
  if (!agent) {
    // No plain subject: the passive agent ("siglato da Alfa") or the owner
    // of the trigger noun ("l'investimento di Alfa in Beta").
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      const auto& m = v.mentions[k];
      if (!m.party() || m.parenthetical) continue;
      bool passive = m.role == "source" && m.tb > 0 && v.role[m.tb - 1] == "source" &&
                     v.tokens[m.tb - 1].lower == "da" && kd.trigger && m.tb > kd.trigger->b;
      bool owner = m.role == "of" && follows(v, kd.trigger, k, 2);
      if (passive || owner) {
        agent = Agent{party_group(v, k)};
        agent_entity = agent_id(v, agent, carried, agent_rule);
        agent_rule = passive ? "agent:passive" : "agent:of";
        d.subject = agent_entity;
        break;
      }
    }
  }
  Pick p = counterparty(v, kd, agent, mb, me);
  std::string cp_rule = p.rule;
  d.counterparty = resolve(v, p, cp_rule);
  if (d.counterparty && d.counterparty == d.subject) d.counterparty.reset();
  d.rule = agent_rule + "," + cp_rule;
  return d;
}

}  // namespace dealscan::claims

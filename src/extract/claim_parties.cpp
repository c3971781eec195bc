#include "extract/claim_parties.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace dealscan::claims {
namespace {

const std::string& id_of(const SentenceView& v, std::size_t k) { return v.mentions[k].id(); }

bool in_agent(const SentenceView& v, const std::optional<Agent>& agent, std::size_t k) {
  if (!agent) return false;
  for (auto m : agent->members)
    if (m == k || id_of(v, m) == id_of(v, k)) return true;
  return false;
}

// One entity id for a group of mentions, or nothing when they name several.
std::optional<std::string> single(const SentenceView& v, const MentionList& group) {
  if (group.empty()) return std::nullopt;
  for (auto k : group)
    if (id_of(v, k) != id_of(v, group.front())) return std::nullopt;
  return id_of(v, group.front());
}

// Parties coordinated with mention k, as one group.
MentionList party_group(const SentenceView& v, std::size_t k) {
  MentionList out;
  for (auto m : v.coordinated(k))
    if (v.mentions[m].party()) out.push_back(m);
  return out;
}

// Right after a trigger: "la valutazione di Beta", "acquisire Beta",
// "la ricchezza del fondatore Larry Ellison". Only function words between;
// articles, job titles and the prepositions they take do not count towards slack.
bool follows(const SentenceView& v, const TriggerHit* h, std::size_t k, std::size_t slack) {
  if (!h) return false;
  const auto& m = v.mentions[k];
  if (m.tb < h->e) return false;
  std::size_t counted = 0;
  for (std::size_t t = h->e; t < m.tb; ++t) {
    auto r = v.role[t];
    if (r.empty()) return false;
    if (r != "article" && r != "title" && r != "coord") ++counted;
  }
  return counted <= slack;
}

// "suo/sua/loro" inside the trigger's noun phrase: "la sua valutazione",
// "un suo investimento", "i ricavi delle sue GPU".
std::optional<std::size_t> possessive_near(const SentenceView& v, const TriggerHit* h) {
  if (!h || h->verb) return std::nullopt;
  for (std::size_t t = h->b >= 2 ? h->b - 2 : 0; t < h->b; ++t)
    if (v.role[t] == "possessive") return t;
  for (std::size_t t = h->e; t < std::min(v.tokens.size(), h->e + 3); ++t) {
    if (v.role[t] == "possessive") return t;
    if (v.role[t] != "of" && v.role[t] != "article") break;
  }
  return std::nullopt;
}

// The owner a possessive points back to: the nearest party named before it,
// of the preferred type when there is one (a person's wealth, a company's revenue).
std::optional<std::size_t> possessive_owner(const SentenceView& v, std::size_t pos, std::optional<EntityType> prefer) {
  std::optional<std::size_t> any, typed;
  for (std::size_t k = 0; k < v.mentions.size() && v.mentions[k].te <= pos; ++k) {
    const auto& m = v.mentions[k];
    if (!m.party() || m.parenthetical) continue;
    any = k;
    if (prefer && m.entity->type == *prefer) typed = k;
  }
  return typed ? typed : any;
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
    if (!m.party() || m.parenthetical || m.tb < after || !v.same_clause(after, m.tb)) continue;
    if (std::find(roles.begin(), roles.end(), m.role) != roles.end()) return k;
  }
  return std::nullopt;
}

// Who receives a payment made by the agent, best evidence first.
Pick counterparty(const SentenceView& v, const KindDecision& kd, const std::optional<Agent>& agent, std::size_t mb,
                  std::size_t me, std::size_t lo, bool copayer) {
  // Only parties of the amount's own clause: a name across ':' or ';' belongs to another statement.
  MentionList cands;
  for (std::size_t k = 0; k < v.mentions.size(); ++k)
    if (v.mentions[k].party() && !v.mentions[k].parenthetical && !in_agent(v, agent, k) &&
        v.mentions[k].role != "together" && v.mentions[k].tb >= lo &&
        v.same_clause(v.mentions[k].tb, mb))
      cands.push_back(k);
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
  const TriggerHit* trig = kd.trigger;
  // The tiers in order as one switch: six std::function objects per call
  // were six allocations per figure.
  static constexpr const char* kTiers[] = {"cp:object", "cp:target", "cp:partner", "cp:for", "cp:source", "cp:of"};
  auto in_tier = [&](std::size_t tier, std::size_t k) {
    const std::string_view role = v.mentions[k].role;
    switch (tier) {
      case 0: return role.empty() && object_of_verb(v, kd, k);
      case 1: return role == "target";
      case 2: return role == "partner" || role == "between";
      case 3: return role == "for";
      case 4: return role == "source" && kd.kind != Kind::Investment;
      default: return role == "of" && follows(v, trig, k, 2);
    }
  };
  for (std::size_t tier = 0; tier < std::size(kTiers); ++tier)
    if (auto k = nearest([&](std::size_t m) { return in_tier(tier, m); })) return {k, kTiers[tier]};
  // The only other name is a guess; not when co-payers are listed (it is likely one of them).
  if (cands.size() == 1 && !copayer) return {cands.front(), "cp:only-other"};
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

// carried (null: none) is asked only when there is no agent.
std::optional<std::string> agent_id(const SentenceView& v, const std::optional<Agent>& agent,
                                    const CarriedAgent* carried, std::string& rule) {
  if (!agent) {
    std::optional<std::string> id = carried ? carried->get() : std::nullopt;
    rule = id ? "carried" : "none";
    return id;
  }
  auto id = single(v, agent->members);
  rule = id ? "agent" : "agent(several)";
  return id;
}

// A person who pays for a company deal speaks for their company: "Mario Rossi,
// CEO di Alfa, investirà" or a company of theirs named in the same sentence.
std::optional<std::string> company_of_person(const SentenceView& v, std::size_t k, const LeaderIndex* leaders) {
  const auto& p = v.mentions[k];
  if (k + 1 < v.mentions.size() && v.is_punct(p.te, ",")) {
    const auto& next = v.mentions[k + 1];
    bool apposition = next.role == "of" && next.entity && next.entity->type == EntityType::Org;
    for (std::size_t t = p.te + 1; apposition && t < next.tb; ++t)
      apposition = v.role[t] == "title" || v.role[t] == "of" || v.role[t] == "article";
    if (apposition && next.tb > p.te + 1) return next.id();
  }
  if (!leaders) return std::nullopt;
  auto it = leaders->find(p.id());
  if (it == leaders->end()) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& m : v.mentions)
    if (std::find(it->second.begin(), it->second.end(), m.id()) != it->second.end()) {
      if (found && *found != m.id()) return std::nullopt;
      found = m.id();
    }
  return found;
}

bool company_deal(Kind k) {
  return k == Kind::Investment || k == Kind::Contract || k == Kind::Spending || k == Kind::Stake;
}

bool after_comma(const SentenceView& v, std::size_t t) {
  while (t > 0 && v.role[t - 1] == "article") --t;
  return t > 0 && v.is_punct(t - 1, ",");
}

// "A, B e C, che investiranno N", "un progetto (AI) che mette sul piatto N":
// a verb right after a relative "che" (a comma, bracket or name before it)
// has the name before as its subject, or nobody named when a common noun
// stands there. Empty when the verb is not in a relative clause; "ha
// annunciato che investirà" is a complement clause and keeps its subject.
std::optional<std::optional<Agent>> relative_agent(const SentenceView& v, std::size_t verb_b) {
  std::size_t t = verb_b;
  for (int adverbs = 0; t > 0 && adverbs <= 2; ++adverbs) {
    if (v.role[t - 1] == "relative") break;
    if (!v.role[t - 1].empty() || v.mention_at(t - 1) >= 0 || v.is_punct(t - 1, ",;:.()[]\"«»“”")) return std::nullopt;
    --t;
  }
  if (t == 0 || v.role[t - 1] != "relative") return std::nullopt;
  std::size_t rel = t - 1;
  while (rel > 0 && v.role[rel - 1] == "relative") --rel;  // "il quale"
  if (rel == 0) return std::nullopt;
  std::size_t a = rel;
  bool marked = false;  // a comma or bracket before "che": a relative, not "dice che"
  while (a > 0 && v.is_punct(a - 1, ",\"«»“”")) --a, marked = true;
  if (a > 0 && v.is_punct(a - 1, ")]")) {
    marked = true;
    int depth = 0;
    while (a > 0) {
      --a;
      if (v.is_punct(a, ")]")) ++depth;
      if (v.is_punct(a, "([") && --depth == 0) break;
    }
  }
  int m = a > 0 ? v.mention_at(a - 1) : -1;
  if (m >= 0 && v.mentions[static_cast<std::size_t>(m)].parenthetical) m = -1;
  if (m < 0) return marked ? std::optional<std::optional<Agent>>{std::optional<Agent>{}} : std::nullopt;
  auto k = static_cast<std::size_t>(m);
  if (!v.mentions[k].party()) return std::optional<Agent>{};
  MentionList group;
  for (auto g : v.coordinated(k))
    if (v.mentions[g].party()) group.push_back(g);
  return std::optional<Agent>{Agent{group}};
}

// "Alfa, insieme a Beta, investirà N": a co-payer in the amount's clause.
bool has_copayer(const SentenceView& v, std::size_t mb) {
  for (const auto& m : v.mentions)
    if (m.party() && m.role == "together" && v.same_clause(m.tb, mb)) return true;
  return false;
}

}  // namespace

std::optional<Agent> find_agent(const SentenceView& v, std::size_t limit, std::size_t from) {
  // The subject is in the clause of the verb: "Alfa cresce: la società investirà" has none.
  std::size_t clause = from == 0 ? v.clause_start(limit) : from;
  // "Rossi ha annunciato che Alfa investirà": after a complement "che" (no
  // comma or name before it, unlike a relative) the verb has its own subject.
  // Only the tokens given a relative role can be one (v.relatives).
  const std::size_t first = clause + 1;
  for (std::size_t t : v.relatives) {
    if (from != 0 || t >= limit || t >= v.tokens.size()) break;
    if (t < first) continue;
    if (v.role[t] == "relative" && v.role[t - 1] != "relative" && !v.is_punct(t - 1, ",()\"«»“”") &&
        v.mention_at(t - 1) < 0 && v.mention_at(t + 1) >= 0)
      clause = t + 1;
  }
  for (std::size_t k = 0; k < v.mentions.size(); ++k) {
    const auto& m = v.mentions[k];
    if (m.tb < clause) continue;
    if (from > 0 && !v.same_clause(from, m.tb)) break;
    if (m.te > limit) break;
    if (!m.party() || m.parenthetical || !m.role.empty()) continue;
    if (from > 0 && !after_comma(v, m.tb)) continue;  // after a fronted clause only
    auto group = party_group(v, k);
    if (!v.mentions[group.front()].role.empty()) continue;  // "tra A e B": B shares A's preposition
    return Agent{std::move(group)};
  }
  return std::nullopt;
}

PartyDecision decide_parties(const SentenceView& v, const KindDecision& kd, std::size_t mb, std::size_t me,
                             const CarriedAgent& carried, const LeaderIndex* leaders) {
  PartyDecision d;
  const TriggerHit* verb = kd.dir_verb ? kd.dir_verb : (kd.trigger && kd.trigger->verb ? kd.trigger : nullptr);
  std::size_t limit = verb ? std::min(verb->b, mb) : mb;
  auto relative = verb && kd.dir != "owner" ? relative_agent(v, verb->b) : std::nullopt;
  auto agent = relative ? *relative : find_agent(v, limit);
  std::string colon_rule;
  if (!agent && !relative && kd.dir == "pay") {
    // "Alfa comprerà servizi da Beta: un impegno da N", "Alfa ha un'intesa con
    // Beta: investirà N": a clause after a colon with no subject of its own
    // keeps the subject of the clause before it (Italian drops it).
    std::size_t cs = v.clause_start(mb);
    if (cs > 0 && v.is_punct(cs - 1, ":") && (agent = find_agent(v, cs - 1))) colon_rule = "agent:before-colon";
    // "Mario Rossi annuncia Alfa: investirà N": a person announcing before the
    // colon does not pay for what the company does after it.
    if (agent && !agent->several() && company_deal(kd.kind) &&
        v.mentions[agent->members[0]].entity->type == EntityType::Person) {
      agent.reset();
      colon_rule.clear();
    }
  }
  // "Dopo aver chiuso un round da N, Beta ha ...": the subject follows a fronted clause.
  if (!agent && !relative && kd.dir != "owner") agent = find_agent(v, v.tokens.size(), me);
  std::string agent_rule;
  auto agent_entity = agent_id(v, agent, relative ? nullptr : &carried, agent_rule);
  if (!colon_rule.empty() && agent_entity) agent_rule = colon_rule;
  if (relative) agent_rule = agent ? (agent_entity ? "agent:relative" : "agent:relative(several)") : "relative:none";
  bool copayer = has_copayer(v, mb);
  if (copayer && agent_entity) {
    agent_entity.reset();
    agent_rule += "(several:together)";
  }
  std::size_t after = verb ? verb->e : std::min(mb, kd.trigger ? kd.trigger->e : mb);

  if (kd.dir == "owner") {
    // "relegando Rossi, con circa N, al secondo posto": the name right before
    // ", con N" is what the amount describes.
    std::size_t at = mb;
    while (at > 0 && v.role[at - 1] == "link") --at;  // "con circa N"
    if (at >= 3 && v.role[at - 1] == "partner" && v.is_punct(at - 2, ",")) {
      int k = v.mention_at(at - 3);
      if (k >= 0 && v.mentions[static_cast<std::size_t>(k)].party() && v.mentions[static_cast<std::size_t>(k)].te == at - 2) {
        d.subject = id_of(v, static_cast<std::size_t>(k));
        d.rule = "owner:con-apposition";
        return d;
      }
    }
    // "la valutazione di Beta", else whoever the clause is about.
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      if (v.mentions[k].party() && v.mentions[k].role == "of" && follows(v, kd.trigger, k, 2)) {
        d.subject = id_of(v, k);
        d.rule = "owner:of";
        // "la ricchezza del presidente di Alfa, Mario Rossi": the apposition names the owner.
        if (kd.kind == Kind::Other && k + 1 < v.mentions.size() && v.mentions[k + 1].tb == v.mentions[k].te + 1 &&
            v.is_punct(v.mentions[k].te, ",") && v.mentions[k + 1].entity &&
            v.mentions[k + 1].entity->type == EntityType::Person) {
          d.subject = id_of(v, k + 1);
          d.rule = "owner:apposition";
        }
        return d;
      }
    }
    // "la sua valutazione": the party named before the possessive, else the carried subject.
    if (auto pos = possessive_near(v, kd.trigger)) {
      auto prefer = kd.kind == Kind::Other ? EntityType::Person : EntityType::Org;
      if (auto k = possessive_owner(v, *pos, prefer)) {
        d.subject = id_of(v, *k);
        d.rule = "owner:possessive";
      } else {
        d.subject = carried.get();
        d.rule = "owner:possessive-carried";
      }
      return d;
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
  if (agent && agent->several() && me < v.tokens.size() && v.role[me] == "each") {
    // "Alfa e Beta mettono N ciascuna": each pays; the first named stands for them.
    d.subject = id_of(v, agent->members.front());
    agent_rule = "agent:each-first";
  }
  if (!agent && !relative && (kd.kind == Kind::Contract || kd.kind == Kind::Spending)) {
    // "Tra Alfa e Beta è stato firmato un contratto da N": the two sides in the order named.
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      if (v.mentions[k].role != "between" || !v.mentions[k].party()) continue;
      auto group = party_group(v, k);
      if (group.size() == 2 && id_of(v, group[0]) != id_of(v, group[1])) {
        d.subject = id_of(v, group[0]);
        d.counterparty = id_of(v, group[1]);
        d.rule = "between:pair";
        return d;
      }
      break;
    }
  }
  if (!agent && !relative) {
    // "un suo investimento da N in Beta": the party named before the possessive.
    if (auto pos = possessive_near(v, kd.trigger)) {
      if (auto k = possessive_owner(v, *pos, EntityType::Org)) {
        agent = Agent{{*k}};
        agent_entity = id_of(v, *k);
        agent_rule = "agent:possessive";
        d.subject = agent_entity;
      }
    }
  }
  if (!agent && !relative) {
    // No plain subject: the passive agent ("siglato da Alfa") or the owner
    // of a trigger noun of the same kind ("l'investimento di Alfa in Beta").
    auto owns_trigger = [&](std::size_t k) {
      if (follows(v, kd.trigger, k, 2)) return true;
      if (!kd.hits) return false;
      for (const auto& h : *kd.hits)
        if (!h.verb && h.kind == kd.kind && follows(v, &h, k, 1)) return true;
      return false;
    };
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      const auto& m = v.mentions[k];
      if (!m.party() || m.parenthetical) continue;
      bool passive = m.role == "source" && m.tb > 0 && v.role[m.tb - 1] == "source" &&
                     v.tokens[m.tb - 1].lower == "da" && kd.trigger && m.tb > kd.trigger->b;
      bool owner = m.role == "of" && owns_trigger(k);
      if (passive || owner) {
        agent = Agent{party_group(v, k)};
        agent_entity = agent_id(v, agent, &carried, agent_rule);
        agent_rule = passive ? "agent:passive" : "agent:of";
        if (copayer) agent_entity.reset(), agent_rule += "(several:together)";
        d.subject = agent_entity;
        break;
      }
    }
  }
  if (agent && !copayer && !agent->several() && company_deal(kd.kind) && v.mentions[agent->members[0]].entity &&
      v.mentions[agent->members[0]].entity->type == EntityType::Person) {
    if (auto company = company_of_person(v, agent->members[0], leaders)) {
      d.subject = company;
      agent_rule += "(company)";
    }
  }
  // A relative clause's counterparty is inside it: "Alfa ha presentato un progetto che investirà N".
  Pick p = counterparty(v, kd, agent, mb, me, relative ? verb->b : 0, copayer);
  std::string cp_rule = p.rule;
  d.counterparty = resolve(v, p, cp_rule);
  if (d.counterparty && d.counterparty == d.subject) d.counterparty.reset();
  d.rule = joined(agent_rule, ",", cp_rule);
  return d;
}

}  // namespace dealscan::claims

#include "extract/time_grammar.h"

#include "extract/time_cores.h"

namespace dealscan::timegrammar {
namespace {

using namespace timevocab;

struct Preps {
  std::size_t end = 0;
  PrepKind kind = PrepKind::In;
  bool any = false;
  bool closes_range = false;  // "al", "a", "fino al": can end "dal X al Y"
};

// A run of prepositions and articles ("fino al", "entro la", "a partire dal");
// the first kind other than "in" decides what the run means.
Preps preps_at(const Context& c, std::size_t i) {
  Preps p;
  p.end = i;
  for (int n = 0; n < 4; ++n) {
    const Item* it = c.vocab.match(kPrep, c.toks, p.end);
    if (!it) break;
    if (p.kind == PrepKind::In) p.kind = it->kind;
    p.closes_range = p.closes_range || it->to || it->kind == PrepKind::Until;
    p.any = true;
    p.end += it->words.size();
  }
  return p;
}

// Gives an implicit-year month or date the year of the range's other end:
// "tra gennaio e marzo 2026".
void inherit_year(Core& first, const Core& second) {
  if (!first.implicit_year || !second.explicit_year || !first.month) return;
  int y = first.month > second.month && second.month ? second.year - 1 : second.year;
  if (first.day) {
    timecal::Ymd ymd{y, first.month, first.day};
    if (!timecal::valid(ymd)) return;
    Day d = timecal::to_day(ymd);
    first.iv.begin = first.iv.end = d;
  } else {
    first.iv = month_interval(y, first.month);
  }
}

// "tra il 2026 e il 2027", "dal 2023 al 2025": the second end, if present.
std::optional<Match> close_range(const Context& c, std::size_t start, Core first, bool between) {
  std::size_t j = first.end;
  if (between) {
    const Item* a = c.vocab.match(kAnd, c.toks, j);
    if (!a) return std::nullopt;
    j += a->words.size();
  }
  Preps p = preps_at(c, j);
  if (!between && !p.closes_range) return std::nullopt;
  auto second = parse_core(c, p.end, CoreFlags{true, true, false, true});
  if (!second || !first.iv.begin || !second->iv.end) return std::nullopt;
  inherit_year(first, *second);
  if (*second->iv.end < *first.iv.begin) return std::nullopt;
  Interval iv{first.iv.begin, second->iv.end, first.outer_precision};
  return Match{start, second->end, iv, RuleName{between ? "between:" : "from-to:", first.rule, second->rule}};
}

// What a preposition does to the interval of its core.
Interval apply_kind(PrepKind kind, const Core& core) {
  Interval iv = core.iv;
  switch (kind) {
    case PrepKind::From: return Interval{iv.begin, std::nullopt, core.outer_precision};
    case PrepKind::Until: return Interval{std::nullopt, iv.end, core.outer_precision};
    case PrepKind::After:
      return Interval{iv.end ? std::optional<Day>(*iv.end + 1) : std::nullopt, std::nullopt, core.outer_precision};
    case PrepKind::Before:
      return Interval{std::nullopt, iv.begin ? std::optional<Day>(*iv.begin - 1) : std::nullopt,
                      core.outer_precision};
    default: return iv;
  }
}

std::uint8_t flag_bits(CoreFlags f) {
  return static_cast<std::uint8_t>(f.bare_month | f.current_unit << 1 | f.duration << 2 | f.allow_part << 3);
}

// parse_core at `at`, unless it found nothing there last time with every
// rule allowed now allowed then: each flag only lets more rules match, so
// a core missed with more allowed is missed with less.
std::optional<Core> core_unless_missed(const Context& c, std::size_t at, CoreFlags flags) {
  // parse_core's own first refusal, left out of the memo (it would push out
  // the position the preposition run leads to).
  if (at >= c.toks.size() || !(c.vocab.roles_of(c.toks[at]) & kCoreStarts)) return std::nullopt;
  const std::uint8_t bits = flag_bits(flags);
  if (c.miss.at == at && (bits & ~c.miss.flags) == 0) return std::nullopt;
  auto core = parse_core(c, at, flags);
  if (!core) c.miss = CoreMiss{at, bits};
  return core;
}

std::string_view kind_name(PrepKind k) {
  switch (k) {
    case PrepKind::From: return "from:";
    case PrepKind::Until: return "until:";
    case PrepKind::After: return "after:";
    case PrepKind::Before: return "before:";
    case PrepKind::Between: return "between:";
    default: return "";
  }
}

constexpr std::string_view kPartOf = "part-of-";

std::size_t rule_size(CoreRule rule) { return (rule.part_of ? kPartOf.size() : 0) + rule.name.size(); }

void append_rule(std::string& out, CoreRule rule) {
  if (rule.part_of) out += kPartOf;
  out += rule.name;
}

}  // namespace

std::string RuleName::str() const {
  std::string out;
  out.reserve(lead.size() + rule_size(first) + (second.name.empty() ? 0 : 1 + rule_size(second)));
  out += lead;
  append_rule(out, first);
  if (!second.name.empty()) {
    out += '+';
    append_rule(out, second);
  }
  return out;
}

std::optional<Match> parse_at(const Context& c, std::size_t i) {
  if (!core_within_reach(c, i)) return std::nullopt;
  return parse_reached(c, i);
}

std::optional<Match> parse_reached(const Context& c, std::size_t i) {
  Preps p = preps_at(c, i);
  bool open_kind = p.kind == PrepKind::Until || p.kind == PrepKind::Between;
  CoreFlags flags{p.any, p.kind == PrepKind::Until, open_kind, true};
  auto core = core_unless_missed(c, p.end, flags);
  if (!core && p.any) {
    // The run may have swallowed the core's first word ("prima metà del 2026").
    p = Preps{i, PrepKind::In, false, false};
    core = core_unless_missed(c, i, CoreFlags{});
  }
  if (!core) return std::nullopt;
  if (core->duration && !open_kind) return std::nullopt;
  if (p.kind == PrepKind::Between && !core->duration) {
    if (auto range = close_range(c, i, *core, true)) return range;
    p.kind = PrepKind::In;
  }
  if (p.kind == PrepKind::From) {
    if (auto range = close_range(c, i, *core, false)) return range;
  }
  if (core->duration && p.kind == PrepKind::Between) p.kind = PrepKind::In;  // "tra due anni": that time
  return Match{i, core->end, apply_kind(p.kind, *core), RuleName{kind_name(p.kind), core->rule, {}}};
}

}  // namespace dealscan::timegrammar

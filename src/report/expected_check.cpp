// compare_expected: `dealscan check`. Expected figures are matched to
// extracted ones per source by currency and value (0.5% tolerance, anywhere
// in [value, max] for ranges), one to one with a maximum matching; matched
// pairs are then compared attribute by attribute. Expected discrepancies are
// found when one conflict of the same field has values from both sources.
// Conventions follow the evaluation corpus (docs/expected-format.md).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "dealscan/report.h"
#include "report/text_util.h"

namespace dealscan {
namespace {

using Json = nlohmann::json;
constexpr double kTolerance = 0.005;

// "seeds/000_x.txt" => "000_x": expected files name sources by id.
std::string norm_source(std::string s) {
  if (auto slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);
  if (s.size() > 4 && s.compare(s.size() - 4, 4, ".txt") == 0) s.resize(s.size() - 4);
  return s;
}

// Lower case, punctuation folded to single spaces: "The  Wall-Street" => "the wall street".
std::string norm_name(std::string_view s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    bool word = std::isalnum(c) || c >= 0x80;
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string norm_currency(const std::string& c) {
  static const std::map<std::string, std::string, std::less<>> symbols = {
      {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"dollari", "USD"}, {"euro", "EUR"}, {"sterline", "GBP"}};
  if (auto it = symbols.find(c); it != symbols.end()) return it->second;
  std::string up = c;
  for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return up;
}

bool value_ok(double got, double value, std::optional<double> max) {
  double lo = std::min(value, max.value_or(value)), hi = std::max(value, max.value_or(value));
  return got >= lo - std::fabs(lo) * kTolerance && got <= hi + std::fabs(hi) * kTolerance;
}

std::optional<double> opt_number(const Json& f, const char* key) {
  return f.contains(key) && f[key].is_number() ? std::optional<double>(f[key].get<double>()) : std::nullopt;
}
std::optional<std::string> opt_string(const Json& f, const char* key) {
  return f.contains(key) && f[key].is_string() ? std::optional<std::string>(f[key].get<std::string>()) : std::nullopt;
}
// The expected value of key plus its "<alt_key>" alternatives.
std::vector<Json> accepted(const Json& f, const char* key, const char* alt_key) {
  std::vector<Json> out{f.contains(key) ? f[key] : Json()};
  if (f.contains(alt_key) && f[alt_key].is_array())
    for (const auto& a : f[alt_key]) out.push_back(a);
  return out;
}

class Checker {
 public:
  Checker(const Json& expected, const Report& report) : exp_(expected), rep_(report) {
    if (exp_.contains("aliases"))
      for (const auto& [name, list] : exp_["aliases"].items())
        for (const auto& a : list) canon_[norm_name(a.get<std::string>())] = norm_name(name);
    for (const auto& d : rep_.documents) {
      figures_[d.source.id];  // a read source with no figures is still known
      for (const auto& f : d.figures) figures_[norm_source(f.source)].push_back(&f);
      for (const auto& e : d.entities) names_.try_emplace(e.id, e.name);
    }
  }

  CheckResult run() {
    if (exp_.contains("figures"))
      for (const auto& [source, list] : exp_["figures"].items()) check_source(source, list);
    if (exp_.contains("stories"))
      for (const auto& s : exp_["stories"])
        if (s.contains("discrepancies"))
          for (const auto& d : s["discrepancies"]) check_discrepancy(d);
    result_.summary = fmt::format(
        "{}/{} figures matched ({} with differences), {} missing, {} extra; {}/{} expected conflicts found",
        matched_, expected_, attr_diffs_, expected_ - matched_, extra_, conflicts_found_, conflicts_expected_);
    result_.match = result_.differences.empty();
    return result_;
  }

 private:
  std::string canon(std::string_view name) const {
    std::string n = norm_name(name);
    auto it = canon_.find(n);
    return it == canon_.end() ? n : it->second;
  }

  // Whether the extracted entity id is the expected entity (null = unclear,
  // not checked) or one of its alternatives; names compared after aliases.
  bool entity_ok(const std::optional<std::string>& got, const std::vector<Json>& want) const {
    if (want.front().is_null()) return true;
    if (!got) return false;
    auto name = names_.find(*got);
    for (const auto& w : want) {
      if (!w.is_string()) continue;
      std::string c = canon(w.get<std::string>());
      if (c == canon(*got) || (name != names_.end() && c == canon(name->second))) return true;
    }
    return false;
  }

  std::vector<std::string> attribute_differences(const Json& e, const Figure& f) const {
    std::vector<std::string> out;
    auto label = [](const std::vector<Json>& v) {
      return v.front().is_null() ? std::string("null") : v.front().dump();
    };
    auto quals = accepted(e, "qualifier", "qualifier_alt");
    if (!quals.front().is_null() &&
        std::none_of(quals.begin(), quals.end(), [&](const Json& q) { return q == to_string(f.money.qualifier); }))
      out.push_back(fmt::format("qualifier expected {} got \"{}\"", label(quals), to_string(f.money.qualifier)));
    auto periods = accepted(e, "period_years", "period_alt");
    bool period_ok = std::any_of(periods.begin(), periods.end(), [&](const Json& p) {
      if (p.is_null()) return !f.money.period_years;
      return f.money.period_years && std::fabs(*f.money.period_years - p.get<double>()) < 1e-9;
    });
    if (!period_ok)
      out.push_back(fmt::format("period expected {} got {}", label(periods),
                                f.money.period_years ? report_detail::short_number(*f.money.period_years) : "null"));
    auto kinds = accepted(e, "kind", "kind_alt");
    if (!kinds.front().is_null() &&
        std::none_of(kinds.begin(), kinds.end(), [&](const Json& k) { return k == to_string(f.kind); }))
      out.push_back(fmt::format("kind expected {} got \"{}\"", label(kinds), to_string(f.kind)));
    auto subjects = accepted(e, "subject", "subject_alt");
    if (!entity_ok(f.subject, subjects))
      out.push_back(fmt::format("subject expected {} got {}", label(subjects), f.subject.value_or("null")));
    auto parties = accepted(e, "counterparty", "counterparty_alt");
    if (!entity_ok(f.counterparty, parties))
      out.push_back(fmt::format("counterparty expected {} got {}", label(parties), f.counterparty.value_or("null")));
    return out;
  }

  bool same_amount(const Json& e, const Figure& f) const {
    auto cur = opt_string(e, "currency");
    if (cur && norm_currency(*cur) != norm_currency(f.money.currency)) return false;
    return value_ok(f.money.value, e["value"].get<double>(), opt_number(e, "max"));
  }

  // Kuhn's augmenting paths; candidates are tried best-agreeing first.
  bool augment(std::size_t i, const std::vector<std::vector<std::size_t>>& cand, std::vector<int>& owner,
               std::vector<bool>& seen) const {
    for (std::size_t j : cand[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || augment(static_cast<std::size_t>(owner[j]), cand, owner, seen)) {
        owner[j] = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }

  static std::string describe(const Json& e) {
    std::string s = fmt::format("\"{}\" {} {}", e.value("text", std::string()), e["value"].dump(),
                                e.contains("currency") ? e["currency"].dump() : "null");
    for (const char* k : {"qualifier", "period_years", "kind", "subject", "counterparty"})
      if (e.contains(k)) s += fmt::format(" {}={}", k, e[k].dump());
    return s;
  }
  static std::string describe(const Figure& f) {
    return fmt::format("\"{}\" {} {} qualifier={} kind={} subject={} counterparty={}", f.text,
                       report_detail::short_number(f.money.value), f.money.currency, to_string(f.money.qualifier),
                       to_string(f.kind), f.subject.value_or("null"), f.counterparty.value_or("null"));
  }

  void check_source(const std::string& source_key, const Json& list) {
    std::string source = norm_source(source_key);
    expected_ += list.size();
    auto found = figures_.find(source);
    if (found == figures_.end()) {
      result_.differences.push_back(
          fmt::format("{}: source not in the report ({} expected figures)", source, list.size()));
      return;
    }
    const auto& got = found->second;
    std::vector<std::vector<std::size_t>> cand(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = 0; j < got.size(); ++j)
        if (same_amount(list[i], *got[j])) cand[i].push_back(j);
      std::stable_sort(cand[i].begin(), cand[i].end(), [&](std::size_t a, std::size_t b) {
        return attribute_differences(list[i], *got[a]).size() < attribute_differences(list[i], *got[b]).size();
      });
    }
    std::vector<int> owner(got.size(), -1);
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::vector<bool> seen(got.size(), false);
      augment(i, cand, owner, seen);
    }
    std::vector<int> match_of(list.size(), -1);
    for (std::size_t j = 0; j < got.size(); ++j)
      if (owner[j] >= 0) match_of[static_cast<std::size_t>(owner[j])] = static_cast<int>(j);
    report_figures(source, list, got, match_of, owner);
  }

  void report_figures(const std::string& source, const Json& list, const std::vector<const Figure*>& got,
                      const std::vector<int>& match_of, const std::vector<int>& owner) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (match_of[i] < 0) {
        result_.differences.push_back(fmt::format("{}: missing {}", source, describe(list[i])));
        continue;
      }
      ++matched_;
      const Figure& f = *got[static_cast<std::size_t>(match_of[i])];
      auto diffs = attribute_differences(list[i], f);
      if (diffs.empty()) continue;
      ++attr_diffs_;
      std::string line = fmt::format("{}: {} (got \"{}\" {})", source, describe(list[i]), f.text, f.id);
      for (const auto& d : diffs) line += "\n    " + d;
      result_.differences.push_back(line);
    }
    for (std::size_t j = 0; j < got.size(); ++j)
      if (owner[j] < 0 && !optional_covers(source, *got[j])) {
        ++extra_;
        result_.differences.push_back(fmt::format("{}: extra {} ({})", source, describe(*got[j]), got[j]->id));
      }
  }

  // figures_optional: vague amounts an extraction may or may not report.
  bool optional_covers(const std::string& source, const Figure& f) const {
    if (!exp_.contains("figures_optional")) return false;
    for (const auto& [key, list] : exp_["figures_optional"].items())
      if (norm_source(key) == source)
        for (const auto& e : list)
          if (same_amount(e, f)) return true;
    return false;
  }

  void check_discrepancy(const Json& d) {
    ++conflicts_expected_;
    std::string field = d["field"].get<std::string>();
    std::string a = norm_source(d["sources"][0].get<std::string>());
    std::string b = norm_source(d["sources"][1].get<std::string>());
    for (const auto& c : rep_.check.conflicts) {
      if (c.field != field) continue;
      bool has_a = false, has_b = false;
      for (const auto& v : c.values) {
        has_a |= norm_source(v.source) == a;
        has_b |= norm_source(v.source) == b;
      }
      if (has_a && has_b) {
        ++conflicts_found_;
        return;
      }
    }
    result_.differences.push_back(fmt::format("conflict {} between {} and {}: not found", field, a, b));
  }

  const Json& exp_;
  const Report& rep_;
  std::map<std::string, std::string, std::less<>> canon_;  // normalised alias -> normalised canonical
  std::map<std::string, std::vector<const Figure*>, std::less<>> figures_;  // by source id
  std::map<std::string, std::string, std::less<>> names_;   // entity id -> name
  CheckResult result_;
  std::size_t expected_ = 0, matched_ = 0, attr_diffs_ = 0, extra_ = 0;
  std::size_t conflicts_expected_ = 0, conflicts_found_ = 0;
};

}  // namespace

CheckResult compare_expected(const nlohmann::json& expected, const Report& report) {
  if (auto valid = validate_expected(expected); !valid) {
    CheckResult r;
    r.match = false;
    r.differences.push_back(valid.error().message);
    r.summary = "expected file is malformed";
    return r;
  }
  return Checker(expected, report).run();
}

}  // namespace dealscan

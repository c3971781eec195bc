// write_text: the terminal report, meant to be read in ten seconds: a header
// line of counts, then per story a claim table (one column per source), the
// conflicts with their quoted sentences, and the entities named.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "dealscan/report.h"
#include "report/text_util.h"

namespace dealscan {
namespace {

using report_detail::pad_right;
using report_detail::trim_around;
using report_detail::utf8_truncate;
using report_detail::utf8_width;

constexpr std::size_t kKindWidth = 17;  // "first_reported_by"
constexpr std::size_t kPartiesWidth = 30;
constexpr std::size_t kCellWidth = 16;
constexpr std::size_t kQuoteContext = 70;

// Everything a claim row may point to, by id.
struct Index {
  std::map<std::string, const Figure*, std::less<>> figures;
  std::map<std::string, const Fact*, std::less<>> facts;
  std::map<std::string, const Entity*, std::less<>> entities;
  std::map<std::string, const Source*, std::less<>> sources;
};

Index build_index(const Report& r) {
  Index ix;
  for (const auto& d : r.documents) {
    ix.sources[d.source.id] = &d.source;
    for (const auto& f : d.figures) ix.figures[f.id] = &f;
    for (const auto& f : d.facts) ix.facts[f.id] = &f;
    for (const auto& e : d.entities) ix.entities.try_emplace(e.id, &e);
  }
  return ix;
}

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view s, fmt::text_style style) const {
    return color_ ? fmt::format(style, "{}", s) : std::string(s);
  }

 private:
  bool color_;
};

std::string entity_name(const Index& ix, const std::optional<std::string>& id) {
  if (!id) return "?";
  auto it = ix.entities.find(*id);
  return it == ix.entities.end() ? *id : it->second->name;
}

std::string parties(const Index& ix, const Claim& c) {
  if (!c.counterparty) return c.subject ? entity_name(ix, c.subject) : "";
  return (c.subject ? entity_name(ix, c.subject) + " " : "") + "→ " + entity_name(ix, c.counterparty);
}

// "2030", "2030s", "2026-03": a time's end in as few characters as it needs
// ("fino agli anni Trenta" ends 2039-12-31 with decade precision: "2030s").
std::string short_time(const TimeExpr& t) {
  const std::string& d = t.end.empty() ? t.begin : t.end;
  if (t.precision == "decade" && d.size() >= 4) return d.substr(0, 3) + "0s";
  if (t.precision == "year") return d.substr(0, 4);
  if (t.precision == "month") return d.substr(0, 7);
  return d;
}

std::string fact_display(const Index& ix, const Fact& f) {
  if (f.until) return "until " + short_time(*f.until);
  if (f.subject) return entity_name(ix, f.subject);
  return f.kind;
}

// A quoted sentence on one line: surrounding whitespace trimmed, newlines folded.
std::string one_line(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The cell of one source in a claim row: the displays of its items there.
std::string cell(const Index& ix, const Claim& c, const std::string& source) {
  std::string out;
  for (const auto& id : c.figures) {
    std::string shown;
    if (auto f = ix.figures.find(id); f != ix.figures.end() && f->second->source == source)
      shown = display_money(f->second->money);
    else if (auto x = ix.facts.find(id); x != ix.facts.end() && x->second->source == source)
      shown = fact_display(ix, *x->second);
    if (shown.empty() || out.find(shown) != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += shown;
  }
  return out;
}

std::string status_mark(const Painter& paint, Status s) {
  switch (s) {
    case Status::Corroborated: return paint("✓ corroborated", fmt::fg(fmt::terminal_color::green));
    case Status::SingleSource: return paint("· single", fmt::fg(fmt::terminal_color::bright_black));
    case Status::Conflict: return paint("✗ conflict", fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold);
  }
  return "";
}

std::string claim_kind(const Claim& c) { return c.kind ? std::string(to_string(*c.kind)) : c.fact_kind; }

void write_header(std::ostream& out, const Report& r, const Painter& paint) {
  std::size_t figures = 0;
  for (const auto& d : r.documents) figures += d.figures.size();
  std::string line = fmt::format("dealscan: {} sources, {} figures, {} stories, {} conflicts", r.documents.size(),
                                 figures, r.check.stories.size(), r.check.conflicts.size());
  if (!r.skipped.empty()) line += fmt::format(", {} skipped", r.skipped.size());
  out << paint(line, fmt::emphasis::bold) << "\n";
  for (const auto& s : r.skipped) out << "  skipped " << s.path << ": " << s.reason << "\n";
}

void write_legend(std::ostream& out, const Index& ix, const Story& s) {
  for (std::size_t i = 0; i < s.sources.size(); ++i) {
    out << fmt::format("  [{}] {}", i + 1, s.sources[i]);
    auto src = ix.sources.find(s.sources[i]);
    if (src != ix.sources.end() && src->second->date) out << " (" << *src->second->date << ")";
    out << "\n";
  }
}

void write_claim_table(std::ostream& out, const Index& ix, const Report& r, const Story& s, const Painter& paint) {
  std::string head = "  " + pad_right("kind", kKindWidth) + " " + pad_right("parties", kPartiesWidth);
  for (std::size_t i = 0; i < s.sources.size(); ++i) head += " " + pad_right(fmt::format("[{}]", i + 1), kCellWidth);
  out << paint(head + " status", fmt::emphasis::underline) << "\n";
  for (const auto& c : r.check.claims) {
    if (c.story != s.id) continue;
    std::string row = "  " + pad_right(utf8_truncate(claim_kind(c), kKindWidth), kKindWidth) + " " +
                      pad_right(utf8_truncate(parties(ix, c), kPartiesWidth), kPartiesWidth);
    for (const auto& src : s.sources) row += " " + pad_right(utf8_truncate(cell(ix, c, src), kCellWidth), kCellWidth);
    out << row << " " << status_mark(paint, c.status) << "\n";
  }
}

// The sentence behind one side of a conflict, trimmed around the figure.
std::string quoted(const Index& ix, const ConflictValue& v) {
  if (auto f = ix.figures.find(v.item); f != ix.figures.end())
    return trim_around(one_line(f->second->sentence_text), f->second->text, kQuoteContext);
  if (auto x = ix.facts.find(v.item); x != ix.facts.end())
    return trim_around(one_line(x->second->sentence_text), x->second->text, kQuoteContext);
  return v.text;
}

void write_conflicts(std::ostream& out, const Index& ix, const Report& r, const Story& s, const Painter& paint) {
  for (const auto& c : r.check.conflicts) {
    if (c.story != s.id) continue;
    auto style = c.severity == Severity::Conflict ? fmt::fg(fmt::terminal_color::red)
                                                  : fmt::fg(fmt::terminal_color::yellow);
    out << "  " << paint(fmt::format("{} ({})", c.field, to_string(c.severity)), style) << ": " << c.message << "\n";
    for (const auto& v : c.values) out << "    " << v.source << ": “" << quoted(ix, v) << "”\n";
  }
}

void write_story(std::ostream& out, const Index& ix, const Report& r, const Story& s, const Painter& paint) {
  out << "\n" << paint(fmt::format("{} {}", s.id, s.title), fmt::emphasis::bold) << "\n";
  write_legend(out, ix, s);
  if (!s.claims.empty()) write_claim_table(out, ix, r, s, paint);
  write_conflicts(out, ix, r, s, paint);
}

// Sources no story took: their figures, so nothing extracted goes unseen.
void write_loose_sources(std::ostream& out, const Report& r, const Painter& paint) {
  std::set<std::string, std::less<>> in_story;
  for (const auto& s : r.check.stories) in_story.insert(s.sources.begin(), s.sources.end());
  for (const auto& d : r.documents) {
    if (in_story.count(d.source.id) || d.figures.empty()) continue;
    out << "\n" << paint(d.source.id, fmt::emphasis::bold) << "\n";
    for (const auto& f : d.figures)
      out << "  " << pad_right(display_money(f.money), kCellWidth) << " " << pad_right(to_string(f.kind), kKindWidth)
          << " " << utf8_truncate(f.text, 60) << "\n";
  }
}

void write_entities(std::ostream& out, const Report& r, const Painter& paint) {
  std::map<std::string, std::vector<std::string>> by_type;  // type -> names, first mention order
  std::set<std::string> seen;
  for (const auto& d : r.documents)
    for (const auto& e : d.entities) {
      if (e.type == EntityType::Product || e.type == EntityType::Place) continue;
      if (seen.insert(e.id).second) by_type[std::string(to_string(e.type))].push_back(e.name);
    }
  if (by_type.empty()) return;
  out << "\n" << paint("entities", fmt::emphasis::bold) << "\n";
  for (const char* type : {"ORG", "MEDIA", "PERSON"}) {
    auto it = by_type.find(type);
    if (it == by_type.end()) continue;
    std::string names;
    for (const auto& n : it->second) names += (names.empty() ? "" : ", ") + n;
    out << "  " << pad_right(type, 7) << names << "\n";
  }
}

}  // namespace

void write_text(std::ostream& out, const Report& report, const TextOptions& options) {
  Painter paint(options.color);
  Index ix = build_index(report);
  write_header(out, report, paint);
  for (const auto& s : report.check.stories) write_story(out, ix, report, s, paint);
  write_loose_sources(out, report, paint);
  if (options.show_entities) write_entities(out, report, paint);
}

}  // namespace dealscan

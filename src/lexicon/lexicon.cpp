#include "dealscan/lexicon.h"

#include <charconv>
#include <cstdlib>

#include "lexicon/embedded.h"

namespace dealscan {
namespace {

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// Splits s at every sep.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    auto p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// A comment starts at " #" or at a leading "#" (a '#' inside a form is kept).
std::string_view strip_comment(std::string_view line) {
  if (!line.empty() && line.front() == '#') return {};
  auto p = line.find(" #");
  auto t = line.find("\t#");
  auto cut = std::min(p, t);
  return cut == std::string_view::npos ? line : line.substr(0, cut);
}

bool parse_line(std::string_view raw, LexEntry& e) {
  auto line = trim(strip_comment(raw));
  if (line.empty()) return false;
  auto cols = split(line, '\t');
  for (auto f : split(cols[0], '|')) {
    auto form = trim(f);
    if (!form.empty()) e.forms.emplace_back(form);
  }
  if (e.forms.empty()) return false;
  for (std::size_t i = 1; i < cols.size(); ++i) {
    auto c = trim(cols[i]);
    if (c.empty()) continue;
    auto eq = c.find('=');
    if (eq == std::string_view::npos) {
      e.attrs.emplace(std::string(c), "");
    } else {
      e.attrs.emplace(std::string(trim(c.substr(0, eq))), std::string(trim(c.substr(eq + 1))));
    }
  }
  return true;
}

// An entry has a handful of attributes, asked for per match: a walk that
// compares lengths first beats the tree's string comparisons.
template <class Map>
auto find_attr(const Map& attrs, std::string_view key) {
  for (auto it = attrs.begin(); it != attrs.end(); ++it)
    if (it->first.size() == key.size() && std::string_view(it->first) == key) return it;
  return attrs.end();
}

}  // namespace

std::string_view LexEntry::attr(std::string_view key, std::string_view fallback) const {
  auto it = find_attr(attrs, key);
  return it == attrs.end() ? fallback : std::string_view(it->second);
}

double LexEntry::number(std::string_view key, double fallback) const {
  auto it = find_attr(attrs, key);
  if (it == attrs.end()) return fallback;
  char* end = nullptr;
  double v = std::strtod(it->second.c_str(), &end);
  return end == it->second.c_str() ? fallback : v;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = [] {
    Lexicon l;
    for (const auto& f : detail::embedded_lexicon()) l.add_list(f.name, f.text, std::string(f.name) + ".tsv");
    return l;
  }();
  return lex;
}

void Lexicon::add_list(std::string_view name, std::string_view text, std::string_view origin) {
  auto& entries = lists_[std::string(name)];
  std::size_t n = 0;
  for (auto raw : split(text, '\n')) {
    ++n;
    LexEntry e;
    if (!parse_line(raw, e)) continue;
    e.origin = std::string(origin) + ":" + std::to_string(n);
    entries.push_back(std::move(e));
  }
}

Result<bool> Lexicon::add_file_text(std::string_view text, std::string_view origin) {
  std::string current;
  std::size_t n = 0;
  for (auto raw : split(text, '\n')) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        return Error{std::string(origin) + ":" + std::to_string(n) + ": malformed section header"};
      }
      current = std::string(trim(line.substr(1, line.size() - 2)));
      continue;
    }
    if (current.empty()) {
      return Error{std::string(origin) + ":" + std::to_string(n) + ": entry before any [list] header"};
    }
    LexEntry e;
    if (!parse_line(raw, e)) continue;
    e.origin = std::string(origin) + ":" + std::to_string(n);
    lists_[current].push_back(std::move(e));
  }
  return true;
}

const std::vector<LexEntry>& Lexicon::list(std::string_view name) const {
  static const std::vector<LexEntry> empty;
  auto it = lists_.find(name);
  return it == lists_.end() ? empty : it->second;
}

std::vector<std::string> Lexicon::list_names() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : lists_) out.push_back(k);
  return out;
}

}  // namespace dealscan

#include "dealscan/lexicon.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "lexicon/embedded.h"

namespace dealscan {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Without find_first_not_of, which asks memchr once per character.
std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank(s[b])) ++b;
  while (e > b && is_blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The pieces of a text between separators, one at a time: a lexicon has
// thousands of lines and fields, and a vector of them per line cost more
// than reading them. Separators are found by memchr, for fields too: a
// byte-by-byte loop cost more, even over fields of ten bytes.
class Pieces {
 public:
  Pieces(std::string_view s, char sep) : rest_(s), sep_(sep) {}
  bool next(std::string_view& piece) {
    if (done_) return false;
    const void* at = rest_.empty() ? nullptr : std::memchr(rest_.data(), sep_, rest_.size());
    take(piece, at ? static_cast<std::size_t>(static_cast<const char*>(at) - rest_.data()) : rest_.size());
    return true;
  }

 private:
  void take(std::string_view& piece, std::size_t p) {
    piece = rest_.substr(0, p);
    if (p == rest_.size()) done_ = true;
    else rest_.remove_prefix(p + 1);
  }
  std::string_view rest_;
  char sep_;
  bool done_ = false;
};

// A comment starts at " #" or at a leading "#" (a '#' inside a form is kept).
// Most lines hold no '#', which memchr tells at once.
std::string_view strip_comment(std::string_view line) {
  if (!line.empty() && line.front() == '#') return {};
  for (std::size_t q = 1; q < line.size(); ++q) {
    const void* mark = std::memchr(line.data() + q, '#', line.size() - q);
    if (!mark) break;
    q = static_cast<std::size_t>(static_cast<const char*>(mark) - line.data());
    if (line[q - 1] == ' ' || line[q - 1] == '\t') return line.substr(0, q - 1);
  }
  return line;
}

using AttrView = std::pair<std::string_view, std::string_view>;

// The attribute columns left in cols, ordered by key, the first of a
// repeated key kept: sorted here by insertion (a handful a line), so the
// entry's attributes are then appended in order, never inserted between.
void read_attrs(Pieces& cols, std::vector<AttrView>& out) {
  out.clear();
  for (std::string_view col; cols.next(col);) {
    auto c = trim(col);
    if (c.empty()) continue;
    auto eq = c.find('=');
    auto key = eq == std::string_view::npos ? c : trim(c.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string_view{} : trim(c.substr(eq + 1));
    auto at = out.end();
    while (at != out.begin() && key < std::prev(at)->first) --at;
    if (at != out.begin() && std::prev(at)->first == key) continue;
    out.insert(at, {key, value});
  }
}

// attrs: scratch space, kept by the caller across lines.
bool parse_line(std::string_view raw, LexEntry& e, std::vector<AttrView>& attrs) {
  auto line = trim(strip_comment(raw));
  if (line.empty()) return false;
  Pieces cols(line, '\t');
  std::string_view col;
  cols.next(col);
  e.forms.reserve(1 + static_cast<std::size_t>(std::count(col.begin(), col.end(), '|')));
  Pieces forms(col, '|');
  for (std::string_view f; forms.next(f);)
    if (auto form = trim(f); !form.empty()) e.forms.emplace_back(form);
  if (e.forms.empty()) return false;
  read_attrs(cols, attrs);
  e.attrs.reserve(attrs.size());
  for (const auto& [key, value] : attrs) e.attrs.add(key, value);
  return true;
}

// "gazetteer.tsv:12"
std::string origin_at(std::string_view origin, std::size_t line) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  std::string out;
  out.reserve(origin.size() + 1 + static_cast<std::size_t>(end - digits));
  out.append(origin).push_back(':');
  out.append(digits, end);
  return out;
}

}  // namespace

void LexAttrs::add(std::string_view key, std::string_view value) {
  if (items_.empty() || std::string_view(items_.back().first) < key) {  // the parser adds keys in order
    items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key), std::forward_as_tuple(value));
    return;
  }
  auto at = std::lower_bound(items_.begin(), items_.end(), key,
                             [](const value_type& item, std::string_view k) { return item.first < k; });
  if (at->first == key) return;  // at is not end(): the last key is not below key
  items_.emplace(at, std::string(key), std::string(value));
}

LexAttrs::const_iterator LexAttrs::find(std::string_view key) const {
  // A handful of attributes, asked for per match: lengths compared first.
  for (auto it = items_.begin(); it != items_.end(); ++it)
    if (it->first.size() == key.size() && std::string_view(it->first) == key) return it;
  return items_.end();
}

std::string_view LexEntry::attr(std::string_view key, std::string_view fallback) const {
  auto it = attrs.find(key);
  return it == attrs.end() ? fallback : std::string_view(it->second);
}

double LexEntry::number(std::string_view key, double fallback) const {
  auto it = attrs.find(key);
  if (it == attrs.end()) return fallback;
  char* end = nullptr;
  double v = std::strtod(it->second.c_str(), &end);
  return end == it->second.c_str() ? fallback : v;
}

const Lexicon& Lexicon::builtin() {
  // Never destroyed: freeing a thousand entries at exit is work for nothing.
  static const Lexicon& lex = *new Lexicon([] {
    Lexicon l;
    for (const auto& f : detail::embedded_lexicon()) l.add_list(f.name, f.text, std::string(f.name) + ".tsv");
    return l;
  }());
  return lex;
}

Lexicon::Lists& Lexicon::own_lists() {
  if (!lists_) lists_ = std::make_shared<Lists>();
  else if (lists_.use_count() > 1) lists_ = std::make_shared<Lists>(*lists_);
  return *lists_;
}

void Lexicon::add_list(std::string_view name, std::string_view text, std::string_view origin) {
  auto& entries = own_lists()[std::string(name)];
  std::size_t n = 0;
  std::vector<AttrView> attrs;
  Pieces lines(text, '\n');
  for (std::string_view raw; lines.next(raw);) {
    ++n;
    LexEntry e;
    if (!parse_line(raw, e, attrs)) continue;
    e.origin = origin_at(origin, n);
    entries.push_back(std::move(e));
  }
}

Result<bool> Lexicon::add_file_text(std::string_view text, std::string_view origin) {
  std::string current;
  std::size_t n = 0;
  std::vector<AttrView> attrs;
  Pieces lines(text, '\n');
  for (std::string_view raw; lines.next(raw);) {
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
    if (!parse_line(raw, e, attrs)) continue;
    e.origin = origin_at(origin, n);
    own_lists()[current].push_back(std::move(e));
  }
  return true;
}

const std::vector<LexEntry>& Lexicon::list(std::string_view name) const {
  static const std::vector<LexEntry> empty;
  if (!lists_) return empty;
  auto it = lists_->find(name);
  return it == lists_->end() ? empty : it->second;
}

std::vector<std::string> Lexicon::list_names() const {
  std::vector<std::string> out;
  if (!lists_) return out;
  for (const auto& [k, v] : *lists_) out.push_back(k);
  return out;
}

}  // namespace dealscan

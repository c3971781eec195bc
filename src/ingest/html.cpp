#include "ingest/html.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace dealscan::ingest {
namespace {

using u32 = std::uint32_t;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool istarts_with(std::string_view s, std::size_t at, std::string_view p) {
  if (s.size() - std::min(at, s.size()) < p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (lower(s[at + k]) != p[k]) return false;
  return true;
}

// Case-insensitive search for p (lower case, starting with a non-letter or a
// letter) in s from at.
std::size_t ifind(std::string_view s, std::string_view p, std::size_t at) {
  if (p.empty()) return at;
  std::string first(1, p[0]);
  if (p[0] >= 'a' && p[0] <= 'z') first.push_back(static_cast<char>(p[0] - 'a' + 'A'));
  for (std::size_t i = s.find_first_of(first, at); i != std::string_view::npos; i = s.find_first_of(first, i + 1)) {
    if (i + p.size() > s.size()) break;
    if (istarts_with(s, i, p)) return i;
  }
  return std::string_view::npos;
}

enum class TagKind { Inline, Block, Cell, Skip };

TagKind tag_kind(std::string_view name) {
  static const std::unordered_map<std::string_view, TagKind> kTags = {
      // Content that is not text: dropped with everything inside.
      {"script", TagKind::Skip},
      {"style", TagKind::Skip},
      {"template", TagKind::Skip},
      {"svg", TagKind::Skip},
      {"math", TagKind::Skip},
      {"iframe", TagKind::Skip},
      {"object", TagKind::Skip},
      {"noembed", TagKind::Skip},
      // Elements that start a new line.
      {"address", TagKind::Block},
      {"article", TagKind::Block},
      {"aside", TagKind::Block},
      {"blockquote", TagKind::Block},
      {"body", TagKind::Block},
      {"br", TagKind::Block},
      {"caption", TagKind::Block},
      {"center", TagKind::Block},
      {"dd", TagKind::Block},
      {"details", TagKind::Block},
      {"dialog", TagKind::Block},
      {"div", TagKind::Block},
      {"dl", TagKind::Block},
      {"dt", TagKind::Block},
      {"fieldset", TagKind::Block},
      {"figcaption", TagKind::Block},
      {"figure", TagKind::Block},
      {"footer", TagKind::Block},
      {"form", TagKind::Block},
      {"h1", TagKind::Block},
      {"h2", TagKind::Block},
      {"h3", TagKind::Block},
      {"h4", TagKind::Block},
      {"h5", TagKind::Block},
      {"h6", TagKind::Block},
      {"head", TagKind::Block},
      {"header", TagKind::Block},
      {"hgroup", TagKind::Block},
      {"hr", TagKind::Block},
      {"html", TagKind::Block},
      {"legend", TagKind::Block},
      {"li", TagKind::Block},
      {"main", TagKind::Block},
      {"nav", TagKind::Block},
      {"ol", TagKind::Block},
      {"option", TagKind::Block},
      {"p", TagKind::Block},
      {"pre", TagKind::Block},
      {"section", TagKind::Block},
      {"summary", TagKind::Block},
      {"table", TagKind::Block},
      {"tbody", TagKind::Block},
      {"tfoot", TagKind::Block},
      {"thead", TagKind::Block},
      {"title", TagKind::Block},
      {"tr", TagKind::Block},
      {"ul", TagKind::Block},
      // Table cells: separated by a space.
      {"td", TagKind::Cell},
      {"th", TagKind::Cell},
  };
  auto it = kTags.find(name);
  return it == kTags.end() ? TagKind::Inline : it->second;
}

// Tags common enough in saved web pages to tell HTML from prose.
bool is_common_tag(std::string_view name) {
  static constexpr std::string_view kCommon[] = {
      "a",      "b",       "body",    "br",     "div",    "em",    "h1",     "h2",        "h3",    "h4",
      "head",   "hr",      "html",    "i",      "img",    "li",    "link",   "meta",      "ol",    "p",
      "script", "section", "span",    "strong", "style",  "table", "td",     "th",        "title", "tr",
      "u",      "ul",      "article", "header", "footer", "nav",   "figure", "blockquote"};
  return std::find(std::begin(kCommon), std::end(kCommon), name) != std::end(kCommon);
}

// Reads a tag name at s[i..]; returns it lower-cased (empty when none).
std::string tag_name(std::string_view s, std::size_t i, std::size_t& end) {
  std::string name;
  end = i;
  if (end >= s.size() || !is_alpha(s[end])) return name;
  while (end < s.size() && (is_alnum(s[end]) || s[end] == '-' || s[end] == ':')) name.push_back(lower(s[end++]));
  return name;
}

// Index just past the '>' closing the tag whose attributes start at i,
// honouring quoted attribute values; npos when there is none.
std::size_t tag_end(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size()) {
    char c = s[j];
    if (c == '>') return j + 1;
    if ((c == '"' || c == '\'') && j > i && (s[j - 1] == '=' || is_space(s[j - 1]))) {
      auto close = s.find(c, j + 1);
      if (close == std::string_view::npos) break;  // unbalanced: fall back below
      j = close + 1;
      continue;
    }
    ++j;
  }
  auto gt = s.find('>', i);
  return gt == std::string_view::npos ? gt : gt + 1;
}

const std::unordered_map<std::string_view, char32_t>& named_entities() {
  static const std::unordered_map<std::string_view, char32_t> kNamed = {
      {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
      {"nbsp", 0xA0},     {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"shy", 0xAD},
      {"zwsp", 0x200B},   {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
      {"euro", 0x20AC},   {"pound", 0xA3},    {"dollar", '$'},    {"yen", 0xA5},      {"cent", 0xA2},
      {"curren", 0xA4},   {"percnt", '%'},    {"permil", 0x2030}, {"num", '#'},       {"commat", '@'},
      {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},  {"deg", 0xB0},      {"middot", 0xB7},
      {"bull", 0x2022},   {"hellip", 0x2026}, {"times", 0xD7},    {"divide", 0xF7},   {"plusmn", 0xB1},
      {"minus", 0x2212},  {"sect", 0xA7},     {"para", 0xB6},     {"micro", 0xB5},    {"ordf", 0xAA},
      {"ordm", 0xBA},     {"sup1", 0xB9},     {"sup2", 0xB2},     {"sup3", 0xB3},     {"frac12", 0xBD},
      {"frac14", 0xBC},   {"frac34", 0xBE},   {"iexcl", 0xA1},    {"iquest", 0xBF},   {"acute", 0xB4},
      {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
      {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"laquo", 0xAB},    {"raquo", 0xBB},
      {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"prime", 0x2032},  {"Prime", 0x2033},  {"dagger", 0x2020},
      {"agrave", 0xE0},   {"aacute", 0xE1},   {"acirc", 0xE2},    {"atilde", 0xE3},   {"auml", 0xE4},
      {"aring", 0xE5},    {"aelig", 0xE6},    {"ccedil", 0xE7},   {"egrave", 0xE8},   {"eacute", 0xE9},
      {"ecirc", 0xEA},    {"euml", 0xEB},     {"igrave", 0xEC},   {"iacute", 0xED},   {"icirc", 0xEE},
      {"iuml", 0xEF},     {"ntilde", 0xF1},   {"ograve", 0xF2},   {"oacute", 0xF3},   {"ocirc", 0xF4},
      {"otilde", 0xF5},   {"ouml", 0xF6},     {"oslash", 0xF8},   {"ugrave", 0xF9},   {"uacute", 0xFA},
      {"ucirc", 0xFB},    {"uuml", 0xFC},     {"yacute", 0xFD},   {"yuml", 0xFF},     {"szlig", 0xDF},
      {"Agrave", 0xC0},   {"Aacute", 0xC1},   {"Acirc", 0xC2},    {"Atilde", 0xC3},   {"Auml", 0xC4},
      {"Aring", 0xC5},    {"AElig", 0xC6},    {"Ccedil", 0xC7},   {"Egrave", 0xC8},   {"Eacute", 0xC9},
      {"Ecirc", 0xCA},    {"Euml", 0xCB},     {"Igrave", 0xCC},   {"Iacute", 0xCD},   {"Icirc", 0xCE},
      {"Iuml", 0xCF},     {"Ntilde", 0xD1},   {"Ograve", 0xD2},   {"Oacute", 0xD3},   {"Ocirc", 0xD4},
      {"Otilde", 0xD5},   {"Ouml", 0xD6},     {"Oslash", 0xD8},   {"Ugrave", 0xD9},   {"Uacute", 0xDA},
      {"Ucirc", 0xDB},    {"Uuml", 0xDC},     {"Yacute", 0xDD},   {"oelig", 0x153},   {"OElig", 0x152},
      {"scaron", 0x161},  {"Scaron", 0x160},  {"zcaron", 0x17E},  {"Zcaron", 0x17D},
  };
  return kNamed;
}

// windows-1252 for numeric references to 0x80-0x9F (HTML5 spec).
constexpr std::array<char16_t, 32> kCp1252High = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

}  // namespace

std::optional<char32_t> decode_entity(std::string_view s, std::size_t& len) {
  if (s.size() < 3 || s[0] != '&') return std::nullopt;
  if (s[1] == '#') {
    bool hex = s.size() > 2 && (s[2] == 'x' || s[2] == 'X');
    std::size_t i = hex ? 3 : 2;
    std::size_t digits = 0;
    unsigned long v = 0;
    while (i < s.size()) {
      char c = s[i];
      int d = is_digit(c) ? c - '0' : (hex && lower(c) >= 'a' && lower(c) <= 'f') ? lower(c) - 'a' + 10 : -1;
      if (d < 0) break;
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<unsigned long>(d);
      ++digits;
      ++i;
    }
    if (!digits) return std::nullopt;
    if (i < s.size() && s[i] == ';') ++i;
    len = i;
    if (v >= 0x80 && v <= 0x9F) return char32_t(kCp1252High[v - 0x80]);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return kReplacement;
    return static_cast<char32_t>(v);
  }
  std::size_t i = 1;
  while (i < s.size() && i < 12 && is_alnum(s[i])) ++i;
  if (i == 1) return std::nullopt;
  auto name = s.substr(1, i - 1);
  const auto& named = named_entities();
  auto it = named.find(name);
  if (it == named.end()) return std::nullopt;
  if (i < s.size() && s[i] == ';') {
    len = i + 1;
    return it->second;
  }
  // Without ';' only the few references old pages write that way.
  static constexpr std::string_view kLegacy[] = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg"};
  if (std::find(std::begin(kLegacy), std::end(kLegacy), name) == std::end(kLegacy)) return std::nullopt;
  len = i;
  return it->second;
}

bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (istarts_with(text, i, "<!doctype html") || istarts_with(text, i, "<html")) return true;
  if (istarts_with(text, i, "<?xml") && ifind(text.substr(0, 4096), "<html", i) != std::string_view::npos) return true;
  // Otherwise count well-known tags; a handful of them is not prose.
  std::size_t tags = 0;
  std::size_t limit = std::min<std::size_t>(text.size(), 1 << 20);
  for (std::size_t p = text.find('<', i); p != std::string_view::npos && p < limit; p = text.find('<', p + 1)) {
    std::size_t q = p + 1;
    if (q < text.size() && text[q] == '/') ++q;
    std::size_t end = 0;
    std::string name = tag_name(text, q, end);
    if (name.empty() || end >= text.size()) continue;
    char c = text[end];
    if ((c == '>' || c == '/' || is_space(c)) && is_common_tag(name) && ++tags >= 4) return true;
  }
  return false;
}

MappedText strip_html(const MappedView& in, std::size_t start) {
  std::string_view s = in.text;
  MappedText out;
  out.reserve(s.size() - std::min(start, s.size()));
  bool line_start = true;  // nothing but a line break since the last text
  bool want_space = false, want_newline = false;
  u32 space_at = 0, newline_at = 0;
  int pre = 0;  // inside <pre>/<textarea>: whitespace kept

  auto request_newline = [&](u32 at) {
    if (!want_newline) newline_at = at;
    want_newline = true;
  };
  auto request_space = [&](u32 at) {
    if (!want_space) space_at = at;
    want_space = true;
  };
  // Before text: the pending line break or space, if any.
  auto flush = [&] {
    if (want_newline && !out.text.empty()) {
      if (out.text.back() != '\n') out.put('\n', newline_at);
      line_start = true;
    } else if (want_space && !line_start) {
      out.put(' ', space_at);
    }
    want_newline = want_space = false;
  };

  // No tag can open after the last '>' (keeps unclosed "<a<a<a" linear).
  const std::size_t last_gt = s.rfind('>');
  std::size_t i = start;
  while (i < s.size()) {
    char c = s[i];
    u32 at = in.at(i);
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        auto close = s.find("-->", i + 4);
        i = close == std::string_view::npos ? s.size() : close + 3;
        continue;
      }
      if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
        auto gt = s.find('>', i);
        i = gt == std::string_view::npos ? s.size() : gt + 1;
        continue;
      }
      bool closing = i + 1 < s.size() && s[i + 1] == '/';
      std::size_t name_end = 0;
      std::string name = tag_name(s, i + (closing ? 2 : 1), name_end);
      std::size_t end = name.empty() || last_gt == std::string_view::npos || name_end > last_gt ? std::string_view::npos
                                                                                                : tag_end(s, name_end);
      if (end != std::string_view::npos) {
        bool self_closing = end >= 2 && s[end - 2] == '/';
        TagKind kind = tag_kind(name);
        if (kind == TagKind::Skip && !closing && !self_closing) {
          auto close = ifind(s, "</" + name, end);
          if (close == std::string_view::npos) {
            i = s.size();
          } else {
            auto gt = s.find('>', close);
            i = gt == std::string_view::npos ? s.size() : gt + 1;
          }
          request_space(at);
          continue;
        }
        if (name == "pre" || name == "textarea") pre = std::max(0, pre + (closing ? -1 : 1));
        if (kind == TagKind::Block) request_newline(at);
        if (kind == TagKind::Cell) request_space(at);
        i = end;
        continue;
      }
      // A '<' that opens no tag is text.
    }
    if (c == '&') {
      std::size_t len = 0;
      if (auto cp = decode_entity(s.substr(i), len)) {
        flush();
        out.put(*cp, at);
        line_start = false;
        i += len;
        continue;
      }
    }
    if (is_space(c) && !pre) {
      request_space(at);
      ++i;
      continue;
    }
    if ((c == '\n' || c == '\r') && pre) {
      want_space = false;
      out.put('\n', at);
      line_start = true;
      i += (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    flush();
    // Copy one whole character.
    std::size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.copy(in, i, len);
    line_start = false;
    i += len;
  }
  return out;
}

}  // namespace dealscan::ingest

// Canonical parties and figure prominence.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "crosscheck/internal.h"
#include "crosscheck/story_tables.h"

namespace dealscan::crosscheck {

void Parties::add(const DocumentParties& document) {
  std::uint32_t name_at = 0;
  for (const auto& l : document.links) {
    const std::uint32_t top = l.parent == Names::kNone ? l.id : std::max(l.id, l.parent);
    if (top >= parent_.size()) {
      parent_.resize(top + 1, Names::kNone);
      name_.resize(top + 1);
    }
    if (l.parent != Names::kNone && parent_[l.id] == Names::kNone) {
      parent_[l.id] = l.parent;
      may_have_parent_[l.id_hash % kParentBits / 64] |= std::uint64_t(1) << (l.id_hash % 64);
    }
    if (name_[l.id].size == UINT32_MAX) {
      name_[l.id] = {static_cast<std::uint32_t>(text_.size()), l.name_end - name_at};
      text_.append(document.names, name_at, l.name_end - name_at);
    }
    name_at = l.name_end;
  }
}

std::uint32_t Parties::root(std::uint32_t id) const {
  // Bounded walk: a cycle in bad data must not hang the run.
  for (int hops = 0; hops < 8 && id < parent_.size() && parent_[id] != Names::kNone; ++hops) id = parent_[id];
  return id;
}

const std::string& Parties::root(const std::string& id) const {
  if (!may_have_parent(static_cast<std::uint32_t>(text_hash(id)))) return id;
  const std::uint32_t n = names_.find(id);
  if (n == Names::kNone) return id;
  const std::uint32_t r = root(n);
  return r == n ? id : names_.name(r);
}

std::optional<std::string> Parties::root(const std::optional<std::string>& id) const {
  if (!id || id->empty()) return std::nullopt;
  return root(*id);
}

std::string Parties::name(const std::string& id) const {
  const std::uint32_t n = names_.find(id);
  if (n >= name_.size() || name_[n].size == UINT32_MAX || name_[n].size == 0) return id;
  return text_.substr(name_[n].at, name_[n].size);
}

DocumentParties party_links(const DocumentResult& doc, const StoryDoc& story, Names& names) {
  auto has_parent = [](const Entity& e) { return e.parent && *e.parent != e.id; };
  // The parents that are not the entity itself, interned under one lock.
  std::vector<std::string_view> parents;
  std::size_t name_bytes = 0;
  for (const auto& e : doc.entities) {
    if (has_parent(e)) parents.push_back(*e.parent);
    name_bytes += e.name.size();
  }
  std::vector<std::uint32_t> parent_ids(parents.size());
  if (!parents.empty()) names.intern_all(parents, parent_ids);
  DocumentParties out;
  out.links.reserve(doc.entities.size());
  out.names.reserve(name_bytes);
  const std::uint32_t* parent = parent_ids.data();
  for (std::size_t k = 0; k < doc.entities.size(); ++k) {
    const Entity& e = doc.entities[k];
    out.names += e.name;
    auto& l = out.links.emplace_back();
    l.id = story.entities[k].id;
    l.name_end = static_cast<std::uint32_t>(out.names.size());
    if (has_parent(e)) {
      l.parent = *parent++;
      l.id_hash = static_cast<std::uint32_t>(text_hash(e.id));
    }
  }
  return out;
}

namespace {

constexpr std::uint64_t kPow10[] = {1ull,
                                    10ull,
                                    100ull,
                                    1000ull,
                                    10000ull,
                                    100000ull,
                                    1000000ull,
                                    10000000ull,
                                    100000000ull,
                                    1000000000ull,
                                    10000000000ull,
                                    100000000000ull,
                                    1000000000000ull,
                                    10000000000000ull,
                                    100000000000000ull,
                                    1000000000000000ull,
                                    10000000000000000ull,
                                    100000000000000000ull,
                                    1000000000000000000ull,
                                    10000000000000000000ull};

// printf's %.*g of a whole number 1 <= v < 1e19 with 1..15 digits, by integer
// arithmetic (amounts are nearly always whole): exact, and ties go to the
// even digit as printf's do. Null when v is not such a number.
char* whole_significant(double v, int digits, char* out) {
  if (!(v >= 1.0 && v < 1e19) || digits < 1 || digits > 15) return nullptr;
  const auto n = static_cast<std::uint64_t>(v);
  if (static_cast<double>(n) != v) return nullptr;
  const int below = (std::bit_width(n) * 1233) >> 12;  // log10(2^bits), so len is it or one more
  const int len = below + (n >= kPow10[below]);
  if (len <= digits) return std::to_chars(out, out + 20, n).ptr;  // "%g" of a short whole number: itself
  const std::uint64_t unit = kPow10[len - digits], half = unit / 2;
  std::uint64_t q = n / unit;
  const std::uint64_t r = n % unit;
  if (r > half || (r == half && (q & 1))) ++q;
  int exponent = len - 1;  // >= digits: "%g" writes it as d.ddde+XX
  if (q == kPow10[digits]) q /= 10, ++exponent;
  while (q % 10 == 0) q /= 10;  // "%g" drops trailing zeros
  // The mantissa's digits one place on, then its first digit moved before the point.
  char* end = std::to_chars(out + 1, out + 1 + 16, q).ptr;
  out[0] = out[1];
  out[1] = '.';
  out = end - out > 2 ? end : out + 1;
  *out++ = 'e';
  *out++ = '+';
  *out++ = static_cast<char>('0' + exponent / 10);
  *out++ = static_cast<char>('0' + exponent % 10);
  return out;
}

}  // namespace

char* significant_digits(double v, int digits, char* out, char* out_end) {
  if (v < 0) {
    if (char* end = whole_significant(-v, digits, out + 1)) {
      *out = '-';
      return end;
    }
  } else if (char* end = whole_significant(v, digits, out)) {
    return end;
  }
  // printf's %.*g, without printf's cost: the bytes are the same.
  return std::to_chars(out, out_end, v, std::chars_format::general, digits).ptr;
}

std::string rounded_amount(const MoneyMention& m, int digits) {
  char buf[48];
  char* end = significant_digits(m.value, digits, buf, buf + sizeof buf);
  std::string out;
  out.reserve(m.currency.size() + 1 + (end - buf));
  out += m.currency;
  out += ':';
  out.append(buf, end);
  return out;
}

namespace {


// Stated figures with both parties are what a deal is about; denials,
// conditionals and unattached amounts are background.
double shape_weight(const Figure& f) {
  double w = 1.0;
  if (f.subject) w += 0.75;
  if (f.counterparty) w += 0.75;
  if (f.modality == Modality::Denied) w -= 0.5;
  if (f.kind == Kind::Other) w -= 0.5;
  return w;
}

}  // namespace

namespace {

// How many of the document's non-conversion figures state each figure's
// amount (to three digits), by figure. Counted as runs of the sorted
// amounts: no hash table per document (it is built for every document,
// twice), and formatting, the costly part, once a figure.
std::vector<int> repeat_counts(const DocumentResult& doc) {
  const std::size_t n = doc.figures.size();
  std::vector<std::string> amounts(n);
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!doc.figures[i].money.conversion_of) {
      amounts[i] = rounded_amount(doc.figures[i].money, 3);
      order.push_back(static_cast<std::uint32_t>(i));
    }
  std::sort(order.begin(), order.end(), [&](auto x, auto y) { return amounts[x] < amounts[y]; });
  std::vector<int> repeats(n, 0);
  for (std::size_t a = 0, b = 0; a < order.size(); a = b) {
    for (b = a + 1; b < order.size() && amounts[order[b]] == amounts[order[a]]; ++b) {}
    for (std::size_t k = a; k < b; ++k) repeats[order[k]] = static_cast<int>(b - a);
  }
  return repeats;
}

}  // namespace

std::vector<FigureProminence> figure_prominence(const DocumentResult& doc, const Tunables& t) {
  const auto repeats = repeat_counts(doc);
  std::vector<FigureProminence> out;
  out.reserve(doc.figures.size());
  for (std::size_t i = 0; i < doc.figures.size(); ++i) {
    const Figure& f = doc.figures[i];
    if (f.money.conversion_of) continue;  // a conversion restates another figure
    double p = shape_weight(f);
    if (f.sentence == 0) p += t.headline_bonus;
    else if (f.sentence <= 2) p += t.lead_bonus;
    p += t.repeat_bonus * (repeats[i] - 1);
    out.push_back({i, p});
  }
  return out;
}

namespace {
// Parties::root of an optional id, as a pointer: null for none or "".
const std::string* root_of(const Parties& parties, const std::optional<std::string>& id) {
  return !id || id->empty() ? nullptr : &parties.root(*id);
}
}  // namespace

void rank_figures(const DocumentResult& doc, std::size_t doc_index, const Parties& parties, const Tunables& t,
                  std::vector<FigureRef>& out) {
  rank_figures(doc, doc_index, parties, figure_prominence(doc, t), out);
}

void rank_figures(const DocumentResult& doc, std::size_t doc_index, const Parties& parties,
                  std::span<const FigureProminence> ranked, std::vector<FigureRef>& out) {
  for (const auto& [i, p] : ranked) {
    const Figure& f = doc.figures[i];
    FigureRef r;
    r.doc = doc_index;
    r.index = i;
    r.subject = root_of(parties, f.subject);
    r.counterparty = root_of(parties, f.counterparty);
    if (r.subject && r.counterparty && *r.subject == *r.counterparty) r.counterparty = nullptr;
    r.prominence = p;
    out.push_back(r);
  }
}

}  // namespace dealscan::crosscheck

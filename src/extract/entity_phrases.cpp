#include "extract/entity_phrases.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

namespace dealscan::entity {
namespace {

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
std::uint32_t load4(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// a[0, n) == b[0, n), a word at a time: trie keys are short words, where a
// call to memcmp cost more than the comparison. The last load of each size
// may overlap the one before it.
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  if (n >= 8) {
    for (std::size_t k = 0; k + 8 < n; k += 8)
      if (load8(a + k) != load8(b + k)) return false;
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}

// The surfaces a token of a case-sensitive form accepts: as written, upper
// case, and for acronyms title case ("AMD", "Amd"). ASCII without ICU.
std::vector<std::string> written_forms(std::string_view t, CaseRule rule) {
  const bool ascii = std::all_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) {
    std::vector<std::string> v{std::string(t), upper(t)};
    if (rule == CaseRule::Acronym) v.push_back(titlecase(t));
    return v;
  }
  auto cased = [](char c, bool up) {
    if (up && c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
    if (!up && c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return c;
  };
  std::vector<std::string> v{std::string(t), std::string(t)};
  for (char& c : v[1]) c = cased(c, true);
  if (rule == CaseRule::Acronym && !t.empty()) {
    std::string& title = v.emplace_back(t);
    for (std::size_t k = 0; k < title.size(); ++k) title[k] = cased(title[k], k == 0);
  }
  return v;
}

}  // namespace

CaseRule default_case_rule(std::string_view form) {
  int letters = 0, lower = 0;
  for (std::size_t i = 0; i < form.size();) {
    // ASCII read directly: ICU's letter and case tables answer the same for it.
    if (const unsigned char a = static_cast<unsigned char>(form[i]); a < 0x80) {
      const bool is_lower = a >= 'a' && a <= 'z';
      letters += is_lower || (a >= 'A' && a <= 'Z');
      lower += is_lower;
      ++i;
      continue;
    }
    UChar32 c;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(reinterpret_cast<const uint8_t*>(form.data()), pos, static_cast<int32_t>(form.size()), c);
    i = static_cast<std::size_t>(pos);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    if (u_islower(c)) ++lower;
  }
  if (letters >= 2 && lower == 0) return CaseRule::Acronym;
  if (letters < 4) return CaseRule::Exact;
  return CaseRule::Insensitive;
}

[[gnu::always_inline]] inline int PhraseTrie::child(int from, std::string_view key, std::uint64_t key_hash) const {
  std::uint64_t h = edge_hash(from, key_hash);
  std::size_t mask = edges_.size() - 1;
  for (std::size_t i = slot_of(h);; i = (i + 1) & mask) {
    const Edge& e = edges_[i];
    if (e.from < 0) return -1;
    if (e.hash == h && e.from == from && e.key_size == key.size() &&
        same_bytes(key_chars_.data() + e.key_at, key.data(), key.size()))
      return e.to;
  }
}

void PhraseTrie::grow() {
  std::vector<Edge> old = std::move(edges_);
  edges_ = std::vector<Edge>(old.size() * 2);
  --edge_shift_;
  std::size_t mask = edges_.size() - 1;
  for (auto& e : old) {
    if (e.from < 0) continue;
    std::size_t i = slot_of(e.hash);
    while (edges_[i].from >= 0) i = (i + 1) & mask;
    edges_[i] = std::move(e);
  }
}

int PhraseTrie::add_child(int from, std::string_view key, std::uint64_t key_hash) {
  if (int c = child(from, key, key_hash); c >= 0) return c;
  if ((edge_count_ + 1) * 4 > edges_.size()) grow();  // at most a quarter full: short probe runs
  int to = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  nodes_[from].has_children = true;
  std::uint64_t h = edge_hash(from, key_hash);
  std::size_t mask = edges_.size() - 1;
  std::size_t i = slot_of(h);
  while (edges_[i].from >= 0) i = (i + 1) & mask;
  edges_[i] = Edge{h, from, to, static_cast<std::uint32_t>(key_chars_.size()), static_cast<std::uint32_t>(key.size())};
  key_chars_ += key;
  ++edge_count_;
  return to;
}

std::size_t PhraseTrie::add(std::string_view form, int payload, CaseRule rule) {
  // The form tokenised as the text is, into a stream kept for the next
  // form: its keys and their hashes are the text's own, none folded or
  // hashed again here.
  static const std::vector<Sentence> kNoSentences;
  thread_local TokenStream ts;
  tokenize_into(form, kNoSentences, ts);
  const std::size_t count = ts.size();
  if (count == 0) return 0;
  int node = 0;
  Pattern p{payload, rule, {}};
  for (std::size_t k = 0; k < count; ++k) {
    node = add_child(node, ts.key(k), ts.tokens[k].key_hash);
    if (rule == CaseRule::Insensitive) continue;
    p.variants.push_back(written_forms(ts.surface(k), rule));
  }
  max_tokens_ = std::max(max_tokens_, count);
  const std::uint64_t first = ts.tokens[0].key_hash;  // the opening: the first two keys' hashes
  const std::uint64_t second = count > 1 ? ts.tokens[1].key_hash : kNoSecond;
  const std::uint64_t fh = first & (kFirstBits - 1);
  first_[fh / 64] |= std::uint64_t{1} << (fh % 64);
  const std::size_t ob = opening_bit(first, second);
  openings_[ob / 64] |= std::uint64_t{1} << (ob % 64);
  Node& n = nodes_[node];
  if (n.patterns.empty()) {
    n.first_any_case = rule == CaseRule::Insensitive;
    n.first_payload = payload;
  }
  n.patterns.push_back(std::move(p));
  return count;
}

bool PhraseTrie::accepts_written(const Pattern& p, const TokenStream& ts, std::size_t i) const {
  for (std::size_t k = 0; k < p.variants.size(); ++k) {
    auto s = ts.surface(i + k);
    bool ok = false;
    for (const auto& v : p.variants[k]) ok = ok || v == s;
    if (!ok) return false;
  }
  return true;
}

int PhraseTrie::deepest(const TokenStream& ts, std::size_t i, std::size_t& end, int& payload) const {
  end = i;
  payload = -1;
  if (!may_start(ts, i)) return -1;
  return walk(ts, i, end, payload);
}

[[gnu::always_inline]] inline int PhraseTrie::walk(const TokenStream& ts, std::size_t i, std::size_t& end, int& payload) const {
  const Token* tokens = ts.tokens.data();
  const char* keys = ts.keys.data();
  int node = 0, best = -1;
  for (std::size_t j = i; j < ts.size(); ++j) {
    const Token& t = tokens[j];
    if (j > i && t.newline_before) break;
    node = child(node, std::string_view(keys + t.key_begin, t.key_end - t.key_begin), t.key_hash);
    if (node < 0) break;
    const Node& n = nodes_[node];
    if (n.first_any_case) {  // the first pattern accepts any surface
      best = node;
      end = j + 1;
      payload = n.first_payload;
    } else {
      for (const auto& p : n.patterns)
        if (accepts(p, ts, i)) {
          best = node;
          end = j + 1;
          payload = p.payload;
          break;
        }
    }
    if (!n.has_children) break;  // no longer form goes on from here
  }
  return best;
}

void PhraseTrie::longest_each(const TokenStream& ts, std::vector<PhraseMatch>& at) const {
  thread_local std::vector<std::uint32_t> starts;
  longest_each(ts, at, starts);
}

void PhraseTrie::longest_each(const TokenStream& ts, std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const {
  const std::size_t n = ts.size();
  at.assign(n, PhraseMatch{});
  starts.clear();
  const Token* tokens = ts.tokens.data();
  const std::uint64_t* first = first_.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t fh = tokens[i].key_hash & (kFirstBits - 1);
    if (!(first[fh / 64] >> (fh % 64) & 1)) continue;
    at[i] = longest_slow(ts, i);
    if (at[i].payload >= 0) starts.push_back(static_cast<std::uint32_t>(i));
  }
}

template <class Wanted>
void PhraseTrie::walk_marked(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit, Wanted wanted,
                             std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const {
  const std::size_t n = ts.size();
  at.assign(n, PhraseMatch{});
  starts.clear();
  // The walk inline, not called through longest_slow: one in ten tokens
  // is marked, and the call cost a tenth of the pass.
  for (std::size_t i = next_marked(marks, 0, n, bit); i < n; i = next_marked(marks, i + 1, n, bit)) {
    if (!wanted(i)) continue;
    std::size_t end = i;
    int payload = -1;
    if (walk(ts, i, end, payload) < 0) continue;
    at[i] = {payload, end};
    starts.push_back(static_cast<std::uint32_t>(i));
  }
}

void PhraseTrie::longest_marked(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit,
                                std::vector<PhraseMatch>& at, std::vector<std::uint32_t>& starts) const {
  walk_marked(ts, marks, bit, [](std::size_t) { return true; }, at, starts);
}

void PhraseTrie::longest_marked_near(const TokenStream& ts, const std::uint8_t* marks, std::uint8_t bit,
                                     std::uint8_t next_bits, std::uint8_t prev_bits, std::vector<PhraseMatch>& at,
                                     std::vector<std::uint32_t>& starts) const {
  // A match ends at most max_tokens_ after i; the marks' padding covers
  // the reads past the last token when that is at most its size.
  if (max_tokens_ > StartMarks::kPad) return longest_marked(ts, marks, bit, at, starts);
  const std::size_t reach = max_tokens_;
  auto near = [&](std::size_t i) {
    if (i > 0 && marks[i - 1] & prev_bits) return true;
    for (std::size_t k = 1; k <= reach; ++k)
      if (marks[i + k] & next_bits) return true;
    return false;
  };
  walk_marked(ts, marks, bit, near, at, starts);
}

void StartMarks::add(const PhraseTrie& trie, std::uint8_t bit) {
  // The bitmap's set bits only (a few thousand of 65,536).
  const std::uint64_t* words = trie.start_test().bits;
  for (std::size_t w = 0; w < PhraseTrie::kFirstBits / 64; ++w)
    for (std::uint64_t b = words[w]; b; b &= b - 1) table_[w * 64 + static_cast<std::size_t>(std::countr_zero(b))] |= bit;
}

void StartMarks::add_key(std::string_view key, std::uint8_t bit) { table_[hash_key(key) & (table_.size() - 1)] |= bit; }

void StartMarks::mark(const TokenStream& ts, std::vector<std::uint8_t>& marks) const {
  const std::size_t n = ts.size();
  marks.resize(n + kPad);
  const Token* tokens = ts.tokens.data();
  const std::uint8_t* table = table_.data();
  const std::uint8_t* shapes = shape_table_.data();
  std::uint8_t* out = marks.data();
  for (std::size_t i = 0; i < n; ++i)
    out[i] = table[tokens[i].key_hash & (PhraseTrie::kFirstBits - 1)] | shapes[static_cast<std::uint8_t>(tokens[i].shape)];
  std::memset(out + n, 0, kPad);
}

std::vector<int> PhraseTrie::longest_all(const TokenStream& ts, std::size_t i, std::size_t& end) const {
  std::vector<int> best;
  int first_payload = -1;
  int node = deepest(ts, i, end, first_payload);
  if (node < 0) return best;
  for (const auto& p : nodes_[node].patterns)
    if (accepts(p, ts, i)) best.push_back(p.payload);
  return best;
}

PhraseMatch PhraseTrie::longest_slow(const TokenStream& ts, std::size_t i) const {
  std::size_t end = i;
  int payload = -1;
  if (walk(ts, i, end, payload) < 0) return {};  // longest asked may_start
  return {payload, end};
}

}  // namespace dealscan::entity

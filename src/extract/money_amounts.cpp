#include "extract/money_amounts.h"

#include <array>
#include <atomic>

namespace dealscan::money {
namespace {

std::atomic<std::uint64_t> next_memo_id{1};  // AmountMatcher::memo_id_ of the next matcher

// One remembered answer of AmountMatcher::opens.
struct OpensMemo {
  static constexpr std::size_t kMaxWord = 22;
  std::uint64_t matcher = 0;  // the matcher's memo_id_; 0: empty
  char word[kMaxWord];
  std::uint8_t size = 0;
  Opens opens = Opens::Ask;
};
constexpr int kOpensSlotBits = 9;
constexpr std::size_t kOpensSlots = std::size_t{1} << kOpensSlotBits;

// The memo slot of w, from its size and first, second and last bytes:
// cheaper than hashing every byte, and the words asked differ there.
[[gnu::always_inline]] inline std::size_t opens_slot(std::string_view w) {
  const auto* p = reinterpret_cast<const unsigned char*>(w.data());
  const std::size_t n = w.size();
  std::uint32_t k = static_cast<std::uint32_t>(n) << 24;
  if (n >= 2) k |= std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[n - 1]} << 16;
  else if (n == 1) k |= p[0];
  return (k * 2654435761u) >> (32 - kOpensSlotBits);
}

// The remembered answers, per thread: matchers are shared.
thread_local std::array<OpensMemo, kOpensSlots> opens_memo;

// Whether m holds w: the words are short, a loop beats a call of memcmp.
[[gnu::always_inline]] inline bool same_word(const OpensMemo& m, std::string_view w) {
  if (m.size != w.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k)
    if (m.word[k] != w[k]) return false;
  return true;
}

// Millions and more: a scale this large makes a bare amount money when the
// document names a currency ("35 miliardi"); "35" or "10 mila" alone never.
constexpr double kContextScale = 1e6;

std::optional<Qualifier> qualifier_of(const LexEntry& e) { return qualifier_from(e.attr("qualifier")); }

bool is_quote(const Token& t) { return t.low == "\"" || t.low == "«" || t.low == "»"; }

bool ends_clause(const std::vector<Token>& toks, std::size_t p) {
  return p >= toks.size() || (toks[p].kind == TokKind::Symbol && toks[p].low != "$" && toks[p].low != "€" &&
                              toks[p].low != "£");
}

}  // namespace

AmountMatcher::AmountMatcher(const Lexicon& lexicon)
    : reader_(lexicon), memo_id_(next_memo_id++), memo_salt_(memo_id_ * 0x9E3779B97F4A7C15ull) {
  currencies_.add_list(lexicon.list("currencies"));
  const auto& q = lexicon.list("qualifiers");
  for (const char* name : {"over", "at_least", "up_to", "under", "about", "nearly"})
    qualifiers_.add_list(q, "qualifier", name);
  skips_.add_list(q, "skip", "1");
  range_open_between_.add_list(q, "range", "between");
  range_open_from_.add_list(q, "range", "from");
  sep_between_.add_list(q, "range_sep", "between");
  sep_from_.add_list(q, "range_sep", "from");
  sep_dash_.add_list(q, "range_sep", "dash");
  change_verbs_.add_list(q, "change", "1");
  units_.add_list(lexicon.list("units"));
  const auto& currencies = lexicon.list("currencies");
  currency_list_ = currencies.data();
  for (const auto& e : currencies)
    currency_facts_.push_back(CurrencyFacts{std::string(e.attr("code")), e.number("factor", 1), e.attr("glued") == "1"});
  qualifier_list_ = q.data();
  for (const auto& e : q) qualifier_of_.push_back(qualifier_of(e));
  amount_nouns_.add_list(lexicon.list("amount_nouns"));
  for (const auto& e : lexicon.list("scales")) {
    if (e.attr("type") != "vague") continue;
    for (const auto& f : e.forms) {
      vague_.emplace(f, Vague{e.number("lo"), e.number("hi")});
      vague_filter_.add_word(f);
    }
  }
  for (const char* list : {"currencies", "number_words"})
    for (const auto& e : lexicon.list(list))
      for (const auto& f : e.forms) {
        Tokens t;
        tokenize(f, t);
        if (!t.list.empty()) word_filter_.add_word(t.list.front().low);
      }
  word_filter_.add_all(vague_filter_);
  word_filter_.add_all(reader_.number_word_filter());
  reader_.add_next_words(next_words_);
  currencies_.for_each_phrase([&](std::span<const std::string> words) {
    if (words.size() > 1 && currencies_.start_of(words[0]) != PhraseTable::Start::Alone) next_words_.add_word(words[1]);
  });
  reader_.add_next_words(continuations_);
  for (const PhraseTable* t : {&currencies_, &units_, &sep_dash_, &sep_between_, &sep_from_})
    t->for_each_phrase([&](std::span<const std::string> words) { continuations_.add_word(words.front()); });
  continuations_.add_word("di");
  continuations_.add_word("d");
}

// may_start's tests on the word alone: a vague word or a currency opens an
// amount on its own; a currency's first word otherwise only before the
// rest of its name; a number word as the reader says.
Opens AmountMatcher::opens_uncached(std::string_view w) const {
  if (vague_filter_.may_hold(w) && vague_.contains(w)) return Opens::Ask;
  const auto currency = currencies_.start_of(w);
  if (currency == PhraseTable::Start::Alone) return Opens::Ask;
  const Opens number = reader_.opens(w);
  if (number == Opens::Ask) return Opens::Ask;
  if (number == Opens::BeforeNext || currency == PhraseTable::Start::Longer) return Opens::BeforeNext;
  return Opens::Never;
}

Opens AmountMatcher::opens(std::string_view w) const {
  if (w.size() > OpensMemo::kMaxWord) return opens_uncached(w);
  OpensMemo& m = opens_memo[opens_slot(w)];
  if (m.matcher == memo_id_ && same_word(m, w)) return m.opens;
  const Opens o = opens_uncached(w);
  m.matcher = memo_id_;
  std::memcpy(m.word, w.data(), w.size());
  m.size = static_cast<std::uint8_t>(w.size());
  m.opens = o;
  return o;
}

bool AmountMatcher::may_open(const std::vector<Token>& toks, std::size_t i) const {
  // A remembered word is answered here; opens (out of line) looks again
  // and remembers.
  const std::string_view w = toks[i].low;
  const OpensMemo* m = w.size() <= OpensMemo::kMaxWord ? &opens_memo[opens_slot(w)] : nullptr;
  const bool known = m && m->matcher == memo_id_ && same_word(*m, w);
  switch (known ? m->opens : opens(w)) {
    case Opens::Never:
      return false;
    case Opens::BeforeNext:
      return i + 1 < toks.size() && next_words_.may_hold(toks[i + 1].low);
    default:
      return true;
  }
}

std::uint8_t AmountMatcher::mark_key(const void* owner, std::string_view key) {
  // A key with digits is a number or a word the money tokens split ("85bn"):
  // its tokens are asked.
  for (const char c : key)
    if (c >= '0' && c <= '9') return kOpens | kOpensBeforeNext | kFollows;
  const auto& m = *static_cast<const AmountMatcher*>(owner);
  const Opens o = m.word_filter_.may_hold(key) ? m.opens(key) : Opens::Never;
  const std::uint8_t follows = m.next_words_.may_hold(key) ? kFollows : 0;
  return follows | (o == Opens::Ask ? kOpens : o == Opens::BeforeNext ? kOpensBeforeNext : 0);
}

// A few steps at a time, then halving (the tokens asked for are sparse).
std::size_t first_token_at(const std::vector<Token>& toks, std::size_t m, std::uint32_t at) {
  std::size_t step = 1;
  std::size_t hi = m;
  while (hi < toks.size() && toks[hi].begin < at) {
    m = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = std::min(hi, toks.size());
  while (m < hi) {
    const std::size_t mid = m + (hi - m) / 2;
    if (toks[mid].begin < at) m = mid + 1;
    else hi = mid;
  }
  return m;
}

std::size_t AmountMatcher::next_candidate(const entity::TokenStream& words, const std::vector<Token>& toks,
                                          WordCursor& at) const {
  const entity::Token* const w = words.tokens.data();
  const std::size_t n = words.tokens.size();
  const std::size_t count = toks.size();
  for (std::size_t k = at.word; k < n; ++k) {
    const std::uint8_t mark = w[k].mark;
    if (!(mark & (kOpens | kOpensBeforeNext))) [[likely]] continue;
    // A word that opens only before some next words, followed by a word
    // that is none of them (and made one token of its own, its key), opens nothing.
    if (!(mark & kOpens) && (k + 1 == n || !(w[k + 1].mark & kFollows))) continue;
    // The tokens starting within word k (up to the next word) are asked.
    at.token = first_token_at(toks, at.token, w[k].begin);
    const std::uint32_t end = k + 1 < n ? w[k + 1].begin : UINT32_MAX;
    for (std::size_t i = std::max(at.token, at.from); i < count && toks[i].begin < end; ++i)
      if (is_candidate(toks, i)) {
        at.word = k;
        return i;
      }
  }
  at.word = n;
  return count;
}

// False only when match_slow would find nothing at i: most words that pass
// word_filter_ ("il", "un", "settore") are turned away here, before the
// candidate is built. The tests follow match_slow's: a vague word or a
// currency opens an amount on its own; anything else only as a number.
bool AmountMatcher::may_start(const std::vector<Token>& toks, std::size_t i) const {
  const Token& t = toks[i];
  if (t.kind == TokKind::Digits) return true;
  if (vague_filter_.may_hold(t.low) && vague_.contains(t.low)) return true;
  if (currencies_.match_at(toks, i)) return true;
  return reader_.may_read_at(toks, i);
}

// What follows a number of one token in match_slow: its reading goes on
// only over a scale, group or fraction; then a currency (also after "di",
// "d'"), a range separator or a unit (also after "di") must come, else
// resolve_bare finds no scale and refuses it.
bool AmountMatcher::lone_number(const std::vector<Token>& toks, std::size_t i) const {
  // The next token first: an amount's number is followed by one that may continue it.
  if (i + 1 < toks.size() && continuations_.may_hold(toks[i + 1].low)) return false;
  const std::string_view w = toks[i].low;
  return !currencies_.may_match_at(toks, i) && !(vague_filter_.may_hold(w) && vague_.contains(w));
}

// A currency at i ("dollari", "$", "US$", "dollari canadesi"); with allow_di
// also "di dollari".
std::optional<AmountMatcher::CurrencyHit> AmountMatcher::currency_at(const std::vector<Token>& toks, std::size_t i,
                                                                     bool allow_di) const {
  if (i >= toks.size()) return std::nullopt;
  auto hit = currencies_.match_at(toks, i);
  if (!hit && allow_di && toks[i].low == "di") hit = currencies_.match_at(toks, i + 1);
  if (!hit && allow_di && toks[i].low == "d" && i + 1 < toks.size() && toks[i + 1].low == "'")
    hit = currencies_.match_at(toks, i + 2);
  if (!hit) return std::nullopt;
  const CurrencyFacts& facts = currency_facts_[static_cast<std::size_t>(hit->entry - currency_list_)];
  if (facts.glued)
    for (std::size_t k = hit->first + 1; k < hit->last; ++k)
      if (!toks[k].glued_left) return std::nullopt;
  return CurrencyHit{hit->last, facts.code, facts.factor};
}

// "decine di miliardi di dollari": value lo*scale .. hi*scale, about.
// c (started at i) is written only when the amount is found.
bool AmountMatcher::vague_at(const std::vector<Token>& toks, std::size_t i, Candidate& c) const {
  const Vague* vague = vague_.find(toks[i].low);
  if (!vague || i + 2 >= toks.size() || toks[i + 1].low != "di") return false;
  double scale = reader_.scale_at(toks, i + 2);
  if (scale < kContextScale) return false;
  auto cur = currency_at(toks, i + 3, true);
  if (!cur || cur->code.empty()) return false;
  c.last = cur->last;
  c.value = vague->lo * scale;
  c.max = vague->hi * scale;
  c.currency = cur->code;
  c.qualifier = Qualifier::About;
  c.rule += "vague-";
  c.rule += toks[i].low;
  c.rule += "+di+scale+di+currency";
  return true;
}

// "tra 5 e 10 miliardi", "da 12 a 16 miliardi", "50-60 miliardi",
// "10 euro - 20 euro". Scale and currency of the right end are shared.
bool AmountMatcher::read_range(const std::vector<Token>& toks, std::size_t start, NumRead& low,
                               std::optional<NumRead>& high, std::optional<CurrencyHit>& cur,
                               std::optional<CurrencyHit>& after_low) const {
  std::size_t p = low.last;
  after_low = currency_at(toks, p, true);
  const auto& mid = after_low;
  if (mid) p = mid->last;
  if (p >= toks.size()) return false;
  // The separator first: the words before the range are looked at only
  // when it could close one ("tra 5 e", "da 12 a").
  auto opened = [&](const PhraseTable& t) { return start > 0 && t.match_before(toks, start).has_value(); };
  bool sep = sep_dash_.match_at(toks, p) || (sep_between_.match_at(toks, p) && opened(range_open_between_)) ||
             (sep_from_.match_at(toks, p) && opened(range_open_from_));
  if (!sep) return false;
  ++p;
  auto pre = currency_at(toks, p, false);
  if (pre && !pre->code.empty()) p = pre->last;
  auto n2 = reader_.read(toks, p, pre.has_value());
  if (!n2 || n2->definite) return false;
  NumRead lo = low;
  if (!lo.has_scale && n2->has_scale) {
    lo.value *= n2->scale;
    lo.scale = n2->scale;
    lo.has_scale = true;
  }
  if (lo.value >= n2->value) return false;
  low = lo;
  high = *n2;
  if (!cur && mid && !mid->code.empty()) cur = mid;
  if (!cur && pre && !pre->code.empty()) cur = pre;
  return true;
}

// "15 dollari e 15 centesimi", "1 USD 23 centesimi", "15 dollari 50."
void AmountMatcher::add_cents(const std::vector<Token>& toks, Candidate& c) const {
  std::size_t p = c.last;
  if (p < toks.size() && toks[p].low == "e") ++p;
  auto n = reader_.read(toks, p);
  if (!n || n->has_scale || !n->integer || n->value >= 100) return;
  auto sub = currency_at(toks, n->last, false);
  bool named = sub && sub->code.empty() && sub->factor < 1;
  if (!named && !ends_clause(toks, n->last)) return;
  c.value += n->value / 100;
  c.last = named ? sub->last : n->last;
  c.rule += "+cents";
}

// An amount with no currency: a quantity ("10 gigawatt", "4-5 milioni di
// GPU"), money in the document's currency ("35 miliardi"), or nothing.
bool AmountMatcher::resolve_bare(const std::vector<Token>& toks, const NumRead& n, Candidate& c) const {
  std::size_t p = c.last;
  auto unit = units_.match_at(toks, p);
  if (!unit && p < toks.size() && toks[p].low == "di") unit = units_.match_at(toks, p + 1);
  if (unit) {
    c.quantity = true;
    c.unit = std::string(unit->entry->attr("unit"));
    c.last = unit->last;
    c.rule += "+unit";
    return true;
  }
  if (n.glued_suffix || !n.has_scale || n.scale < kContextScale) return false;
  if (p < toks.size() && toks[p].low == "di" && !amount_nouns_.match_at(toks, p + 1)) return false;
  c.needs_context = true;
  c.rule += "+context-currency";
  return true;
}

// Qualifier words before the amount, across articles and quotes:
// "oltre i 500 miliardi", "fino ad arrivare ad \"almeno\" 500".
void AmountMatcher::add_qualifier(const std::vector<Token>& toks, std::size_t floor, Candidate& c) const {
  std::size_t pos = c.first;
  for (int step = 0; step < 4 && pos > floor; ++step) {
    if (auto hit = qualifiers_.match_before(toks, pos); hit && hit->first >= floor) {
      if (auto q = qualifier_of_[static_cast<std::size_t>(hit->entry - qualifier_list_)]) {
        c.qualifier = *q;
        c.first = hit->first;
        c.rule.prepend("qualifier+");
      }
      return;
    }
    if (is_quote(toks[pos - 1])) {
      --pos;
    } else if (auto skip = skips_.match_before(toks, pos); skip && skip->first >= floor) {
      pos = skip->first;
    } else {
      return;
    }
  }
}

bool AmountMatcher::match_slow(const std::vector<Token>& toks, std::size_t i, std::size_t floor,
                               Candidate& c) const {
  if (lone_number(toks, i) || !may_start(toks, i)) return false;
  c.start_at(i);
  if (vague_filter_.may_hold(toks[i].low) && vague_at(toks, i, c)) return true;
  std::optional<CurrencyHit> cur;
  std::size_t k = i;
  if (auto pre = currency_at(toks, i, false); pre && !pre->code.empty() && pre->factor == 1) {
    cur = pre;
    k = pre->last;
    c.rule += "currency+";
  }
  auto low = reader_.read(toks, k, cur.has_value());
  if (!low) return false;
  std::optional<NumRead> high;
  std::optional<CurrencyHit> after_low;
  bool change = false;
  if (read_range(toks, i, *low, high, cur, after_low)) {
    c.rule += "range:";
    if (i > 0 && (range_open_between_.match_before(toks, i) || range_open_from_.match_before(toks, i)))
      c.first = i - 1;
    change = is_change(toks, i);
  }
  const NumRead& end = high ? *high : *low;
  c.value = low->value;
  if (high) c.max = high->value;
  c.rule += low->rule;
  if (high) {
    c.rule += "-";
    c.rule += high->rule;
  }
  c.last = end.last;
  if (!cur) {
    // Without a range c.last is low->last, where read_range read it.
    cur = high ? currency_at(toks, c.last, true) : after_low;
    if (cur) {
      c.rule += toks[c.last].low == "di" ? "+di+currency" : "+currency";
      c.last = cur->last;
      // "centesimi di dollaro"
      if (cur->code.empty())
        if (auto named = currency_at(toks, c.last, true); named && !named->code.empty()) {
          cur->code = named->code;
          c.last = named->last;
        }
    }
  }
  if (cur) {
    if ((low->definite) && cur->code.empty()) return false;
    c.value *= cur->factor;
    if (c.max) *c.max *= cur->factor;
    c.currency = cur->code;
    c.needs_context = cur->code.empty();
    if (!end.has_scale && !c.max && cur->factor == 1) add_cents(toks, c);
  } else {
    if (low->definite || !resolve_bare(toks, end, c)) return false;
  }
  if (change) {
    // "salita da 12 a 16 miliardi di dollari": the first value alone here;
    // the second is matched next from "16".
    c.max.reset();
    c.first = c.amount_first;
    c.last = low->last;
    c.rule.clear();
    c.rule += "change-from:";
    c.rule += low->rule;
    c.rule += "+shared-scale-currency";
    return true;
  }
  add_qualifier(toks, floor, c);
  return true;
}

// A verb of change just before "da X a Y" ("è salita da 12 a 16").
bool AmountMatcher::is_change(const std::vector<Token>& toks, std::size_t i) const {
  if (i < 2 || !range_open_from_.match_before(toks, i)) return false;
  for (std::size_t back = 2; back <= 3 && back <= i; ++back)
    if (change_verbs_.match_before(toks, i - back + 1)) return true;
  return false;
}

}  // namespace dealscan::money

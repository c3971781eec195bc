// MoneyExtractor: match amounts (money_amounts.cpp), then resolve them in one
// place: elided currencies from the document, durations, conversions.
#include <algorithm>

#include "dealscan/extract.h"
#include "extract/entity_tokens.h"
#include "extract/money_amounts.h"
#include "extract/money_period.h"
#include "extract/money_tokens.h"

namespace dealscan {
namespace {

// The sentence that holds token i, as tokens are assigned to sentences: the
// first one not ending at or before the token's start, else the last one.
// Amounts are met in text order: the search goes on from sentence `from`,
// which ends after no token before i.
std::size_t sentence_of(const std::vector<money::Token>& toks, const std::vector<Sentence>& sentences, std::size_t i,
                        std::size_t from) {
  const std::uint32_t at = toks[i].begin;
  std::size_t s = from;
  while (s + 1 < sentences.size() && at >= sentences[s].span.end) ++s;
  return s;
}

}  // namespace

struct MoneyExtractor::Impl {
  explicit Impl(const Lexicon& lexicon) : amounts(lexicon), periods(lexicon, amounts.reader()) {
    conversions.add_list(lexicon.list("conversions"));
  }

  money::AmountMatcher amounts;
  money::PeriodFinder periods;
  money::PhraseTable conversions;

  // A money amount found, with what resolution still reads of its
  // candidate (its tokens and whether its currency is elided).
  struct Found {
    std::size_t first = 0, last = 0;  // tokens, qualifier included
    bool needs_context = false;
    MoneyMention m;
  };
  // The tokens of an amount kept, for link_conversions.
  struct AmountTokens {
    std::size_t first = 0, last = 0;
  };
  // Sentence bounds (in tokens) of the last sentence asked: the amounts of a
  // sentence ask for it in turn, and later amounts for later sentences.
  struct BoundsCache {
    std::size_t sentence = static_cast<std::size_t>(-1);
    std::pair<std::size_t, std::size_t> bounds;
  };

  // First token of the sentence holding token i, and one past its last.
  // Searched for the few tokens that open an amount (in text order), from
  // the last sentence asked, not indexed for all.
  static std::pair<std::size_t, std::size_t> sentence_bounds(const std::vector<money::Token>& toks,
                                                             const std::vector<Sentence>& sentences, std::size_t i,
                                                             BoundsCache& cache) {
    const bool asked = cache.sentence != static_cast<std::size_t>(-1);
    const std::size_t s = sentence_of(toks, sentences, i, asked ? cache.sentence : 0);
    if (s == cache.sentence) return cache.bounds;
    // A later sentence's tokens start at or after the last one's end.
    const std::size_t b = s == 0 ? 0 : money::first_token_at(toks, cache.bounds.second, sentences[s - 1].span.end);
    const std::size_t e = s + 1 >= sentences.size() ? toks.size() : money::first_token_at(toks, b, sentences[s].span.end);
    cache = {s, {b, e}};
    return {b, e};
  }

  // Elided currency: the nearest one named before, else the first named after.
  static void fill_context_currency(std::vector<Found>& found) {
    std::string first_named;
    for (const auto& f : found)
      if (!f.m.currency.empty() && !f.needs_context) { first_named = f.m.currency; break; }
    std::string last = first_named;
    for (auto& f : found) {
      if (!f.needs_context) {
        last = f.m.currency;
        continue;
      }
      f.m.currency = last;
      f.m.currency_from_context = true;
    }
  }

  // "100 miliardi di dollari (quasi 85 miliardi di euro)", "..., ovvero circa 30 miliardi di euro".
  void link_conversions(const std::vector<money::Token>& toks, std::vector<MoneyMention>& money,
                        const std::vector<AmountTokens>& cands) const {
    for (std::size_t i = 1; i < money.size(); ++i) {
      const auto& a = cands[i - 1];
      const auto& b = cands[i];
      if (money[i].currency == money[i - 1].currency || money[i].currency_from_context) continue;
      std::size_t k = a.last;
      if (k < b.first && (toks[k].low == "," || toks[k].low == "(")) ++k;
      if (k < b.first) {
        auto hit = conversions.match_at(toks, k);
        if (!hit || hit->last != b.first) continue;
        k = hit->last;
      }
      if (k == b.first && k > a.last) money[i].conversion_of = i - 1;
    }
  }

  static constexpr std::size_t kKeepTokenBytes = 4u << 20;
  static void release(money::Tokens& t) {
    std::string().swap(t.lowered);
    std::vector<money::Token>().swap(t.list);
  }

  MoneyOutput extract(const DocumentText& doc, const std::vector<Sentence>& sentences) const {
    MoneyOutput out;
    const std::string_view text = doc.text();
    thread_local money::Tokens tokens;  // buffers reused per thread; only read inside this call
    // The shared word scan spares a second reading of most words; when it
    // marks the words that may open an amount, and its white space is all
    // plain (no token but its words'), only those words' tokens are asked.
    const entity::WordMarker marker = amounts.opening_marker();
    const auto& words = doc.words(marker);
    const bool by_marks = words.valid_utf8 && words.plain_spaces && words.marked_by == marker.salt;
    if (words.valid_utf8) money::tokenize_words(words, doc.lowered(), tokens);
    else money::tokenize(text, doc.lowered(), tokens);
    const auto& toks = tokens.list;
    money::AmountMatcher::WordCursor cursor;
    auto next_candidate = [&](std::size_t from) {
      if (!by_marks) return amounts.next_candidate(toks, from);
      cursor.from = from;
      return amounts.next_candidate(words, toks, cursor);
    };
    thread_local std::vector<Found> found;  // reused per thread, emptied below
    found.clear();
    BoundsCache bounds;
    std::size_t floor = 0;
    money::Candidate c;  // refilled at each token asked
    // Only the tokens that may open an amount are matched at.
    for (std::size_t i = next_candidate(0); i < toks.size(); i = next_candidate(i)) {
      if (!amounts.match(toks, i, floor, c)) { ++i; continue; }
      auto [sb, se] = sentence_bounds(toks, sentences, c.amount_first, bounds);
      if (c.first < sb) c.first = sb;  // a qualifier never crosses a sentence
      Span span{toks[c.first].begin, toks[c.last - 1].end};
      if (c.quantity) {
        Quantity q{span, c.value, c.max, std::move(c.unit), c.rule.str(), {}, {}};  // c is done with
        q.text = std::string(text.substr(span.begin, span.size()));
        out.quantities.push_back(std::move(q));
      } else {
        Found& f = found.emplace_back();
        f.first = c.first;
        f.last = c.last;
        f.needs_context = c.needs_context;
        MoneyMention& m = f.m;
        m.span = span;
        m.value = c.value;
        m.max = c.max;
        m.currency = std::move(c.currency);  // c keeps only its tokens and needs_context
        m.qualifier = c.qualifier;
        m.rule = c.rule.str();
        if (auto p = periods.find(toks, c.first, c.last, sb, se)) {
          m.period_years = p->years;
          m.period_span = p->span;
        }
        floor = i = c.last;
        continue;
      }
      floor = c.last;
      i = c.last;
    }
    fill_context_currency(found);
    thread_local std::vector<AmountTokens> kept;
    kept.clear();
    out.money.reserve(found.size());
    for (auto& f : found) {
      if (f.m.currency.empty()) continue;  // no currency anywhere in the document
      kept.push_back({f.first, f.last});
      out.money.push_back(std::move(f.m));
    }
    found.clear();  // frees the mentions' strings now, not at the next document
    link_conversions(toks, out.money, kept);
    if (text.size() > kKeepTokenBytes) release(tokens);  // a huge document's are not kept
    return out;
  }
};

MoneyExtractor::MoneyExtractor(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
MoneyExtractor::~MoneyExtractor() = default;
MoneyExtractor::MoneyExtractor(MoneyExtractor&&) noexcept = default;
MoneyExtractor& MoneyExtractor::operator=(MoneyExtractor&&) noexcept = default;

MoneyOutput MoneyExtractor::extract(std::string_view text, const std::vector<Sentence>& sentences) const {
  return impl_->extract(DocumentText(text), sentences);
}

MoneyOutput MoneyExtractor::extract(const DocumentText& doc, const std::vector<Sentence>& sentences) const {
  return impl_->extract(doc, sentences);
}

}  // namespace dealscan

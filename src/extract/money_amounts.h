// Matching step of the money extractor: finds amount candidates in tokens
// (number + scale + currency, ranges, qualifiers, vague amounts, quantities).
// Resolution (context currency, periods, conversions) is in money.cpp.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dealscan/lexicon.h"
#include "dealscan/types.h"
#include "extract/money_phrases.h"
#include "extract/money_words.h"
#include "extract/number_reader.h"

namespace dealscan::money {

// A rule name built piece by piece while an amount is matched ("currency+",
// the numbers' rules, "+di+currency", "qualifier+" before): written in
// place, so a candidate that is dropped allocates nothing and a kept one
// makes one std::string. A name beyond the buffer (no built-in rule is)
// goes on in a std::string.
class RuleName {
 public:
  RuleName& operator+=(std::string_view s) {
    if (spilled_.empty() && n_ + s.size() <= kCap) {
      std::memcpy(buf_ + n_, s.data(), s.size());
      n_ += static_cast<std::uint8_t>(s.size());
    } else {
      spill();
      spilled_ += s;
    }
    return *this;
  }
  void prepend(std::string_view s) {
    if (spilled_.empty() && n_ + s.size() <= kCap) {
      std::memmove(buf_ + s.size(), buf_, n_);
      std::memcpy(buf_, s.data(), s.size());
      n_ += static_cast<std::uint8_t>(s.size());
    } else {
      spill();
      spilled_.insert(0, s);
    }
  }
  void clear() {
    n_ = 0;
    spilled_.clear();
  }
  std::string_view view() const { return spilled_.empty() ? std::string_view(buf_, n_) : std::string_view(spilled_); }
  std::string str() const { return std::string(view()); }

 private:
  static constexpr std::size_t kCap = 104;  // the longest built-in name is shorter
  // Moves the name into spilled_ (it goes on there).
  void spill() {
    if (spilled_.empty()) spilled_.assign(buf_, n_);
  }
  char buf_[kCap];
  std::uint8_t n_ = 0;
  std::string spilled_;  // the whole name once it outgrew buf_
};

// The first token from m on not starting before offset `at` (toks.size()
// if none): tokens are sorted, and m must not be past it.
std::size_t first_token_at(const std::vector<Token>& toks, std::size_t m, std::uint32_t at);

// An amount as matched, before resolution.
struct Candidate {
  std::size_t first = 0;  // first token (qualifier included)
  std::size_t amount_first = 0;  // first token of the amount proper
  std::size_t last = 0;   // one past the last token
  double value = 0;
  std::optional<double> max;
  std::string currency;  // empty: elided
  bool needs_context = false;  // money only if the document names a currency
  Qualifier qualifier = Qualifier::Exact;
  bool quantity = false;
  std::string unit;
  RuleName rule;

  // Made ready for an amount starting at token i: one candidate is
  // refilled for every token asked, its strings keep their room.
  void start_at(std::size_t i) {
    first = amount_first = last = i;
    value = 0;
    max.reset();
    currency.clear();
    needs_context = false;
    qualifier = Qualifier::Exact;
    quantity = false;
    unit.clear();
    rule.clear();
  }
};

class AmountMatcher {
 public:
  explicit AmountMatcher(const Lexicon& lexicon);
  // Whether an amount starts at token i (its qualifier may start before
  // i), written into c (its other fields unspecified when none does).
  // Tokens before `floor` belong to an earlier amount.
  // Asked at every token: the quick refusal of a word or mark no filter
  // lets through is inline, the rest out of line (a mark opens an amount
  // only as a currency, and word_filter_ lets every currency through).
  bool match(const std::vector<Token>& toks, std::size_t i, std::size_t floor, Candidate& c) const {
    const Token& t = toks[i];
    if (t.kind != TokKind::Digits && !word_filter_.may_hold(t.low)) return false;
    return match_slow(toks, i, floor, c);
  }
  // The first token from i on where match's quick refusal does not turn
  // the amount away (toks.size() if none): one tight loop over the many
  // tokens that open nothing, asked before match.
  // A word the filter lets through is asked may_open, which turns away the
  // many that never open an amount ("settore") or not before this next
  // token ("il", "un", "a").
  std::size_t next_candidate(const std::vector<Token>& toks, std::size_t i) const {
    const Token* t = toks.data();
    const std::size_t n = toks.size();
    const bool short_prefixes = word_filter_.has_short_prefixes();
    for (;; ++i) {
      if (!short_prefixes) {  // the lexicon's case: one bit per word
        while (i < n && t[i].kind != TokKind::Digits && !word_filter_.may_hold_no_short(t[i].low)) ++i;
      } else {
        while (i < n && t[i].kind != TokKind::Digits && !word_filter_.may_hold(t[i].low)) ++i;
      }
      if (i >= n || t[i].kind == TokKind::Digits || may_open(toks, i)) return i;
    }
  }
  // Whether next_candidate stops at token i (it stops at the first such).
  bool is_candidate(const std::vector<Token>& toks, std::size_t i) const {
    const Token& t = toks[i];
    return t.kind == TokKind::Digits || (word_filter_.may_hold(t.low) && may_open(toks, i));
  }
  // The marker for the shared scan: the mark of a word or mark says
  // whether its token may open an amount alone (kOpens: opens says Ask),
  // only before some next words (kOpensBeforeNext) or never (neither bit),
  // and whether it may be one of those next words (kFollows). A key with
  // digits (split or joined by the money tokens) has every bit set, as
  // entity::kUnmarked has.
  static constexpr std::uint8_t kOpens = 1, kOpensBeforeNext = 2, kFollows = 4;
  entity::WordMarker opening_marker() const { return {memo_salt_, &mark_key, this}; }
  // Where next_candidate over the scan's words stands: the word it looks
  // at, the first token not starting before the last word asked, and the
  // token before which all is done with (the caller sets it past each candidate it is
  // given: one past it, or past its amount).
  struct WordCursor {
    std::size_t word = 0, token = 0;
    std::size_t from = 0;
  };
  // next_candidate(toks, at.from) over the words of the shared scan,
  // marked by opening_marker, that toks were made of (tokenize_words, in a
  // text whose white space is all plain): a byte test per word, and only
  // the tokens starting within a word whose mark may open an amount are
  // asked is_candidate.
  std::size_t next_candidate(const entity::TokenStream& words, const std::vector<Token>& toks, WordCursor& at) const;
  const NumberReader& reader() const { return reader_; }

 private:
  bool match_slow(const std::vector<Token>& toks, std::size_t i, std::size_t floor, Candidate& c) const;
  struct CurrencyHit {
    std::size_t last = 0;
    std::string_view code;  // a view of its CurrencyFacts' code
    double factor = 1;
  };
  // What a currency entry says (code, factor, glued), read once per entry.
  struct CurrencyFacts {
    std::string code;
    double factor = 1;
    bool glued = false;
  };
  // Indexed by the entry's place in the lexicon's currency list (a hit's
  // entry points into it), as the qualifiers' below.
  const LexEntry* currency_list_ = nullptr;
  std::vector<CurrencyFacts> currency_facts_;
  const LexEntry* qualifier_list_ = nullptr;
  std::vector<std::optional<Qualifier>> qualifier_of_;
  std::optional<CurrencyHit> currency_at(const std::vector<Token>& toks, std::size_t i, bool allow_di) const;
  bool vague_at(const std::vector<Token>& toks, std::size_t i, Candidate& c) const;
  // after_low: currency_at(toks, low.last, true) as it was read on the way
  // (match_slow asks it again when there is no range).
  bool read_range(const std::vector<Token>& toks, std::size_t intro, NumRead& low, std::optional<NumRead>& high,
                  std::optional<CurrencyHit>& cur, std::optional<CurrencyHit>& after_low) const;
  void add_cents(const std::vector<Token>& toks, Candidate& c) const;
  bool resolve_bare(const std::vector<Token>& toks, const NumRead& n, Candidate& c) const;
  bool is_change(const std::vector<Token>& toks, std::size_t i) const;
  void add_qualifier(const std::vector<Token>& toks, std::size_t floor, Candidate& c) const;

  NumberReader reader_;
  PhraseTable currencies_, qualifiers_, skips_, units_, amount_nouns_;
  PhraseTable range_open_between_, range_open_from_, sep_between_, sep_from_, sep_dash_, change_verbs_;
  struct Vague {
    double lo, hi;
  };
  WordTable<Vague> vague_;
  PrefixFilter vague_filter_;  // its words, asked before hashing
  // The first words of currencies, vague and number words: one test turns
  // most other words away before may_start's costlier ones.
  PrefixFilter word_filter_;
  // Whether an amount may start at token i; match() has asked word_filter_.
  bool may_start(const std::vector<Token>& toks, std::size_t i) const;
  // True when match_slow surely finds nothing at i because only a number of
  // one token can start there (no currency or vague word does) and the
  // token after it continues none: "2025 ,", "due società". Most numbers
  // of a text are such, and reading them fully cost the most of the
  // matcher's refusals.
  bool lone_number(const std::vector<Token>& toks, std::size_t i) const;
  // Every word that may follow a number of one token in an amount: the
  // reader's next words (scales, groups, fractions), the first words of
  // currencies, units and range separators, "di" and "d" (of "d'").
  PrefixFilter continuations_;

  // False only when may_start(toks, i) is false, for a word or mark: from
  // what the word alone allows (remembered per thread, see opens) and, for
  // a BeforeNext word, whether next_words_ lets the next token through.
  bool may_open(const std::vector<Token>& toks, std::size_t i) const;
  // What a word allows, remembered: the same few words ("il", "un", "a",
  // "settore") come again and again.
  [[gnu::noinline]] Opens opens(std::string_view w) const;  // may_open's rare path
  Opens opens_uncached(std::string_view w) const;
  // Every token that may follow a BeforeNext word in an amount: the
  // reader's next words and the second words of the currencies whose first
  // word is no currency alone ("a" of "A$", "corone" of "corone svedesi").
  PrefixFilter next_words_;
  // opening_marker's question, asked of the matcher at owner.
  static std::uint8_t mark_key(const void* owner, std::string_view key);
  // Tells this matcher's remembered answers from another's.
  std::uint64_t memo_id_;
  std::uint64_t memo_salt_;  // the same for opening_marker's marks (never 0: memo_id_ starts at 1)
};

}  // namespace dealscan::money

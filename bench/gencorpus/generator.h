// Deterministic generator of Italian business news for benchmarks, fuzz seeds
// and property tests. Same seed, same lexicon => same bytes.
//
// The corpus is a set of deals (stories). Each deal is told by one to eight
// articles (most by one to three) from different outlets, a few days apart;
// a handful of deals are open at once, so their articles interleave the way a
// news feed does. Some articles disagree with the others (see Variant).
//
//   ArticleGenerator gen(Lexicon::builtin(), 42);
//   std::string doc = gen.article(5000);  // ~5 KB, usually with " date ..."
//   Article a = gen.next(5000);            // the same, with its deal and outlet
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "amounts.h"
#include "article.h"
#include "deal.h"
#include "rng.h"
#include "vocabulary.h"

namespace dealscan::gen {

struct Article {
  std::string text;
  Telling telling;   // the deal and how this article tells it
  std::string date;  // publication date, "" when the article carries none
};

class ArticleGenerator {
 public:
  ArticleGenerator(const Lexicon& lexicon, std::uint64_t seed) : vocab_(Vocabulary::from(lexicon)), rng_(seed) {}

  // One article of roughly target_bytes (never much less; at least a lead).
  std::string article(std::size_t target_bytes) { return next(target_bytes).text; }

  Article next(std::size_t target_bytes) {
    while (open_.size() < kOpenDeals) open_.push_back(start_deal());
    std::size_t i = rng_.below(open_.size());
    Coverage& c = open_[i];
    c.day = c.told == 0 ? c.deal.day : c.day + static_cast<long>(rng_.weighted({35, 30, 20, 15}));
    Article a;
    a.telling = telling(c);
    a.date = rng_.chance(92) ? iso_date(c.day) : "";
    ArticleWriter writer(vocab_, rng_);
    a.text = writer.write(a.telling, target_bytes, a.date);
    if (++c.told == c.deal.articles) open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
    return a;
  }

  std::size_t deals_started() const { return deals_; }

 private:
  static constexpr std::size_t kOpenDeals = 6;

  // A deal being covered: how many articles so far, the latest date, outlets.
  struct Coverage {
    Deal deal;
    int told = 0;
    long day = 0;
    std::vector<std::string> outlets;
  };

  Coverage start_deal() {
    Coverage c;
    c.deal = DealMaker(vocab_, rng_).make(deals_++);
    return c;
  }

  // This article's version: its outlet, its mood and whether it disagrees.
  Telling telling(Coverage& c) {
    const Deal& d = c.deal;
    Telling t;
    t.deal = d;
    t.payer = vocab_.companies[d.payer].name;
    t.payee = vocab_.companies[d.payee].name;
    t.amount = d.amount;
    t.qualifier = d.qualifier;
    t.closing_year = d.closing_year;
    t.outlet = new_outlet(c);
    t.scoop = c.outlets.front();
    t.ordinal = c.told;
    t.rumoured = d.status != DealStatus::Announced || (c.told == 0 && rng_.chance(15));
    t.denied = d.status == DealStatus::Denied && (c.told > 0 || rng_.chance(50));
    // The first article sets the story; later ones may disagree with it.
    t.variant = c.told == 0 ? (rng_.chance(10) ? Variant::OtherSource : Variant::Faithful)
                            : static_cast<Variant>(rng_.weighted({70, 10, 7, 5, 8}));
    switch (t.variant) {
      case Variant::Value: t.amount = different(d.amount); break;
      case Variant::Qualifier: t.qualifier = other_qualifier(d.qualifier); break;
      case Variant::Closing: t.closing_year += rng_.chance(50) ? 1 : -1; break;
      case Variant::OtherSource: t.alt = different(d.amount); break;
      default: break;
    }
    return t;
  }

  // An outlet that has not covered this deal yet (when a few tries find one).
  std::string new_outlet(Coverage& c) {
    std::string m = rng_.pick(vocab_.media);
    for (int tries = 0; tries < 8 && std::find(c.outlets.begin(), c.outlets.end(), m) != c.outlets.end(); ++tries)
      m = rng_.pick(vocab_.media);
    c.outlets.push_back(m);
    return m;
  }

  // A figure far enough from the deal's to be a real disagreement.
  Amount different(const Amount& a) {
    static constexpr std::array<double, 7> kFactors = {0.5, 0.6, 0.7, 1.4, 1.6, 2.0, 3.0};
    return round_amount(a.value() * rng_.pick_array(kFactors), a.code);
  }

  std::string other_qualifier(const std::string& q) {
    if (!q.empty() && rng_.chance(50)) return "";
    for (int tries = 0; tries < 8; ++tries) {
      const std::string& other = rng_.pick(vocab_.deal_qualifiers);
      if (other != q) return other;
    }
    return "";
  }

  Vocabulary vocab_;
  Rng rng_;
  std::vector<Coverage> open_;
  std::size_t deals_ = 0;
};

}  // namespace dealscan::gen

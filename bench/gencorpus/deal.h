// A generated deal: the facts several articles tell. Each deal has a payer
// and a payee (two companies of different groups), a kind, an amount, a date,
// sometimes a qualifier, a period, a closing time and a second figure; then
// how many outlets cover it. Articles may tell it differently (see Telling).
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "amounts.h"
#include "rng.h"
#include "vocabulary.h"

namespace dealscan::gen {

enum class DealKind { Investment, Acquisition, Contract, FundingRound, Stake };
inline constexpr int kDealKinds = 5;

// How sure the news is: announced, only rumoured, or rumoured and denied.
enum class DealStatus { Announced, Rumoured, Denied };

// Civil date <-> day number (days since 1970-01-01), H. Hinnant's algorithms.
inline long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
inline std::string iso_date(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  long y = yoe + era * 400 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return buf;
}
inline int year_of(long days) { return std::stoi(iso_date(days).substr(0, 4)); }

struct Deal {
  std::size_t id = 0;
  DealKind kind = DealKind::Investment;
  DealStatus status = DealStatus::Announced;
  std::size_t payer = 0, payee = 0;  // indices into Vocabulary::companies
  Amount amount;
  std::string qualifier;   // "" or a lexicon qualifier ("oltre", "fino a")
  int stake_pct = 0;       // the share bought (Stake, Acquisition of a part)
  int years = 0;           // 0 or the period the money is spread over
  int closing_year = 0;    // when the deal closes ...
  int closing_form = 0;    // ... said one way: "entro il", "nel N trimestre del", ...
  int closing_quarter = 1;
  std::optional<Amount> valuation;  // the payee's valuation after a round or stake
  long day = 0;            // the first article's date
  int articles = 1;        // how many articles tell it
  std::string scoop;       // the outlet of the first article

  double value() const { return amount.value(); }
};

// Draws deals: kinds, parties, amounts and coverage as business news has them.
class DealMaker {
 public:
  DealMaker(const Vocabulary& v, Rng& rng) : v_(v), rng_(rng) {}

  Deal make(std::size_t id) {
    Deal d;
    d.id = id;
    d.kind = static_cast<DealKind>(rng_.weighted({30, 18, 22, 20, 10}));
    d.status = static_cast<DealStatus>(rng_.weighted({62, 28, 10}));
    parties(d);
    d.amount = round_amount(rng_.log_between(low(d.kind), high(d.kind)), currency_code());
    if (rng_.chance(35)) d.qualifier = rng_.pick(v_.deal_qualifiers);
    if (d.kind == DealKind::Stake) d.stake_pct = rng_.between(2, 49);
    if (d.kind == DealKind::Contract || (d.kind == DealKind::Investment && rng_.chance(40))) d.years = rng_.between(2, 10);
    if ((d.kind == DealKind::FundingRound || d.kind == DealKind::Stake) && rng_.chance(70))
      d.valuation = round_amount(d.value() * rng_.log_between(4, 40), d.amount.code);
    d.day = days_from_civil(2019, 1, 1) + rng_.between(0, 8 * 365);
    d.closing_year = year_of(d.day) + rng_.between(0, 2);
    d.closing_form = rng_.between(0, 3);
    d.closing_quarter = rng_.between(1, 4);
    // Most deals get one to three articles, a few get many.
    d.articles = 1 + static_cast<int>(rng_.weighted({30, 25, 17, 10, 7, 5, 3, 3}));
    return d;
  }

 private:
  // Payer and payee from different groups; well-known names a little more often.
  void parties(Deal& d) {
    d.payer = company();
    for (int tries = 0; tries < 20; ++tries) {
      d.payee = company();
      if (v_.companies[d.payee].root != v_.companies[d.payer].root) break;
    }
  }
  std::size_t company() {
    for (int tries = 0; tries < 3 && rng_.chance(30); ++tries) {
      std::size_t c = rng_.below(v_.companies.size());
      if (v_.companies[c].prominent) return c;
    }
    return rng_.below(v_.companies.size());
  }
  std::string currency_code() {
    switch (rng_.weighted({52, 42, 6})) {
      case 0: return "USD";
      case 1: return "EUR";
      default: return rng_.pick(v_.deal_currencies);
    }
  }
  static double low(DealKind k) { return k == DealKind::FundingRound ? 3e6 : k == DealKind::Contract ? 1e7 : 5e7; }
  static double high(DealKind k) {
    switch (k) {
      case DealKind::FundingRound: return 2e10;
      case DealKind::Contract: return 3e11;
      case DealKind::Acquisition: return 8e10;
      case DealKind::Stake: return 2e10;
      default: return 1e11;
    }
  }

  const Vocabulary& v_;
  Rng& rng_;
};

}  // namespace dealscan::gen

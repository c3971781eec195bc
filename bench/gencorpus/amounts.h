// Money amounts written the many ways Italian news writes them:
//   "oltre 10 miliardi di dollari", "1,5 mld di euro", "$38 miliardi",
//   "tra 5 e 10 miliardi", "cento milioni di euro", "circa 26 miliardi",
//   "un miliardo e mezzo", "1.500 milioni", "decine di miliardi",
//   "10 miliardi di dollari (circa 9,2 miliardi di euro)".
#pragma once

#include <string>

#include "rng.h"
#include "vocabulary.h"

namespace dealscan::gen {

// Italian cardinal in words for 1..999: 26 -> "ventisei", 38 -> "trentotto".
inline std::string number_in_words(const Vocabulary& v, int n) {
  auto unit = [&](int u, bool compound) {
    const auto& m = compound ? v.unit_in_compound : v.units;
    auto it = m.find(u);
    return it == m.end() ? std::to_string(u) : it->second;
  };
  std::string out;
  if (n >= 100) {
    int h = n / 100;
    out = (h == 1 ? "" : unit(h, false)) + "cento";
    n %= 100;
    if (n == 0) return out;
    if (n == 8 || (n >= 80 && n < 90)) out.pop_back();  // "centotto", "centottanta"
  }
  if (n < 20) return out + unit(n, !out.empty() && n == 3);
  int t = n / 10 * 10, u = n % 10;
  auto ten = v.tens.count(t) ? v.tens.at(t) : std::to_string(t);
  if (u == 0) return out + ten;
  bool vowel = u == 1 || u == 8;  // "ventuno", "trentotto"
  if (vowel && v.tens_elided.count(t)) ten = v.tens_elided.at(t);
  return out + ten + unit(u, true);
}

// Digits with Italian separators: 1500 -> "1.500", 1.5 -> "1,5".
inline std::string italian_digits(double value, int decimals, bool group) {
  long long whole = static_cast<long long>(value);
  std::string s = std::to_string(whole);
  if (group && s.size() > 3)
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ".");
  if (decimals > 0) {
    long long frac = static_cast<long long>((value - static_cast<double>(whole)) * 10 + 0.5) % 10;
    s += "," + std::to_string(frac);
  }
  return s;
}

class AmountWriter {
 public:
  AmountWriter(const Vocabulary& v, Rng& rng) : v_(v), rng_(rng) {}

  // One amount phrase, optionally with a qualifier, range or conversion.
  std::string any() {
    switch (rng_.below(10)) {
      case 0: return range();
      case 1: return symbol_first();
      case 2: return words();
      case 3: return with_conversion();
      case 4: return vague();
      default: return qualified();
    }
  }

  // "12,5 per cento" / "12%" — a figure that is not money.
  std::string percent() {
    std::string n = rng_.chance(50) ? std::to_string(rng_.between(1, 99)) : italian_digits(rng_.between(10, 990) / 10.0, 1, false);
    return rng_.chance(60) ? n + "%" : n + " per cento";
  }

 private:
  // Mostly dollars and euros, as in the news; sometimes any currency.
  const Currency& currency() {
    if (rng_.chance(85)) return v_.currency(rng_.chance(50) ? "USD" : "EUR");
    return rng_.pick(v_.currencies);
  }
  // Mostly the plain plural ("miliardi"), sometimes an abbreviation ("mld").
  std::string scale() { return rng_.chance(75) ? plural_scale() : rng_.pick(v_.scales).first; }

  std::string digits() {
    switch (rng_.below(4)) {
      case 0: return italian_digits(rng_.between(11, 99) / 10.0, 1, false);  // "4,7"
      case 1: return italian_digits(rng_.between(1, 15) * 100, 0, true);     // "1.500"
      default: return std::to_string(rng_.between(2, 500));
    }
  }
  std::string of_currency(bool allow_elided) {
    if (allow_elided && rng_.chance(20)) return "";  // "circa 26 miliardi": currency from context
    return " di " + currency().name_plural;
  }
  std::string qualifier() { return rng_.chance(45) ? rng_.pick(v_.qualifiers) + " " : ""; }

  std::string qualified() { return qualifier() + digits() + sep() + scale() + of_currency(true); }
  std::string symbol_first() {
    const Currency& c = currency();
    std::string sym = c.symbol.empty() ? c.code + " " : c.symbol;
    return qualifier() + sym + (rng_.chance(30) ? " " : "") + digits() + " " + scale();
  }
  std::string words() {
    if (rng_.chance(30)) return "un " + singular_scale() + " e mezzo" + of_currency(false);
    return qualifier() + number_in_words(v_, rng_.between(2, 999)) + " " + scale() + of_currency(false);
  }
  std::string range() {
    int lo = rng_.between(1, 50), hi = lo + rng_.between(1, 50);
    std::string s = scale();
    switch (rng_.below(3)) {
      case 0: return "tra " + std::to_string(lo) + " e " + std::to_string(hi) + " " + s + of_currency(true);
      case 1: return "da " + std::to_string(lo) + " a " + std::to_string(hi) + " " + s + of_currency(false);
      default: return std::to_string(lo) + "-" + std::to_string(hi) + " " + s + of_currency(false);
    }
  }
  std::string vague() { return std::string(rng_.chance(50) ? "decine" : "centinaia") + " di " + plural_scale() + of_currency(false); }
  std::string with_conversion() {
    std::string first = digits() + " " + scale() + " di " + v_.currency("USD").name_plural;
    std::string second = digits() + " " + scale() + " di " + v_.currency("EUR").name_plural;
    return first + " (circa " + second + ")";
  }
  // Between a number and its scale: usually a space, sometimes a no-break space.
  std::string sep() { return rng_.chance(8) ? "\u00A0" : " "; }
  std::string singular_scale() { return rng_.pick(v_.scale_words).first; }
  std::string plural_scale() { return rng_.pick(v_.scale_words).second; }

  const Vocabulary& v_;
  Rng& rng_;
};

}  // namespace dealscan::gen

// Money amounts written the many ways Italian news writes them:
//   "oltre 10 miliardi di dollari", "1,5 mld di euro", "$38 miliardi",
//   "tra 5 e 10 miliardi", "cento milioni di euro", "circa 26 miliardi",
//   "un miliardo e mezzo", "1.500 milioni", "decine di miliardi",
//   "10 miliardi di dollari (circa 9,2 miliardi di euro)".
#pragma once

#include <cmath>
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
  // Dollars with their value in euros, converted at a plausible rate.
  std::string with_conversion() {
    double dollars = rng_.between(11, 990) / 10.0;
    const std::string& scale_word = rng_.pick(v_.scales).first;
    double euros = std::round(dollars * 0.92 * 10) / 10;
    std::string first = italian_digits(dollars, dollars == std::floor(dollars) ? 0 : 1, true);
    std::string second = italian_digits(euros, euros == std::floor(euros) ? 0 : 1, true);
    return first + " " + scale_word + " di " + v_.currency("USD").name_plural + " (circa " + second + " " + scale_word +
           " di " + v_.currency("EUR").name_plural + ")";
  }
  // Between a number and its scale: usually a space, sometimes a no-break space.
  std::string sep() { return rng_.chance(8) ? "\u00A0" : " "; }
  std::string singular_scale() { return rng_.pick(v_.scale_words).first; }
  std::string plural_scale() { return rng_.pick(v_.scale_words).second; }

  const Vocabulary& v_;
  Rng& rng_;
};

// One deal's amount, rounded as news rounds it (two significant digits) and
// kept in the unit it is naturally told in: tenths of a million or a billion.
struct Amount {
  long long tenths = 0;  // 15 with billions = 1,5 miliardi
  bool billions = false;
  std::string code;      // ISO currency

  double value() const { return static_cast<double>(tenths) / 10 * (billions ? 1e9 : 1e6); }
  bool operator==(const Amount&) const = default;
};

inline Amount round_amount(double value, std::string code) {
  double step = std::pow(10.0, std::floor(std::log10(value)) - 1);
  value = std::round(value / step) * step;
  Amount a;
  a.billions = value >= 1e9;
  a.tenths = std::llround(value / (a.billions ? 1e8 : 1e5));
  a.code = std::move(code);
  return a;
}

// The ways one given amount is written. Every form names the same value, so
// the articles of a deal agree however they phrase it.
enum class AmountForm { Plain, Abbreviated, Symbol, Words, Rescaled, FullDigits, Converted };

class DealAmountWriter {
 public:
  DealAmountWriter(const Vocabulary& v, Rng& rng) : v_(v), rng_(rng) {
    million_ = names_for(1e6, {"milione", "milioni", "mln"});
    billion_ = names_for(1e9, {"miliardo", "miliardi", "mld"});
  }

  // Any form that fits the amount; with_currency false drops "di euro" when
  // the currency is already clear ("ha raccolto 40 miliardi").
  std::string any(const Amount& a, bool with_currency = true) {
    for (int tries = 0; tries < 6; ++tries) {
      auto form = static_cast<AmountForm>(rng_.weighted({34, 18, 12, 12, 10, 4, 4}));
      if (fits(a, form)) return write(a, form, with_currency);
    }
    return write(a, AmountForm::Plain, with_currency);
  }
  // A short form for a headline: "1,5 mld di euro", "$2 miliardi", "40 miliardi".
  std::string headline(const Amount& a) {
    switch (rng_.weighted({45, 30, 25})) {
      case 0: return write(a, AmountForm::Abbreviated, true);
      case 1: return write(a, AmountForm::Plain, rng_.chance(50));
      default: return fits(a, AmountForm::Symbol) ? write(a, AmountForm::Symbol, true) : write(a, AmountForm::Plain, true);
    }
  }

  bool fits(const Amount& a, AmountForm f) const {
    long long whole = a.tenths / 10;
    bool integral = a.tenths % 10 == 0;
    switch (f) {
      case AmountForm::Symbol: return !currency(a).symbol.empty();
      case AmountForm::Words: return (integral && whole >= 1 && whole <= 999) || (a.tenths % 10 == 5 && whole >= 1 && whole <= 9);
      case AmountForm::Rescaled: return a.billions ? a.tenths < 1000 : a.tenths % 1000 == 0;
      case AmountForm::FullDigits: return !a.billions && integral && whole <= 50;
      case AmountForm::Converted: return a.code == "USD" || a.code == "EUR";
      default: return true;
    }
  }

  std::string write(const Amount& a, AmountForm f, bool with_currency) {
    const Names& n = a.billions ? billion_ : million_;
    std::string cur = with_currency ? " di " + currency(a).name_plural : "";
    switch (f) {
      case AmountForm::Abbreviated: return number(a) + " " + n.abbreviation + cur;
      case AmountForm::Symbol: return symbol_first(a, n);
      case AmountForm::Words: return in_words(a, n) + cur;
      case AmountForm::Rescaled: return rescaled(a) + cur;
      case AmountForm::FullDigits: return italian_digits(a.value(), 0, true) + cur;
      case AmountForm::Converted: return converted(a);
      default: return number(a) + " " + (a.tenths == 10 ? n.singular : n.plural) + cur;
    }
  }

 private:
  struct Names {
    std::string singular, plural, abbreviation;
  };

  // The lexicon's words for a scale: plural and abbreviation from scales.tsv.
  Names names_for(double value, Names fallback) const {
    Names n = fallback;
    bool plural_seen = false, abbreviation_seen = false;
    for (const auto& [form, v] : v_.scales) {
      if (v != value) continue;
      if (form.size() > 3 && !plural_seen) n.plural = form, plural_seen = true;
      if (form.size() <= 3 && !abbreviation_seen) n.abbreviation = form, abbreviation_seen = true;
    }
    for (const auto& [singular, plural] : v_.scale_words)
      if (plural == n.plural) n.singular = singular;
    return n;
  }

  const Currency& currency(const Amount& a) const { return v_.currency(a.code); }

  // "1,5" or "1.500": the mantissa with Italian separators.
  static std::string number(const Amount& a) {
    double m = static_cast<double>(a.tenths) / 10;
    return italian_digits(m, a.tenths % 10 == 0 ? 0 : 1, true);
  }
  std::string symbol_first(const Amount& a, const Names& n) {
    std::string scale = rng_.chance(60) ? n.plural : n.abbreviation;
    return currency(a).symbol + (rng_.chance(25) ? " " : "") + number(a) + " " + scale;
  }
  // "un miliardo", "trentotto milioni", "due miliardi e mezzo".
  std::string in_words(const Amount& a, const Names& n) const {
    long long whole = a.tenths / 10;
    std::string out = whole == 1 ? "un " + n.singular : number_in_words(v_, static_cast<int>(whole)) + " " + n.plural;
    return a.tenths % 10 == 5 ? out + " e mezzo" : out;
  }
  // 1,5 miliardi as "1.500 milioni"; 800 milioni as "0,8 miliardi".
  std::string rescaled(const Amount& a) const {
    if (a.billions) return italian_digits(static_cast<double>(a.tenths) * 100, 0, true) + " " + million_.plural;
    return "0," + std::to_string(a.tenths / 1000) + " " + billion_.plural;
  }
  // "2 miliardi di dollari (circa 1,8 miliardi di euro)".
  std::string converted(const Amount& a) {
    bool dollars = a.code == "USD";
    Amount other = round_amount(a.value() * (dollars ? 0.92 : 1.08), dollars ? "EUR" : "USD");
    return write(a, AmountForm::Plain, true) + " (circa " + write(other, AmountForm::Plain, true) + ")";
  }

  const Vocabulary& v_;
  Rng& rng_;
  Names million_, billion_;
};

}  // namespace dealscan::gen

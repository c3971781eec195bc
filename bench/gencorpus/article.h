// Writes one article about one deal: a headline and a lead about it, the
// amount repeated in several Italian forms, attributed, conditional or denied
// variants, and sentences without figures around it (quotes, market colour,
// other companies with at most an unrelated figure of their own).
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "amounts.h"
#include "deal.h"
#include "rng.h"
#include "templates.h"
#include "vocabulary.h"

namespace dealscan::gen {

// How an article departs from its deal's facts, if at all: its own figure,
// qualifier or closing date, or a second source's figure quoted beside the
// right one.
enum class Variant { Faithful, Value, Qualifier, Closing, OtherSource };

inline const char* variant_name(Variant v) {
  switch (v) {
    case Variant::Value: return "value";
    case Variant::Qualifier: return "qualifier";
    case Variant::Closing: return "closing";
    case Variant::OtherSource: return "other-source";
    default: return "faithful";
  }
}

// One article's version of the deal.
struct Telling {
  Deal deal;
  std::string payer, payee;   // the parties' names
  Amount amount;              // the figure this article gives
  std::string qualifier;
  int closing_year = 0;
  std::optional<Amount> alt;  // another source's figure (OtherSource)
  bool rumoured = false;      // conditional mood, attributed to sources
  bool denied = false;        // a party denies it
  Variant variant = Variant::Faithful;
  std::string outlet, scoop;  // who publishes this article; who broke the news
  int ordinal = 0;            // 0 for the deal's first article, 1 for the next...
};

class ArticleWriter {
 public:
  ArticleWriter(const Vocabulary& v, Rng& rng) : v_(v), rng_(rng), money_(v, rng) {}

  // The article, at least target_bytes long once past its lead.
  std::string write(const Telling& t, std::size_t target_bytes, const std::string& date) {
    t_ = &t;
    mentions_ = 0;
    used_.clear();
    const KindTemplates& k = kKinds[static_cast<int>(t.deal.kind)];
    std::string out = date.empty() ? "" : " date " + date + " ";
    out += fill(nth(t.rumoured ? k.headline_rumoured : k.headline, t.ordinal)) + "\n";
    if (rng_.chance(25)) out += "(" + t.outlet + ") - ";  // news-agency style
    out += fill(nth(t.rumoured ? k.lead_rumoured : k.lead, t.ordinal)) + ' ';
    if (t.variant == Variant::Closing) out += fill(pick_fresh(kClosing)) + ' ';
    int sentences = 0, in_paragraph = 0;
    bool other_source_due = t.variant == Variant::OtherSource;
    while (out.size() < target_bytes) {
      ++sentences;
      if (other_source_due && (sentences >= 2 || out.size() + 200 > target_bytes)) {
        out += fill(pick_fresh(kOtherSource));
        other_source_due = false;
      } else {
        out += body_sentence(k);
      }
      if (++in_paragraph >= rng_.between(2, 5)) {
        out += rng_.chance(12) ? "\n\n" + std::string(rng_.pick_array(kHeadings)) + "\n\n" : "\n\n";
        in_paragraph = 0;
      } else {
        out += ' ';
      }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return typographic(out + "\n");
  }

 private:
  enum Part { Restate, Attributed, Scoop, Valuation, Closing, Denial, Quote, Noise, Background, Context };

  // One sentence after the lead: the deal again, or what surrounds it. A
  // sentence about the deal is never said twice in one article; noise only
  // once all of it is used; background varies with its companies and figures.
  std::string body_sentence(const KindTemplates& k) {
    for (;;) {
      auto part = static_cast<Part>(rng_.weighted({14, 5, 3, 5, 4, 6, 10, 24, 16, 8}));
      std::optional<std::string_view> tpl;
      switch (part) {
        case Restate: tpl = unused(t_->rumoured ? k.restate_rumoured : k.restate); break;
        case Attributed: tpl = unused(kAttributed); break;
        case Scoop: tpl = t_->scoop == t_->outlet ? std::nullopt : unused(kScoop); break;
        case Valuation:
          if (t_->deal.valuation) tpl = unused(t_->rumoured ? Templates(kValuationRumoured) : Templates(kValuation));
          break;
        case Closing: tpl = unused(kClosing); break;
        case Denial: tpl = t_->denied ? unused(kDenied) : std::nullopt; break;
        case Quote: tpl = unused(t_->rumoured ? Templates(kQuotesRumoured) : Templates(kQuotes)); break;
        case Context: tpl = unused(kContext); break;
        case Noise: tpl = unused(kNoise); break;
        default: return fill(pick_fresh(kBackground));
      }
      if (tpl) return fill(*tpl);
      if (part == Noise) return fill(pick_fresh(kNoise));
    }
  }

  // A template of the list this article has not used yet, or none.
  std::optional<std::string_view> unused(Templates list) {
    std::size_t start = rng_.below(list.size());
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string_view* choice = &list[(start + k) % list.size()];
      if (std::find(used_.begin(), used_.end(), choice) != used_.end()) continue;
      used_.push_back(choice);
      return *choice;
    }
    return std::nullopt;
  }
  // The articles of a deal take turns with headlines and leads, and so do
  // not all open alike.
  std::string_view nth(Templates list, int ordinal) {
    const std::string_view* choice = &list[(static_cast<std::size_t>(ordinal) + t_->deal.id) % list.size()];
    used_.push_back(choice);
    return *choice;
  }
  // An unused template when there is one, else any.
  std::string_view pick_fresh(Templates list) {
    auto tpl = unused(list);
    return tpl ? *tpl : list[rng_.below(list.size())];
  }

  // Replaces each {slot}. A sentence that starts with a speaker ("un
  // portavoce di ...") gets its capital; names keep their own case ("xAI").
  std::string fill(std::string_view tpl) {
    std::string out;
    out.reserve(tpl.size() + 64);
    for (auto& o : others_) o.clear();
    for (std::size_t i = 0; i < tpl.size();) {
      std::size_t open = tpl.find('{', i);
      if (open == std::string_view::npos) {
        out.append(tpl.substr(i));
        break;
      }
      std::size_t close = tpl.find('}', open);
      out.append(tpl.substr(i, open - i));
      std::string value = slot(tpl.substr(open + 1, close - open - 1));
      if (value.starts_with("fino a ")) drop_preposition(out);
      out += value;
      i = close + 1;
    }
    if (tpl.starts_with("{speaker_") && !out.empty() && out[0] >= 'a' && out[0] <= 'z')
      out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
  // "un round da fino a 2 miliardi" -> "un round fino a 2 miliardi".
  static void drop_preposition(std::string& out) {
    for (std::string_view p : {" da ", " a ", " di ", " per "})
      if (out.ends_with(p)) {
        out.resize(out.size() - p.size() + 1);
        return;
      }
  }

  std::string slot(std::string_view name) {
    const Deal& d = t_->deal;
    if (name == "payer") return v_.companies[d.payer].name;
    if (name == "payee") return v_.companies[d.payee].name;
    if (name == "amount") return deal_amount(t_->amount, true);
    if (name == "amount_bare") return deal_amount(t_->amount, mentions_ == 0 || rng_.chance(65));
    if (name == "amount_head") return qualified(money_.headline(t_->amount));
    if (name == "alt") return money_.any(t_->alt.value_or(t_->amount));
    if (name == "valuation") return money_.any(d.valuation.value_or(t_->amount));
    if (name == "il_stake") return stake("il ", "l'");
    if (name == "del_stake") return stake("del ", "dell'");
    if (name == "al_stake") return stake("al ", "all'");
    if (name == "span") return span();
    if (name == "closing") return closing();
    if (name == "media") return other_outlet();
    if (name == "scoop") return t_->scoop == t_->outlet ? other_outlet() : t_->scoop;
    if (name == "speaker_payer") return speaker(v_.companies[d.payer]);
    if (name == "speaker_payee") return speaker(v_.companies[d.payee]);
    if (name == "other") return other_company(0);
    if (name == "other2") return other_company(1);
    if (name == "other3") return other_company(2);
    return filler(name);
  }

  // Slots that have nothing to do with the deal.
  std::string filler(std::string_view name) {
    AmountWriter amounts(v_, rng_);
    if (name == "figure") return amounts.any();
    if (name == "pct") return amounts.percent();
    if (name == "pct2") return std::to_string(rng_.between(2, 60));
    if (name == "count") return italian_digits(rng_.between(2, 300) * 500, 0, true);
    if (name == "place") return rng_.pick(v_.cities);
    if (name == "person") return rng_.pick(v_.people);
    if (name == "time") return time_expression();
    return std::string(name);
  }

  std::string deal_amount(const Amount& a, bool with_currency) {
    ++mentions_;
    return qualified(money_.any(a, with_currency));
  }
  std::string qualified(std::string amount) const {
    return t_->qualifier.empty() ? amount : t_->qualifier + " " + amount;
  }

  // "il 12%", "l'8 per cento": the article elides before a vowel sound.
  std::string stake(const char* plain, const char* elided) {
    int n = t_->deal.stake_pct;
    bool vowel = n == 1 || n == 8 || n == 11 || n == 18 || (n >= 80 && n < 90);
    std::string pct = std::to_string(n) + (rng_.chance(65) ? "%" : " per cento");
    return (vowel ? elided : plain) + pct;
  }

  // " in cinque anni": the deal's period in one of its forms, or "".
  std::string span() {
    int y = t_->deal.years;
    if (y == 0) return "";
    switch (rng_.below(4)) {
      case 0: return " in " + number_in_words(v_, y) + " anni";
      case 1: return " nell'arco di " + std::to_string(y) + " anni";
      case 2: return " nei prossimi " + number_in_words(v_, y) + " anni";
      default: return " in " + std::to_string(y) + " anni";
    }
  }

  // " entro il 2026": the deal's closing, always said the same way.
  std::string closing() const {
    static constexpr std::array<const char*, 4> kOrdinal = {"primo", "secondo", "terzo", "quarto"};
    std::string year = std::to_string(t_->closing_year);
    int q = t_->deal.closing_quarter;
    switch (t_->deal.closing_form) {
      case 0: return " entro il " + year;
      case 1: return std::string(" nel ") + kOrdinal[static_cast<std::size_t>(q - 1)] + " trimestre del " + year;
      case 2: return " entro la fine del " + year;
      default: return std::string(q <= 2 ? " nella prima" : " nella seconda") + " metà del " + year;
    }
  }

  // " nel novembre 2025", " entro il 2030", ... (with its leading space) or "".
  std::string time_expression() {
    std::string year = std::to_string(rng_.between(2019, 2035));
    const std::string& month = rng_.pick(v_.months);
    switch (rng_.below(7)) {
      case 0: return " nel " + month + " " + year;
      case 1: return " entro il " + year;
      case 2: return " dal " + year;
      case 3: return " a fine " + month;
      case 4: return " nei prossimi " + number_in_words(v_, rng_.between(2, 10)) + " anni";
      default: return "";
    }
  }

  // An outlet other than the one publishing this article.
  std::string other_outlet() {
    for (int tries = 0; tries < 4; ++tries) {
      const std::string& m = rng_.pick(v_.media);
      if (m != t_->outlet) return m;
    }
    return rng_.pick(v_.media);
  }

  // A person of the company, or its spokesperson.
  std::string speaker(const Company& c) {
    if (!c.people.empty() && rng_.chance(65)) return rng_.pick(c.people);
    return (rng_.chance(50) ? "un portavoce di " : "l'amministratore delegato di ") + c.name;
  }

  // The n-th other company of this sentence: not a party, not named twice.
  const std::string& other_company(std::size_t n) {
    if (!others_[n].empty()) return others_[n];
    const Deal& d = t_->deal;
    for (int tries = 0; tries < 8; ++tries) {
      std::size_t c = rng_.below(v_.companies.size());
      const std::string& name = v_.companies[c].name;
      if (c == d.payer || c == d.payee || std::find(others_.begin(), others_.end(), name) != others_.end()) continue;
      return others_[n] = name;
    }
    return others_[n] = v_.companies[rng_.below(v_.companies.size())].name;
  }

  // Some articles use typographic apostrophes, as pasted from a website.
  std::string typographic(std::string text) {
    if (!rng_.chance(35)) return text;
    std::string out;
    out.reserve(text.size() + text.size() / 50);
    for (char c : text) {
      if (c == '\'') out += "\u2019";
      else out += c;
    }
    return out;
  }

  const Vocabulary& v_;
  Rng& rng_;
  DealAmountWriter money_;
  const Telling* t_ = nullptr;
  int mentions_ = 0;  // deal amounts written so far in this article
  std::vector<const std::string_view*> used_;
  std::array<std::string, 3> others_;
};

}  // namespace dealscan::gen

// Deterministic generator of Italian business-news articles for benchmarks,
// fuzz seeds and property tests. Same seed, same lexicon => same bytes.
//
//   ArticleGenerator gen(Lexicon::builtin(), 42);
//   std::string doc = gen.article(5000);  // ~5 KB, sometimes with " date ..."
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "dealscan/lexicon.h"
#include "amounts.h"
#include "rng.h"
#include "templates.h"
#include "vocabulary.h"

namespace dealscan::gen {

class ArticleGenerator {
 public:
  ArticleGenerator(const Lexicon& lexicon, std::uint64_t seed) : vocab_(Vocabulary::from(lexicon)), rng_(seed) {}

  // One article of roughly target_bytes (never much less; at least a sentence).
  std::string article(std::size_t target_bytes) {
    std::string out;
    if (rng_.chance(40)) out += " date " + date() + " ";
    out += title() + "\n";
    int in_paragraph = 0;
    while (out.size() < target_bytes) {
      out += sentence();
      if (++in_paragraph >= rng_.between(2, 5)) {
        out += rng_.chance(15) ? "\n\n" + std::string(rng_.pick_array(kHeadings)) + "\n\n" : "\n\n";
        in_paragraph = 0;
      } else {
        out += ' ';
      }
    }
    return typographic(out);
  }

  // One sentence of any kind (mostly with a figure).
  std::string sentence() {
    int r = static_cast<int>(rng_.below(100));
    if (r < 30) return fill(rng_.pick_array(kNoise));
    if (r < 60) return fill(rng_.pick_array(kStated));
    if (r < 77) return fill(rng_.pick_array(kConditional));
    if (r < 92) return fill(rng_.pick_array(kAttributed));
    return fill(rng_.pick_array(kDenied));
  }

 private:
  // Replaces each {slot} with generated words.
  std::string fill(std::string_view tpl) {
    std::string out;
    org_ = rng_.pick(vocab_.orgs);
    for (std::size_t i = 0; i < tpl.size();) {
      std::size_t open = tpl.find('{', i);
      if (open == std::string_view::npos) {
        out.append(tpl.substr(i));
        break;
      }
      std::size_t close = tpl.find('}', open);
      out.append(tpl.substr(i, open - i));
      out += slot(tpl.substr(open + 1, close - open - 1));
      i = close + 1;
    }
    return out;
  }

  std::string slot(std::string_view name) {
    AmountWriter amounts(vocab_, rng_);
    if (name == "org") return org_;
    if (name == "org2") return other_org();
    if (name == "person") return rng_.pick(vocab_.people);
    if (name == "media") return rng_.pick(vocab_.media);
    if (name == "place") return vocab_.places.empty() ? "Milano" : rng_.pick(vocab_.places);
    if (name == "amount" || name == "amount2") return amounts.any();
    if (name == "pct") return amounts.percent();
    if (name == "pct2") return std::to_string(rng_.between(2, 60));
    if (name == "count") return italian_digits(rng_.between(2, 300) * 500, 0, true);
    if (name == "time") return time_expression();
    if (name == "period") return period();
    return std::string(name);
  }

  std::string other_org() {
    for (int tries = 0; tries < 4; ++tries) {
      const std::string& o = rng_.pick(vocab_.orgs);
      if (o != org_) return o;
    }
    return rng_.pick(vocab_.orgs);
  }

  // " nel novembre 2025", " entro il 2030", ... (with its leading space) or "".
  std::string time_expression() {
    std::string year = std::to_string(rng_.between(2019, 2035));
    const std::string& month = rng_.pick(vocab_.months);
    switch (rng_.below(9)) {
      case 0: return " nel " + month + " " + year;
      case 1: return " entro il " + year;
      case 2: return " dal " + year;
      case 3: return " nel terzo trimestre del " + year;
      case 4: return " l'anno scorso";
      case 5: return " a fine " + month;
      case 6: return " nei prossimi " + number_in_words(vocab_, rng_.between(2, 10)) + " anni";
      case 7: return " tra il " + year + " e il " + std::to_string(rng_.between(2036, 2040));
      default: return "";
    }
  }

  std::string period() {
    switch (rng_.below(4)) {
      case 0: return "in " + number_in_words(vocab_, rng_.between(2, 10)) + " anni";
      case 1: return "nell'arco di " + std::to_string(rng_.between(2, 15)) + " anni";
      case 2: return "all'anno";
      default: return "in " + std::to_string(rng_.between(2, 10)) + " anni";
    }
  }

  std::string date() {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", rng_.between(2019, 2026), rng_.between(1, 12), rng_.between(1, 28));
    return buf;
  }

  std::string title() {
    AmountWriter amounts(vocab_, rng_);
    org_ = rng_.pick(vocab_.orgs);
    return org_ + " e " + other_org() + ", sul tavolo un accordo da " + amounts.any();
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

  Vocabulary vocab_;
  Rng rng_;
  std::string org_;
};

}  // namespace dealscan::gen

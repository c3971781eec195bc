// The extractor visits only the tokens that may start a core and the runs of
// prepositions before them (tokenize_words_into lists the former). It must
// find what a scan asking every token finds: the same expressions, in order,
// with the same rules, in texts full of prepositions, ranges and numbers.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/entity_tokens.h"
#include "extract/time_cores.h"
#include "extract/time_grammar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan {
namespace {

using namespace timevocab;

const std::vector<std::string> kTexts = {
    "Dal 2023 al 2025 la società è cresciuta; a partire dal 2026 e fino al 2028 investirà ancora.",
    "Tra il 2026 e il 2027, entro la fine dell'anno e nel corso del primo semestre 2025 si decide.",
    "In Italia, in un anno e in corso d'opera: nel 2024 e a settembre, non in 500 negozi.",
    "Il 21/01/2025, il 3 marzo e il 5 maggio 2024; dal 3 al 5 marzo; 10.000 azioni da 2,5 euro.",
    "Due anni fa, pochi giorni dopo, negli ultimi tre mesi e tra tre anni: l'anno scorso no.",
    "Fino a ieri, da oggi, dalla scorsa estate, dagli anni Novanta e dalla metà del 2022.",
    "Di di di a a in in nel nel del 2024 dal dal al al 2030, e e e 12 mesi, e 7 giorni prima.",
    "Nel primo trimestre, nel Q3 2025, nell'esercizio 2024/25 e a fine giugno 2026 i conti.",
};

// The expressions of a text as "text|rule|begin..end|precision".
using Found = std::vector<std::string>;

std::string describe(const std::string& text, std::size_t begin, std::size_t end, const std::string& rule,
                     const std::string& from, const std::string& to, const std::string& precision) {
  return text.substr(begin, end - begin) + "|" + rule + "|" + from + ".." + to + "|" + precision;
}

std::string iso_or_empty(const std::optional<timegrammar::Day>& d) { return d ? timecal::iso(*d) : ""; }

// The scan the extractor replaces: every token is asked, left to right, and
// a match moves the scan past it.
Found every_token_scan(const std::string& text, const std::string& date) {
  const Vocab vocab(Lexicon::builtin());
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  std::vector<timetok::Token> toks;
  timetok::tokenize(text, lowered, toks);
  vocab.annotate(toks);
  const auto doc = timecal::parse_doc_date(date);
  timegrammar::Context c{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
  const std::uint32_t starts = ~(kAnd | kDash | kBlocker | kAgo);
  Found out;
  for (std::size_t i = 0; i < toks.size();) {
    auto m = (vocab.roles_of(toks[i]) & starts) ? timegrammar::parse_at(c, i) : std::nullopt;
    if (!m) {
      ++i;
      continue;
    }
    if (m->iv.begin && m->iv.end) c.prev = m->iv;
    const bool dated = m->iv.begin || m->iv.end;
    out.push_back(describe(text, toks[m->tok_begin].begin, toks[m->tok_end - 1].end, m->rule,
                           iso_or_empty(m->iv.begin), iso_or_empty(m->iv.end), dated ? m->iv.precision : "open"));
    i = m->tok_end;
  }
  return out;
}

Found extracted(const TimeExtractor& ex, const std::string& text, const std::string& date) {
  Found out;
  for (const auto& t : ex.extract(text, {}, date))
    out.push_back(describe(text, t.span.begin, t.span.end, t.rule, t.begin, t.end, t.precision));
  return out;
}

TEST(TimeScan, VisitingCoreTokensFindsWhatAskingEveryTokenFinds) {
  const TimeExtractor ex(Lexicon::builtin());
  std::size_t total = 0;
  for (const char* date : {"2025-06-18", "2025-06"}) {
    for (const auto& text : kTexts) {
      const Found want = every_token_scan(text, date);
      EXPECT_EQ(extracted(ex, text, date), want) << text;
      total += want.size();
    }
  }
  EXPECT_GT(total, 50u);  // the texts are full of expressions
}

// All the texts as one document: the scan's place carries over from one
// expression to the next across sentences.
TEST(TimeScan, OneLongDocument) {
  const TimeExtractor ex(Lexicon::builtin());
  std::string text;
  for (const auto& t : kTexts) text += t + "\n";
  const Found want = every_token_scan(text, "2025-06-18");
  EXPECT_EQ(extracted(ex, text, "2025-06-18"), want);
  EXPECT_GT(want.size(), 25u);
}

// The marked tokens are those whose roles share a bit with the mask, in
// order, and the list is cleared by each call.
TEST(TimeScan, TokenizerListsTheTokensOfTheMarkedRoles) {
  const Vocab vocab(Lexicon::builtin());
  const std::string text = "Nel 2024, tra marzo e l'anno scorso, la più grande 500 giorni fa.";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<timetok::Token> store;
  std::vector<std::uint32_t> marked = {99, 98};
  const std::size_t n =
      timetok::tokenize_words_into(words, lowered, vocab.words(), store, timegrammar::kCoreStarts, marked);
  std::vector<std::uint32_t> want;
  for (std::size_t k = 0; k < n; ++k)
    if (store[k].roles & timegrammar::kCoreStarts) want.push_back(static_cast<std::uint32_t>(k));
  EXPECT_EQ(marked, want);
  std::vector<std::string> texts;
  for (std::uint32_t k : marked) texts.emplace_back(store[k].lower);
  EXPECT_EQ(texts, (std::vector<std::string>{"2024", "marzo", "l'", "anno", "scorso", "500", "giorni"}));
}

}  // namespace
}  // namespace dealscan

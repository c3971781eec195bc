// The extractor visits only the tokens that may start a core and the runs of
// prepositions before them (tokenize_words_into lists the former). It must
// find what a scan asking every token finds: the same expressions, in order,
// with the same rules, in texts full of prepositions, ranges and numbers.
#include "support/time_scan.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
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

using test_support::every_token_scan;
using test_support::TimesFound;

TEST(TimeScan, VisitingCoreTokensFindsWhatAskingEveryTokenFinds) {
  const TimeExtractor ex(Lexicon::builtin());
  const Vocab vocab(Lexicon::builtin());
  std::size_t total = 0;
  for (const char* date : {"2025-06-18", "2025-06"}) {
    for (const auto& text : kTexts) {
      const TimesFound want = every_token_scan(vocab, text, date);
      EXPECT_EQ(test_support::extracted_times(ex, text, date), want) << text;
      total += want.size();
    }
  }
  EXPECT_GT(total, 50u);  // the texts are full of expressions
}

// All the texts as one document: the scan's place carries over from one
// expression to the next across sentences.
TEST(TimeScan, OneLongDocument) {
  const TimeExtractor ex(Lexicon::builtin());
  const Vocab vocab(Lexicon::builtin());
  std::string text;
  for (const auto& t : kTexts) text += t + "\n";
  const TimesFound want = every_token_scan(vocab, text, "2025-06-18");
  EXPECT_EQ(test_support::extracted_times(ex, text, "2025-06-18"), want);
  EXPECT_GT(want.size(), 25u);
}

// Words, numbers and marks of time expressions and of the text around them,
// for random texts: prepositions, counts, units, shifts, ordinals, months,
// decades, fiscal years, numbers of every length and the marks of dates.
const std::vector<std::string> kPieces = {
    "dal",        "al",        "fino al",  "entro",   "tra",     "e",      "nel",      "del",       "di",      "a",
    "in",         "prima",     "dopo",     "fa",      "da",      "negli",  "nei",      "l'",        "la",      "il",
    "anno",       "anni",      "mesi",     "mese",    "giorni",  "giorno", "ore",      "settimane", "scorso",  "scorsi",
    "prossima",   "questo",    "quest'",   "passati", "gennaio", "marzo",  "dicembre", "primo",     "secondo", "terzo",
    "seconda",    "trimestre", "semestre", "metà",    "due",     "tre",    "un",       "una",       "pochi",   "alcune",
    "qualche",    "esercizio", "Trenta",   "Novanta", "estate",  "ieri",   "oggi",     "lunedì",    "ultimi",  "corso",
    "fine",       "inizio",    "2024",     "2025",    "1",       "12",     "5",        "500",       "10000",   "2,5",
    "21/01/2025", "18.30",     "'",        "80",      "°",       ",",      ".",        ";",         "-",       "/",
    "soci",       "euro",      "milioni",  "società", "accordo", "%",      "Q3",       "per",       "Negli",   "Dal"};

// A text of 4 to 40 pieces drawn by rng, mostly apart, some adjacent ("1°", "3/4").
std::string random_text(std::mt19937& rng) {
  std::string text;
  const std::size_t n = 4 + rng() % 37;
  for (std::size_t k = 0; k < n; ++k) {
    if (k && rng() % 8) text += ' ';
    text += kPieces[rng() % kPieces.size()];
  }
  return text;
}

// The screen of tokenize_near_starts, core_within_reach and parse_core's
// refusals together must find exactly what the grammar alone finds asked
// at every token, in random texts (a fixed seed, so any failure repeats).
TEST(TimeScan, RandomTextsFindWhatAskingEveryTokenFinds) {
  const TimeExtractor ex(Lexicon::builtin());
  const Vocab vocab(Lexicon::builtin());
  std::mt19937 rng(20261123);
  std::size_t total = 0;
  for (int n = 0; n < 3000; ++n) {
    const std::string text = random_text(rng);
    const char* date = n % 2 ? "2025-06" : "2025-06-18";
    const TimesFound want = every_token_scan(vocab, text, date);
    ASSERT_EQ(test_support::extracted_times(ex, text, date), want) << text;
    total += want.size();
  }
  EXPECT_GT(total, 1000u);  // the pieces make many expressions
}

// The words of the tokens tokenize_near_starts marks in text, after checking
// that the marked tokens are those whose roles share a bit with the index's
// start roles (the core starts), in order, and that the list is cleared by
// the call.
std::vector<std::string> marked_words(const Vocab& vocab, const std::string& text) {
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<timetok::Token> store;
  std::vector<std::uint32_t> marked = {99, 98};
  const std::size_t n = timetok::tokenize_near_starts(words, lowered, vocab.words(), store, marked);
  std::vector<std::uint32_t> want;
  for (std::size_t k = 0; k < n; ++k)
    if (store[k].roles & timegrammar::kCoreStarts) want.push_back(static_cast<std::uint32_t>(k));
  EXPECT_EQ(marked, want) << text;
  std::vector<std::string> texts;
  for (std::uint32_t k : marked) texts.emplace_back(store[k].lower);
  return texts;
}

// Whether tokenize_near_starts marks the token that begins at byte `at` of text.
bool marks_token_at(const Vocab& vocab, const std::string& text, std::size_t at) {
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<timetok::Token> store;
  std::vector<std::uint32_t> marked;
  timetok::tokenize_near_starts(words, lowered, vocab.words(), store, marked);
  for (std::uint32_t k : marked)
    if (store[k].begin == at) return true;
  return false;
}

// The screen never refuses a word that lone_role_may_begin lets begin a
// core: every pair of pieces whose first is a word of core roles that pass
// that check before the second has the first marked.
TEST(TimeScan, ScreenMarksEveryWordTheLoneRoleCheckLetsBegin) {
  const Vocab vocab(Lexicon::builtin());
  const auto doc = timecal::parse_doc_date("2025-06-18");
  int accepted = 0;
  for (const auto& first : kPieces) {
    for (const auto& second : kPieces) {
      const std::string text = first + " " + second;
      std::string lowered = text;
      timetok::lower_in_place(lowered);
      std::vector<timetok::Token> toks;
      timetok::tokenize(text, lowered, toks);
      vocab.annotate(toks);
      const std::uint32_t roles = vocab.roles_of(toks[0]) & timegrammar::kCoreStarts;
      if (!roles || toks[0].kind != timetok::Kind::Word) continue;  // numbers: core_may_begin's own check
      const timegrammar::Context c{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
      // An item of several words must match ("in corso"), as may_start_core reads it.
      if (!timegrammar::may_start_core(c, 0) || !timegrammar::lone_role_may_begin(c, 0, roles)) continue;
      ++accepted;
      EXPECT_TRUE(marks_token_at(vocab, text, toks[0].begin)) << text;
    }
  }
  EXPECT_GT(accepted, 1000);
}

// A plural unit with no count before it ("500 giorni fa": "500" begins no
// core, being three digits) starts nothing, so neither is made.
TEST(TimeScan, TokenizerListsTheTokensOfTheMarkedRoles) {
  const Vocab vocab(Lexicon::builtin());
  EXPECT_EQ(marked_words(vocab, "Nel 2024, tra marzo e l'anno scorso, la più grande 500 giorni fa."),
            (std::vector<std::string>{"2024", "marzo", "l'", "anno", "scorso"}));
}

// "500" is made with the run of "tre giorni fa", which a count begins.
TEST(TimeScan, TokenizerMarksANumberMadeWithTheRunAfterIt) {
  const Vocab vocab(Lexicon::builtin());
  EXPECT_EQ(marked_words(vocab, "Nel 2024, tra marzo e l'anno scorso, la più grande: 500 euro tre giorni fa."),
            (std::vector<std::string>{"2024", "marzo", "l'", "anno", "scorso", "500", "tre", "giorni"}));
}

}  // namespace
}  // namespace dealscan

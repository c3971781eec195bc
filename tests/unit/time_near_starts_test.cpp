// tokenize_near_starts makes only the runs of time tokens around a possible
// core start and one inert token for each stretch between them. The time
// extractor reading them must find what a scan of every token finds, and the
// tokens made must be the full tokenization's, in order.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/entity_tokens.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"
#include "support/time_scan.h"

namespace dealscan {
namespace {

// Pieces of text the random documents are made of: words of no item, the
// vocabulary's words (first and later words of items, counts, units,
// prepositions), numbers of every length, dates and marks.
const std::vector<std::string> kPieces = {"società",
                                          "azienda",
                                          "ricavi",
                                          "crescita",
                                          "Borsa",
                                          "accordo",
                                          "quell'",
                                          "dell'",
                                          "nell'",
                                          "l'",
                                          "il",
                                          "la",
                                          "del",
                                          "nel",
                                          "dal",
                                          "al",
                                          "fino al",
                                          "entro la",
                                          "a partire dal",
                                          "tra",
                                          "e",
                                          "di",
                                          "in",
                                          "sul",
                                          "un",
                                          "una",
                                          "uno",
                                          "due",
                                          "tre",
                                          "pochi",
                                          "gennaio",
                                          "Marzo",
                                          "settembre",
                                          "anno",
                                          "anni",
                                          "mesi",
                                          "giorni",
                                          "settimana",
                                          "scorso",
                                          "scorsa",
                                          "prossimo",
                                          "questo",
                                          "scorsi",
                                          "prossima",
                                          "inverno",
                                          "fa",
                                          "dopo",
                                          "prima",
                                          "ieri",
                                          "oggi",
                                          "domani",
                                          "martedì",
                                          "estate",
                                          "trimestre",
                                          "semestre",
                                          "terzo",
                                          "primo",
                                          "secondo",
                                          "metà",
                                          "fine",
                                          "inizio",
                                          "Trenta",
                                          "Novanta",
                                          "corso",
                                          "giornata",
                                          "in giornata",
                                          "in corso",
                                          "sul finire",
                                          "altro",
                                          "esercizio",
                                          "Q3",
                                          "H1",
                                          "quest'",
                                          "finire",
                                          "5",
                                          "21",
                                          "2024",
                                          "2025",
                                          "1999",
                                          "500",
                                          "12345",
                                          "1.500",
                                          "2,5",
                                          "21/01/2025",
                                          "2025-01-21",
                                          "3.4.2024",
                                          "1°",
                                          "30",
                                          "'30",
                                          ",",
                                          ".",
                                          "-",
                                          "–",
                                          "/",
                                          "(",
                                          ")",
                                          "%",
                                          "€",
                                          ":",
                                          "milioni",
                                          "euro",
                                          "dollari",
                                          "città",
                                          "è",
                                          "4a",
                                          "GPT-4",
                                          "supercalifragilistichespiralidoso"};

// White space between pieces: mostly a space, at times none, a line break
// or a space beyond ASCII (which the word scan does not take as plain).
const std::vector<std::string> kSpaces = {" ", " ", " ", " ", "", "\n", "\xC2\xA0"};

std::string random_text(std::mt19937& rng, std::size_t pieces) {
  std::string text;
  for (std::size_t k = 0; k < pieces; ++k) {
    text += kPieces[rng() % kPieces.size()];
    text += kSpaces[rng() % kSpaces.size()];
  }
  return text;
}

TEST(TimeNearStarts, ExtractorFindsWhatEveryTokenScanFinds) {
  const TimeExtractor ex(Lexicon::builtin());
  const timevocab::Vocab vocab(Lexicon::builtin());
  std::mt19937 rng(20261123);
  std::size_t total = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string text = random_text(rng, 8 + rng() % 40);
    for (const char* date : {"2025-06-18", "2025-06"}) {
      const auto want = test_support::every_token_scan(vocab, text, date);
      ASSERT_EQ(test_support::extracted_times(ex, text, date), want) << text;
      total += want.size();
    }
  }
  EXPECT_GT(total, 1000u);  // the texts are full of expressions
}

bool same_token(const timetok::Token& a, const timetok::Token& b) {
  return a.begin == b.begin && a.end == b.end && a.kind == b.kind && a.lower == b.lower && a.number == b.number &&
         a.entry == b.entry && a.roles == b.roles && a.prep_word == b.prep_word;
}

bool inert(const timetok::Token& t) {
  return t.kind == timetok::Kind::Word && t.entry < 0 && t.roles == 0 && !t.prep_word && t.lower.empty();
}

// Each token made is the full tokenization's next one; each inert token
// stands for one or more of them, from the first's first byte to the last's
// last, and between two runs made it begins and ends with a word of no item.
TEST(TimeNearStarts, TokensAreTheFullTokensOrInertStretchesOfThem) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  std::mt19937 rng(7);
  std::vector<timetok::Token> full, near;
  std::vector<std::uint32_t> marked;
  std::size_t inert_seen = 0, made_seen = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(rng, 4 + rng() % 40);
    std::string lowered = text;
    timetok::lower_in_place(lowered);
    const entity::TokenStream words = entity::tokenize(text, {});
    const std::size_t n_full = timetok::tokenize_words_into(words, lowered, vocab.words(), full);
    const std::size_t n_near = timetok::tokenize_near_starts(words, lowered, vocab.words(), near, marked);
    std::size_t f = 0;
    for (std::size_t k = 0; k < n_near; ++k) {
      ASSERT_LT(f, n_full) << text;
      if (!inert(near[k])) {
        ASSERT_TRUE(same_token(near[k], full[f])) << text << " at " << near[k].begin;
        ++f, ++made_seen;
        continue;
      }
      ++inert_seen;
      ASSERT_EQ(near[k].begin, full[f].begin) << text;
      const std::size_t first = f;
      while (f < n_full && full[f].end < near[k].end) ++f;
      ASSERT_LT(f, n_full) << text;
      ASSERT_EQ(near[k].end, full[f].end) << text;
      if (k > 0) EXPECT_TRUE(full[first].kind == timetok::Kind::Word && full[first].entry < 0) << text;
      if (k + 1 < n_near) EXPECT_TRUE(full[f].kind == timetok::Kind::Word && full[f].entry < 0) << text;
      ++f;
    }
    EXPECT_EQ(f, n_full) << text;
  }
  EXPECT_GT(inert_seen, 300u);
  EXPECT_GT(made_seen, 1000u);
}

std::vector<std::string> made_words(const std::string& text) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<timetok::Token> toks;
  std::vector<std::uint32_t> marked;
  const std::size_t n = timetok::tokenize_near_starts(words, lowered, vocab.words(), toks, marked);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < n; ++k) out.emplace_back(inert(toks[k]) ? "_" : std::string(toks[k].lower));
  return out;
}

// A count needs a unit after it, an item of several words its second word,
// a number of one or two digits a unit, a month or a date's mark, and one
// of three or five digits nothing: without them nothing is made.
TEST(TimeNearStarts, StartsThatCannotBeginACoreMakeNothing) {
  EXPECT_EQ(made_words("Un accordo con l'azienda: il 5% e 500 azioni in Borsa."), std::vector<std::string>{"_"});
  EXPECT_EQ(made_words("Un anno fa l'altro ieri"),
            (std::vector<std::string>{"un", "anno", "fa", "l'", "altro", "ieri"}));
  EXPECT_EQ(made_words("Accordo il 5 maggio e il 21/01 accordo"),
            (std::vector<std::string>{"_", "il", "5", "maggio", "e", "il", "21", "/", "01", "_"}));
  EXPECT_EQ(made_words("accordo nel 2024 accordo"), (std::vector<std::string>{"_", "nel", "2024", "_"}));
  EXPECT_EQ(made_words("accordo in giornata accordo"), (std::vector<std::string>{"_", "in", "giornata", "_"}));
}

// White space beyond ASCII makes tokens of its own (as the full tokenizer
// reads it), so the stretch after it is made.
TEST(TimeNearStarts, WhiteSpaceBeyondAsciiIsMade) {
  EXPECT_EQ(made_words("accordo\xC2\xA0societ\xC3\xA0 accordo"),
            (std::vector<std::string>{"_", "\xC2\xA0", "societ\xC3\xA0", "_"}));
}

}  // namespace
}  // namespace dealscan

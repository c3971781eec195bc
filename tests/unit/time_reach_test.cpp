// The extractor calls the time grammar only where core_within_reach holds,
// and that check refuses counts without a unit after them and numbers that
// start no rule; parse_core refuses such words too, at any position. Neither
// may refuse a token where the grammar itself (parse_reached with
// Context::refuse_lone_roles off: no check at all) finds an expression:
// every token of sentences full of counts, numbers, dates and prepositions
// is tried both ways.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/time_cores.h"
#include "extract/time_grammar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan::timegrammar {
namespace {

const std::vector<std::string> kSentences = {
    "Un anno fa la società contava 500 dipendenti, due anni fa appena 12.",
    "L'accordo, firmato il 21/01/2025, vale 3,5 miliardi e scade tra due anni.",
    "Il 1° maggio 2025 e il 5 maggio i soci hanno votato; il 2025-01-21 no.",
    "Negli ultimi 3 anni e negli ultimi tre mesi il titolo ha perso il 20 per cento.",
    "Pochi giorni dopo, il 12 giugno, un fondo ha offerto 1.000.000 di euro per 10000 azioni.",
    "Entro 18 mesi, entro un anno o entro due settimane: una scelta da 7 milioni.",
    "Dal 3 al 5 marzo e tra il 2026 e il 2027 le 4 banche e gli 11 advisor trattano.",
    "Una settimana prima erano 2 le offerte; da 500 a 600 euro per azione.",
    "In 10 anni, in un giorno, nei 12 mesi precedenti, per 24 ore: uno o due 99.",
    "Il 31 dicembre 2024 alle 18.30 il CdA ha approvato; 7 giorni fa, il 7 luglio.",
    // Short numbers before marks: decimals, thousands, percentages, ordinals, dates.
    "Il 2,5% e il 4, il 10.000 e il 2 miliardi; il 2° posto, il 1°maggio e l'1º giugno.",
    "Dal 3-4 al 5.6.2025, il 12.5 e il 7/8, nel 2° trimestre e il 9-10 maggio 2026.",
    "Le 3 società, i 2 soci e il 5%: 1/3 del capitale, 21.01.2025, 3.2024 e 4-2025.",
    // Ordinals: before a sub-period or ("primo") a month, and before neither.
    "Secondo i legali il secondo semestre 2025 conta, il terzo socio no; il primo marzo sì, il secondo aprile no.",
    "Nella seconda metà del 2026 e nel quarto trimestre, primo in classifica, al primo giugno, terza fila.",
    // Shifts: before a month, a unit or a season, plural, and before neither.
    "Questo progetto parte questo mese; lo scorso settembre, i mesi scorsi e la prossima estate, quest'anno no.",
    "Scorsi i bilanci, la prossima mossa: questa settimana o il prossimo 2026, passato il mese scorso.",
    // Fiscal years before a year and not, plural units before a plural shift and not.
    "Nell'esercizio 2024 e nell'esercizio del 2025 l'utile sale; l'esercizio si chiude, entro l'anno.",
    "Nei giorni scorsi e nei mesi passati i soci, da mesi in attesa, per giorni e settimane, 3 giorni fa.",
    // Decade heads before decades and not; "prima" as a preposition and an ordinal.
    "Negli anni Trenta, negli anni '80 e negli anni 2020, anni di crisi; negli anni scorsi, prima di tutto.",
    "Prima del 2020 e prima metà del 2021 la prima offerta, poi prima gennaio; anni dopo, anni 2025 euro.",
    // Vague counts before a unit and "dopo", "prima", "fa" or nothing.
    "Pochi giorni fa, pochi giorni dopo e alcune settimane prima; qualche mese, alcuni soci, poche ore dopo.",
};

struct Doc {
  std::string text, lowered;
  std::vector<timetok::Token> toks;
};

TEST(TimeReach, RefusesNoTokenWhereTheGrammarFindsAnExpression) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  int found = 0, refused = 0;
  for (const char* date : {"2025-06-18", "2025-06"}) {
    for (const auto& sentence : kSentences) {
      Doc d{sentence, sentence, {}};
      timetok::lower_in_place(d.lowered);
      timetok::tokenize(d.text, d.lowered, d.toks);
      vocab.annotate(d.toks);
      const auto doc = timecal::parse_doc_date(date);
      ASSERT_TRUE(doc);
      Context c{d.toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
      // A previous expression, so that "pochi giorni dopo" has something to follow.
      c.prev = Interval{timecal::to_day(doc->ymd), timecal::to_day(doc->ymd), "day"};
      Context unchecked = c;
      unchecked.refuse_lone_roles = false;
      for (std::size_t i = 0; i < d.toks.size(); ++i) {
        const bool reach = core_within_reach(c, i);
        const auto m = parse_reached(unchecked, i);
        if (m) ++found;
        if (!reach) ++refused;
        EXPECT_TRUE(reach || !m) << "refused at token " << i << " '" << d.toks[i].lower << "' of: " << sentence;
        const auto checked = parse_at(c, i);
        EXPECT_EQ(checked.has_value(), m.has_value()) << "at token " << i << " of: " << sentence;
        if (checked && m) {
          EXPECT_EQ(checked->tok_end, m->tok_end) << "at token " << i << " of: " << sentence;
          EXPECT_EQ(checked->rule.str(), m->rule.str()) << "at token " << i << " of: " << sentence;
        }
      }
    }
  }
  EXPECT_GT(found, 40);    // the sentences are full of expressions
  EXPECT_GT(refused, 40);  // and of tokens the check refuses
}

// Each token of text with one of roles, followed by "+" where core_may_begin
// lets a core begin and "-" where it refuses.
std::vector<std::string> begins_of(const std::string& text, std::uint32_t roles) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  Doc d{text, text, {}};
  timetok::lower_in_place(d.lowered);
  timetok::tokenize(d.text, d.lowered, d.toks);
  vocab.annotate(d.toks);
  const auto doc = timecal::parse_doc_date("2025-06-18");
  Context c{d.toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
  std::vector<std::string> begins;
  for (std::size_t i = 0; i < d.toks.size(); ++i)
    if (vocab.roles_of(d.toks[i]) & roles)
      begins.push_back(std::string(d.toks[i].lower) + (core_may_begin(c, i) ? "+" : "-"));
  return begins;
}

// Ordinals begin a core only before a sub-period, or the first before a
// month; the check refuses them elsewhere ("secondo i legali").
TEST(TimeReach, OrdinalsBeginOnlyBeforeASubperiodOrAMonth) {
  const std::vector<std::string> want = {"secondo-", "seconda+", "primo+", "secondo-", "terzo+", "primo-"};
  EXPECT_EQ(begins_of("secondo i soci, seconda metà, primo marzo, secondo marzo, terzo trimestre, primo giorno",
                      timevocab::kOrdinal),
            want);
}

// Shifts begin a core only before a month, a unit or a season, and plural
// ones never ("i mesi scorsi" begins at "mesi").
TEST(TimeReach, ShiftsBeginOnlyBeforeAMonthAUnitOrASeason) {
  const std::vector<std::string> want = {"questo-", "questo+", "scorso+", "prossima+",
                                         "scorsi-", "quest'+", "passato-"};
  EXPECT_EQ(begins_of("questo progetto, questo mese, scorso settembre, prossima estate, scorsi anni, quest'anno, "
                      "passato 2025",
                      timevocab::kShift),
            want);
}

// A fiscal year begins a core only before a year, a plural unit only
// before a plural shift; a unit not plural may stand alone.
TEST(TimeReach, FiscalYearsAndPluralUnitsBeginOnlyBeforeWhatTheyNeed) {
  const std::vector<std::string> want = {"esercizio+", "esercizio+", "esercizio-", "giorni+",
                                         "mesi-",      "settimana+", "giorno+"};
  EXPECT_EQ(begins_of("esercizio 2024, esercizio del 2025, esercizio chiuso, giorni scorsi, mesi fa, settimana, giorno",
                      timevocab::kFiscal | timevocab::kUnit),
            want);
}

// A decade head begins a core only before a decade, an apostrophe or a
// number, or ("anni", also a plural unit) a plural shift.
TEST(TimeReach, DecadeHeadsBeginOnlyBeforeADecadeOrAPluralShift) {
  const std::vector<std::string> want = {"anni+", "anni+", "anni+", "anni-", "anni+", "anni-", "anni-"};
  EXPECT_EQ(
      begins_of("anni Trenta, anni '80, anni 2020, anni di crisi, anni scorsi, anni fa, anni", timevocab::kDecadeHead),
      want);
}

// A count begins a core only before a unit, a vague one only before a unit
// and a word of "later" ("pochi giorni dopo"; "pochi giorni fa" is none).
TEST(TimeReach, VagueCountsBeginOnlyBeforeAUnitAndLater) {
  const std::vector<std::string> want = {"pochi-", "pochi+", "tre+", "due-", "alcune+", "qualche-"};
  EXPECT_EQ(begins_of("pochi giorni fa, pochi giorni dopo, tre giorni fa, due soci, alcune settimane prima, qualche "
                      "anno fa",
                      timevocab::kCount),
            want);
}

// What the extractor finds with the check, in sentences where counts and
// numbers begin expressions.
TEST(TimeReach, CountsAndNumbersStillBeginExpressions) {
  TimeExtractor ex(Lexicon::builtin());
  const std::string text = "Un anno fa, il 5 maggio e il 21/01/2025 contano; 500 euro e un accordo no.";
  std::vector<std::string> got;
  for (const auto& t : ex.extract(text, {}, std::string("2025-06-18")))
    got.push_back(text.substr(t.span.begin, t.span.size()) + "=" + t.begin + ".." + t.end);
  const std::vector<std::string> want = {"Un anno fa=2024-01-01..2024-12-31", "il 5 maggio=2025-05-05..2025-05-05",
                                         "il 21/01/2025=2025-01-21..2025-01-21"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace dealscan::timegrammar

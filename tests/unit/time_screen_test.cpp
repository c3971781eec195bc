// The time grammar's quick refusals (a core must be within reach of a run of
// prepositions; counted rules need a unit) must keep every expression that
// the full grammar finds: prepositions of several words, items of several
// words starting with a preposition, counts with and without "ultimi".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

const std::string kDocDate = "2025-06-18";

// The one expression found in text, as its text, begin, end and precision.
std::vector<std::string> only_expression(const std::string& text) {
  TimeExtractor ex(Lexicon::builtin());
  auto got = ex.extract(text, {}, kDocDate);
  if (got.size() != 1) return {"found " + std::to_string(got.size()) + " expressions"};
  const TimeExpr& t = got[0];
  return {text.substr(t.span.begin, t.span.size()), t.begin, t.end, t.precision};
}

using Want = std::vector<std::string>;

TEST(TimeScreen, PrepositionsOfSeveralWordsStayWhole) {
  // "partire", "corso" and "arco" begin no item: the run must go on past them.
  EXPECT_EQ(only_expression("Le nuove tariffe valgono a partire dal 2026 per tutti."),
            (Want{"a partire dal 2026", "2026-01-01", "", "year"}));
  EXPECT_EQ(only_expression("Il piano sarà varato nel corso del 2027, dice l'azienda."),
            (Want{"nel corso del 2027", "2027-01-01", "2027-12-31", "year"}));
  EXPECT_EQ(only_expression("Le vendite sono salite nell'arco del 2024."),
            (Want{"nell'arco del 2024", "2024-01-01", "2024-12-31", "year"}));
}

TEST(TimeScreen, ItemsStartingWithAPrepositionWord) {
  // "in" is a preposition, and the first word of "in giornata".
  EXPECT_EQ(only_expression("La firma è attesa in giornata a Roma."),
            (Want{"in giornata", "2025-06-18", "2025-06-18", "day"}));
  EXPECT_EQ(only_expression("Lo dice il bilancio dell'anno in corso."),
            (Want{"dell'anno in corso", "2025-01-01", "2025-12-31", "year"}));
}

TEST(TimeScreen, CountsNeedAUnitUnlessUltimiComesFirst) {
  EXPECT_EQ(only_expression("Il titolo ha perso molto negli ultimi tre anni."),
            (Want{"negli ultimi tre anni", "2022-06-18", "2025-06-18", "year"}));
  // Without a count, "anni" reaches back five years (its lexicon "recent").
  EXPECT_EQ(only_expression("Il marchio è cresciuto negli ultimi anni in Europa."),
            (Want{"negli ultimi anni", "2020-06-18", "2025-06-18", "year"}));
  EXPECT_EQ(only_expression("La società fu venduta due anni fa a un fondo."),
            (Want{"due anni fa", "2023-01-01", "2023-12-31", "year"}));
  EXPECT_EQ(only_expression("Il debito sarà rimborsato entro tre anni dalla firma."),
            (Want{"entro tre anni", "", "2028-06-18", "year"}));
  // Counts without a unit are no time.
  EXPECT_EQ(only_expression("Tre società e una banca hanno offerto 40 milioni nel 2024."),
            (Want{"nel 2024", "2024-01-01", "2024-12-31", "year"}));
}

}  // namespace
}  // namespace dealscan

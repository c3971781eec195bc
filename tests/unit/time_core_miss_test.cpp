// parse_reached remembers in its context the last position where it found no
// core (Context::miss), so that the words of a preposition run asked in
// turn do not parse the core after the run again. The memo must never
// change what is found: asked in turn over one context, left to right as
// the extractor asks or right to left (a core first asked with fewer rules
// allowed, then after a preposition with more), every token gives what it
// gives on a fresh context.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/time_grammar.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan::timegrammar {
namespace {

// Runs of prepositions before cores that fail and that match, with and
// without the flags the run's kind allows ("fino al", "tra", "dal").
const std::vector<std::string> kSentences = {
    "Per la prima volta, per la prima metà del 2026 e fino alla fine dell'anno.",
    "All'anno precedente, nell'anno scorso e a partire dal mese prossimo.",
    "Entro il mese, fino all'anno, tra due anni e tra il 2026 e il 2027.",
    "Dal 3 al 5 marzo, dopo anni di attesa e prima di giugno; pochi giorni fa.",
    "Nel corso dell'esercizio, nell'esercizio 2025 e prima della primavera.",
};

std::string describe(const std::optional<Match>& m) {
  if (!m) return "-";
  return std::to_string(m->tok_begin) + ".." + std::to_string(m->tok_end) + " " + m->rule.str();
}

TEST(TimeCoreMiss, RememberedMissesChangeNoMatch) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  int found = 0;
  for (const char* date : {"2025-06-18", "2025-06"}) {
    const auto doc = timecal::parse_doc_date(date);
    ASSERT_TRUE(doc);
    for (const auto& sentence : kSentences) {
      std::string lowered = sentence;
      timetok::lower_in_place(lowered);
      std::vector<timetok::Token> toks;
      timetok::tokenize(sentence, lowered, toks);
      vocab.annotate(toks);
      for (const bool backwards : {false, true}) {
        Context shared{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
        for (std::size_t k = 0; k < toks.size(); ++k) {
          const std::size_t i = backwards ? toks.size() - 1 - k : k;
          Context fresh{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
          const auto want = parse_reached(fresh, i);
          EXPECT_EQ(describe(parse_reached(shared, i)), describe(want))
              << "at token " << i << " '" << toks[i].lower << "' of: " << sentence;
          if (want) ++found;
        }
      }
    }
  }
  EXPECT_GT(found, 20);
}

// The memo is read only with the context's prev unchanged: a core that
// follows the previous expression ("pochi giorni dopo") is found once
// prev is set and the memo reset, though it was missed before.
TEST(TimeCoreMiss, AResetMemoFindsWhatANewPrevAllows) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  const std::string text = "Pochi giorni dopo";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  std::vector<timetok::Token> toks;
  timetok::tokenize(text, lowered, toks);
  vocab.annotate(toks);
  const auto doc = timecal::parse_doc_date("2025-06-18");
  Context c{toks, vocab, doc, doc->ymd.year, std::nullopt, timecal::to_day(doc->ymd)};
  EXPECT_FALSE(parse_reached(c, 0).has_value());
  c.prev = Interval{timecal::to_day(doc->ymd), timecal::to_day(doc->ymd), "day"};
  c.miss = {};
  const auto m = parse_reached(c, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->tok_end, 3u);
}

}  // namespace
}  // namespace dealscan::timegrammar

// Claims, CueScreen: the quick test on the shared word scan that a sentence
// may hold an attribution cue must never say no where the matcher, on the
// sentence's tokens, finds one (a differential test), and must say no to
// sentences without the words the cues need, or it saves nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dealscan/extract.h"
#include "dealscan/lexicon.h"
#include "extract/claim_context.h"
#include "extract/claim_text.h"

namespace dealscan::claims {
namespace {

// Does the matcher find a phrase among the tokens of span, as claims makes them?
bool matcher_finds(const PhraseMatcher& m, const DocumentText& doc, Span span) {
  std::vector<Token> tokens;
  tokenize_into(doc.words(), doc.lowered(), span, tokens);
  PhraseMatch hit;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (m.match_at(tokens, i, hit)) return true;
  return false;
}

TEST(CueScreen, NeverRefusesASentenceTheAttributionMatcherFindsACueIn) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<std::string> sentences = {
      "Secondo fonti vicine al dossier, Alfa investirebbe 3 miliardi in Beta.",
      "Lo ha riferito ieri sera il quotidiano economico di Milano.",
      "STANDO ALLE INDISCREZIONI il gruppo tratterebbe da settimane.",
      "Gamma ottiene in esclusiva i diritti sul campionato per tre stagioni.",
      "Per la prima volta Delta chiude l'anno con un utile netto.",
      "L'operazione, come riportato dal settimanale, vale 2,5 miliardi.",
      "Il consiglio si riunir\u00E0 luned\u00EC per approvare il bilancio.",
      "Zeta ha acquistato il 40% di Eta per 1.200 milioni di euro.",
      "La citt\u00E0 ospiter\u00E0 la fiera nel mese di maggio.",
      "Nessun accordo \u00E8 stato firmato tra le due aziende.",
      "Theta ha dato notizia dell'esclusivit\u00E0 raggiunta con Iota."};
  std::string text;
  std::vector<Sentence> spans;
  for (const auto& s : sentences) {
    spans.push_back(Sentence{Span{text.size(), text.size() + s.size()}});
    text += s + " ";
  }
  const DocumentText doc(text, spans);
  std::size_t found = 0, refused = 0;
  for (const auto& s : spans) {
    const bool finds = matcher_finds(lex.attribution, doc, s.span);
    const bool may = lex.attribution_screen.may_match(doc.words(), doc.lowered(), s.span);
    if (finds) EXPECT_TRUE(may) << text.substr(s.span.begin, s.span.size());
    found += finds;
    refused += !may;
  }
  EXPECT_GE(found, 6u);    // the cues of the first sentences are real ones
  EXPECT_GE(refused, 3u);  // the plain ones are screened out
}

TEST(CueScreen, LooksForTheLongestWordOrStemOfEachPhrase) {
  Lexicon lexicon;
  lexicon.add_list("cues", "riferit*\ttype=a\ncome scrive\ttype=b\n", "test");
  const PhraseMatcher m(lexicon.list("cues"));
  const CueScreen screen(m);
  auto may = [&](const std::string& text) {
    const DocumentText doc(text);
    return screen.may_match(doc.words(), doc.lowered(), Span{0, text.size()});
  };
  EXPECT_TRUE(may("Lo hanno RIFERITO in due."));
  EXPECT_TRUE(may("Come sempre, lo scrive il giornale."));  // both words there: look (the matcher then says no)
  EXPECT_FALSE(may("Lo scrive il giornale."));      // "scrive" alone: the phrase needs "come" too
  EXPECT_FALSE(may("Come ogni anno, nulla di nuovo."));  // "come" alone: the phrase needs "scrive"
  EXPECT_FALSE(may("Il ferito riferisce poco."));   // "riferit" starts no word
}

TEST(CueScreen, SaysLookWhereItCannotTell) {
  Lexicon lexicon;
  lexicon.add_list("cues", "secondo\ttype=a\n", "test");
  lexicon.add_list("suffix", "*rebbe\ttype=a\n", "test");
  const PhraseMatcher words(lexicon.list("cues")), suffix(lexicon.list("suffix"));
  const CueScreen screen(words), suffix_screen(suffix);
  // A span starting inside a word of the scan: claims reads "secondo" from there.
  const std::string text = "Xsecondo loro.";
  const DocumentText doc(text);
  EXPECT_TRUE(matcher_finds(words, doc, Span{1, text.size()}));
  EXPECT_TRUE(screen.may_match(doc.words(), doc.lowered(), Span{1, text.size()}));
  EXPECT_FALSE(screen.may_match(doc.words(), doc.lowered(), Span{0, text.size()}));
  // A "*suffix" phrase has no word start to look for.
  const std::string plain = "Nulla qui.";
  const DocumentText plain_doc(plain);
  EXPECT_TRUE(suffix_screen.may_match(plain_doc.words(), plain_doc.lowered(), Span{0, plain.size()}));
  // Bytes that are not UTF-8 are read differently by the two tokenizers.
  const std::string bad = "Nulla \xFF qui.";
  const DocumentText bad_doc(bad);
  EXPECT_TRUE(screen.may_match(bad_doc.words(), bad_doc.lowered(), Span{0, bad.size()}));
}

TEST(CueScreen, APhraseOfSeveralTellingWordsNeedsThemAll) {
  Lexicon lexicon;
  // "prima" is the longest word of both phrases; "la" is too short to tell,
  // "per" and "volta" are looked for; "fonti" decides alone.
  lexicon.add_list("cues", "per la prima volta\ttype=a\nper prima\ttype=a\nfonti\ttype=b\n", "test");
  const PhraseMatcher m(lexicon.list("cues"));
  const CueScreen screen(m);
  auto may = [&](const std::string& text) {
    const DocumentText doc(text);
    return screen.may_match(doc.words(), doc.lowered(), Span{0, text.size()});
  };
  EXPECT_FALSE(may("Non \u00E8 la prima volta che succede."));  // no "per"
  EXPECT_FALSE(may("Il closing \u00E8 atteso nella prima met\u00E0 dell'anno."));
  EXPECT_TRUE(may("Per la prima volta il gruppo chiude in utile."));
  EXPECT_TRUE(may("L'ha annunciato per prima la societ\u00E0."));
  EXPECT_TRUE(may("Prima di tutto, per ora nulla cambia."));  // "prima" and "per": look (the matcher then says no)
  EXPECT_TRUE(may("Le fonti non confermano."));
  // A sentence whose first literal completes nothing is read on: a later one may.
  EXPECT_TRUE(may("La prima rata, dicono le fonti, arriva."));
}

// The two- and three-byte filters before the literals: what they let
// through or not must not change the answer.
TEST(CueScreen, FiltersOnTheFirstBytesKeepTheAnswer) {
  Lexicon lexicon;
  // "fonti" (a literal of five bytes) and "su" (two bytes: its head decides).
  lexicon.add_list("cues", "fonti\ttype=a\nsu\ttype=b\n", "test");
  const PhraseMatcher m(lexicon.list("cues"));
  const CueScreen screen(m);
  auto may = [&](const std::string& text) {
    const DocumentText doc(text);
    return screen.may_match(doc.words(), doc.lowered(), Span{0, text.size()});
  };
  EXPECT_FALSE(may("Il fondo chiude forte."));       // "fon" passes the filters, "fonti" is not there
  EXPECT_TRUE(may("Le FONTI parlano."));
  EXPECT_TRUE(may("Poi sul tavolo."));               // "su" starts "sul": look
  EXPECT_FALSE(may("Alla fine fo."));                // "fo" ends the span: too short for "fonti"
  EXPECT_FALSE(may("Ancora fa caldo."));             // "fa": neither head
}

// The screen reads the span's bytes sixteen at a time: cues at every offset
// of a chunk, across chunk ends, at the span's and the text's last bytes,
// after accented letters, apostrophes and digits, in random spans of random
// words, must never be refused where the matcher finds them.
TEST(CueScreen, NeverRefusesACueAtAnyByteOffset) {
  const ClaimLexicon lex(Lexicon::builtin());
  const std::vector<std::string> words = {
      "secondo", "fonti", "riportato", "da", "per", "la", "prima", "volta", "scrive", "come", "dell'", "l'",
      "citt\u00E0", "pi\u00F9", "1.500", "3,5", "start-up", "Alfa", "investe", "(", ")", ",", ";", ":",
      "\u00ABvoci\u00BB", "esclusiva", "diritti", "indiscrezioni", "rivelato", "a", "quanto", "risulta", "x"};
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  std::size_t finds = 0, refused = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text(next(17), ' ');  // the first word at any offset of a chunk
    const std::size_t n = 1 + next(12);
    for (std::size_t w = 0; w < n; ++w) {
      text += words[next(static_cast<std::uint32_t>(words.size()))];
      if (next(4) != 0) text += ' ';
    }
    const DocumentText doc(text);
    // Spans from each space (and the start) to the end, and to one byte short of it.
    for (std::size_t b = 0; b < text.size(); ++b) {
      if (b != 0 && text[b - 1] != ' ') continue;
      for (const std::size_t e : {text.size(), text.size() - 1}) {
        if (e <= b) continue;
        const bool found = matcher_finds(lex.attribution, doc, Span{b, e});
        const bool may = lex.attribution_screen.may_match(doc.words(), doc.lowered(), Span{b, e});
        if (found) EXPECT_TRUE(may) << "[" << text.substr(b, e - b) << "]";
        finds += found;
        refused += !may;
      }
    }
  }
  EXPECT_GT(finds, 100u);
  EXPECT_GT(refused, 100u);
}

}  // namespace
}  // namespace dealscan::claims

// Ingest, sentence rules: ingest::SentenceRules must break every line exactly
// where ICU's sentence iterator does (a differential test: hand-picked lines,
// then many generated ones), and hand a line to ICU whenever it holds what
// the rules do not cover.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "ingest/sentence_rules.h"

namespace dealscan::ingest {
namespace {

// ICU's breaks of line as byte offsets, the end included.
std::vector<std::uint32_t> icu_breaks(std::string_view line) {
  UErrorCode st = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("it"), st));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  it->setText(u);
  std::vector<std::uint32_t> out;
  it->first();
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    std::string head;
    u.tempSubString(0, p).toUTF8String(head);
    out.push_back(static_cast<std::uint32_t>(head.size()));
  }
  return out;
}

std::vector<std::uint32_t> rule_breaks(const SentenceRules& rules, std::string_view line, bool& handled) {
  std::vector<std::uint32_t> out;
  handled = rules.breaks(line, out);
  return out;
}

TEST(SentenceRules, AgreeWithIcuOnVariedLines) {
  const SentenceRules rules;
  const std::vector<std::string> lines = {
      "La banca ha chiuso il trimestre in utile. Il titolo guadagna il 2%.",
      "Costa 1.5 euro, cio\u00E8 poco. Anzi, pochissimo!",
      "Il dott. Bianchi ha firmato ieri. Ecc. ecc. e poi basta.",
      "La sede \u00E8 negli U.S.A. Domani si vota.",
      "Lo ha scritto J. R. Verdi. Nessuno lo sapeva.",
      "\"Chi paga?\" si chiedono tutti. \"Noi!\" Risponde la giunta.",
      "\u00ABNon vendiamo\u00BB. Cos\u00EC il presidente (in conferenza). Fine.",
      "Aspettiamo\u2026 Poi vedremo. Forse... forse no.",
      "Davvero?! S\u00EC. Ma come?? Non so.",
      "Vale 6,6 miliardi. 3 analisti su 5 sono d'accordo.",
      "Il fondo (con sede a Roma.) ha perso. E adesso?",
      "Prezzo: 10.000 \u20AC. Sconto: 5 \u20AC\u2019. OK.",
      "\u201CAbbiamo chiuso.\u201D \u2018Bene\u2019, ha detto. \u2013 Poi \u00E8 uscito.",
      "Fine.)  Inizio. [Nota.] altro.",
      "\u00C8 finita. \u00C0 la carte. \u00C9 strano.",
      "Il ministro \u03B1. \u0391\u03B8\u03AE\u03BD\u03B1. \u041C\u043E\u0441\u043A\u0432\u0430. \u05E9\u05DC\u05D5\u05DD. Fine.",
      "\u4E2D\u6587\u3002\u65E5\u672C\u8A9E\uFF01\u97D3\u56FD\uFF1F OK.",
      "\u0645\u0631\u062D\u0628\u0627\u061F \u0646\u0639\u0645. \u0E44\u0E17\u0E22. Fine \U0001F600. Ok.",
      "Pagina 3. 4. 5. Tutte.",
      "Tre punti... E poi. e poi.",
      "a.b.c. D.e. f. G",
      ". . . ! ? ,",
      "Tab\tdopo.\tQui.\u00A0Anche qui.",
  };
  for (const auto& line : lines) {
    bool handled = false;
    auto got = rule_breaks(rules, line, handled);
    ASSERT_TRUE(handled) << line;
    EXPECT_EQ(got, icu_breaks(line)) << line;
  }
}

// Random lines over a mixed alphabet: letters of several scripts, digits,
// every kind of terminator, closing mark, space and continuation.
TEST(SentenceRules, AgreeWithIcuOnGeneratedLines) {
  const SentenceRules rules;
  const std::vector<std::string> alphabet = {
      "a", "z", "A", "Z", "0", "9", " ", " ", ".", ".", "!", "?", ",", ":", ";", "\"", "'", "(", ")", "[", "-",
      "\u00E0", "\u00C8", "\u00AB", "\u00BB", "\u201C", "\u201D", "\u2019", "\u2026", "\u00A0", "\u2024", "\u03B1",
      "\u0391", "\u3002", "\uFF01", "\u061F", "\u05D0", "\u2047", "\uFF0E", "\u3001", "\u2013", "\u2014",
      "\U0001F600", "\u4E2D", "\t", "\u00B2", "\u2160", "\u00AA", "\u0660", "\u0E01", "\u203C", "\uFE52", "%",
      "\u20AC"};
  const std::vector<std::string> words = {"Il ",  "sig. ", "Rossi", ". ",   "! ",    "? ",  "\"",   "\u00BB ",
                                          "ecc. ", "1.5",  " e",    "U.S. ", "(",    ")",   "... ", "Poi",
                                          "mila", "'",     "etc.) ", ", ",   "5 ",   "\u2026", "\u2013 "};
  std::mt19937 rng(20261122);
  int compared = 0;
  for (int n = 0; n < 30000; ++n) {
    const auto& pieces = n % 2 ? alphabet : words;
    std::string line;
    for (int len = 1 + static_cast<int>(rng() % 24); len > 0; --len) line += pieces[rng() % pieces.size()];
    bool handled = false;
    auto got = rule_breaks(rules, line, handled);
    ASSERT_TRUE(handled) << line;
    ASSERT_EQ(got, icu_breaks(line)) << line;
    ++compared;
  }
  EXPECT_EQ(compared, 30000);
}

// Long lines, so that skimming takes them sixteen bytes at a time: accented
// letters, curly quotes, dashes and terminators fall at every offset of a
// block, and on its edges.
TEST(SentenceRules, AgreeWithIcuOnLongLines) {
  const SentenceRules rules;
  const std::vector<std::string> pieces = {
      "abcdefghijklmno", "Vendita ", "della ", "quota", " ",   " ",      "\u00E8", "\u00C0", "\u2019", "\u201C",
      "\u201D",          "\u2013",   "\u20AC",  ". ",    "! ", "? ",     ".",       "1.5",    ",",      "\u00AB",
      "\u00BB",          "\u00A0",   "\u03B1",  "\u2026", "x",  "Il ",    "\t",      "(",      ")",      "\u3002"};
  std::mt19937 rng(20261123);
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    for (int len = 8 + static_cast<int>(rng() % 60); len > 0; --len) line += pieces[rng() % pieces.size()];
    bool handled = false;
    auto got = rule_breaks(rules, line, handled);
    ASSERT_TRUE(handled) << line;
    ASSERT_EQ(got, icu_breaks(line)) << line;
  }
}

// A broken byte is found wherever it falls in a block: a lone lead byte, a
// lone continuation byte, a lead byte followed by another lead.
TEST(SentenceRules, LeaveBrokenBytesToIcuAtEveryOffset) {
  const SentenceRules rules;
  const std::string base = "Il prezzo \u00E8 salito di molto nella seduta di ieri a Milano";
  for (std::string bad : {"\xC3", "\xA8", "\xC3\xC3", "\xE2\x80", "\xC3 "}) {
    for (std::size_t at = 0; at <= base.size(); ++at) {
      if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;  // inside "\u00E8"
      const std::string line = base.substr(0, at) + bad + base.substr(at);
      bool handled = true;
      rule_breaks(rules, line, handled);
      EXPECT_FALSE(handled) << "at " << at;
    }
  }
}

TEST(SentenceRules, LeaveToIcuWhatTheRulesDoNotCover) {
  const SentenceRules rules;
  for (std::string line : {"Caff\u0065\u0300. Poi.",  // combining accent (Extend)
                           "Pa\u00ADrola. Poi.",      // soft hyphen (Format)
                           "Uno.\u2028Due.",          // line separator (Sep)
                           "Uno.\rDue.",              // CR
                           "Riga \xC3 rotta. Fine."}) {  // not UTF-8
    bool handled = true;
    auto got = rule_breaks(rules, line, handled);
    EXPECT_FALSE(handled) << line;
    EXPECT_TRUE(got.empty()) << line;
  }
}

}  // namespace
}  // namespace dealscan::ingest

// Ingest, sentence splitting: the cases in tests/data/ingest/sentences.tsv
// (abbreviations, initials, decimals, line breaks, quotes), plus the shape of
// the output and the cost on very long lines.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "dealscan/ingest.h"

namespace dealscan {
namespace {

struct Case {
  int line = 0;
  std::string input;
  std::vector<std::string> expected;
};

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out.push_back(s[++i] == 'n' ? '\n' : '\t');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::vector<Case> load_cases() {
  std::ifstream in(DEALSCAN_TEST_DATA "/ingest/sentences.tsv");
  std::vector<Case> cases;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    Case c;
    c.line = n;
    std::size_t start = 0;
    bool first = true;
    for (;;) {
      auto tab = line.find('\t', start);
      std::string col = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      if (first) {
        c.input = unescape(col);
        first = false;
      } else if (!col.empty()) {
        c.expected.push_back(unescape(col));
      }
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::vector<std::string> texts(std::string_view text, const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const auto& s : sentences) out.emplace_back(text.substr(s.span.begin, s.span.size()));
  return out;
}

TEST(SentenceSplitter, CasesFromTheTable) {
  SentenceSplitter splitter(Lexicon::builtin());
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 25u);
  for (const auto& c : cases) {
    EXPECT_EQ(texts(c.input, splitter.split(c.input)), c.expected) << "sentences.tsv:" << c.line;
  }
}

TEST(SentenceSplitter, SpansAreTrimmedOrderedAndNeverEmpty) {
  SentenceSplitter splitter(Lexicon::builtin());
  std::string text = "  Primo.   Secondo!\n\n\t Terzo?  \r\n  Quarto \n";
  auto sentences = splitter.split(text);
  ASSERT_EQ(sentences.size(), 4u);
  std::size_t prev = 0;
  for (const auto& s : sentences) {
    ASSERT_FALSE(s.span.empty());
    EXPECT_GE(s.span.begin, prev);
    EXPECT_NE(text[s.span.begin], ' ');
    EXPECT_NE(text[s.span.end - 1], ' ');
    EXPECT_NE(text[s.span.end - 1], '\r');
    prev = s.span.end;
  }
  EXPECT_EQ(texts(text, sentences), (std::vector<std::string>{"Primo.", "Secondo!", "Terzo?", "Quarto"}));
}

// ICU reads each line as UTF-16: breaks after two-, three- and four-byte
// characters (and after a line with bad bytes, read as UTF-8) must map back
// to the right byte offsets.
TEST(SentenceSplitter, BreaksAfterMultiByteCharactersKeepByteOffsets) {
  SentenceSplitter splitter(Lexicon::builtin());
  std::string text = "Costa 5 \u20AC. Lui \u00E8 qui \U0001F600. Poi \u00C8 finita.\nRiga \xC3 rotta. Fine.";
  EXPECT_EQ(texts(text, splitter.split(text)),
            (std::vector<std::string>{"Costa 5 \u20AC.", "Lui \u00E8 qui \U0001F600.", "Poi \u00C8 finita.",
                                      "Riga \xC3 rotta.", "Fine."}));
}

TEST(SentenceSplitter, EmptyAndBlankText) {
  SentenceSplitter splitter(Lexicon::builtin());
  EXPECT_TRUE(splitter.split("").empty());
  EXPECT_TRUE(splitter.split(" \n\t\n  ").empty());
}

TEST(SentenceSplitter, WithoutTheAbbreviationListTitlesSplit) {
  SentenceSplitter bare{Lexicon{}};
  EXPECT_EQ(bare.split("Il Sig. Rossi parla.").size(), 2u);
  Lexicon lex;
  lex.add_list("abbreviations", "Sig.\tkind=title\n", "test");
  SentenceSplitter with(lex);
  EXPECT_EQ(with.split("Il Sig. Rossi parla.").size(), 1u);
}

// Abbreviations are matched in any ASCII case, after an elision, and only as
// whole words: a longer word ending in a full stop still ends the sentence.
TEST(SentenceSplitter, AbbreviationsMatchWholeWordsInAnyCase) {
  Lexicon lex;
  lex.add_list("abbreviations", "Sig.\tkind=title\nad es.\tkind=other\n", "test");
  SentenceSplitter with(lex);
  EXPECT_EQ(with.split("Parla il SIG. Rossi.").size(), 1u);
  EXPECT_EQ(with.split("Ne parla l'sig. Rossi.").size(), 1u);
  EXPECT_EQ(with.split("Pagano in titoli, ad es. Mediobanca ne compra.").size(), 1u);
  EXPECT_EQ(with.split("Parla la Signorina. Poi esce.").size(), 2u);
  EXPECT_EQ(with.split("Parla il Presidente della Repubblica. Poi esce.").size(), 2u);
}

TEST(SentenceSplitter, VeryLongLinesAreNotQuadratic) {
  SentenceSplitter splitter(Lexicon::builtin());
  auto time = [&](const std::string& text, std::size_t& count) {
    auto start = std::chrono::steady_clock::now();
    count = splitter.split(text).size();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::size_t n = 0;
  // One sentence of a million characters, no full stop.
  std::string words;
  while (words.size() < 1'000'000) words += "parola ";
  EXPECT_LT(time(words, n), 5.0);
  EXPECT_EQ(n, 1u);
  // A million characters of abbreviations and initials that never end a sentence.
  std::string abbr;
  while (abbr.size() < 1'000'000) abbr += "Sig. A. Dott. ";
  EXPECT_LT(time(abbr, n), 5.0);
  EXPECT_EQ(n, 1u);
  // Many short sentences on one line.
  std::string many;
  while (many.size() < 1'000'000) many += "Ok. ";
  EXPECT_LT(time(many, n), 5.0);
  EXPECT_EQ(n, 250'000u);
  // A million short lines that all run on into the next one.
  std::string lines;
  while (lines.size() < 1'000'000) lines += "-\n";
  lines += "fine.";
  EXPECT_LT(time(lines, n), 5.0);
  EXPECT_EQ(n, 1u);
  std::string wrapped;
  while (wrapped.size() < 1'000'000) wrapped += "una riga\n";
  EXPECT_LT(time(wrapped, n), 5.0);
  EXPECT_EQ(n, 1u);
  // Spaces only between two sentences.
  std::string spaces = "Uno." + std::string(1'000'000, ' ') + "Due.";
  EXPECT_LT(time(spaces, n), 5.0);
  EXPECT_EQ(n, 2u);
}

}  // namespace
}  // namespace dealscan

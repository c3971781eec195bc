// TokenStream::heading is tallied during the word scan: each sentence that
// has words and no closing mark, or is mostly in capitals, is a heading.
// Explicit cases, then a differential test against the definition read off
// the finished token stream.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan {
namespace {

// Sentences of text cut at the given byte offsets (sorted, last = text end).
std::vector<Sentence> cut(const std::vector<std::size_t>& ends) {
  std::vector<Sentence> out;
  std::size_t b = 0;
  for (auto e : ends) {
    out.push_back(Sentence{Span{b, e}});
    b = e;
  }
  return out;
}

// The definition, over the finished stream.
std::vector<bool> reference_headings(const entity::TokenStream& ts, std::size_t sentence_count) {
  std::vector<bool> heading(sentence_count, false);
  std::vector<int> words(sentence_count, 0), caps(sentence_count, 0);
  std::vector<std::string_view> last(sentence_count);
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const auto& t = ts.tokens[i];
    last[t.sentence] = ts.surface(i);
    if (!t.word || t.shape == entity::Shape::None) continue;
    words[t.sentence]++;
    if (t.shape == entity::Shape::Upper && t.end - t.begin > 1) caps[t.sentence]++;
  }
  for (std::size_t s = 0; s < sentence_count; ++s) {
    const auto l = last[s];
    const bool closed = l == "." || l == "!" || l == "?" || l == "\"" || l == ")" || l == ":" || l == ";";
    heading[s] = (!closed && words[s] > 0) || (words[s] >= 3 && caps[s] * 2 > words[s]);
  }
  return heading;
}

TEST(EntityHeadings, TitleLinesAndCapitalsAreHeadings) {
  const std::string a = "Nuovo accordo tra Alfa e Beta\n";      // no closing mark
  const std::string b = "La societ\xC3\xA0 investe due miliardi. ";  // closed
  const std::string c = "ALFA COMPRA BETA SPA. ";              // capitals, closed
  const std::string d = "2025 ";                                // no words with letters
  const std::string e = "Lo dice il ceo (Alfa)";               // closed by ')'
  const std::string text = a + b + c + d + e;
  std::size_t ab = a.size(), bc = ab + b.size(), cd = bc + c.size(), de = cd + d.size();
  const auto ts = entity::tokenize(text, cut({ab, bc, cd, de, text.size()}));
  ASSERT_EQ(ts.heading.size(), 5u);
  EXPECT_TRUE(ts.heading[0]);
  EXPECT_FALSE(ts.heading[1]);
  EXPECT_TRUE(ts.heading[2]);
  EXPECT_FALSE(ts.heading[3]);
  EXPECT_FALSE(ts.heading[4]);
}

TEST(EntityHeadings, SentencesWithoutTokensAreNoHeadings) {
  const std::string text = "Titolo senza punto   ";
  // The second and third sentences hold only spaces.
  const auto ts = entity::tokenize(text, cut({18, 19, text.size()}));
  ASSERT_EQ(ts.heading.size(), 3u);
  EXPECT_TRUE(ts.heading[0]);
  EXPECT_FALSE(ts.heading[1]);
  EXPECT_FALSE(ts.heading[2]);
  EXPECT_EQ(entity::tokenize("", {}).heading, std::vector<bool>{false});
}

TEST(EntityHeadings, AsDefinedOverRandomSentences) {
  static const std::vector<std::string> kPieces = {"Alfa", "beta", "SPA", "ONU", "x", "A", "2025", " ", " ",
                                                   "\n", ".", "!", "?", "\"", ")", ":", ";", ",", "(",
                                                   "PI\xC3\x99", "citt\xC3\xA0", "...", "\xE2\x80\x9D"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::size_t headings = 0, others = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    std::vector<std::size_t> ends;
    const int sentences = 1 + round % 7;
    for (int s = 0; s < sentences; ++s) {
      const int pieces = round % 5 == 0 ? s % 3 : 1 + (round + s) % 9;  // now and then an empty one
      for (int k = 0; k < pieces; ++k) text += kPieces[pick(rng)];
      ends.push_back(text.size());
    }
    const auto ts = entity::tokenize(text, cut(ends));
    const auto want = reference_headings(ts, ends.size());
    ASSERT_EQ(ts.heading, want) << text;
    for (bool h : want) (h ? headings : others)++;
  }
  EXPECT_GT(headings, 100u);
  EXPECT_GT(others, 100u);
}

}  // namespace
}  // namespace dealscan

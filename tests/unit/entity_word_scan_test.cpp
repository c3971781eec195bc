// What the word scan tells of each token's place: its sentence, the white
// space and line breaks before it, and whether it opens its sentence or
// line. A differential test against those definitions read off the text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan {
namespace {

struct Expected {
  std::uint32_t sentence;
  bool space_before, newline_before, sentence_initial;
};

// The definitions: a token belongs to the first sentence that ends after its
// start (the last one if none does); a line break counts until the next word.
std::vector<Expected> reference(const entity::TokenStream& ts, const std::vector<Sentence>& sentences) {
  std::vector<Expected> out;
  bool newline = true;
  std::uint32_t last_word_sentence = UINT32_MAX;
  std::size_t prev_end = 0;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    const auto& t = ts.tokens[i];
    std::uint32_t s = 0;
    while (s + 1 < sentences.size() && sentences[s].span.end <= t.begin) ++s;
    const std::string_view gap = ts.text.substr(prev_end, t.begin - prev_end);
    newline = newline || gap.find_first_of("\n\r") != std::string_view::npos;
    Expected e{s, !gap.empty(), newline, t.word && (newline || s != last_word_sentence)};
    if (t.word) {
      last_word_sentence = s;
      newline = false;
    }
    out.push_back(e);
    prev_end = t.end;
  }
  return out;
}

TEST(EntityWordScan, SentencesSpacesAndLineStartsAsDefined) {
  static const std::vector<std::string> kPieces = {"Alfa", "beta", "SPA", "x", "2025", "abcdefghij", " ", " ",
                                                   "  ", "\n", "\r\n", "\t", ".", ",", "'", "(",
                                                   "citt\xC3\xA0", "PI\xC3\x99", "\xC3\x88", "\xE2\x80\x99"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::size_t initial = 0, inner = 0, later_sentences = 0;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    std::vector<Sentence> sentences;
    const int count = round % 6;  // now and then no sentence at all
    for (int s = 0; s < count; ++s) {
      const std::size_t gap = round % 4 == 0 ? text.size() + 1 : text.size();  // spans need not touch
      for (int k = 0; k < 1 + (round + s) % 8; ++k) text += kPieces[pick(rng)];
      if (gap <= text.size()) sentences.push_back(Sentence{Span{gap, text.size()}});
    }
    for (int k = 0; k < round % 3; ++k) text += kPieces[pick(rng)];  // text after the last sentence
    entity::TokenStream ts;
    entity::tokenize_into(text, sentences, ts);
    const auto want = reference(ts, sentences);
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const auto& t = ts.tokens[i];
      ASSERT_EQ(t.sentence, want[i].sentence) << i << " in " << text;
      ASSERT_EQ(t.space_before, want[i].space_before) << i << " in " << text;
      ASSERT_EQ(t.newline_before, want[i].newline_before) << i << " in " << text;
      ASSERT_EQ(t.sentence_initial, want[i].sentence_initial) << i << " in " << text;
      (t.sentence_initial ? initial : inner)++;
      later_sentences += t.sentence > 1;
    }
  }
  EXPECT_GT(initial, 200u);
  EXPECT_GT(inner, 200u);
  EXPECT_GT(later_sentences, 200u);
}

}  // namespace
}  // namespace dealscan

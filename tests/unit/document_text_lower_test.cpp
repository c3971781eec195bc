// The lowered text DocumentText shares (text::lower_latin, sixteen bytes at
// a time) against lower_latin_in_place, its byte-at-a-time definition: Latin-1
// capitals lowered, other letters kept, and bytes that are not UTF-8 (a byte
// after 0xC3 is never lowered as ASCII) read the same, at every place of a block.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "dealscan/extract.h"
#include "extract/latin_case.h"

namespace dealscan {
namespace {

std::string lowered_in_place(std::string s) {
  text::lower_latin_in_place(s);
  return s;
}

TEST(DocumentTextLower, ItalianCapitalsLowered) {
  const std::string text = "PIÙ DI UN MILIARDO È STATO RACCOLTO DALLA SOCIETÀ ÖRSTED × 2, ÀÉÌÒÙ ok";
  EXPECT_EQ(text::lower_latin(text), "più di un miliardo è stato raccolto dalla società örsted × 2, àéìòù ok");
  const DocumentText doc(text);
  EXPECT_EQ(doc.lowered(), text::lower_latin(text));
  EXPECT_EQ(doc.lowered().size(), text.size());
}

// 0xC3 then 'A': not UTF-8, and the 'A' stays (the pair is read as one
// character); a run of 0xC3 bytes pairs them from its first.
TEST(DocumentTextLower, BytesAfterC3AreNotLoweredAsAscii) {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string s(48, 'Q');
    s[at] = '\xC3';
    s[at + 1] = 'A';
    EXPECT_EQ(text::lower_latin(s), lowered_in_place(s)) << at;
    EXPECT_EQ(text::lower_latin(s)[at + 1], 'A') << at;
    s[at + 1] = '\xC3';
    s[at + 2] = '\x9E';  // C3 C3 9E: the second C3 is taken by the first, 9E stays
    EXPECT_EQ(text::lower_latin(s), lowered_in_place(s)) << at;
    EXPECT_EQ(text::lower_latin(s)[at + 2], '\x9E') << at;
  }
}

TEST(DocumentTextLower, RandomTextsAgreeWithTheByteDefinition) {
  std::mt19937 rng(20261123);
  const std::string alphabet = "AbZz@[`{ 09Mq";
  for (int round = 0; round < 4000; ++round) {
    const std::size_t n = rng() % 70;
    std::string s(n, ' ');
    for (auto& c : s) {
      const unsigned pick = rng() % 10;
      if (pick < 6) c = alphabet[rng() % alphabet.size()];
      else if (pick < 8) c = '\xC3';
      else c = static_cast<char>(0x80 + rng() % 0x80);
    }
    ASSERT_EQ(text::lower_latin(s), lowered_in_place(s)) << round;
  }
}

}  // namespace
}  // namespace dealscan

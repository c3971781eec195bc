// Time tokens built from the shared word scan carry the hash of their
// lower-cased text (the scan's key hash, with an elided article's
// apostrophe added), which the vocabulary looks words up by.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entity_tokens.h"
#include "extract/time_tokens.h"

namespace dealscan {
namespace {

TEST(TimeTokensHash, ScannedWordsAndMarksCarryTheHashOfTheirText) {
  const std::string text = "Nell'Anno 2024, DELL'azienda e l'altro ieri: (Più) città - ok!";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  ASSERT_TRUE(words.valid_utf8);
  std::vector<timetok::Token> toks;
  timetok::tokenize_words(words, lowered, toks);
  int hashed = 0, elided = 0;
  for (const auto& t : toks) {
    if (!t.hashed) continue;
    ++hashed;
    if (t.lower.back() == '\'') ++elided;
    EXPECT_EQ(t.hash, timetok::word_hash(t.lower)) << t.lower;
  }
  EXPECT_GE(hashed, 10);
  EXPECT_EQ(elided, 3);  // "nell'", "dell'", "l'"
}

TEST(TimeTokensHash, WordHashIsFnv1a) {
  EXPECT_EQ(timetok::word_hash(""), static_cast<std::uint32_t>(1469598103934665603ull));
  EXPECT_EQ(timetok::word_hash("dell'"), static_cast<std::uint32_t>(entity::hash_key("dell'")));
}

}  // namespace
}  // namespace dealscan

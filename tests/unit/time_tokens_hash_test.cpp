// Time tokens built from the shared word scan are looked up by the hash of
// their lower-cased text (the scan's key hash, with an elided article's
// apostrophe added) as they are made.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/entity_tokens.h"
#include "extract/time_tokens.h"
#include "extract/time_vocab.h"

namespace dealscan {
namespace {

// Words and marks from the shared word scan are looked up by the scan's key
// hash (with an elided article's apostrophe added): each must find the
// index's slot of its lower-cased text, and other words none.
TEST(TimeTokensHash, ScannedWordsAndMarksAreFoundByTheirText) {
  const std::string text = "Nell'Anno 2024, DELL'azienda e l'altro ieri: (Più) città - ok!";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  ASSERT_TRUE(words.valid_utf8);
  const std::vector<std::string> known = {"nell'", "anno", "2024", ",", "dell'", "l'", "ieri", ":", "(", "più",
                                          ")", "città", "-", "!"};
  std::vector<timetok::WordIndex::Slot> slots;
  timetok::WordIndex index;
  for (std::size_t k = 0; k < known.size(); ++k) {
    slots.push_back({0, static_cast<std::int32_t>(k), 1u << k, k % 2 == 0, known[k]});
    index.add_shape(known[k]);
  }
  index.build(slots);
  std::vector<timetok::Token> toks;
  const std::size_t n = timetok::tokenize_words_into(words, lowered, index, toks);
  int found = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto& t = toks[k];
    const auto at = std::find(known.begin(), known.end(), t.lower) - known.begin();
    if (at == static_cast<long>(known.size())) {
      EXPECT_EQ(t.entry, -1) << t.lower;
      EXPECT_EQ(t.roles, 0u) << t.lower;
      continue;
    }
    ++found;
    EXPECT_EQ(t.entry, at) << t.lower;
    EXPECT_EQ(t.roles, 1u << at) << t.lower;
    EXPECT_EQ(t.prep_word, at % 2 == 0) << t.lower;
  }
  EXPECT_EQ(found, 14);
}

TEST(TimeTokensHash, WordHashIsTheScansKeyHash) {
  EXPECT_EQ(timetok::word_hash(""), static_cast<std::uint32_t>(entity::hash_key("")));
  EXPECT_EQ(timetok::word_hash("dell'"), static_cast<std::uint32_t>(entity::hash_key("dell'")));
  EXPECT_NE(timetok::word_hash("dell'"), timetok::word_hash("dell"));
}

// tokenize_words_into writes the tokens into the first slots of a reused
// store and looks each up as it is made: the same tokens, with the same
// entries, as tokenize_words followed by Vocab::annotate, whatever the store
// held before (a longer document's tokens stay past the returned count).
TEST(TimeTokensHash, TokensWrittenInPlaceAreLookedUpAsAnnotateDoes) {
  const timevocab::Vocab vocab(Lexicon::builtin());
  const std::vector<std::string> texts = {
      "Dal 3 al 5 marzo 2025, nell'anno scorso e tra il 2026 e il 2027 \xE2\x80\x94 entro l'estate; "
      "gli anni Trenta, il terzo trimestre, MARTEDÌ scorso, città, più \xC2\xAB ieri \xC2\xBB. " +
          std::string(300, 'x') + " fine anno",
      "A settembre.",
      "Un anno fa \xE2\x80\x9Cmesi\xE2\x80\x9D dopo, l'1 gennaio.",
  };
  std::vector<timetok::Token> store;
  int found = 0;
  for (const auto& text : texts) {
    std::string lowered = text;
    timetok::lower_in_place(lowered);
    const entity::TokenStream words = entity::tokenize(text, {});
    ASSERT_TRUE(words.valid_utf8);
    std::vector<timetok::Token> want;
    timetok::tokenize_words(words, lowered, want);
    vocab.annotate(want);
    const std::size_t n = timetok::tokenize_words_into(words, lowered, vocab.words(), store);
    ASSERT_EQ(n, want.size()) << text;
    ASSERT_GE(store.size(), n);
    for (std::size_t k = 0; k < n; ++k) {
      EXPECT_EQ(store[k].begin, want[k].begin) << text;
      EXPECT_EQ(store[k].end, want[k].end) << text;
      EXPECT_EQ(store[k].kind, want[k].kind) << text;
      EXPECT_EQ(store[k].lower, want[k].lower) << text;
      EXPECT_EQ(store[k].number, want[k].number) << text;
      EXPECT_EQ(store[k].entry, want[k].entry) << want[k].lower;
      EXPECT_EQ(store[k].roles, want[k].roles) << want[k].lower;
      EXPECT_EQ(store[k].prep_word, want[k].prep_word) << want[k].lower;
      if (want[k].entry >= 0) ++found;
    }
  }
  EXPECT_GE(found, 20);  // most of these words are vocabulary
}

// The vector forms look nothing up: their tokens have no entry until annotated.
TEST(TimeTokensHash, VectorFormsLeaveEntriesUnset) {
  const std::string text = "Dal 3 marzo, entro l'anno.";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  const entity::TokenStream words = entity::tokenize(text, {});
  std::vector<timetok::Token> toks;
  timetok::tokenize_words(words, lowered, toks);
  ASSERT_EQ(toks.size(), 8u);
  for (const auto& t : toks) EXPECT_EQ(t.entry, -1) << t.lower;
}

}  // namespace
}  // namespace dealscan

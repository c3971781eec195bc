// The pipeline counts how often a document names each entity, aliases
// included, on every document a processor handles (its buffers are reused).
#include <gtest/gtest.h>

#include <string>

#include "dealscan/pipeline.h"

namespace {

using namespace dealscan;

std::size_t mentions_of(const DocumentResult& doc, std::string_view id) {
  for (const auto& e : doc.entities)
    if (e.id == id) return e.mentions;
  ADD_FAILURE() << "no entity " << id;
  return 0;
}

TEST(DocumentProcessor, CountsEachEntitysMentions) {
  DocumentProcessor processor(Lexicon::builtin());
  const std::string first =
      "Amazon valuta un accordo con Enel. Secondo fonti vicine ad Amazon, l'intesa vale 2 miliardi di euro. "
      "Enel non commenta; Amazon nemmeno.\n";
  const std::string second = "Enel ha chiuso il trimestre con un utile di 1,2 miliardi di euro.\n";
  auto a = processor.process({"a.txt", "a"}, first);
  ASSERT_TRUE(a);
  EXPECT_EQ(mentions_of(*a, "amazon"), 3u);
  EXPECT_EQ(mentions_of(*a, "enel"), 2u);
  auto b = processor.process({"b.txt", "b"}, second);
  ASSERT_TRUE(b);
  EXPECT_EQ(mentions_of(*b, "enel"), 1u);
  for (const auto& e : b->entities) EXPECT_NE(e.id, "amazon");
}

}  // namespace

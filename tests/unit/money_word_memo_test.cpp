// NumberReader::word_value remembers its answers per thread: whatever was
// asked before, and whichever reader asks, a word reads as it always did.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dealscan/lexicon.h"
#include "extract/number_reader.h"

namespace dealscan {
namespace {

// Number words with their values, and words that only start like one.
const std::vector<std::pair<std::string, std::optional<double>>>& known() {
  static const std::vector<std::pair<std::string, std::optional<double>>> k = {
      {"ventotto", 28},
      {"trentuno", 31},
      {"duemilatrecentoquaranta", 2340},
      {"centoventitremilaquattrocentocinquantasei", 123456},  // longer than any remembered word
      {"tre", 3},
      {"otto", 8},  // as short as the fillers below, to share their slots
      {"nove", 9},
      {"dieci", 10},
      {"venti", 20},
      {"cento", 100},
      {"mille", 1000},
      {"trenta", 30},
      {"sedici", 16},
      {"undici", 11},
      {"diciassette", 17},
      {"settecento", 700},
      {"millecinquecento", 1500},
      {"settore", std::nullopt},
      {"tregua", std::nullopt},
      {"trentatrenta", std::nullopt},
      {"centrale", std::nullopt},
  };
  return k;
}

// Words that pass the reader's first filter ("tre...") and read as nothing:
// enough of them to go round every remembered slot several times.
std::string filler(int k) {
  std::string w = "tre";
  for (int n = k + 1; n > 0; n /= 26) w += static_cast<char>('a' + n % 26);
  return w;
}

void expect_known(const money::NumberReader& r, int round) {
  for (const auto& [word, value] : known()) {
    auto v = r.word_value(word);
    ASSERT_EQ(v.has_value(), value.has_value()) << word << " round " << round;
    if (value) EXPECT_DOUBLE_EQ(*v, *value) << word << " round " << round;
  }
}

TEST(MoneyWordMemo, AnswersStayTheSameWhateverWasAskedBefore) {
  const money::NumberReader r(Lexicon::builtin());
  expect_known(r, -1);
  for (int k = 0; k < 3000; ++k) {
    EXPECT_FALSE(r.word_value(filler(k)).has_value()) << filler(k);
    if (k % 97 == 0) expect_known(r, k);
  }
  expect_known(r, 3000);
}

TEST(MoneyWordMemo, TwoReadersAskingInTurnAgree) {
  const money::NumberReader a(Lexicon::builtin());
  for (int round = 0; round < 4; ++round) {
    const money::NumberReader b(Lexicon::builtin());  // a new reader each round, maybe where the last one was
    expect_known(a, round);
    expect_known(b, round);
    for (int k = 0; k < 300; ++k) EXPECT_FALSE(b.word_value(filler(k)).has_value());
    expect_known(a, round);
  }
}

}  // namespace
}  // namespace dealscan

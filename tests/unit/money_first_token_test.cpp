// money::first_token_at: from any token not past the answer, the first token
// not starting before an offset, as a search over all tokens finds it (the
// money extractor's sentence bounds go on from the last sentence's end).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/money_amounts.h"
#include "extract/money_tokens.h"

namespace dealscan::money {
namespace {

std::size_t first_from_all(const std::vector<Token>& toks, std::uint32_t at) {
  return static_cast<std::size_t>(
      std::partition_point(toks.begin(), toks.end(), [at](const Token& t) { return t.begin < at; }) - toks.begin());
}

TEST(MoneyFirstToken, AgreesWithASearchOverAllTokensFromAnyStartNotPastIt) {
  Tokens toks;
  tokenize("L'offerta, pari a 3,5 miliardi di euro, scade venerdì.  Poi si vedrà: forse  «mai».", toks);
  const auto& list = toks.list;
  ASSERT_GT(list.size(), 10u);
  const std::uint32_t past_end = list.back().end + 3;
  for (std::uint32_t at = 0; at <= past_end; ++at) {
    const std::size_t want = first_from_all(list, at);
    for (std::size_t m = 0; m <= want; ++m) ASSERT_EQ(first_token_at(list, m, at), want) << at << " from " << m;
  }
  EXPECT_EQ(first_token_at(list, 0, past_end), list.size());
  EXPECT_EQ(first_token_at({}, 0, 5), 0u);
}

}  // namespace
}  // namespace dealscan::money

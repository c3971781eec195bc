// SentenceView::coordinated walks the mentions of "A, B e C" in place (no
// list built): the same groups as the list-building definition, on a written
// sentence and on random layouts of mentions, commas and brackets.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "extract/claim_context.h"
#include "extract/claim_parties.h"
#include "extract/claim_text.h"
#include "extract/latin_case.h"

namespace dealscan::claims {
namespace {

// The definition: plain mentions (not parenthetical, or k) listed first,
// then walked left and right while joined.
std::vector<std::size_t> reference_coordinated(const SentenceView& v, std::size_t k) {
  std::vector<std::size_t> plain;
  for (std::size_t i = 0; i < v.mentions.size(); ++i)
    if (!v.mentions[i].parenthetical || i == k) plain.push_back(i);
  auto inside_paren_mention = [&](std::size_t t) {
    int m = v.mention_at(t);
    return m >= 0 && v.mentions[static_cast<std::size_t>(m)].parenthetical;
  };
  auto joined = [&](std::size_t a, std::size_t b) {
    if (v.mentions[b].tb <= v.mentions[a].te) return false;
    for (std::size_t t = v.mentions[a].te; t < v.mentions[b].tb; ++t)
      if (!v.is_punct(t, ",()[]") && v.role[t] != "coord" && !inside_paren_mention(t)) return false;
    return true;
  };
  std::size_t at = std::find(plain.begin(), plain.end(), k) - plain.begin();
  std::size_t lo = at, hi = at;
  while (lo > 0 && joined(plain[lo - 1], plain[lo])) --lo;
  while (hi + 1 < plain.size() && joined(plain[hi], plain[hi + 1])) ++hi;
  std::vector<std::size_t> out;
  for (std::size_t i = lo; i <= hi; ++i)
    if (!v.mentions[plain[i]].parenthetical) out.push_back(plain[i]);
  return out;
}

std::vector<std::size_t> walked(const SentenceView& v, std::size_t k) {
  std::vector<std::size_t> out;
  for (auto m : v.coordinated(k)) out.push_back(m);
  return out;
}

// A view of text whose words named in `names` are one-token mentions;
// those right after "(" are parenthetical; "e" and "ed" are coordinating.
SentenceView view_of(const std::string& text, std::string& lowered, const std::vector<std::string>& names) {
  text::assign_lowered(text, lowered);
  SentenceView v;
  v.tokens = tokenize(text, lowered, Span{0, text.size()});
  v.role.assign(v.tokens.size(), {});
  for (std::size_t t = 0; t < v.tokens.size(); ++t) {
    if (v.tokens[t].lower == "e" || v.tokens[t].lower == "ed") v.role[t] = "coord";
    const std::string_view surface(text.data() + v.tokens[t].span.begin, v.tokens[t].span.size());
    if (std::find(names.begin(), names.end(), surface) == names.end()) continue;
    MentionRef r;
    r.tb = t;
    r.te = t + 1;
    r.parenthetical = t > 0 && v.is_punct(t - 1, "(");
    v.mentions.push_back(r);
  }
  return v;
}

TEST(Coordinated, ListsWithBracketedShortForms) {
  const std::string text = "Alfa, Beta (BT) e Gamma investono con Delta e Epsilon, ma non Zeta";
  std::string lowered;
  const auto v = view_of(text, lowered, {"Alfa", "Beta", "BT", "Gamma", "Delta", "Epsilon", "Zeta"});
  ASSERT_EQ(v.mentions.size(), 7u);
  EXPECT_EQ(walked(v, 0), (std::vector<std::size_t>{0, 1, 3}));
  EXPECT_EQ(walked(v, 3), (std::vector<std::size_t>{0, 1, 3}));
  EXPECT_EQ(walked(v, 2), (std::vector<std::size_t>{0, 1, 3}));  // from the short form: its list, less itself
  EXPECT_EQ(walked(v, 4), (std::vector<std::size_t>{4, 5}));
  EXPECT_EQ(walked(v, 6), (std::vector<std::size_t>{6}));
}

TEST(Coordinated, AsDefinedOnRandomLayouts) {
  static const std::vector<std::string> kPieces = {"Alfa", "Beta", "Gamma", ",", "e", "(", ")", "[", "]",
                                                   "con", "di", "Alfa", "Beta", ";"};
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::size_t groups_of_two = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text;
    for (int k = 0; k < 4 + round % 14; ++k) text += kPieces[pick(rng)] + " ";
    std::string lowered;
    const auto v = view_of(text, lowered, {"Alfa", "Beta", "Gamma"});
    for (std::size_t k = 0; k < v.mentions.size(); ++k) {
      const auto want = reference_coordinated(v, k);
      ASSERT_EQ(walked(v, k), want) << text << " k=" << k;
      groups_of_two += want.size() >= 2;
    }
  }
  EXPECT_GT(groups_of_two, 500u);
}

// A group's mention list holds short groups in place and moves long ones
// to the heap: either way it keeps every index, in order, and copies whole.
TEST(MentionList, KeepsEveryIndexInOrderShortOrLong) {
  for (std::size_t n : {0u, 1u, 2u, 5u, 6u, 7u, 13u}) {
    MentionList list;
    std::vector<std::size_t> want;
    for (std::size_t k = 0; k < n; ++k) {
      list.push_back(3 * k + 1);
      want.push_back(3 * k + 1);
    }
    ASSERT_EQ(list.size(), n);
    EXPECT_EQ(list.empty(), n == 0);
    EXPECT_EQ(std::vector<std::size_t>(list.begin(), list.end()), want) << n;
    for (std::size_t k = 0; k < n; ++k) EXPECT_EQ(list[k], want[k]);
    if (n > 0) EXPECT_EQ(list.front(), 1u);
    const MentionList copy = list;  // a copy reads its own indexes
    list.push_back(99);
    EXPECT_EQ(std::vector<std::size_t>(copy.begin(), copy.end()), want) << n;
    EXPECT_EQ(list[n], 99u);
  }
  const MentionList one{4};
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one.front(), 4u);
}

}  // namespace
}  // namespace dealscan::claims

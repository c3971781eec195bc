// Claims, main_pair: the document's main deal is the payment pair the most
// sentences support (a sentence naming both sides counts 1, one naming one
// side and nothing else 1/2, the amount said again with nobody named 1/2);
// the earliest wins ties; persons and several payers are no candidates.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/claim_story.h"

namespace dealscan::claims {
namespace {

Figure payment(std::optional<std::string> subject, std::optional<std::string> counterparty, std::size_t sentence,
               double value, std::string party_rule = "agent") {
  Figure f;
  f.kind = Kind::Investment;
  f.subject = std::move(subject);
  f.counterparty = std::move(counterparty);
  f.sentence = sentence;
  f.money.value = value;
  f.money.currency = "EUR";
  f.party_rule = std::move(party_rule);
  return f;
}

const std::vector<std::pair<std::string, int>> kNoMentions;
const std::unordered_set<std::string> kNoPersons;

TEST(MainPair, HalfSupportFromASentenceNamingOneSide) {
  const std::vector<Figure> figures = {payment("gamma", "delta", 0, 5e9), payment("alfa", "beta", 1, 1e9),
                                       payment("alfa", std::nullopt, 2, 2e9)};
  const auto story = main_pair(figures, kNoMentions, kNoPersons);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->subject, std::optional<std::string>("alfa"));  // 1 + 1/2 against 1
  EXPECT_EQ(story->counterparty, std::optional<std::string>("beta"));
  EXPECT_FALSE(story->guessed_subject);
}

TEST(MainPair, TheAmountSaidAgainWithNobodyNamedSupportsItsDeal) {
  std::vector<Figure> figures = {payment("alfa", "beta", 0, 1e9), payment("alfa", std::nullopt, 1, 2e9),
                                 payment("gamma", "delta", 2, 5e9),
                                 payment(std::nullopt, std::nullopt, 3, 5.02e9),  // within 1 %
                                 payment(std::nullopt, std::nullopt, 4, 5e9)};
  auto story = main_pair(figures, kNoMentions, kNoPersons);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->subject, std::optional<std::string>("gamma"));  // 1 + 1/2 + 1/2 against 1 + 1/2
  // Two amounts in one sentence are one statement: 1 + 1/2 each, and the earliest wins the tie.
  figures[4].sentence = 3;
  story = main_pair(figures, kNoMentions, kNoPersons);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->subject, std::optional<std::string>("alfa"));
}

TEST(MainPair, PersonsAndSeveralPayersAreNoCandidates) {
  const std::vector<Figure> figures = {payment("gamma", "delta", 0, 5e9), payment("alfa", "beta", 1, 1e9),
                                       payment("alfa", std::nullopt, 2, 2e9)};
  const std::unordered_set<std::string> alfa_person = {"alfa"};
  auto story = main_pair(figures, kNoMentions, alfa_person);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->subject, std::optional<std::string>("gamma"));
  const std::vector<Figure> several = {payment("alfa", "beta", 0, 1e9, "agent(several)")};
  EXPECT_FALSE(main_pair(several, kNoMentions, kNoPersons));
}

TEST(MainPair, AnUnnamedRecipientIsTheMostMentionedOtherOrganisation) {
  const std::vector<Figure> figures = {payment("alfa", std::nullopt, 0, 1e9)};
  const std::vector<std::pair<std::string, int>> mentions = {{"alfa", 9}, {"beta", 2}, {"gamma", 4}};
  const auto story = main_pair(figures, mentions, kNoPersons);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->subject, std::optional<std::string>("alfa"));
  EXPECT_EQ(story->counterparty, std::optional<std::string>("gamma"));
}

}  // namespace
}  // namespace dealscan::claims

#include "dealscan/lexicon.h"

#include <gtest/gtest.h>

namespace dealscan {
namespace {

TEST(Lexicon, ParsesFormsAndAttributes) {
  Lexicon lex;
  lex.add_list("scales", "# comment\nmiliardi|miliardo|mld\tvalue=1e9\n\nmila\tvalue=1000  # thousand\n", "t");
  const auto& l = lex.list("scales");
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0].canonical(), "miliardi");
  EXPECT_EQ(l[0].forms.size(), 3u);
  EXPECT_DOUBLE_EQ(l[0].number("value"), 1e9);
  EXPECT_DOUBLE_EQ(l[1].number("value"), 1000);
  EXPECT_EQ(l[0].origin, "t:2");
}

TEST(Lexicon, ParsesCommentsBlanksAndRepeatedKeys) {
  Lexicon lex;
  // A '#' inside a form stays; one after a blank or a tab starts a comment.
  // The first of a repeated key wins; a key without '=' has an empty value.
  lex.add_list("t",
               " Alfa | Beta |\tk = uno \t solo\t\t k=due # nota\n\n"
               "C#D\tz=1\t#tutto commento\n\tq=1\n# riga di commento\nE\r\n",
               "t");
  const auto& l = lex.list("t");
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0].forms, (std::vector<std::string>{"Alfa", "Beta"}));
  EXPECT_EQ(l[0].attr("k"), "uno");
  EXPECT_EQ(l[0].attrs.size(), 2u);
  EXPECT_EQ(l[0].attr("solo", "assente"), "");
  EXPECT_EQ(l[1].canonical(), "C#D");
  EXPECT_EQ(l[1].attr("z"), "1");
  EXPECT_EQ(l[1].attrs.size(), 1u);
  EXPECT_EQ(l[2].canonical(), "q=1");  // the leading tab is trimmed with the line
  EXPECT_EQ(l[3].canonical(), "E");
  EXPECT_EQ(l[3].origin, "t:6");
}

TEST(Lexicon, LineAttributesSortedFirstKept) {
  Lexicon lex;
  lex.add_list("t", "Zeta#1#2\tzona=sud\tid=uno\tmezzo=x#y\tid=due\tbanca\tzona=nord\t# via\tnota=z\n", "t");
  const auto& l = lex.list("t");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].canonical(), "Zeta#1#2");
  std::vector<std::string> items;
  for (const auto& [key, value] : l[0].attrs) items.push_back(key + "=" + value);
  EXPECT_EQ(items, (std::vector<std::string>{"banca=", "id=uno", "mezzo=x#y", "zona=sud"}));
}

TEST(Lexicon, AttributesSortedByKeyFirstKept) {
  LexAttrs attrs;
  attrs.add("tipo", "banca");
  attrs.add("id", "alfa");
  attrs.add("zona", "nord");
  attrs.add("id", "beta");  // a repeated key keeps its first value
  std::vector<std::string> keys;
  for (const auto& [key, value] : attrs) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "tipo", "zona"}));
  ASSERT_NE(attrs.find("id"), attrs.end());
  EXPECT_EQ(attrs.find("id")->second, "alfa");
  EXPECT_EQ(attrs.count("zona"), 1u);
  EXPECT_EQ(attrs.count("zon"), 0u);
  EXPECT_EQ(attrs.find("ti"), attrs.end());
}

TEST(Lexicon, ExtraFileNeedsSections) {
  Lexicon lex;
  auto bad = lex.add_file_text("foo\tvalue=1\n", "extra.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("extra.tsv:1"), std::string::npos);
  ASSERT_TRUE(lex.add_file_text("[gazetteer]\nAcme S.p.A.|Acme\ttype=ORG\n", "extra.tsv").ok());
  ASSERT_EQ(lex.list("gazetteer").size(), 1u);
  EXPECT_EQ(lex.list("gazetteer")[0].forms[1], "Acme");
}

TEST(Lexicon, CopiesChangeApart) {
  Lexicon base;
  base.add_list("valute", "euro|euri\tcode=EUR\n", "v");
  Lexicon copy = base;
  EXPECT_EQ(&copy.list("valute"), &base.list("valute"));  // shared until a change
  ASSERT_TRUE(copy.add_file_text("[valute]\ndollaro\tcode=USD\n[mesi]\ngennaio\n", "extra.tsv").ok());
  ASSERT_EQ(copy.list("valute").size(), 2u);
  EXPECT_EQ(copy.list("valute")[1].attr("code"), "USD");
  EXPECT_EQ(copy.list("mesi").size(), 1u);
  ASSERT_EQ(base.list("valute").size(), 1u);
  EXPECT_TRUE(base.list("mesi").empty());
  base.add_list("mesi", "febbraio\n", "m");
  EXPECT_EQ(copy.list("mesi")[0].canonical(), "gennaio");
  EXPECT_EQ(base.list("mesi")[0].canonical(), "febbraio");
  EXPECT_TRUE(Lexicon().list("valute").empty());
  EXPECT_TRUE(Lexicon().list_names().empty());
}

TEST(Lexicon, BuiltinIsEmbedded) {
  EXPECT_FALSE(Lexicon::builtin().list_names().empty());
}

}  // namespace
}  // namespace dealscan

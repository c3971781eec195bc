// Claims: table-driven phrase tests (tests/data/claims/*.tsv) over ClaimInput
// built by hand, plus end-to-end checks on the seed articles.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "dealscan/extract.h"
#include "dealscan/pipeline.h"

namespace dealscan {
namespace {

// A document built from the markup of the phrase tables.
struct Marked {
  Source source{"t", "t.txt", std::nullopt, "it", "UTF-8", {}};
  NormalizedText text;
  std::vector<Sentence> sentences;
  std::vector<MoneyMention> money;
  std::vector<TimeExpr> times;
  EntityOutput entities;
};

std::string entity_id(std::string name) {
  for (auto& c : name) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

void add_entity(Marked& d, const std::string& inner, Span span) {
  std::string name = inner, type = "ORG", id;
  bool descriptive = false;
  if (auto bar = name.find('|'); bar != std::string::npos) type = name.substr(bar + 1), name = name.substr(0, bar);
  if (auto eq = name.find('='); eq != std::string::npos) {
    id = name.substr(eq + 1);
    descriptive = true;
  } else {
    id = entity_id(name);
  }
  d.entities.mentions.push_back(EntityMention{id, span, descriptive ? "descriptive" : "test", descriptive});
  for (const auto& e : d.entities.entities)
    if (e.id == id) return;
  d.entities.entities.push_back(Entity{id, name, *entity_type_from(type), std::nullopt, true});
}

// Parses "[Alfa] investe {5 milioni} in [Beta]. // ..." into a document.
Marked parse_marked(const std::string& line) {
  Marked d;
  std::string& out = d.text.text;
  std::size_t sentence_start = 0;
  for (std::size_t i = 0; i < line.size();) {
    char c = line[i];
    if (c == '[' || c == '{' || c == '<') {
      char close = c == '[' ? ']' : c == '{' ? '}' : '>';
      auto end = line.find(close, i);
      std::string inner = line.substr(i + 1, end - i - 1);
      std::string surface = c == '[' ? inner.substr(0, inner.find_first_of("|=")) : inner;
      Span span{out.size(), out.size() + surface.size()};
      out += surface;
      if (c == '[') add_entity(d, inner, span);
      if (c == '{') {
        MoneyMention m;
        m.span = span;
        m.value = 1;
        m.currency = "EUR";
        d.money.push_back(m);
      }
      if (c == '<') d.times.push_back(TimeExpr{span, inner + "-01-01", inner + "-12-31", "year", "test"});
      i = end + 1;
    } else if (line.compare(i, 4, " // ") == 0) {
      d.sentences.push_back(Sentence{Span{sentence_start, out.size()}});
      out += ' ';
      sentence_start = out.size();
      i += 4;
    } else {
      out += c;
      ++i;
    }
  }
  d.sentences.push_back(Sentence{Span{sentence_start, out.size()}});
  d.text.to_orig.append_run(0, out.size() + 1);  // byte k from original byte k
  return d;
}

ClaimOutput run(const ClaimExtractor& ex, const Marked& d) {
  return ex.extract(ClaimInput{d.source, d.text, d.sentences, d.money, d.times, d.entities});
}

std::vector<std::vector<std::string>> read_table(const std::string& name) {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/claims/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    rows.push_back(cols);
  }
  return rows;
}

std::string or_dash(const std::optional<std::string>& s) { return s ? *s : "-"; }

const ClaimExtractor& extractor() {
  static const ClaimExtractor ex(Lexicon::builtin());
  return ex;
}

TEST(ClaimsTable, Figures) {
  auto rows = read_table("figures.tsv");
  ASSERT_GT(rows.size(), 30u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 6u) << r[0];
    auto d = parse_marked(r[0]);
    auto out = run(extractor(), d);
    ASSERT_EQ(out.figures.size(), 1u) << r[0];
    const Figure& f = out.figures[0];
    SCOPED_TRACE(r[0] + "  [kind_rule=" + f.kind_rule + " party_rule=" + f.party_rule + "]");
    EXPECT_EQ(to_string(f.kind), r[1]);
    EXPECT_EQ(or_dash(f.subject), r[2]);
    EXPECT_EQ(or_dash(f.counterparty), r[3]);
    EXPECT_EQ(to_string(f.modality), r[4]);
    EXPECT_EQ(or_dash(f.attributed_to), r[5]);
  }
}

TEST(ClaimsTable, Facts) {
  auto rows = read_table("facts.tsv");
  ASSERT_GT(rows.size(), 5u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 4u) << r[0];
    SCOPED_TRACE(r[0]);
    auto out = run(extractor(), parse_marked(r[0]));
    if (r[1] == "-") {
      EXPECT_TRUE(out.facts.empty());
      continue;
    }
    const Fact* hit = nullptr;
    for (const auto& f : out.facts)
      if (f.kind == r[1] && or_dash(f.subject) == r[2]) hit = &f;
    ASSERT_NE(hit, nullptr) << "facts found: " << out.facts.size();
    EXPECT_EQ(hit->id.rfind("t#c", 0), 0u);
    EXPECT_EQ(hit->until ? hit->until->end.substr(0, 4) : "-", r[3]);
  }
}

TEST(Claims, FigureFieldsAndIds) {
  auto d = parse_marked("Prima frase. // [Alfa] investirà {5 milioni} in [Beta] e {2 milioni} in [Gamma].");
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[0].id, "t#f1");
  EXPECT_EQ(out.figures[1].id, "t#f2");
  EXPECT_EQ(out.figures[0].text, "5 milioni");
  EXPECT_EQ(out.figures[0].sentence, 1u);
  EXPECT_EQ(out.figures[0].sentence_text.rfind("Alfa investirà", 0), 0u);
  EXPECT_EQ(out.figures[0].orig, out.figures[0].money.span);
  EXPECT_EQ(out.figures[1].counterparty, "gamma");
}

// Ids count on past nine: "t#f10", "t#f11", and the facts' "t#c<n>" likewise.
TEST(Claims, FigureIdsPastNine) {
  std::string text = "[Alfa] investirà {1 milioni} in [Beta]";
  for (int k = 2; k <= 11; ++k) text += ", {" + std::to_string(k) + " milioni} in [Beta]";
  auto out = run(extractor(), parse_marked(text + "."));
  ASSERT_EQ(out.figures.size(), 11u);
  EXPECT_EQ(out.figures[8].id, "t#f9");
  EXPECT_EQ(out.figures[9].id, "t#f10");
  EXPECT_EQ(out.figures[10].id, "t#f11");
}

// The recipient nobody names is the organisation the document mentions
// most, besides the payer; of two mentioned as often, the first named.
TEST(ClaimsStory, UnnamedRecipientIsTheMostMentionedOrganisation) {
  auto recipient = [](const std::string& text) {
    auto out = run(extractor(), parse_marked(text));
    return out.figures.empty() ? std::string("none") : out.figures[0].counterparty.value_or("-");
  };
  EXPECT_EQ(recipient("[Alfa] investirà {10 miliardi}. // [Gamma] cresce con [Beta]. // [Beta] e [Gamma] e [Beta] trattano."),
            "beta");
  EXPECT_EQ(recipient("[Alfa] investirà {10 miliardi}. // [Gamma] cresce con [Beta]. // [Beta] e [Gamma] trattano."),
            "gamma");
}

TEST(Claims, RepeatedAmountTakesEarlierKind) {
  auto d = parse_marked("[Alfa] investirà {10 miliardi} in [Beta]. // Sull'operazione da {10 miliardi} nessuno commenta.");
  d.money[1].value = d.money[0].value;
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[1].kind, Kind::Investment);
  EXPECT_EQ(out.figures[1].subject, "alfa");
  EXPECT_EQ(out.figures[1].counterparty, "beta");
  EXPECT_EQ(out.figures[1].kind_rule, "repeated:t#f1");
}

TEST(Claims, DifferentAmountIsNotCarried) {
  auto d = parse_marked("[Alfa] investirà {10 miliardi} in [Beta]. // Sull'operazione da {12 miliardi} nessuno commenta.");
  d.money[1].value = 2;
  auto out = run(extractor(), d);
  EXPECT_EQ(out.figures[1].kind, Kind::Other);
  EXPECT_EQ(out.figures[1].kind_rule, "default");
}

// The story (the document's main pair) fills what a sentence leaves unnamed.
TEST(ClaimsStory, PaymentWithNoPartyTakesMainPair) {
  auto d = parse_marked("[Alfa] investirà {10 miliardi} in [Beta]. // I primi {2 miliardi} verranno versati a marzo.");
  d.money[1].value = 2;
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[1].kind, Kind::Investment);
  EXPECT_EQ(out.figures[1].subject, "alfa");
  EXPECT_EQ(out.figures[1].counterparty, "beta");
  EXPECT_EQ(out.figures[1].kind_rule, "story");
}

// A side deal named in full must not become the story when the article keeps
// coming back to another amount: the repeated amount supports its own pair.
TEST(ClaimsStory, RepeatedAmountOutweighsSideDeal) {
  auto d = parse_marked(
      "[Beta], dopo l'accordo da {30 miliardi} firmato con [Gamma], cerca altri fondi. // "
      "[Alfa] ha deciso di investire {5 miliardi}. // L'investimento di {5 miliardi} arriverà per gradi. // "
      "I primi {1 miliardo} verranno versati a marzo.");
  d.money[0].value = 30;
  d.money[1].value = 5;
  d.money[2].value = 5;
  d.money[3].value = 1;
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 4u);
  EXPECT_EQ(out.figures[2].subject, "alfa");
  EXPECT_EQ(out.figures[3].subject, "alfa");
  EXPECT_EQ(out.figures[3].kind, Kind::Investment);
}

TEST(ClaimsStory, CompanyAsTargetIsStoryRecipient) {
  auto d = parse_marked(
      "[Alfa] pagherà {4 miliardi} a [Beta] per i server. // Il gruppo [Alfa] metterà nella società altri {2 miliardi}.");
  d.money[0].value = 4;
  d.money[1].value = 2;
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[1].subject, "alfa");
  EXPECT_EQ(out.figures[1].counterparty, "beta");
}

TEST(ClaimsStory, RoundNamingTheRecipientIsItsRound) {
  auto d = parse_marked(
      "L'investimento da {4 miliardi} in [Beta] è stato firmato da [Alfa]. // Tra i soci di [Beta]: al round da {9 miliardi} hanno aderito "
      "[Gamma] e [Delta].");
  d.money[0].value = 4;
  d.money[1].value = 9;
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[1].kind, Kind::Fundraising);
  EXPECT_EQ(out.figures[1].counterparty, "beta") << out.figures[1].party_rule;
  EXPECT_FALSE(out.figures[1].subject.has_value());
}

TEST(ClaimsStory, UndirectedPairTakesStoryDirection) {
  auto d = parse_marked(
      "[Alfa] pagherà a [Beta] un contratto da {7 miliardi}. // [Beta] e [Alfa], un accordo da {7 miliardi}.");
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_EQ(out.figures[1].subject, "alfa");
  EXPECT_EQ(out.figures[1].counterparty, "beta");
}

TEST(ClaimsStory, CarriedPersonDoesNotPayForCompany) {
  auto d = parse_marked("[Mario Rossi|PERSON] ha parlato a lungo. // L'investimento da {3 miliardi} arriverà in estate.");
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 1u);
  EXPECT_EQ(out.figures[0].kind, Kind::Investment);
  EXPECT_FALSE(out.figures[0].subject.has_value());
}

TEST(ClaimsStory, SeveralPayersStayNull) {
  auto d = parse_marked("[Alfa] e [Beta] metteranno {9 miliardi} nel fondo. // Il versamento di {9 miliardi} arriverà presto.");
  auto out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 2u);
  EXPECT_FALSE(out.figures[0].subject.has_value());
  EXPECT_FALSE(out.figures[1].subject.has_value());
}

TEST(Claims, TimeFromSameClause) {
  auto d = parse_marked("[Alfa] ha investito {8 miliardi} in [Beta] dal <2023>; nel <2026> cambierà strategia.");
  auto out = run(extractor(), d);
  ASSERT_TRUE(out.figures[0].time.has_value());
  EXPECT_EQ(out.figures[0].time->begin, "2023-01-01");
}

// The nearest time expression of the money's clause: one across a ';' is
// not taken however near; in a sentence with no clause break every one
// competes on distance.
TEST(Claims, TimeNearestInTheClauseWithBreaksOrNone) {
  auto across = parse_marked("Nel <2022> [Alfa] era piccola; ha investito {8 miliardi} in [Beta], come previsto dal piano del lontanissimo <2030>.");
  auto out = run(extractor(), across);
  ASSERT_TRUE(out.figures[0].time.has_value());
  EXPECT_EQ(out.figures[0].time->begin, "2030-01-01");
  auto one_clause = parse_marked("Nel <2022> [Alfa] ha investito {8 miliardi} in [Beta], come previsto dal piano del lontanissimo <2030>.");
  out = run(extractor(), one_clause);
  ASSERT_TRUE(out.figures[0].time.has_value());
  EXPECT_EQ(out.figures[0].time->begin, "2022-01-01");
}

// Each figure takes a time of its own sentence only, whether the times come
// in text order (those of the sentence searched) or not (all read).
TEST(Claims, TimeOfItsOwnSentenceInAnyOrder) {
  auto d = parse_marked(
      "Nel <2019> [Alfa] cresceva. // [Beta] ha investito {3 miliardi} nel <2021> e nel <2022>. // "
      "Nel <2024> [Gamma] ha speso {2 milioni}. // Tutto si chiuderà nel <2027>.");
  auto times_of = [](const ClaimOutput& out) {
    std::vector<std::string> got;
    for (const auto& f : out.figures) got.push_back(f.time ? f.time->begin : "none");
    return got;
  };
  const std::vector<std::string> want = {"2021-01-01", "2024-01-01"};
  EXPECT_EQ(times_of(run(extractor(), d)), want);
  std::reverse(d.times.begin(), d.times.end());
  EXPECT_EQ(times_of(run(extractor(), d)), want);
  auto one = parse_marked("Nel <2020> e nel <2021> [Alfa] ha investito {8 miliardi}; nel <2030> no.");
  std::swap(one.times[0], one.times[2]);  // unsorted: every time read
  EXPECT_EQ(times_of(run(extractor(), one)), std::vector<std::string>{"2021-01-01"});
}

// One reporting fact per medium across the document's sentences: a later
// "first" replaces an earlier plain report in its place, an earlier "first"
// outlasts a later plain report, and another medium listed with it is added.
TEST(Claims, OneReportingFactPerMediumTheFirstWinsInPlace) {
  const Marked d = parse_marked(
      "Secondo [Reuters|MEDIA], [Alfa] prepara un'offerta. // La notizia l'ha rivelata per primo [Reuters|MEDIA]. // "
      "Secondo [Reuters|MEDIA] e [Bloomberg|MEDIA] nulla cambia.");
  const auto out = run(extractor(), d);
  ASSERT_EQ(out.facts.size(), 2u);
  EXPECT_EQ(out.facts[0].kind, "first_reported_by");
  EXPECT_EQ(out.facts[0].subject, "reuters");
  EXPECT_EQ(out.facts[0].sentence, 1u);
  EXPECT_EQ(out.facts[0].id, "t#c1");
  EXPECT_EQ(out.facts[0].source, "t");
  EXPECT_EQ(out.facts[0].sentence_text, "La notizia l'ha rivelata per primo Reuters.");
  EXPECT_EQ(out.facts[1].kind, "reported_by");
  EXPECT_EQ(out.facts[1].subject, "bloomberg");
  EXPECT_EQ(out.facts[1].sentence, 2u);
  EXPECT_EQ(out.facts[1].id, "t#c2");
}

TEST(Claims, EmptyInputs) {
  Marked d = parse_marked("Nessuna cifra qui.");
  auto out = run(extractor(), d);
  EXPECT_TRUE(out.figures.empty());
  EXPECT_TRUE(out.facts.empty());
  d.sentences.clear();  // no sentence split: the whole text is one sentence
  d = parse_marked("[Alfa] investirà {5 milioni} in [Beta].");
  d.sentences.clear();
  out = run(extractor(), d);
  ASSERT_EQ(out.figures.size(), 1u);
  EXPECT_EQ(out.figures[0].subject, "alfa");
}

// ---- seeds, through the whole pipeline

struct Expect {
  double value;
  Kind kind;
  std::optional<std::string> subject, counterparty;
};

void check_seed(const std::string& file, const std::vector<Expect>& want) {
  std::ifstream in(std::string(DEALSCAN_SOURCE_DIR) + "/seeds/" + file, std::ios::binary);
  ASSERT_TRUE(in);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  DocumentProcessor proc(Lexicon::builtin());
  auto doc = proc.process(InputFile{file, file}, bytes);
  ASSERT_TRUE(doc);
  if (doc->figures.empty() || doc->entities.empty()) GTEST_SKIP() << "money or entity extractor not available";
  std::vector<const Figure*> main;  // conversions are not counted
  for (const auto& f : doc->figures)
    if (!f.money.conversion_of) main.push_back(&f);
  ASSERT_EQ(main.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const Figure& f = *main[i];
    SCOPED_TRACE(f.text + " | " + f.kind_rule + " | " + f.party_rule);
    EXPECT_NEAR(f.money.value, want[i].value, want[i].value * 0.001);
    EXPECT_EQ(f.kind, want[i].kind);
    EXPECT_EQ(f.subject, want[i].subject);
    EXPECT_EQ(f.counterparty, want[i].counterparty);
  }
}

TEST(ClaimsSeeds, AmazonOpenAI) {
  check_seed("000_cda894d501949f3a.txt",
             {{10e9, Kind::Investment, "amazon", "openai"},
              {500e9, Kind::Valuation, "openai", std::nullopt},
              {38e9, Kind::Spending, "openai", "amazon"},
              {1500e9, Kind::Contract, "openai", std::nullopt},
              {38e9, Kind::Contract, "openai", "aws"},
              {26e9, Kind::Fundraising, std::nullopt, "anthropic"},
              {8e9, Kind::Investment, "amazon", "anthropic"},
              {10e9, Kind::Investment, "amazon", "openai"}});
}

}  // namespace
}  // namespace dealscan

namespace dealscan {
namespace {

// Regression: a negation of the main clause denied the exclusive rights named
// in a following "poiché" clause.
TEST(ClaimFacts, NegationOfAnotherClauseDoesNotDenyExclusiveRights) {
  DocumentProcessor processor(Lexicon::builtin());
  auto facts_of = [&](const std::string& text) {
    auto doc = processor.process(InputFile{"t.txt", "t"}, text);
    EXPECT_TRUE(doc.ok());
    return doc->facts;
  };
  auto other = facts_of("L'intesa non consentirebbe ad Amazon di vendere i modelli, poiché Microsoft detiene i "
                        "diritti esclusivi fino al 2031.\n");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].kind, "exclusive_rights");
  EXPECT_EQ(other[0].modality, Modality::Stated);
  auto own = facts_of("Microsoft non detiene più diritti esclusivi sui modelli.\n");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].modality, Modality::Denied);
}

}  // namespace
}  // namespace dealscan

// Entity extraction: phrase tables under tests/data/entities/ (names.tsv,
// descriptive.tsv) plus unit tests for spans, ordering, case rules, typos and
// the evaluation corpus when it is present.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "dealscan/extract.h"

namespace dealscan {
namespace {

// Sentences for tests: split after . ! ? ; followed by a space, and at line breaks.
std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool stop = text[i] == '\n' ||
                ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 == text.size() || text[i + 1] == ' '));
    if (stop) {
      out.push_back({{start, i + 1}});
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back({{start, text.size()}});
  return out;
}

const EntityExtractor& extractor() {
  static const EntityExtractor e(Lexicon::builtin());
  return e;
}

EntityOutput run(std::string_view text) { return extractor().extract(text, split_sentences(text)); }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, sep);)
    if (!part.empty()) out.push_back(part);
  return out;
}

struct Row {
  int line;
  std::vector<std::string> cols;
};

std::vector<Row> read_table(const std::string& name) {
  std::ifstream in(std::string(DEALSCAN_TEST_DATA) + "/entities/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<Row> rows;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({n, split(line, '\t')});
  }
  return rows;
}

const EntityMention* mention_at(const EntityOutput& out, std::size_t begin) {
  for (const auto& m : out.mentions)
    if (m.span.begin == begin) return &m;
  return nullptr;
}

const Entity* entity(const EntityOutput& out, const std::string& id) {
  for (const auto& e : out.entities)
    if (e.id == id) return &e;
  return nullptr;
}

// ---------------------------------------------------------------- phrase tables

TEST(EntitiesTable, Names) {
  auto rows = read_table("names.tsv");
  ASSERT_GT(rows.size(), 30u);
  for (const auto& r : rows) {
    ASSERT_GE(r.cols.size(), 2u) << "names.tsv:" << r.line;
    std::set<std::string> expected;
    if (r.cols[1] != "-")
      for (const auto& e : split(r.cols[1], ';')) expected.insert(e);
    std::set<std::string> got;
    auto out = run(r.cols[0]);
    for (const auto& e : out.entities) got.insert(std::string(to_string(e.type)) + ":" + e.name);
    EXPECT_EQ(got, expected) << "names.tsv:" << r.line << " " << r.cols[0];
  }
}

TEST(EntitiesTable, Descriptive) {
  auto rows = read_table("descriptive.tsv");
  ASSERT_GT(rows.size(), 10u);
  for (const auto& r : rows) {
    ASSERT_GE(r.cols.size(), 3u) << "descriptive.tsv:" << r.line;
    const std::string& text = r.cols[0];
    auto pos = text.find(r.cols[1]);
    ASSERT_NE(pos, std::string::npos) << "descriptive.tsv:" << r.line;
    auto out = run(text);
    const EntityMention* m = mention_at(out, pos);
    if (r.cols[2] == "-") {
      EXPECT_TRUE(m == nullptr || !m->descriptive) << "descriptive.tsv:" << r.line << " resolved to " << m->entity_id;
      continue;
    }
    ASSERT_NE(m, nullptr) << "descriptive.tsv:" << r.line << " " << text;
    EXPECT_TRUE(m->descriptive) << "descriptive.tsv:" << r.line;
    EXPECT_EQ(m->entity_id, r.cols[2]) << "descriptive.tsv:" << r.line;
    EXPECT_EQ(m->span.end, pos + r.cols[1].size()) << "descriptive.tsv:" << r.line;
    EXPECT_EQ(m->rule.rfind("descriptive:", 0), 0u) << m->rule;
  }
}

// ---------------------------------------------------------------- unit tests

TEST(Entities, EmptyTextHasNothing) {
  auto out = run("");
  EXPECT_TRUE(out.entities.empty());
  EXPECT_TRUE(out.mentions.empty());
}

TEST(Entities, LongestMatchSpanAndParent) {
  std::string text = "Accordo tra Amazon Web Services e OpenAI, poi Amazon rilancia.";
  auto out = run(text);
  ASSERT_EQ(out.mentions.size(), 3u);
  EXPECT_EQ(out.mentions[0].entity_id, "aws");
  EXPECT_EQ(text.substr(out.mentions[0].span.begin, out.mentions[0].span.size()), "Amazon Web Services");
  EXPECT_EQ(out.mentions[0].rule, "gazetteer");
  ASSERT_EQ(out.entities.size(), 3u);
  EXPECT_EQ(out.entities[0].id, "aws");  // order of first mention
  EXPECT_EQ(out.entities[1].id, "openai");
  EXPECT_EQ(out.entities[2].id, "amazon");
  EXPECT_EQ(out.entities[0].parent, std::optional<std::string>("amazon"));
  EXPECT_TRUE(out.entities[0].known);
  EXPECT_EQ(out.entities[0].type, EntityType::Org);
}

TEST(Entities, MentionsSortedAndNonOverlapping) {
  std::string text =
      "Nvidia investe in OpenAI. La start-up usa Azure di Microsoft. Il colosso dei chip sale; Nvidia e NVIDIA restano "
      "leader.";
  auto out = run(text);
  ASSERT_GE(out.mentions.size(), 6u);
  for (std::size_t i = 1; i < out.mentions.size(); ++i)
    EXPECT_LE(out.mentions[i - 1].span.end, out.mentions[i].span.begin) << i;
  std::set<std::string> ids;
  for (const auto& e : out.entities) EXPECT_TRUE(ids.insert(e.id).second) << "duplicate " << e.id;
}

TEST(Entities, NameInsideWordIsNotMatched) {
  auto out = run("L'Amazzonia e gli amazonici non sono Amazon.");
  ASSERT_EQ(out.mentions.size(), 1u);
  EXPECT_EQ(out.mentions[0].entity_id, "amazon");
}

TEST(Entities, UnknownOrgGetsSlugIdAndRule) {
  auto out = run("Il contratto è andato a Officine Ünica & Figli S.r.l. ieri.");
  const Entity* e = entity(out, "officine-unica-figli");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Officine Ünica & Figli");
  EXPECT_FALSE(e->known);
  ASSERT_EQ(out.mentions.size(), 1u);
  EXPECT_EQ(out.mentions[0].rule, "legal-suffix");
}

// Many names found by rule in one document, each named again later: every
// mention keeps its own id and rule (drafts view the ids their entities hold,
// so those must stay put while more are found).
TEST(Entities, ManyRuleNamesKeepTheirIdsAndRules) {
  const std::vector<std::string> names = {"Arno", "Brenta", "Cervo", "Dora", "Elsa", "Fiora", "Gesso", "Idice",
                                          "Lamone", "Mella", "Nera", "Orco", "Piave", "Reno", "Sesia", "Tanaro",
                                          "Ufita", "Varaita", "Zara", "Sangro"};
  std::string text;
  for (const auto& n : names) text += "Ha firmato la Officine " + n + " S.p.A. ieri. ";
  for (const auto& n : names) text += "Domani Officine " + n + " firma. ";
  auto out = run(text);
  std::map<std::string, int> legal, repeat;
  for (const auto& m : out.mentions) {
    if (m.rule == "legal-suffix") ++legal[m.entity_id];
    if (m.rule == "repeat") ++repeat[m.entity_id];
  }
  for (const auto& n : names) {
    std::string id = "officine-" + n;
    for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(legal[id], 1) << id;
    EXPECT_EQ(repeat[id], 1) << id;
    ASSERT_NE(entity(out, id), nullptr) << id;
  }
}

// Entities come once each, in order of first mention, however many a
// document names and however often it names them again.
TEST(Entities, EntitiesListedOnceInOrderOfFirstMention) {
  std::vector<std::string> names, ids;
  std::string text;
  for (int k = 0; k < 70; ++k) {
    const std::string name = "Officine Numero" + std::string(1, static_cast<char>('A' + k / 26)) +
                             std::string(1, static_cast<char>('a' + k % 26));
    text += "Ha firmato la " + name + " S.p.A. ieri. ";
    std::string id = name;
    for (auto& c : id) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    names.push_back(name);
    ids.push_back(id);
  }
  for (int k = 69; k >= 0; k -= 3) text += "Ha firmato la " + names[k] + " S.p.A. ieri. ";
  auto out = run(text);
  ASSERT_GT(out.mentions.size(), ids.size());  // the names again
  ASSERT_EQ(out.entities.size(), ids.size());
  for (std::size_t k = 0; k < ids.size(); ++k) EXPECT_EQ(out.entities[k].id, ids[k]) << k;
}

TEST(Entities, TriggerRuleNamesItsNoun) {
  auto out = run("Ha investito anche la start-up Lumeo, che produce sensori.");
  ASSERT_EQ(out.mentions.size(), 1u);
  EXPECT_EQ(out.mentions[0].rule, "org-after:startup");
  EXPECT_EQ(out.mentions[0].entity_id, "lumeo");
}

TEST(Entities, UnknownStartupResolvesLaterStartUp) {
  auto out = run("La start-up Lumeo ha chiuso un round. La start-up assumerà trenta ingegneri.");
  ASSERT_EQ(out.mentions.size(), 2u);
  EXPECT_EQ(out.mentions[1].entity_id, "lumeo");
  EXPECT_TRUE(out.mentions[1].descriptive);
}

TEST(Entities, TypoNeedsExactlyOneCandidate) {
  Lexicon lex;
  lex.add_list("gazetteer", "Quantix\tid=quantix\ttype=ORG\nQuantox\tid=quantox\ttype=ORG\nBorealis\tid=borealis\ttype=ORG\n",
               "test");
  EntityExtractor ex(lex);
  std::string ambiguous = "Ieri i conti di Quantax sono piaciuti.";
  EXPECT_TRUE(ex.extract(ambiguous, split_sentences(ambiguous)).entities.empty());
  std::string unique = "Ieri i conti di Borealix sono piaciuti.";
  auto out = ex.extract(unique, split_sentences(unique));
  ASSERT_EQ(out.mentions.size(), 1u);
  EXPECT_EQ(out.mentions[0].entity_id, "borealis");
  EXPECT_EQ(out.mentions[0].rule, "typo");
  std::string initial = "Borealix ha chiuso.";  // sentence-initial title case: could be any word
  EXPECT_TRUE(ex.extract(initial, split_sentences(initial)).entities.empty());
}

TEST(Entities, TypoIsAnyOneEditOfAName) {
  Lexicon lex;
  lex.add_list("gazetteer", "Borealis\tid=borealis\ttype=ORG\nVentàlia\tid=ventalia\ttype=ORG\n", "test");
  EntityExtractor ex(lex);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Boreaxis", "borealis"},   // a letter changed
      {"Borealiss", "borealis"},  // one added
      {"Boralis", "borealis"},    // one dropped
      {"Boraelis", "borealis"},   // two swapped
      {"Ventlia", ""},            // a two-byte letter dropped: two bytes, two edits
      {"Ventélia", "ventalia"},   // a two-byte letter changed (one byte)
      {"Bxrxalis", ""},           // two edits: no name
  };
  for (const auto& [word, id] : cases) {
    std::string text = "Ieri i conti di " + word + " sono piaciuti.";
    auto out = ex.extract(text, split_sentences(text));
    if (id.empty()) {
      EXPECT_TRUE(out.mentions.empty()) << word;
      continue;
    }
    ASSERT_EQ(out.mentions.size(), 1u) << word;
    EXPECT_EQ(out.mentions[0].entity_id, id) << word;
    EXPECT_EQ(out.mentions[0].rule, "typo") << word;
  }
}

TEST(Entities, WorksWithoutWordLists) {
  Lexicon lex;  // no gazetteer, no rule lists: nothing to find, nothing breaks
  EntityExtractor ex(lex);
  std::string text = "La società Acme S.p.A. ha chiuso.";
  auto out = ex.extract(text, split_sentences(text));
  EXPECT_TRUE(out.entities.empty());
}

TEST(Entities, SpansSurviveMultibyteText) {
  std::string text = "Perché l'Unione europea e Nestlé — dice Reuters — trattano?";
  auto out = run(text);
  std::map<std::string, std::string> surface;
  for (const auto& m : out.mentions) surface[m.entity_id] = text.substr(m.span.begin, m.span.size());
  EXPECT_EQ(surface["nestle"], "Nestlé");
  EXPECT_EQ(surface["reuters"], "Reuters");
  EXPECT_EQ(surface["ue"], "Unione europea");
}

// ---------------------------------------------------------------- corpus (when present)

std::string canon(std::string s, const std::map<std::string, std::string>& alias) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = alias.find(s);
  return it == alias.end() ? s : it->second;
}

TEST(EntitiesCorpus, OrganisationF1) {
  std::filesystem::path dir = std::filesystem::path(DEALSCAN_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::exists(dir / "expected.json")) GTEST_SKIP() << "no corpus at " << dir;
  nlohmann::json exp = nlohmann::json::parse(std::ifstream(dir / "expected.json"));
  std::map<std::string, std::string> alias;
  for (auto& [name, list] : exp["aliases"].items()) {
    std::string c = canon(name, {});
    for (auto& a : list) alias[canon(a.get<std::string>(), {})] = c;
  }
  int tp = 0, fp = 0, fn = 0;
  for (auto& [source, names] : exp["orgs"].items()) {
    std::ifstream in(dir / "articles" / (source + ".txt"));
    std::string text((std::istreambuf_iterator<char>(in)), {});
    // The extractor reads normalised text: fold the typographic apostrophe.
    for (std::size_t p; (p = text.find("\xE2\x80\x99")) != std::string::npos;) text.replace(p, 3, "'");
    auto out = run(text);
    std::set<std::string> want, optional, got;
    for (auto& n : names) want.insert(canon(n.get<std::string>(), alias));
    if (exp["orgs_optional"].contains(source))
      for (auto& n : exp["orgs_optional"][source]) optional.insert(canon(n.get<std::string>(), alias));
    for (const auto& e : out.entities)
      if (e.type == EntityType::Org || e.type == EntityType::Media) got.insert(canon(e.name, alias));
    for (const auto& g : got) {
      if (want.count(g)) ++tp;
      else if (!optional.count(g)) {
        ++fp;
        ADD_FAILURE() << source << ": spurious " << g;
      }
    }
    for (const auto& w : want)
      if (!got.count(w)) ++fn;
  }
  double p = tp / double(tp + fp), r = tp / double(tp + fn);
  double f1 = 2 * p * r / (p + r);
  EXPECT_GE(f1, 0.95) << "P=" << p << " R=" << r;
}

}  // namespace
}  // namespace dealscan

namespace dealscan {
namespace {

// Regression (found by fuzz_pipeline, heap-buffer-overflow): a descriptive
// reference ending the text made the phrase trie read one token past the end.
TEST(EntityRegression, DescriptorAtTheEndOfTheText) {
  EntityExtractor extractor(Lexicon::builtin());
  for (std::string text : {"Secondo Bloomberg, Stellantis ha perso cento milioni: la ", "Acme S.p.A. e la",
                           "la società", "il gruppo di"}) {
    std::vector<Sentence> sentences{{Span{0, text.size()}}};
    auto out = extractor.extract(text, sentences);
    for (const auto& m : out.mentions) EXPECT_LE(m.span.end, text.size());
  }
}

// Copies of an extractor share its compiled tables; each copy, and threads
// extracting through one at once, find what the original finds.
TEST(EntityExtractorSharing, CopiesAndThreadsFindWhatTheOriginalFinds) {
  const std::vector<std::string> texts = {
      "Nvidia e OpenAI hanno firmato un accordo; la start-up di San Francisco crescerà.",
      "Secondo Reuters, Microsoft investirà in Mistral AI. Il colosso di Redmond conferma.",
      "Acme Robotica S.p.A. ha chiuso un round guidato da Sequoia Capital.",
  };
  auto mentions_of = [](const EntityExtractor& ex, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : ex.extract(text, split_sentences(text)).mentions)
      out.push_back(m.entity_id + "@" + std::to_string(m.span.begin) + ":" + m.rule);
    return out;
  };
  const EntityExtractor original(Lexicon::builtin());
  std::vector<std::vector<std::string>> expected;
  for (const auto& t : texts) expected.push_back(mentions_of(original, t));
  ASSERT_FALSE(expected[0].empty());

  EntityExtractor copy(Lexicon::builtin());
  copy = original;
  const EntityExtractor copied(original);
  for (std::size_t k = 0; k < texts.size(); ++k) {
    EXPECT_EQ(mentions_of(copy, texts[k]), expected[k]);
    EXPECT_EQ(mentions_of(copied, texts[k]), expected[k]);
  }

  std::vector<std::vector<std::string>> found(2 * texts.size());
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < found.size(); ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 20; ++round) found[k] = mentions_of(copied, texts[k % texts.size()]);
    });
  for (auto& t : threads) t.join();
  for (std::size_t k = 0; k < found.size(); ++k) EXPECT_EQ(found[k], expected[k % texts.size()]) << k;
}

}  // namespace
}  // namespace dealscan

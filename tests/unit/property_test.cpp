// Property tests: invariants that must hold for any input, checked over
// generated articles (bench/gencorpus) and over random mutations of them,
// with fixed seeds so a failure reproduces.
//   - processing never throws;
//   - the offset map is complete, bounded and non-decreasing;
//   - every figure's orig range slices the ORIGINAL bytes to text whose
//     normalised form is Figure::text;
//   - the JSON report always serialises and parses back;
//   - the same input gives the same report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../../bench/gencorpus/generator.h"
#include "dealscan/crosscheck.h"
#include "dealscan/extract.h"
#include "dealscan/ingest.h"
#include "dealscan/pipeline.h"
#include "dealscan/report.h"

namespace dealscan {
namespace {

const InputFile kFile{"prop.txt", "prop"};

// Odd but valid text people paste: no-break space, soft hyphen, curly quote,
// combining accent (NFD), BOM, guillemets, a stray tag.
const std::vector<std::string> kOddPieces = {"\u00A0", "\u00AD", "\u2019", "e\u0300", "\uFEFF", "«", "»", "<b>", "&amp;", "\t", "\r\n"};

// A random edit of text: insert odd pieces, flip bytes, cut mid-character.
std::string mutate(std::string text, gen::Rng& rng) {
  int edits = rng.between(1, 6);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    std::size_t at = rng.below(text.size());
    switch (rng.below(4)) {
      case 0: text.insert(at, rng.pick(kOddPieces)); break;
      case 1: text[at] = static_cast<char>(rng.below(256)); break;
      case 2: text.erase(at, rng.below(8)); break;
      default: text.resize(at); break;
    }
  }
  return text;
}

std::vector<std::string> generated_docs(std::uint64_t seed, int count, std::size_t bytes) {
  gen::ArticleGenerator g(Lexicon::builtin(), seed);
  std::vector<std::string> docs;
  for (int i = 0; i < count; ++i) docs.push_back(g.article(bytes));
  return docs;
}

class PropertyTest : public ::testing::Test {
 protected:
  const Lexicon& lexicon = Lexicon::builtin();
  DocumentProcessor processor{lexicon};
  Ingestor ingestor{lexicon};
  std::size_t slices_checked = 0;  // so a run that checks nothing fails

  // The normalised form of a slice of the original bytes.
  std::string normalise(std::string_view bytes) const {
    auto in = ingestor.ingest(kFile, bytes);
    return in ? in->text.text : "<not text: " + in.error().message + ">";
  }

  // Whether the whole document was read as plain UTF-8 text, so that a slice
  // of it normalises on its own exactly as it did in place.
  static bool slices_normalise_alone(const DocumentResult& doc) {
    if (doc.source.encoding != "UTF-8") return false;
    for (const auto& w : doc.source.warnings)
      if (w.find("HTML") != std::string::npos) return false;
    return true;
  }

  void check_document(const std::string& bytes, const std::string& label) {
    Result<DocumentResult> doc = Error{"not run"};
    ASSERT_NO_THROW(doc = processor.process(kFile, bytes)) << label;
    if (!doc) return;
    for (const auto& f : doc->figures) {
      ASSERT_LE(f.orig.begin, f.orig.end) << label << " figure " << f.id;
      ASSERT_LE(f.orig.end, bytes.size()) << label << " figure " << f.id;
      if (!slices_normalise_alone(*doc)) continue;
      ++slices_checked;
      EXPECT_EQ(normalise(std::string_view(bytes).substr(f.orig.begin, f.orig.size())), f.text)
            << label << " figure " << f.id << " orig [" << f.orig.begin << "," << f.orig.end << ")";
    }
    Report report;
    report.documents.push_back(std::move(*doc));
    ASSERT_NO_THROW(report.check = cross_check(report.documents, lexicon)) << label;
    std::string dumped;
    ASSERT_NO_THROW(dumped = to_json(report).dump()) << label << ": report is not valid UTF-8 JSON";
    EXPECT_TRUE(nlohmann::json::accept(dumped)) << label;
  }
};

TEST_F(PropertyTest, GeneratedArticlesKeepEveryInvariant) {
  auto docs = generated_docs(7, 150, 1500);
  for (std::size_t i = 0; i < docs.size(); ++i) check_document(docs[i], "generated #" + std::to_string(i));
  EXPECT_GT(slices_checked, docs.size()) << "generated articles should yield figures to check";
}

TEST_F(PropertyTest, MutatedArticlesKeepEveryInvariant) {
  auto docs = generated_docs(11, 150, 800);
  gen::Rng rng(99);
  for (std::size_t i = 0; i < docs.size(); ++i) check_document(mutate(docs[i], rng), "mutated #" + std::to_string(i));
  EXPECT_GT(slices_checked, 0u);
}

TEST_F(PropertyTest, RandomBytesNeverBreakProcessing) {
  gen::Rng rng(5);
  for (int i = 0; i < 100; ++i) {
    std::string bytes(rng.below(300), '\0');
    for (char& c : bytes) c = static_cast<char>(rng.below(256));
    check_document(bytes, "random #" + std::to_string(i));
  }
}

TEST_F(PropertyTest, OffsetMapIsCompleteBoundedAndMonotonic) {
  auto docs = generated_docs(13, 60, 600);
  gen::Rng rng(17);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    std::string bytes = d % 2 ? mutate(docs[d], rng) : docs[d];
    auto in = ingestor.ingest(kFile, bytes);
    if (!in) continue;
    const auto& map = in->text.to_orig;
    ASSERT_EQ(map.size(), in->text.text.size() + 1) << "doc " << d;
    for (std::size_t i = 0; i < map.size(); ++i) {
      ASSERT_LE(map[i], bytes.size()) << "doc " << d << " entry " << i;
      if (i > 0) ASSERT_GE(map[i], map[i - 1]) << "doc " << d << " entry " << i;
    }
    Span all = in->text.orig(Span{0, in->text.text.size()});
    EXPECT_LE(all.end, bytes.size()) << "doc " << d;
  }
}

TEST_F(PropertyTest, SameInputGivesTheSameReport) {
  auto docs = generated_docs(21, 20, 1500);
  for (const auto& bytes : docs) {
    auto a = processor.process(kFile, bytes), b = DocumentProcessor(lexicon).process(kFile, bytes);
    ASSERT_EQ(a.ok(), b.ok());
    if (!a) continue;
    Report ra, rb;
    ra.documents.push_back(std::move(*a));
    rb.documents.push_back(std::move(*b));
    EXPECT_EQ(to_json(ra).dump(), to_json(rb).dump());
  }
}

// The Italian cardinals the generator spells are real Italian and the number
// parser reads every one of them back.
TEST(GeneratorWords, SpellsItalianCardinals) {
  auto v = gen::Vocabulary::from(Lexicon::builtin());
  EXPECT_EQ(gen::number_in_words(v, 26), "ventisei");
  EXPECT_EQ(gen::number_in_words(v, 38), "trentotto");
  EXPECT_EQ(gen::number_in_words(v, 21), "ventuno");
  EXPECT_EQ(gen::number_in_words(v, 123), "centoventitré");
  EXPECT_EQ(gen::number_in_words(v, 180), "centottanta");
  EXPECT_EQ(gen::number_in_words(v, 300), "trecento");
}

TEST(GeneratorWords, NumberParserReadsEveryCardinalUpTo999) {
  const Lexicon& lex = Lexicon::builtin();
  auto v = gen::Vocabulary::from(lex);
  NumberParser parser(lex);
  for (int n = 1; n < 1000; ++n) {
    std::string words = gen::number_in_words(v, n);
    auto parsed = parser.parse_at(words, 0);
    ASSERT_TRUE(parsed.has_value()) << words;
    EXPECT_EQ(parsed->value, n) << words;
    EXPECT_EQ(parsed->span.end, words.size()) << words;
  }
}

TEST(GeneratorWords, NumberParserReadsItalianDigitGroups) {
  NumberParser parser(Lexicon::builtin());
  gen::Rng rng(3);
  for (int i = 0; i < 200; ++i) {
    double value = static_cast<double>(rng.between(1000, 9'999'999));
    std::string digits = gen::italian_digits(value, 0, true);  // "1.234.567"
    auto parsed = parser.parse_at(digits, 0);
    ASSERT_TRUE(parsed.has_value()) << digits;
    EXPECT_EQ(parsed->value, value) << digits;
  }
}

TEST(Generator, SameSeedSameTextOtherSeedOtherText) {
  auto a = generated_docs(1, 3, 2000), b = generated_docs(1, 3, 2000), c = generated_docs(2, 3, 2000);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  for (const auto& doc : a) EXPECT_GE(doc.size(), 2000u);
}

}  // namespace
}  // namespace dealscan

// Ingest, normalisation: the date marker, folding of each character class,
// NFC, HTML saved as text, and a property test of the offset map over many
// random and adversarial byte strings.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/ingested.h"
#include "dealscan/ingest.h"
#include "ingest/date_marker.h"
#include "ingest/html.h"
#include "ingest/mapped_text.h"
#include "ingest/normalize.h"

namespace dealscan {
namespace {

using namespace std::string_literals;

const InputFile kFile{"test.txt", "test"};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class NormalizeTest : public ::testing::Test {
 protected:
  Ingestor ingestor{Lexicon{}};

  IngestedText ok(std::string_view bytes) {
    auto r = ingestor.ingest(kFile, bytes);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : IngestedText{};
  }
};

using test_support::orig_bytes;
using test_support::orig_of;

// ---------------------------------------------------------------- date marker

TEST_F(NormalizeTest, DateMarkerOnTheSameLineAsTheText) {
  std::string bytes = " date 2025-12-17 Amazon e OpenAI trattano";
  auto in = ok(bytes);
  ASSERT_TRUE(in.source.date.has_value());
  EXPECT_EQ(*in.source.date, "2025-12-17");
  EXPECT_EQ(in.text.text, "Amazon e OpenAI trattano");
  EXPECT_EQ(in.text.to_orig.front(), bytes.find("Amazon"));
  EXPECT_EQ(orig_of(in, bytes, "OpenAI"), "OpenAI");
}

TEST_F(NormalizeTest, MonthOnlyDateMarkerOnItsOwnLine) {
  std::string bytes = "date 2024-07\r\nIl gruppo rinuncia all'acquisto.";
  auto in = ok(bytes);
  EXPECT_EQ(in.source.date, "2024-07");
  EXPECT_EQ(in.text.text, "Il gruppo rinuncia all'acquisto.");
  EXPECT_EQ(orig_of(in, bytes, "rinuncia"), "rinuncia");
}

TEST_F(NormalizeTest, DateMarkerAfterBomAndSpaces) {
  std::string bytes =
      "\xEF\xBB\xBF  \xC2\xA0"
      "date 2023-02-28 Testo";
  auto in = ok(bytes);
  EXPECT_EQ(in.source.date, "2023-02-28");
  EXPECT_EQ(in.text.text, "Testo");
  EXPECT_EQ(in.text.to_orig.front(), bytes.size() - 5);
}

TEST_F(NormalizeTest, ImpossibleDateIsDroppedWithAWarning) {
  auto in = ok(" date 2025-02-30 Il titolo");
  EXPECT_FALSE(in.source.date.has_value());
  EXPECT_EQ(in.text.text, "Il titolo");
  ASSERT_EQ(in.source.warnings.size(), 1u);
  EXPECT_NE(in.source.warnings[0].find("date 2025-02-30"), std::string::npos);
}

TEST_F(NormalizeTest, TextThatOnlyLooksLikeAMarkerStays) {
  for (std::string text : {"Date le circostanze, il fondo attende.", "date 2025-12-17x resto", "date 25-12-17 resto",
                           "Il date 2025-12-17 resto"}) {
    auto in = ok(text);
    EXPECT_FALSE(in.source.date.has_value()) << text;
    EXPECT_EQ(in.text.text, text);
  }
}

TEST(DateMarker, Forms) {
  auto m = ingest::find_date_marker("DATE: 2025-01-02\tresto");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date, "2025-01-02");
  EXPECT_EQ(m->end, 17u);
  EXPECT_TRUE(ingest::find_date_marker("date 2024-02-29"));
  EXPECT_EQ(ingest::find_date_marker("date 2023-02-29")->date, "");
  EXPECT_EQ(ingest::find_date_marker("date 2024-02-29")->end, 15u);
  EXPECT_FALSE(ingest::find_date_marker("date"));
  EXPECT_FALSE(ingest::find_date_marker(""));
}

// ---------------------------------------------------------------- folding

struct FoldCase {
  std::string in;
  std::string out;  // empty: dropped
};

TEST_F(NormalizeTest, EachFoldedCharacterMapsBackToItsBytes) {
  const std::vector<FoldCase> cases = {
      {"\u2019", "'"},  {"\u2018", "'"},  {"\u201B", "'"},  {"\u2032", "'"},  {"\u02BC", "'"},  {"\u201C", "\""},
      {"\u201D", "\""}, {"\u201E", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""}, {"\u2033", "\""}, {"\u00A0", " "},
      {"\u2000", " "},  {"\u2005", " "},  {"\u200A", " "},  {"\u202F", " "},  {"\u205F", " "},  {"\u3000", " "},
      {"\u2013", "-"},  {"\u2014", "-"},  {"\u2212", "-"},  {"\u00AD", ""},   {"\u200B", ""},   {"\u200C", ""},
      {"\u200D", ""},   {"\uFEFF", ""},   {"\u2060", ""},   {"\r\n", "\n"},   {"\r", "\n"},     {"\u2028", "\n"},
  };
  for (const auto& c : cases) {
    std::string bytes = "ab" + c.in + "cd";
    auto in = ok(bytes);
    SCOPED_TRACE(testing::PrintToString(c.in));
    EXPECT_EQ(in.text.text, "ab" + c.out + "cd");
    if (!c.out.empty()) {
      EXPECT_EQ(orig_bytes(in, bytes, 2, 2 + c.out.size()), c.in);
    } else {
      // A dropped character belongs to the text around it.
      EXPECT_EQ(orig_bytes(in, bytes, 0, 4), bytes);
      EXPECT_EQ(orig_bytes(in, bytes, 2, 4), "cd");
    }
    EXPECT_EQ(orig_bytes(in, bytes, 0, 2), bytes.substr(0, 2 + (c.out.empty() ? c.in.size() : 0)));
  }
}

TEST(FoldTable, LeavesLettersAndDigitsAlone) {
  for (char32_t cp : {U'a', U'Z', U'0', U'è', U'€', U'$', U'%', U'\t', U'\n', U'…', U'ß'})
    EXPECT_EQ(ingest::fold(cp).action, ingest::Fold::Keep) << static_cast<unsigned>(cp);
}

TEST_F(NormalizeTest, NfcComposesAndMapsToBothOriginalCharacters) {
  std::string bytes = "perche\u0301 e\u0300 cosi\u0300";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "perché è così");
  EXPECT_EQ(orig_of(in, bytes, "é"), "e\u0301");
  EXPECT_EQ(orig_of(in, bytes, "è"), "e\u0300");
  EXPECT_EQ(orig_of(in, bytes, "così"), "cosi\u0300");
}

TEST_F(NormalizeTest, NfcAfterDroppingASoftHyphenInsideACharacter) {
  std::string bytes = "e\u00AD\u0300";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "è");
  EXPECT_EQ(orig_bytes(in, bytes, 0, in.text.text.size()), bytes);
}

TEST_F(NormalizeTest, NfcSingletons) {
  std::string bytes = "10 \u212B";  // ANGSTROM SIGN -> LATIN CAPITAL A WITH RING ABOVE
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "10 \u00C5");
  EXPECT_EQ(orig_of(in, bytes, "\u00C5"), "\u212B");
}

// ---------------------------------------------------------------- HTML

TEST_F(NormalizeTest, HtmlPageSavedAsText) {
  std::string bytes = read_file(DEALSCAN_TEST_DATA "/ingest/pagina.html.txt");
  ASSERT_FALSE(bytes.empty());
  auto in = ok(bytes);
  const std::string& t = in.text.text;
  EXPECT_EQ(t.find('<'), std::string::npos) << t;
  EXPECT_EQ(t.find("function"), std::string::npos) << "script content kept: " << t;
  EXPECT_EQ(t.find("color"), std::string::npos) << "style content kept: " << t;
  EXPECT_EQ(t.find("commento"), std::string::npos) << t;
  EXPECT_NE(t.find("Fusione da 3 miliardi di euro\n"), std::string::npos) << t;
  EXPECT_NE(t.find("L'operazione, annunciata ieri, vale 3 miliardi di euro (circa 3,2 miliardi di dollari)."),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("Ricerca & Sviluppo"), std::string::npos) << t;
  EXPECT_NE(t.find("\"un passo storico\""), std::string::npos) << t;
  EXPECT_NE(t.find("prezzo di 12,5 €"), std::string::npos) << t;
  EXPECT_NE(t.find("Primo punto\nSecondo punto"), std::string::npos) << t;
  // Offsets still point into the original HTML.
  EXPECT_EQ(orig_of(in, bytes, "annunciata ieri"), "annunciata ieri");
  EXPECT_EQ(orig_of(in, bytes, "Ricerca & Sviluppo"), "Ricerca &amp; Sviluppo");
  EXPECT_EQ(orig_of(in, bytes, "12,5 €"), "12,5&nbsp;&euro;");
  bool warned = false;
  for (const auto& w : in.source.warnings) warned |= w.find("HTML") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(NormalizeTest, HtmlLineWrapsInsideAParagraphAreSpaces) {
  std::string bytes = "<html><body><p>Il fondo ha\n   investito\r\n5 milioni.</p><p>Poi&#8217;altro</p></body></html>";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "Il fondo ha investito 5 milioni.\nPoi'altro");
}

TEST_F(NormalizeTest, ProseWithAnAngleBracketIsNotHtml) {
  std::string bytes = "Il rapporto debito/PIL <3% e la crescita >2% <b>forse</b> & altro.";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, bytes);
}

TEST(Html, Detection) {
  EXPECT_TRUE(ingest::looks_like_html("  <!DOCTYPE html><p>x"));
  EXPECT_TRUE(ingest::looks_like_html("<HTML lang=\"it\">"));
  EXPECT_TRUE(ingest::looks_like_html("Titolo<br>riga<br>altra<p>uno</p>"));
  EXPECT_FALSE(ingest::looks_like_html("a < b e c > d"));
  EXPECT_FALSE(ingest::looks_like_html("Il <b>grassetto</b> una volta"));
}

TEST(Html, Entities) {
  auto dec = [](std::string_view s) {
    std::size_t len = 0;
    auto cp = ingest::decode_entity(s, len);
    return cp ? std::to_string(static_cast<unsigned>(*cp)) + "/" + std::to_string(len) : "none";
  };
  EXPECT_EQ(dec("&amp;x"), "38/5");
  EXPECT_EQ(dec("&euro; 5"), "8364/6");
  EXPECT_EQ(dec("&#8217;"), "8217/7");
  EXPECT_EQ(dec("&#x20AC;"), "8364/8");
  EXPECT_EQ(dec("&#X20ac;"), "8364/8");
  EXPECT_EQ(dec("&#146;"), "8217/6");  // windows-1252 number, as browsers read it
  EXPECT_EQ(dec("&#0;"), "65533/4");
  EXPECT_EQ(dec("&#xD800;"), "65533/8");
  EXPECT_EQ(dec("&#99999999999;"), "65533/14");
  EXPECT_EQ(dec("&nbsp x"), "160/5");  // legacy form without ';'
  EXPECT_EQ(dec("&euro x"), "none");
  EXPECT_EQ(dec("&unknown;"), "none");
  EXPECT_EQ(dec("& amp;"), "none");
}

TEST(Html, UnclosedTagsStayLinear) {
  std::string s(200000, 'a');
  for (std::size_t i = 0; i < s.size(); i += 3) s[i] = '<';
  ingest::MappedText in;
  in.copy_source(s, 0);
  auto out = ingest::strip_html(in, 0);
  EXPECT_EQ(out.text.size(), out.offs.size());
}

// ---------------------------------------------------------------- properties of the offset map

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80                ? 1
                      : b >= 0xC2 && b < 0xE0 ? 2
                      : b >= 0xE0 && b < 0xF0 ? 3
                      : b >= 0xF0 && b < 0xF5 ? 4
                                              : 0;
    if (!len || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// Pieces that stress decoding and normalisation.
const std::vector<std::string> kPieces = {"a",
                                          "Z",
                                          " ",
                                          "  ",
                                          "\n",
                                          "\r\n",
                                          "\r",
                                          "\t",
                                          ".",
                                          "10",
                                          "è",
                                          "e\u0300",
                                          "\u0301",
                                          "\u0327",
                                          "\u00A0",
                                          "\u00AD",
                                          "\u200B",
                                          "\uFEFF",
                                          "\u2019",
                                          "«",
                                          "»",
                                          "\u2014",
                                          "€",
                                          "🚀",
                                          "\u212B",
                                          "\u1100\u1161",
                                          "\xFF",
                                          "\xC3",
                                          "\xE2\x82",
                                          "\xE8",
                                          "\x80",
                                          "\x01",
                                          "<p>",
                                          "</p>",
                                          "<br>",
                                          "<script>",
                                          "&amp;",
                                          "&#8217;",
                                          "&",
                                          "<",
                                          ">",
                                          "<!--",
                                          "date 2025-01-01 ",
                                          " date 2024-13 ",
                                          "\xEF\xBB\xBF",
                                          "\xFF\xFE",
                                          "\xFE\xFF",
                                          "\x00"s,
                                          "<html>",
                                          "Sig.",
                                          "ciao",
                                          "\u0915\u094D",
                                          "\uD55C",
                                          "\u0344",
                                          "\u0F73",
                                          "\u1E0B\u0323"};

std::string random_bytes(std::mt19937& rng, std::size_t max_pieces) {
  std::string s;
  std::size_t n = rng() % (max_pieces + 1);
  for (std::size_t k = 0; k < n; ++k) {
    if (rng() % 8 == 0) {
      s.push_back(static_cast<char>(rng() % 256));
    } else {
      s += kPieces[rng() % kPieces.size()];
    }
  }
  return s;
}

void check_map(const IngestedText& in, std::string_view bytes, const std::string& label) {
  const auto& map = in.text.to_orig;
  const std::string& t = in.text.text;
  ASSERT_EQ(map.size(), t.size() + 1) << label;
  for (std::size_t i = 0; i < map.size(); ++i) {
    ASSERT_LE(map[i], bytes.size()) << label << " entry " << i;
    if (i) {
      ASSERT_GE(map[i], map[i - 1]) << label << " entry " << i;
    }
  }
  ASSERT_TRUE(valid_utf8(t)) << label;
  // Every character's original range lies inside the file, and ranges follow
  // each other without going back.
  std::size_t prev_begin = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 0;
    ingest::next_cp(t, i, len);
    Span o = in.text.orig(Span{i, i + len});
    ASSERT_LT(o.begin, o.end) << label << " at " << i;
    ASSERT_LE(o.end, bytes.size()) << label << " at " << i;
    ASSERT_GE(o.begin, prev_begin) << label << " at " << i;
    prev_begin = o.begin;
    i += len;
  }
  // Folded characters are gone and the text is NFC.
  for (std::string_view gone : {"\r", "\u00A0", "\u00AD", "\u200B", "\uFEFF", "\u2019", "\u00AB", "\u2014"})
    EXPECT_EQ(t.find(gone), std::string::npos) << label;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(st);
  EXPECT_TRUE(nfc->isNormalized(icu::UnicodeString::fromUTF8(t), st)) << label;
}

TEST_F(NormalizeTest, OffsetMapHoldsForRandomAndAdversarialBytes) {
  std::mt19937 rng(20251217);
  int texts = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string bytes = random_bytes(rng, i < 3000 ? 12 : 200);
    auto r = ingestor.ingest(kFile, bytes);
    if (!r) {
      EXPECT_EQ(r.error().message.rfind("not text", 0), 0u) << r.error().message;
      continue;
    }
    ++texts;
    check_map(*r, bytes, "case " + std::to_string(i) + " " + testing::PrintToString(bytes));
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(texts, 2000);
}

TEST_F(NormalizeTest, OffsetMapHoldsForPureRandomBytes) {
  std::mt19937 rng(7);
  for (int i = 0; i < 1000; ++i) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    if (i % 2) std::replace(bytes.begin(), bytes.end(), '\0', ' ');
    auto r = ingestor.ingest(kFile, bytes);
    if (r) check_map(*r, bytes, "random " + std::to_string(i));
    if (HasFatalFailure()) return;
  }
}

TEST_F(NormalizeTest, OffsetMapHoldsInEveryEncoding) {
  std::mt19937 rng(99);
  for (int i = 0; i < 300; ++i) {
    std::string text = random_bytes(rng, 30);
    // Re-encode the decodable pieces as UTF-16LE with a BOM.
    auto first = ingestor.ingest(kFile, "x" + text);  // any decoding, just to get valid UTF-8
    if (!first) continue;
    std::string utf8 = first->text.text;
    std::string bytes = "\xFF\xFE";
    for (std::size_t k = 0; k < utf8.size();) {
      std::size_t len = 0;
      char32_t cp = ingest::next_cp(utf8, k, len);
      k += len;
      auto unit = [&](char16_t u) {
        bytes.push_back(static_cast<char>(u & 0xFF));
        bytes.push_back(static_cast<char>(u >> 8));
      };
      if (cp >= 0x10000) {
        unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
        unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
      } else {
        unit(static_cast<char16_t>(cp));
      }
    }
    auto r = ingestor.ingest(kFile, bytes);
    if (r) check_map(*r, bytes, "utf16 " + std::to_string(i));
    if (HasFatalFailure()) return;
  }
}

TEST_F(NormalizeTest, LargeInputIsLinear) {
  std::string bytes;
  while (bytes.size() < (8u << 20))
    bytes += "L\u2019accordo vale 10\u00A0miliardi \u2014 «forse» e\u0300 cosi\u0300.\r\n";
  auto start = std::chrono::steady_clock::now();
  auto in = ok(bytes);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 10.0);
  EXPECT_EQ(in.text.to_orig.size(), in.text.text.size() + 1);
}

TEST_F(NormalizeTest, StackedCombiningMarksStayFast) {
  // Alternating combining classes (230, 220) would make canonical reordering
  // quadratic over one huge run.
  std::string bytes = "a";
  for (int i = 0; i < 200000; ++i) bytes += i % 2 ? "\u0323" : "\u0301";
  auto start = std::chrono::steady_clock::now();
  auto in = ok(bytes);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 5.0);
  EXPECT_EQ(in.text.to_orig.size(), in.text.text.size() + 1);
}

}  // namespace
}  // namespace dealscan

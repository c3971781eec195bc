// Ingest, decoding: every supported encoding, damaged UTF-8, binary files,
// and the offsets back into the original bytes.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "support/ingested.h"
#include "dealscan/ingest.h"
#include "ingest/decode.h"

namespace dealscan {
namespace {

using namespace std::string_literals;

const InputFile kFile{"test.txt", "test"};

// UTF-8 -> code points (test inputs are valid UTF-8).
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    out.push_back(ingest::next_cp(s, i, len));
    i += len;
  }
  return out;
}

std::string utf16(std::string_view utf8, bool little, bool bom) {
  std::string out;
  auto unit = [&](char16_t u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += little ? std::string{lo, hi} : std::string{hi, lo};
  };
  if (bom) unit(0xFEFF);
  for (char32_t cp : code_points(utf8)) {
    if (cp >= 0x10000) {
      unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      unit(static_cast<char16_t>(cp));
    }
  }
  return out;
}

// windows-1252 bytes for the characters these tests use.
std::string cp1252(std::string_view utf8) {
  std::string out;
  for (char32_t cp : code_points(utf8)) {
    switch (cp) {
      case U'’':
        out += '\x92';
        break;
      case U'“':
        out += '\x93';
        break;
      case U'”':
        out += '\x94';
        break;
      case U'–':
        out += '\x96';
        break;
      case U'€':
        out += '\x80';
        break;
      default:
        EXPECT_LT(cp, 0x100u) << "not in the test's windows-1252 table";
        out += static_cast<char>(cp);
    }
  }
  return out;
}

class DecodeTest : public ::testing::Test {
 protected:
  Ingestor ingestor{Lexicon{}};

  IngestedText ok(std::string_view bytes) {
    auto r = ingestor.ingest(kFile, bytes);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : IngestedText{};
  }
  std::string error(std::string_view bytes) {
    auto r = ingestor.ingest(kFile, bytes);
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string() : r.error().message;
  }
};

using test_support::orig_of;

bool has_warning(const IngestedText& in, std::string_view part) {
  for (const auto& w : in.source.warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

TEST_F(DecodeTest, PlainUtf8KeepsByteOffsets) {
  std::string bytes = "Perché il fondo è salito";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, bytes);
  EXPECT_EQ(in.source.encoding, "UTF-8");
  EXPECT_TRUE(in.source.warnings.empty());
  ASSERT_EQ(in.text.to_orig.size(), bytes.size() + 1);
  for (std::size_t i = 0; i <= bytes.size(); ++i) EXPECT_EQ(in.text.to_orig[i], i);
  EXPECT_EQ(orig_of(in, bytes, "è"), "è");
}

TEST_F(DecodeTest, Utf8ByteOrderMarkIsSkipped) {
  std::string bytes = "\xEF\xBB\xBFIl titolo sale";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "Il titolo sale");
  EXPECT_EQ(in.source.encoding, "UTF-8");
  EXPECT_EQ(in.text.to_orig.front(), 3u);
  EXPECT_EQ(orig_of(in, bytes, "titolo"), "titolo");
}

TEST_F(DecodeTest, Utf16LittleEndianWithBom) {
  std::string text = "Società più forte: 5 € 🚀";
  std::string bytes = utf16(text, true, true);
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-16LE");
  EXPECT_EQ(in.text.text, text);
  EXPECT_EQ(orig_of(in, bytes, "à"), utf16("à", true, false));
  EXPECT_EQ(orig_of(in, bytes, "più"), utf16("più", true, false));
  EXPECT_EQ(orig_of(in, bytes, "€"), utf16("€", true, false));
  EXPECT_EQ(orig_of(in, bytes, "🚀"), utf16("🚀", true, false));
  EXPECT_EQ(in.text.to_orig.front(), 2u);
  EXPECT_EQ(in.text.to_orig.back(), bytes.size());
}

TEST_F(DecodeTest, Utf16BigEndianWithBom) {
  std::string text = "Perché no?";
  std::string bytes = utf16(text, false, true);
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-16BE");
  EXPECT_EQ(in.text.text, text);
  EXPECT_EQ(orig_of(in, bytes, "é"), utf16("é", false, false));
}

TEST_F(DecodeTest, Utf16WithoutBomIsRecognisedWithAWarning) {
  std::string bytes = utf16("Il consiglio ha approvato il bilancio.", true, false);
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-16LE");
  EXPECT_EQ(in.text.text, "Il consiglio ha approvato il bilancio.");
  EXPECT_TRUE(has_warning(in, "UTF-16LE"));
}

TEST_F(DecodeTest, Utf16UnpairedSurrogateIsReplaced) {
  std::string bytes = utf16("ab", true, true);
  bytes.insert(4, "\x00\xD8"s);  // lone high surrogate between a and b
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "a\uFFFDb");
  EXPECT_TRUE(has_warning(in, "invalid UTF-16LE at byte 4"));
}

TEST_F(DecodeTest, Utf32WithBom) {
  std::string bytes =
      "\xFF\xFE\x00\x00"
      "C\x00\x00\x00"
      "\xE8\x00\x00\x00"s;
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-32LE");
  EXPECT_EQ(in.text.text, "Cè");
  EXPECT_EQ(orig_of(in, bytes, "è"), "\xE8\x00\x00\x00"s);
}

TEST_F(DecodeTest, Windows1252IsDetectedAndMappedByteForByte) {
  std::string text =
      "L’accordo da 10 miliardi di euro – secondo “fonti vicine” – è pronto. Perché la società non ha "
      "ancora commentato, né ha smentito le indiscrezioni sul prezzo di 5 €.";
  std::string bytes = cp1252(text);
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "windows-1252");
  EXPECT_TRUE(has_warning(in, "windows-1252")) << testing::PrintToString(in.source.warnings);
  // Folding turns the typographic characters into ASCII; each still maps to its byte.
  EXPECT_NE(in.text.text.find("L'accordo"), std::string::npos) << in.text.text;
  EXPECT_NE(in.text.text.find("\"fonti vicine\""), std::string::npos);
  EXPECT_EQ(orig_of(in, bytes, "società"), cp1252("società"));
  EXPECT_EQ(orig_of(in, bytes, "5 €"), cp1252("5 €"));
  EXPECT_EQ(orig_of(in, bytes, "L'"), cp1252("L’"));
}

TEST_F(DecodeTest, Latin1WithoutC1BytesIsNamedIso88591) {
  std::string bytes = cp1252("Il fondo è cresciuto più del previsto e la società è soddisfatta del risultato.");
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "ISO-8859-1");
  EXPECT_EQ(in.text.text, "Il fondo è cresciuto più del previsto e la società è soddisfatta del risultato.");
  EXPECT_FALSE(in.source.warnings.empty());  // not UTF-8: always said
}

TEST_F(DecodeTest, UnsureLegacyTextAssumesWindows1252) {
  std::string bytes = "caff\xE8";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "caffè");
  EXPECT_EQ(in.source.encoding, "windows-1252");
  EXPECT_TRUE(has_warning(in, "assumed windows-1252")) << testing::PrintToString(in.source.warnings);
  EXPECT_EQ(orig_of(in, bytes, "è"), "\xE8");
}

TEST_F(DecodeTest, InvalidUtf8IsReplacedWithAWarningAndOffsetsStayRight) {
  // Mostly good UTF-8 (accented letters) with one stray byte.
  std::string bytes = "Più società e più città: \xFF perché sì, però già così.";
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-8");
  std::size_t bad = bytes.find('\xFF');
  EXPECT_TRUE(has_warning(in, "invalid UTF-8 at byte " + std::to_string(bad) + " replaced"))
      << testing::PrintToString(in.source.warnings);
  auto at = in.text.text.find("\uFFFD");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(in.text.orig(Span{at, at + 3}), (Span{bad, bad + 1}));
  EXPECT_EQ(orig_of(in, bytes, "perché sì"), "perché sì");
  EXPECT_EQ(orig_of(in, bytes, "così."), "così.");
}

TEST_F(DecodeTest, TruncatedSequenceIsOneReplacement) {
  // "\xE2\x82" is the start of "€" cut short: one U+FFFD for both bytes.
  std::string bytes = "è à ù ò ì é: \xE2\x82x";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "è à ù ò ì é: \uFFFDx");
  auto at = in.text.text.find("\uFFFD");
  EXPECT_EQ(in.text.orig(Span{at, at + 3}), (Span{bytes.size() - 3, bytes.size() - 1}));
}

TEST_F(DecodeTest, ManyInvalidSequencesAreSummarised) {
  std::string bytes;
  for (int i = 0; i < 20; ++i) bytes += "città più perché così già \xC0 ";
  auto in = ok(bytes);
  EXPECT_EQ(in.source.encoding, "UTF-8");
  EXPECT_LE(in.source.warnings.size(), 11u);
  EXPECT_TRUE(has_warning(in, "10 more")) << testing::PrintToString(in.source.warnings);
}

TEST_F(DecodeTest, EmptyFileIsEmptyText) {
  auto in = ok("");
  EXPECT_TRUE(in.text.text.empty());
  ASSERT_EQ(in.text.to_orig.size(), 1u);
  EXPECT_EQ(in.text.to_orig[0], 0u);
}

TEST_F(DecodeTest, BinaryFilesAreRejected) {
  EXPECT_EQ(error("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), "not text (binary: PDF document)");
  EXPECT_EQ(error("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR"s), "not text (binary: PNG image)");
  EXPECT_EQ(error("\xFF\xD8\xFF\xE0\x00\x10JFIF"s), "not text (binary: JPEG image)");
  EXPECT_NE(error("PK\x03\x04\x14\x00\x06\x00"s).find("ZIP archive"), std::string::npos);
  EXPECT_EQ(error("Il testo\x00\x01\x02\x03 prosegue"s), "not text (binary: NUL bytes)");
  std::string controls;
  for (int i = 0; i < 50; ++i) controls += std::string("ab\x01\x02\x03\x04\x05 ");
  EXPECT_NE(error(controls).find("control characters"), std::string::npos);
}

// Printable ASCII is counted eight bytes at a time: controls (C0, DEL, C1)
// and accented letters at any offset must still count exactly, as the
// reported share shows.
TEST_F(DecodeTest, ControlShareIsExactAtEveryOffset) {
  for (const std::string control : {"\x01"s, "\x7F"s, "\xC2\x85"s})
    for (std::size_t run = 4; run <= 16; ++run) {
      std::string bytes;
      for (int k = 0; k < 10; ++k) bytes += std::string(run, 'a') + "\xC3\xA8" + control;
      const std::size_t chars = 10 * (run + 2), controls = 10;
      const std::string share = std::to_string((controls * 100 + chars / 2) / chars) + "% control characters";
      EXPECT_EQ(error(bytes), "not text (binary: " + share + ")") << run;
    }
}

// ASCII text is counted sixteen bytes at a time: a control character or NUL
// falls at every offset of a block, whitespace controls (\t \n \v \f \r) do
// not count. 100 characters and 6 controls make 6%; one missed would be 5%,
// which passes as text.
TEST_F(DecodeTest, ControlsInAsciiCountAtEveryOffset) {
  const std::string spaces = "\t\n\v\f\r";
  for (std::size_t at = 0; at < 40; ++at) {
    std::string bytes(100, 'a');
    for (std::size_t k = 0; k < spaces.size(); ++k) bytes[(at + 7 + 11 * k) % 100] = spaces[k];
    for (std::size_t k = 0; k < 6; ++k) bytes[at + 3 * k] = k % 2 ? '\x7F' : '\x1F';
    EXPECT_EQ(error(bytes), "not text (binary: 6% control characters)") << at;
    std::string with_nul = bytes.substr(0, at) + "b" + bytes.substr(at + 1, 5) + '\0' + "ccc" + std::string(30, 'd');
    EXPECT_EQ(error("\xEF\xBB\xBF" + with_nul), "not text (binary: NUL characters)") << at;
  }
}

// The share is the same whether the UTF-8 is used as it is (with or without
// BOM, counted while validating) or repaired first (counted after decoding).
TEST_F(DecodeTest, ControlShareIsCountedOnTheDecodedText) {
  std::string body;
  for (int k = 0; k < 10; ++k) body += "aaaaa\xC3\xA8\xC2\x85";  // 7 characters, one a C1 control
  EXPECT_EQ(error(body), "not text (binary: 14% control characters)");
  EXPECT_EQ(error("\xEF\xBB\xBF" + body), "not text (binary: 14% control characters)");
  // One bad byte: 71 characters (U+FFFD among them), 10 controls.
  EXPECT_EQ(error(body + "\xFF"), "not text (binary: 14% control characters)");
  EXPECT_EQ(error(body + "\x01\xFF"), "not text (binary: 15% control characters)");
}

// Valid UTF-8 is recognised sixteen bytes at a time, Latin-1 letters from
// the block's masks and other sequences one by one: a damaged byte among
// curly quotes and accented letters is found at every offset, and a whole
// sequence across two blocks is accepted at every offset.
TEST_F(DecodeTest, DamageAmongQuotesAndLettersIsFoundAtEveryOffset) {
  const std::string line = "Per l\u2019azienda \u00ab\u00e8 gi\u00e0 cos\u00ec\u00bb, dice il \u201cfondo\u201d: 2 \u20ac. ";
  const std::string folded = "Per l'azienda \"\u00e8 gi\u00e0 cos\u00ec\", dice il \"fondo\": 2 \u20ac. ";
  std::string text;
  for (int k = 0; k < 3; ++k) text += line;
  for (const std::string bad : {"\x80"s, "\xE2\x80"s, "\xC3"s, "\xF5"s, "\xED\xA0\x80"s}) {
    for (std::size_t at = 0; at < 48; ++at) {
      if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
      std::string bytes = text.substr(0, at) + bad + "x" + text.substr(at);
      auto in = ok(bytes);
      EXPECT_TRUE(has_warning(in, "invalid UTF-8 at byte " + std::to_string(at) + " replaced")) << at;
    }
  }
  for (std::size_t at = 0; at < 32; ++at) {
    const std::string bytes = std::string(at, 'a') + text;
    auto in = ok(bytes);
    EXPECT_TRUE(in.source.warnings.empty()) << at;
    EXPECT_EQ(in.text.text, std::string(at, 'a') + folded + folded + folded) << at;
  }
}

TEST_F(DecodeTest, AFewControlCharactersAreTolerated) {
  std::string bytes = "Il fondo\x01 ha investito 5 milioni di euro nel progetto annunciato ieri.";
  auto in = ok(bytes);
  EXPECT_EQ(in.text.text, "Il fondo  ha investito 5 milioni di euro nel progetto annunciato ieri.");
}

TEST(BinarySignature, KnowsCommonFormats) {
  EXPECT_EQ(ingest::binary_signature("GIF89a..."), "GIF image");
  EXPECT_EQ(ingest::binary_signature("\x1F\x8B\x08"), "gzip archive");
  EXPECT_EQ(ingest::binary_signature("Il PDF allegato"), std::nullopt);
  EXPECT_EQ(ingest::binary_signature("BZh come testo"), std::nullopt);
}

}  // namespace
}  // namespace dealscan

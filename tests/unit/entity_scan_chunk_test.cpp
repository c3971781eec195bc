// The word scan's eight-byte chunk (AsciiChunk) and its key hash from memory
// (key_hash_upto16) against their definitions: every byte value at every
// place of a chunk, and the word fields the scan fills from them.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>
#include <string>
#include <string_view>

#include "extract/ascii_chunk.h"
#include "extract/entity_tokens.h"

namespace dealscan {
namespace {

// Finds word's token in ts and checks its shape and key; gives the token for
// the caller's other checks, null (a failure) when word is not a token.
const entity::Token* expect_word_fields(const entity::TokenStream& ts, const std::string& word, entity::Shape shape) {
  std::size_t at = 0;
  while (at < ts.size() && ts.surface(at) != word) ++at;
  if (at == ts.size()) {
    ADD_FAILURE() << word << " is not a token";
    return nullptr;
  }
  const entity::Token& t = ts.tokens[at];
  EXPECT_EQ(t.shape, shape);
  EXPECT_EQ(t.key_hash, entity::hash_key(entity::fold(word)));
  EXPECT_EQ(ts.key(at), entity::fold(word));
  return &t;
}

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The chunk at s[0, 8) as its definition reads it, byte by byte.
void expect_chunk_as_defined(const std::string& s) {
  const auto chunk = text::AsciiChunk::at(s, 0);
  unsigned run = 0;
  while (run < 8) {
    const auto c = static_cast<unsigned char>(s[run]);
    if (!is_upper(c) && !is_lower(c) && !is_digit(c)) break;
    ++run;
  }
  ASSERT_EQ(chunk.run, run) << s;
  std::uint64_t upper = 0, lower = 0, digit = 0;
  for (unsigned k = 0; k < run; ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    const std::uint64_t high = std::uint64_t{0x80} << (8 * k);
    if (is_upper(c)) upper |= high;
    if (is_lower(c)) lower |= high;
    if (is_digit(c)) digit |= high;
  }
  ASSERT_EQ(chunk.upper, upper) << s;
  ASSERT_EQ(chunk.lower, lower) << s;
  ASSERT_EQ(chunk.digit, digit) << s;
  const std::uint64_t folded = chunk.folded();
  for (unsigned k = 0; k < run; ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    ASSERT_EQ(static_cast<unsigned char>(folded >> (8 * k)), is_upper(c) ? c + 32 : c) << s << " @" << k;
  }
}

TEST(EntityScanChunk, EveryByteValueAtEveryPlace) {
  for (int c = 0; c < 256; ++c) {
    for (std::size_t at = 0; at < 8; ++at) {
      for (const char* around : {"xxxxxxxxxx", "QQQQQQQQQQ", "5555555555"}) {
        std::string s(around);
        s[at] = static_cast<char>(c);
        expect_chunk_as_defined(s);
      }
    }
  }
}

TEST(EntityScanChunk, RandomChunks) {
  std::mt19937 rng(5);
  static const std::string kBytes = std::string("aZqM07 '.-@[`{/:\xC3\xA8\xFF\x80\x7F\x40\x5B\x60\x7B", 25);
  std::uniform_int_distribution<std::size_t> pick(0, kBytes.size() - 1);
  for (int round = 0; round < 20000; ++round) {
    std::string s(8, ' ');
    for (auto& ch : s) ch = kBytes[pick(rng)];
    expect_chunk_as_defined(s);
  }
}

// The sixteen-byte chunk at s[0, 16) as its definition reads it; the key
// it stores is the text with 'A'-'Z' lowered over the run.
void expect_chunk16_as_defined(const std::string& s) {
  char key[16];
  const auto chunk = text::AsciiChunk16::fold_at(s, 0, key);
  unsigned run = 0;
  while (run < 16) {
    const auto c = static_cast<unsigned char>(s[run]);
    if (!is_upper(c) && !is_lower(c) && !is_digit(c)) break;
    ++run;
  }
  ASSERT_EQ(chunk.run, run) << s;
  std::uint32_t upper = 0, lower = 0, digit = 0;
  for (unsigned k = 0; k < run; ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (is_upper(c)) upper |= 1u << k;
    if (is_lower(c)) lower |= 1u << k;
    if (is_digit(c)) digit |= 1u << k;
    ASSERT_EQ(static_cast<unsigned char>(key[k]), is_upper(c) ? c + 32 : c) << s << " @" << k;
  }
  ASSERT_EQ(chunk.upper, upper) << s;
  ASSERT_EQ(chunk.lower, lower) << s;
  ASSERT_EQ(chunk.digit, digit) << s;
}

TEST(EntityScanChunk, SixteenBytesEveryByteValueAtEveryPlace) {
  for (int c = 0; c < 256; ++c) {
    for (std::size_t at = 0; at < 16; ++at) {
      for (const char* around : {"xxxxxxxxxxxxxxxxxx", "QQQQQQQQQQQQQQQQQQ", "555555555555555555"}) {
        std::string s(around);
        s[at] = static_cast<char>(c);
        expect_chunk16_as_defined(s);
      }
    }
  }
}

TEST(EntityScanChunk, SixteenBytesRandom) {
  std::mt19937 rng(9);
  static const std::string kBytes = std::string("aZqM07 '.-@[`{/:\xC3\xA8\xFF\x80\x7F\x40\x5B\x60\x7B", 25);
  std::uniform_int_distribution<std::size_t> pick(0, kBytes.size() - 1);
  std::uniform_int_distribution<int> letters(0, 3);
  for (int round = 0; round < 20000; ++round) {
    std::string s(16, ' ');
    for (auto& ch : s) ch = letters(rng) ? "aQz9"[letters(rng)] : kBytes[pick(rng)];  // long runs too
    expect_chunk16_as_defined(s);
  }
}

TEST(EntityScanChunk, HashFromMemoryIsTheKeysHash) {
  // The bytes past n differ from call to call: only the first n may count.
  const std::string s = "Ab9'z\xC3\xA8!xQRSTuvw.";
  std::string other = s;
  for (auto& ch : other) ch = static_cast<char>(~ch);
  for (unsigned n = 0; n <= 16; ++n) {
    const std::string key = s.substr(0, n);
    std::string padded = key + other.substr(n);
    EXPECT_EQ(text::key_hash_upto16(s.data(), n), entity::hash_key(key)) << n;
    EXPECT_EQ(text::key_hash_upto16(padded.data(), n), entity::hash_key(key)) << n;
  }
}

// Keys one byte or one length apart hash apart (the tries' start filters
// read the low bits, so those must differ too), keys longer than a block included.
TEST(EntityScanChunk, KeyHashSeparatesNearKeys) {
  std::vector<std::string> keys = {"", std::string(1, '\0'), std::string(2, '\0'), "a", "b", "ab", "ba", "di", "da"};
  const std::string base = "amministratore-delegato-della-societa";
  for (std::size_t n = 14; n <= base.size(); ++n) {
    keys.push_back(base.substr(0, n));
    std::string changed = base.substr(0, n);
    changed[n - 1] = 'X';
    keys.push_back(changed);
  }
  std::set<std::uint64_t> hashes, low_bits;
  for (const auto& k : keys) {
    hashes.insert(entity::hash_key(k));
    low_bits.insert(entity::hash_key(k) & 0xFFFF);
  }
  EXPECT_EQ(hashes.size(), keys.size());
  EXPECT_GE(low_bits.size(), keys.size() - 1);
}

// Fields the scan fills from a word's chunks: digits, shape and hash, for
// words ending inside their first chunk, on its last byte, and past it.
TEST(EntityScanChunk, WordFieldsAcrossChunkEnds) {
  struct Case {
    std::string word;
    entity::Shape shape;
    bool digits;
  };
  const Case cases[] = {
      {"Acme", entity::Shape::Title, false},        {"ACME", entity::Shape::Upper, false},
      {"acme", entity::Shape::Lower, false},        {"xAI", entity::Shape::Mixed, false},
      {"OpenAI", entity::Shape::Mixed, false},      {"2025", entity::Shape::None, true},
      {"Q3", entity::Shape::Upper, true},           {"abcdefgh", entity::Shape::Lower, false},
      {"Abcdefgh", entity::Shape::Title, false},    {"abcdefgH", entity::Shape::Mixed, false},
      {"Acquisizione", entity::Shape::Title, false}, {"acquisizionE", entity::Shape::Mixed, false},
      {"1234567a", entity::Shape::Lower, true},     {"12345678A", entity::Shape::Upper, true},
      {"abcdefghijklmnop9", entity::Shape::Lower, true}, {"a", entity::Shape::Lower, false},
      {"Internazionalizzazione", entity::Shape::Title, false}, {"abcdefghijklmnO", entity::Shape::Mixed, false},
      {"ABCDEFGHIJKLMNOP", entity::Shape::Upper, false},  {"Abcdefghijklmnop", entity::Shape::Title, false},
  };
  for (const auto& c : cases) {
    // Alone (the last bytes of the text) and with text after it (whole chunks).
    for (const std::string& text : {c.word, c.word + " e altro testo qui", "Per " + c.word + ", poi"}) {
      SCOPED_TRACE(text);
      const entity::TokenStream ts = entity::tokenize(text, {});
      const entity::Token* t = expect_word_fields(ts, c.word, c.shape);
      ASSERT_NE(t, nullptr);
      EXPECT_EQ(t->digits, c.digits);
    }
  }
}

// Words beyond ASCII of Latin-1 letters, whose ASCII runs the Latin-1 scan
// reads eight bytes at a time: runs shorter and longer than eight, before
// and after the accented letters, at the text's end and inside it.
TEST(EntityScanChunk, LatinWordsWithLongAsciiRuns) {
  struct Case {
    std::string word;
    entity::Shape shape;
    bool latin_letters;
  };
  const Case cases[] = {
      {"Responsabilit\xC3\xA0", entity::Shape::Title, true},
      {"PRODUTTIVIT\xC3\x80", entity::Shape::Upper, true},
      {"perch\xC3\xA9", entity::Shape::Lower, true},
      {"internazionalit\xC3\xA0", entity::Shape::Lower, true},
      {"\xC3\x88" "abcdefghijklmnopq", entity::Shape::Title, true},
      {"\xC3\xA0" "bcdefghijklmnopQ", entity::Shape::Mixed, true},
      {"abcdefgh\xC3\x88ijklmnop", entity::Shape::Mixed, true},
      {"Citt\xC3\xA0Nuovissima", entity::Shape::Mixed, true},
      {"abcdefghijk2025\xC3\xA0", entity::Shape::Lower, false},
      {"20252026\xC3\xA8", entity::Shape::Lower, false},
      {"Z\xC3\xBCrichversicherung", entity::Shape::Title, true},
  };
  for (const auto& c : cases) {
    for (const std::string& text : {c.word, c.word + " e altro testo qui", "Per " + c.word + ", poi", "x " + c.word + "."}) {
      SCOPED_TRACE(text);
      const entity::TokenStream ts = entity::tokenize(text, {});
      const entity::Token* t = expect_word_fields(ts, c.word, c.shape);
      ASSERT_NE(t, nullptr);
      EXPECT_EQ(t->latin_letters, c.latin_letters);
    }
  }
  // A letter beyond Latin-1 after a long ASCII run: the word goes on, keyed by ICU.
  const std::string greek = "abcdefghijkl\xCE\xB1";
  const std::string text = greek + " fine";
  const entity::TokenStream ts = entity::tokenize(text, {});
  ASSERT_GE(ts.size(), 1u);
  EXPECT_EQ(ts.surface(0), greek);
  EXPECT_FALSE(ts.tokens[0].latin_letters);
  EXPECT_EQ(ts.key(0), entity::fold(greek));
}

}  // namespace
}  // namespace dealscan

// Tokenizers' word scans, eight bytes at a time: each must find what a
// byte-by-byte reading finds (differential tests over random text mixing
// ASCII words, accented letters, digits, punctuation and stray bytes, with
// words that cross the eight-byte steps and the end of the text).
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii_chunk.h"
#include "extract/claim_text.h"
#include "extract/entity_tokens.h"
#include "extract/money_tokens.h"
#include "extract/time_tokens.h"

namespace dealscan {
namespace {

// Random text from pieces that matter to the scans; *bad tells whether a
// piece that is not UTF-8 went in.
std::string random_text(std::mt19937& rng, std::size_t pieces, bool* bad = nullptr) {
  static const std::vector<std::string> kPieces = {
      "a",   "Z",   "q",   "M",    "0",  "7",  " ",  " ",  "\n", "'",  ".",  ",",  "-",  "@",  "[",  "`",
      "{",   "/",   ":",   "\xC3\xA8" /* è */, "\xC3\x88" /* È */, "\xC3\x97" /* × */, "\xC3\x9F" /* ß */,
      "\xC5\x81" /* Ł */, "\xE2\x82\xAC" /* € */, "\xE2\x80\x99" /* ’ */, "\xFF", "\x80",
      "Acquisizione", "OpenAI", "SPA", "dell'", "miliardi", "2025", "xAI", "abcdefghijklmnopq",
      "\xC2\xA0" /* no-break space */, "\xE2\x80\x83" /* em space */, "\xCC\x81" /* combining acute */,
      "\xCE\xA9" /* Ω */, "\xC8\x99" /* ș */, "\t", "\f", "19", "'", "000", "1.5", "2,50", " 000",
      "\xC6\x80" /* ƀ */, "\xC2\xAA" /* ª */, "\xE2\x82\xAC" /* € */, "citt\xC3\xA0", "PI\xC3\x99",
      "\xC3\x80\xC3\x89\xC3\x8E" /* ÀÉÎ */, "\xC3\x9E\xC3\xBE\xC3\xBF" /* Þþÿ */, "Soci\xC3\xA9t\xC3\xA9"};
  std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
  std::string s;
  if (bad) *bad = false;
  for (std::size_t k = 0; k < pieces; ++k) {
    const std::string& piece = kPieces[pick(rng)];
    if (bad && (piece == "\xFF" || piece == "\x80")) *bad = true;
    s += piece;
  }
  return s;
}

std::size_t reference_run_end(std::string_view s, std::size_t pos, bool with_digits) {
  while (pos < s.size()) {
    const auto c = static_cast<unsigned char>(s[pos]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(with_digits && c >= '0' && c <= '9')) break;
    ++pos;
  }
  return pos;
}

TEST(AsciiScan, RunEndsMatchByteByByte) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const std::string s = random_text(rng, 1 + round % 40);
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      ASSERT_EQ(text::ascii_alnum_end(s, pos), reference_run_end(s, pos, true)) << s << " @" << pos;
      ASSERT_EQ(text::ascii_letters_end(s, pos), reference_run_end(s, pos, false)) << s << " @" << pos;
    }
  }
}

TEST(AsciiScan, EveryByteValueIsClassifiedAsByItself) {
  for (int c = 0; c < 256; ++c) {
    // The byte at each of the eight places of a chunk, between letters.
    for (std::size_t at = 0; at < 8; ++at) {
      std::string s(12, 'x');
      s[at] = static_cast<char>(c);
      ASSERT_EQ(text::ascii_alnum_end(s, 0), reference_run_end(s, 0, true)) << c << " @" << at;
      ASSERT_EQ(text::ascii_letters_end(s, 0), reference_run_end(s, 0, false)) << c << " @" << at;
    }
  }
}

TEST(AsciiScan, BlockHashOfLongKeysReadsEveryByte) {
  // A key over sixteen bytes is hashed a block at a time: a change in any
  // byte, or one more byte, changes it.
  const std::string s = "partecipazione-di-maggioranza-nella-controllata";
  const std::uint64_t whole = entity::hash_key(s);
  for (std::size_t k = 0; k < s.size(); ++k) {
    std::string t = s;
    t[k] = static_cast<char>(t[k] ^ 1);
    EXPECT_NE(entity::hash_key(t), whole) << k;
  }
  EXPECT_NE(entity::hash_key(s + "x"), whole);
  EXPECT_NE(entity::hash_key(s.substr(0, 32)), entity::hash_key(s.substr(0, 33)));
  EXPECT_EQ(entity::hash_key(s), text::key_hash(s));
}

// The shape rule of entity::Shape, letter by letter (ICU's letters and cases).
entity::Shape reference_shape(std::string_view w) {
  int up = 0, low = 0;
  bool first_up = false, seen = false, later_up = false;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(w.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(w.data()), i, static_cast<std::int32_t>(w.size()), c);
    if (c < 0 || !u_isalpha(c)) continue;
    const bool u = u_isupper(c) || u_istitle(c), l = !u;
    if (!seen) first_up = u, seen = true;
    else if (u) later_up = true;
    (u ? up : low)++;
  }
  if (up + low == 0) return entity::Shape::None;
  if (low == 0) return entity::Shape::Upper;
  if (up == 0) return entity::Shape::Lower;
  return first_up && !later_up ? entity::Shape::Title : entity::Shape::Mixed;
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

TEST(EntityTokens, KeyHashAndShapeAsDefined) {
  std::mt19937 rng(11);
  std::size_t words = 0;  // ASCII words checked, over all rounds
  for (int round = 0; round < 300; ++round) {
    const std::string s = random_text(rng, 1 + round % 50);
    const entity::TokenStream ts = entity::tokenize(s, {});
    for (std::size_t i = 0; i < ts.size(); ++i) {
      const auto& t = ts.tokens[i];
      const std::string_view surface = ts.surface(i);
      EXPECT_EQ(ts.key(i), entity::fold(surface)) << s;
      EXPECT_EQ(t.key_hash, entity::hash_key(ts.key(i))) << s;
      if (!t.word) continue;
      EXPECT_EQ(t.shape, reference_shape(surface)) << surface;
      bool ascii = true;
      for (char ch : surface) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
      EXPECT_EQ(t.ascii, ascii) << surface;
      if (!ascii) continue;
      ++words;
      // A whole ASCII word: nothing alphanumeric right before or after it.
      if (t.begin > 0) EXPECT_FALSE(ascii_alnum(s[t.begin - 1])) << s;
      if (t.end < s.size()) EXPECT_FALSE(ascii_alnum(s[t.end])) << s;
    }
  }
  EXPECT_GT(words, 1000u);
}

TEST(MoneyTokens, WordsStopAtTheFirstNonLetter) {
  money::Tokens toks;
  money::tokenize("Covid19 l'Acquisizione:\xC3\xA8xyz 10 000 abcdefghijklmnopq", toks);
  std::vector<std::string> got;
  for (const auto& t : toks.list) got.emplace_back(t.low);
  const std::vector<std::string> want = {"covid", "19", "l", "'", "acquisizione", ":", "\xC3\xA8xyz", "10 000",
                                         "abcdefghijklmnopq"};
  EXPECT_EQ(got, want);
}

TEST(TimeTokens, WordsTakeDigitsAndAccentsAndTheirApostrophe) {
  const std::string text = "Nell'anno 2025 COVID19 pi\xC3\xB9 quest'ultimo abcdefghijklmnopq.";
  std::string lowered = text;
  timetok::lower_in_place(lowered);
  std::vector<timetok::Token> toks;
  timetok::tokenize(text, lowered, toks);
  std::vector<std::string> got;
  for (const auto& t : toks) got.emplace_back(t.lower);
  const std::vector<std::string> want = {"nell'", "anno", "2025", "covid19", "pi\xC3\xB9", "quest'", "ultimo",
                                         "abcdefghijklmnopq", "."};
  EXPECT_EQ(got, want);
}

// The time tokens built from the shared word scan are the time tokenizer's
// own, whenever the text is UTF-8 (else the scan says so and is not used).
TEST(TimeTokens, FromSharedWordsAsFromText) {
  std::mt19937 rng(13);
  int compared = 0;
  for (int round = 0; round < 2000; ++round) {
    bool bad_bytes = false;
    const std::string s = random_text(rng, 1 + round % 60, &bad_bytes);
    std::string lowered = s;
    timetok::lower_in_place(lowered);
    const entity::TokenStream words = entity::tokenize(s, {});
    ASSERT_EQ(words.valid_utf8, !bad_bytes) << s;
    if (!words.valid_utf8) continue;
    std::vector<timetok::Token> direct, shared;
    timetok::tokenize(s, lowered, direct);
    timetok::tokenize_words(words, lowered, shared);
    ASSERT_EQ(shared.size(), direct.size()) << s;
    for (std::size_t k = 0; k < direct.size(); ++k) {
      ASSERT_EQ(shared[k].begin, direct[k].begin) << s;
      ASSERT_EQ(shared[k].end, direct[k].end) << s;
      ASSERT_EQ(shared[k].kind, direct[k].kind) << s;
      ASSERT_EQ(shared[k].lower, direct[k].lower) << s;
      ASSERT_EQ(shared[k].number, direct[k].number) << s;
    }
    ++compared;
  }
  EXPECT_GT(compared, 500);
}

// The money tokens built from the shared word scan are the money
// tokenizer's own, whenever the text is UTF-8.
TEST(MoneyTokens, FromSharedWordsAsFromText) {
  std::mt19937 rng(17);
  int compared = 0;
  for (int round = 0; round < 2000; ++round) {
    bool bad_bytes = false;
    std::string s = random_text(rng, 1 + round % 60, &bad_bytes);
    if (round % 3 == 0) s += " 10 000,5 1.500,25 3,2";  // numbers that run over several words
    if (bad_bytes) continue;
    const std::string lowered = money::lower(s);
    const entity::TokenStream words = entity::tokenize(s, {});
    ASSERT_TRUE(words.valid_utf8) << s;
    money::Tokens direct, shared;
    money::tokenize(s, lowered, direct);
    money::tokenize_words(words, lowered, shared);
    ASSERT_EQ(shared.list.size(), direct.list.size()) << s;
    for (std::size_t k = 0; k < direct.list.size(); ++k) {
      ASSERT_EQ(shared.list[k].begin, direct.list[k].begin) << s;
      ASSERT_EQ(shared.list[k].end, direct.list[k].end) << s;
      ASSERT_EQ(shared.list[k].kind, direct.list[k].kind) << s;
      ASSERT_EQ(shared.list[k].glued_left, direct.list[k].glued_left) << s;
      ASSERT_EQ(shared.list[k].low, direct.list[k].low) << s;
    }
    ++compared;
  }
  EXPECT_GT(compared, 500);
}

// Scan words of digits only are taken as numbers without reading them
// again: the same tokens as each tokenizer's own, for numbers with
// separators and groups, long ones, leading zeros and digits before letters.
TEST(TokenizersFromWords, DigitRunsAsTheTokenizersReadThem) {
  const std::string s = "Nel 2025, 1.500 e 10 000,5 euro; 1234567890 azioni (007) 12ab 3,2% e 999999999.";
  const entity::TokenStream words = entity::tokenize(s, {});
  const std::string money_lowered = money::lower(s);
  money::Tokens money_direct, money_shared;
  money::tokenize(s, money_lowered, money_direct);
  money::tokenize_words(words, money_lowered, money_shared);
  ASSERT_EQ(money_shared.list.size(), money_direct.list.size());
  for (std::size_t k = 0; k < money_direct.list.size(); ++k) {
    EXPECT_EQ(money_shared.list[k].low, money_direct.list[k].low) << k;
    EXPECT_EQ(money_shared.list[k].kind, money_direct.list[k].kind) << k;
    EXPECT_EQ(money_shared.list[k].glued_left, money_direct.list[k].glued_left) << k;
  }
  EXPECT_EQ(money_direct.list[3].low, "1.500");
  EXPECT_EQ(money_direct.list[5].low, "10 000,5");

  std::string time_lowered = s;
  timetok::lower_in_place(time_lowered);
  std::vector<timetok::Token> time_direct, time_shared;
  timetok::tokenize(s, time_lowered, time_direct);
  timetok::tokenize_words(words, time_lowered, time_shared);
  ASSERT_EQ(time_shared.size(), time_direct.size());
  int numbers = 0;
  for (std::size_t k = 0; k < time_direct.size(); ++k) {
    EXPECT_EQ(time_shared[k].lower, time_direct[k].lower) << k;
    EXPECT_EQ(time_shared[k].kind, time_direct[k].kind) << k;
    EXPECT_EQ(time_shared[k].number, time_direct[k].number) << k;
    if (time_direct[k].kind == timetok::Kind::Number) {
      ++numbers;
      if (time_direct[k].lower == "1234567890") EXPECT_EQ(time_direct[k].number, -1);
      if (time_direct[k].lower == "999999999") EXPECT_EQ(time_direct[k].number, 999999999);
      if (time_direct[k].lower == "007") EXPECT_EQ(time_direct[k].number, 7);
    }
  }
  EXPECT_EQ(numbers, 12);  // "12ab" is a number and a word
}

// Scan words that mix letters and digits: a money number may end inside
// one ("1.5mln": the word "5mln" is read on from the number's end) or take
// a whole word after it; a time word starts with a letter ("a4", read in
// one step) or with a digit ("4a": a number, then a word).
TEST(TokenizersFromWords, WordsMixingLettersAndDigits) {
  const std::string s = "Rata da 1.5mln, lotto 10 000x e 2,50euro: formato A4 o 4A, modello b2b 3D.";
  const entity::TokenStream words = entity::tokenize(s, {});
  const std::string money_lowered = money::lower(s);
  money::Tokens money_direct, money_shared;
  money::tokenize(s, money_lowered, money_direct);
  money::tokenize_words(words, money_lowered, money_shared);
  std::vector<std::string> money_seen;
  ASSERT_EQ(money_shared.list.size(), money_direct.list.size());
  for (std::size_t k = 0; k < money_direct.list.size(); ++k) {
    EXPECT_EQ(money_shared.list[k].low, money_direct.list[k].low) << k;
    EXPECT_EQ(money_shared.list[k].kind, money_direct.list[k].kind) << k;
    EXPECT_EQ(money_shared.list[k].glued_left, money_direct.list[k].glued_left) << k;
    money_seen.emplace_back(money_shared.list[k].low);
  }
  const std::vector<std::string> money_want = {"rata", "da", "1.5", "mln", ",", "lotto", "10 000", "x", "e", "2,50",
                                               "euro", ":", "formato", "a", "4", "o", "4", "a", ",", "modello",
                                               "b", "2", "b", "3", "d", "."};
  EXPECT_EQ(money_seen, money_want);

  std::string time_lowered = s;
  timetok::lower_in_place(time_lowered);
  std::vector<timetok::Token> time_direct, time_shared;
  timetok::tokenize(s, time_lowered, time_direct);
  timetok::tokenize_words(words, time_lowered, time_shared);
  std::vector<std::string> time_seen;
  ASSERT_EQ(time_shared.size(), time_direct.size());
  for (std::size_t k = 0; k < time_direct.size(); ++k) {
    EXPECT_EQ(time_shared[k].lower, time_direct[k].lower) << k;
    EXPECT_EQ(time_shared[k].kind, time_direct[k].kind) << k;
    EXPECT_EQ(time_shared[k].number, time_direct[k].number) << k;
    time_seen.emplace_back(time_shared[k].lower);
  }
  const std::vector<std::string> time_want = {"rata", "da", "1", ".", "5", "mln", ",", "lotto", "10", "000", "x",
                                              "e", "2", ",", "50", "euro", ":", "formato", "a4", "o", "4", "a",
                                              ",", "modello", "b2b", "3", "d", "."};
  EXPECT_EQ(time_seen, time_want);
}

// The scan tells the words of ASCII and Latin-1 letters that are not ASCII:
// the money and time tokenizers take each as one word without reading it.
TEST(EntityTokens, LatinLettersOnlyForLatin1WordsWithoutDigits) {
  const std::string s =
      "citt\xC3\xA0 PI\xC3\x99 \xC3\xA8 citt\xC3\xA0" "2 2\xC3\xA8 abc stra\xC3\x9F" "e \xCE\xA9mega abc\xE2\x80\x99 "
      "\xC3\x80\xC3\x89\xC3\x8E";
  const entity::TokenStream words = entity::tokenize(s, {});
  std::vector<std::pair<std::string, bool>> seen;
  for (std::size_t k = 0; k < words.size(); ++k)
    if (words.tokens[k].word) seen.emplace_back(std::string(words.surface(k)), words.tokens[k].latin_letters);
  const std::vector<std::pair<std::string, bool>> want = {
      {"citt\xC3\xA0", true}, {"PI\xC3\x99", true},  {"\xC3\xA8", true},          {"citt\xC3\xA0" "2", false},
      {"2\xC3\xA8", false},    {"abc", false},          {"stra\xC3\x9F" "e", false}, {"\xCE\xA9mega", false},
      {"abc", false},          {"\xC3\x80\xC3\x89\xC3\x8E", true}};
  EXPECT_EQ(seen, want);

  const std::string money_lowered = money::lower(s);
  money::Tokens money_words;
  money::tokenize_words(words, money_lowered, money_words);
  ASSERT_FALSE(money_words.list.empty());
  EXPECT_EQ(money_words.list[0].low, "citt\xC3\xA0");
  EXPECT_EQ(money_words.list[1].low, "pi\xC3\xB9");
  std::string time_lowered = s;
  timetok::lower_in_place(time_lowered);
  std::vector<timetok::Token> time_words;
  timetok::tokenize_words(words, time_lowered, time_words);
  ASSERT_GE(time_words.size(), 2u);
  EXPECT_EQ(time_words[1].lower, "pi\xC3\xB9");
  EXPECT_EQ(time_words[1].kind, timetok::Kind::Word);
}

// The claim tokens of a sentence built from the shared word scan are the
// claim tokenizer's own, for any span (sentences cut anywhere, even inside
// a word), whatever the text.
TEST(ClaimTokens, FromSharedWordsAsFromText) {
  std::mt19937 rng(19);
  int compared = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string s = random_text(rng, 1 + round % 60);
    if (round % 3 == 0) s += " start-up 1.500,25 dell'anno \xC2\xA0 l'\xC3\xA8 -x x- 3,2";
    const std::string lowered = money::lower(s);
    const entity::TokenStream words = entity::tokenize(s, {});
    std::uniform_int_distribution<std::size_t> at(0, s.size());
    std::size_t a = at(rng), b = at(rng);
    if (a > b) std::swap(a, b);
    for (Span span : {Span{0, s.size()}, Span{a, b}, Span{a, s.size() + 5}}) {
      const auto direct = claims::tokenize(s, lowered, span);
      const auto shared = claims::tokenize(words, lowered, span);
      ASSERT_EQ(shared.size(), direct.size()) << s << " [" << span.begin << "," << span.end << ")";
      for (std::size_t k = 0; k < direct.size(); ++k) {
        ASSERT_EQ(shared[k].span.begin, direct[k].span.begin) << s;
        ASSERT_EQ(shared[k].span.end, direct[k].span.end) << s;
        ASSERT_EQ(shared[k].lower, direct[k].lower) << s;
        ASSERT_EQ(shared[k].word, direct[k].word) << s;
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 5000);
}

}  // namespace
}  // namespace dealscan

// Tokens for the numbers and money extractors: words (lower-cased), digit
// runs with their separators, and single symbols ($, €, %, punctuation).
// "nell'arco" -> nell ' arco; "€85bn" -> € 85 bn (glued flags kept).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dealscan::money {

enum class TokKind : std::uint8_t { Word, Digits, Symbol };

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokKind kind = TokKind::Symbol;
  bool glued_left = false;  // no space between this token and the previous one
  std::string low;          // lower-cased text (digits as written)
};

// Splits text into tokens. Digit runs keep '.', ',' between digits and a
// space before a group of exactly three digits ("10 000").
std::vector<Token> tokenize(std::string_view text);

// Lower-cases ASCII and Latin-1 capitals in UTF-8 ("È" -> "è").
std::string lower(std::string_view s);

}  // namespace dealscan::money

// Tokens for the numbers and money extractors: words (lower-cased), digit
// runs with their separators, and single symbols ($, €, %, punctuation).
// "nell'arco" -> nell ' arco; "€85bn" -> € 85 bn (glued flags kept).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan::money {

enum class TokKind : std::uint8_t { Word, Digits, Symbol };

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokKind kind = TokKind::Symbol;
  bool glued_left = false;  // no space between this token and the previous one
  std::string_view low;     // lower-cased text (digits as written), a view into Tokens::lowered
};

// Tokens of one text, with the lower-cased copy their views point into
// (lower-casing keeps byte offsets: "È" and "è" are both two bytes).
struct Tokens {
  std::string lowered;
  std::vector<Token> list;
  Tokens() = default;
  Tokens(const Tokens&) = delete;  // views would dangle
  Tokens& operator=(const Tokens&) = delete;
};

// Splits text into tokens. Digit runs keep '.', ',' between digits and a
// space before a group of exactly three digits ("10 000").
void tokenize(std::string_view text, Tokens& out);
// The same with the text already lower-cased (lower(text), same offsets):
// the tokens' views point into lowered, which must outlive them, and
// out.lowered is left alone.
void tokenize(std::string_view text, std::string_view lowered, Tokens& out);
// The same tokens built from the document's shared word scan (words of its
// text, valid UTF-8): ASCII words of letters and ASCII marks map to one token
// each without reading their bytes again; the rest is read as tokenize reads it.
void tokenize_words(const entity::TokenStream& words, std::string_view lowered, Tokens& out);

// Transparent hashing so maps keyed by std::string accept string_view.
struct StringHash {
  using is_transparent = void;
  // FNV-1a, inline: the keys are short words, where it beats the library's
  // out-of-line hash (nothing iterates the tables in hash order).
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

// Lower-cases ASCII and Latin-1 capitals in UTF-8 ("È" -> "è").
std::string lower(std::string_view s);

}  // namespace dealscan::money

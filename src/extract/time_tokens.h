// Tokens for the time grammar: words (lower-cased, an elided article keeps its
// apostrophe: "nell'anno" -> "nell'", "anno"), digit runs, and single
// punctuation characters. One linear pass over the UTF-8 bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entity_tokens.h"

namespace dealscan::timetok {

enum class Kind : unsigned char { Word, Number, Punct };

struct Token {
  std::size_t begin = 0;  // byte offsets in the original text
  std::size_t end = 0;
  Kind kind = Kind::Word;
  std::string_view lower;  // view into the lower-cased copy
  int number = -1;         // value for Number tokens of up to 9 digits
  int entry = -1;          // vocabulary bucket of the word (set by Vocab::annotate)
};

// Lower-cases ASCII and Latin-1 capitals (À..Þ) in place; byte length is kept.
void lower_in_place(std::string& s);

// Tokenizes text; lowered must be lower_in_place(copy of text) and outlive the tokens.
void tokenize(std::string_view text, std::string_view lowered, std::vector<Token>& out);
// The same tokens built from the document's shared word scan (words of its
// text, valid UTF-8): ASCII words and marks map to one token each without
// reading their bytes again; the rest is read as tokenize reads it.
void tokenize_words(const entity::TokenStream& words, std::string_view lowered, std::vector<Token>& out);

}  // namespace dealscan::timetok

// Tokens for the time grammar: words (lower-cased, an elided article keeps its
// apostrophe: "nell'anno" -> "nell'", "anno"), digit runs, and single
// punctuation characters. One linear pass over the UTF-8 bytes.
#pragma once

#include <cstddef>
#include <cstdint>
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
  bool hashed = false;      // hash holds word_hash(lower) (the word scan had it)
  std::uint32_t hash = 0;
  std::string_view lower;  // view into the lower-cased copy
  int number = -1;         // value for Number tokens of up to 9 digits
  int entry = -1;          // vocabulary bucket of the word (set by Vocab::annotate)
};

// The hash of a token's lower-cased text: FNV-1a, as the shared word scan's
// key_hash, so that an ASCII word's hash comes with the scan.
inline std::uint64_t word_hash_step(std::uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
inline std::uint32_t word_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = word_hash_step(h, c);
  return static_cast<std::uint32_t>(h);
}

// Lower-cases ASCII and Latin-1 capitals (À..Þ) in place; byte length is kept.
void lower_in_place(std::string& s);

// Tokenizes text; lowered must be lower_in_place(copy of text) and outlive the tokens.
void tokenize(std::string_view text, std::string_view lowered, std::vector<Token>& out);
// The same tokens built from the document's shared word scan (words of its
// text, valid UTF-8): ASCII words and marks map to one token each without
// reading their bytes again; the rest is read as tokenize reads it.
void tokenize_words(const entity::TokenStream& words, std::string_view lowered, std::vector<Token>& out);

}  // namespace dealscan::timetok

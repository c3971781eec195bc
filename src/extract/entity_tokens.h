// Tokens for entity matching: words (letters and digits) and single punctuation
// marks over the normalised UTF-8 text, each with a case-folded key and a
// shape, so every matcher works on the same token stream and the text is read
// once. "dell'OpenAI S.p.A." => dell ' OpenAI S . p . A .
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dealscan/types.h"
#include "extract/ascii_chunk.h"

namespace dealscan::entity {

// How a token is capitalised: "amazon" Lower, "Amazon" Title, "AMD" Upper,
// "OpenAI"/"xAI" Mixed, "2025"/"," None (no letters).
enum class Shape : std::uint8_t { None, Lower, Title, Upper, Mixed };

struct Token {
  std::uint32_t begin = 0, end = 0;  // byte range in the text
  std::uint32_t key_begin = 0, key_end = 0;  // case-folded key in TokenStream::keys
  std::uint32_t sentence = 0;        // index of the sentence holding it
  // What the stream's WordMarker said of the key of an ASCII word, an
  // ASCII mark or a word keyed as Latin-1 letters; kUnmarked for the other
  // tokens (keyed by ICU). In the padding before key_hash.
  std::uint8_t mark = 0;
  std::uint64_t key_hash = 0;        // hash_key(key), computed once for every trie lookup
  Shape shape = Shape::None;
  bool word = false;           // letters/digits (else one punctuation mark)
  bool newline_before = false; // a line break separates it from the previous token
  bool space_before = false;   // any white space separates it from the previous token
  bool sentence_initial = false;  // first word of its sentence or line
  bool ascii = false;  // an ASCII word or one ASCII mark: its key is its surface lower-cased
  bool digits = false; // an ASCII word with a digit in it
  // A word beyond ASCII of ASCII and Latin-1 letters only ("città", "È"),
  // keyed without ICU: its key is its surface lower-cased, as for ASCII.
  bool latin_letters = false;
};

// Sorts the words of a stream for one reader as they are scanned: mark is
// classify's answer for the word's key (nonzero when the reader may want
// the word), remembered per thread by the key's hash (which mixes in its
// size) with salt, which tells one marker's answers from another's. The
// hash stands for the key: two keys whose hashes agree in all but the
// lowest byte (one chance in 2^56 a pair) would share a mark.
struct WordMarker {
  std::uint64_t salt = 0;
  std::uint8_t (*classify)(const void* owner, std::string_view key) = nullptr;  // once per word not remembered
  const void* owner = nullptr;
};
inline constexpr std::uint8_t kUnmarked = 0xFF;  // Token::mark of a token keyed by ICU

struct TokenStream {
  std::string_view text;
  std::uint64_t marked_by = 0;  // the salt of the WordMarker its tokens' marks come from; 0: none
  std::vector<Token> tokens;
  std::string keys;
  std::vector<bool> heading;  // per sentence: a title line or an ALL-CAPS line
  bool valid_utf8 = true;     // false when some bytes of the text are not UTF-8
  // No white space but ' ', '\t', '\n' and '\r' (no form feed, vertical tab
  // or space beyond ASCII): the money tokens then take any gap between two
  // tokens as white space without reading it.
  bool plain_spaces = true;

  std::string_view surface(std::size_t i) const { return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin); }
  std::string_view key(std::size_t i) const {
    return std::string_view(keys).substr(tokens[i].key_begin, tokens[i].key_end - tokens[i].key_begin);
  }
  std::size_t size() const { return tokens.size(); }
  // Capitalised word: Title, Upper, or Mixed starting with a capital ("OpenAI").
  bool capitalised(std::size_t i) const;
};

// Splits text into tokens; sentences (sorted spans) give sentence indices.
TokenStream tokenize(std::string_view text, const std::vector<Sentence>& sentences);
// The same into ts, reusing its buffers (one stream per thread saves the
// allocation and first touch of a fresh token array per document).
void tokenize_into(std::string_view text, const std::vector<Sentence>& sentences, TokenStream& ts);
// The same with each token marked by marker (salt nonzero). Without one,
// marked_by is 0 and the marks are not to be read.
void tokenize_into(std::string_view text, const std::vector<Sentence>& sentences, TokenStream& ts,
                   const WordMarker& marker);

// The hash every trie uses for a folded key (text::key_hash).
inline std::uint64_t hash_key(std::string_view key) { return text::key_hash(key); }

// Case-folded form of s ("Società" => "società"); ASCII fast path.
void fold_into(std::string_view s, std::string& out);
std::string fold(std::string_view s);
// Upper-cased form of s ("Meta" => "META").
std::string upper(std::string_view s);
// "Acme" from "ACME"/"acme": first letter upper, the rest lower.
std::string titlecase(std::string_view s);
// Tokens of a lexicon form, as surface strings ("S.p.A." => S . p . A .).
std::vector<std::string> form_tokens(std::string_view form);
// A stable id for a name found by rule: "Società Ünica & Co" => "societa-unica-co".
std::string slug(std::string_view name);
// Levenshtein distance with adjacent transpositions, capped: returns cap+1 when larger.
int edit_distance(std::string_view a, std::string_view b, int cap);

}  // namespace dealscan::entity

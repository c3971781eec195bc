// NumberParser: the public face of NumberReader for single numbers.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dealscan/extract.h"
#include "extract/money_tokens.h"
#include "extract/number_reader.h"

namespace dealscan {

struct NumberParser::Impl {
  explicit Impl(const Lexicon& lexicon) : reader(lexicon) {}
  money::NumberReader reader;

  ParsedNumber to_parsed(const std::vector<money::Token>& toks, const money::NumRead& n, std::size_t offset) const {
    return ParsedNumber{Span{offset + toks[n.first].begin, offset + toks[n.last - 1].end}, n.value, std::string(n.rule)};
  }
};

namespace {

// A number never starts inside a word or a digit run ("G42", "MI450",
// "15venti"); a symbol before it is fine ("€5").
bool glued_to_word(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 prev = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, prev);
  return prev < 0 || u_isalnum(prev);
}

}  // namespace

NumberParser::NumberParser(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
NumberParser::~NumberParser() = default;
NumberParser::NumberParser(NumberParser&&) noexcept = default;
NumberParser& NumberParser::operator=(NumberParser&&) noexcept = default;

std::optional<ParsedNumber> NumberParser::parse_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return std::nullopt;
  if (glued_to_word(text, pos)) return std::nullopt;
  money::Tokens tokens;
  money::tokenize(text.substr(pos), tokens);
  const auto& toks = tokens.list;
  if (toks.empty() || toks[0].begin != 0) return std::nullopt;
  auto n = impl_->reader.read(toks, 0);
  if (!n || n->glued_suffix) return std::nullopt;
  return impl_->to_parsed(toks, *n, pos);
}

std::vector<ParsedNumber> NumberParser::find_all(std::string_view text) const {
  std::vector<ParsedNumber> out;
  money::Tokens tokens;
  money::tokenize(text, tokens);
  const auto& toks = tokens.list;
  for (std::size_t i = 0; i < toks.size();) {
    auto n = glued_to_word(text, toks[i].begin) ? std::nullopt : impl_->reader.read(toks, i);
    if (n && !n->glued_suffix) {
      out.push_back(impl_->to_parsed(toks, *n, 0));
      i = n->last;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace dealscan

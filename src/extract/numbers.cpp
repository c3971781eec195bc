// STUB: replaced by the numbers module.
#include "dealscan/extract.h"

namespace dealscan {

struct NumberParser::Impl {
  explicit Impl(const Lexicon&) {}
};
NumberParser::NumberParser(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
NumberParser::~NumberParser() = default;
NumberParser::NumberParser(NumberParser&&) noexcept = default;
NumberParser& NumberParser::operator=(NumberParser&&) noexcept = default;

std::optional<ParsedNumber> NumberParser::parse_at(std::string_view, std::size_t) const { return std::nullopt; }
std::vector<ParsedNumber> NumberParser::find_all(std::string_view) const { return {}; }

}  // namespace dealscan

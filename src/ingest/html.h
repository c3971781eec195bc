// Internal to ingest: HTML pages saved as .txt. Detects them, strips the
// markup and decodes character references, keeping the map to the original
// bytes.
//
//   "<p>Amazon &amp; OpenAI</p><p>Fine</p>" -> "Amazon & OpenAI\nFine"
//   "<script>x()</script>Testo"             -> "Testo"
//   "prezzo &euro;&nbsp;10"                 -> "prezzo €\u00A010" (spaces folded later)
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "ingest/mapped_text.h"

namespace dealscan::ingest {

// True when text (decoded UTF-8) starts with <!DOCTYPE html>, <html>, an
// XML declaration followed by <html>, or has several well-known HTML tags.
bool looks_like_html(std::string_view text);

// The character a reference like "&euro;", "&#8217;" or "&#x20AC;" at the
// start of s stands for; len is set to the bytes it takes. Numeric
// references to 0x80-0x9F are read as windows-1252, as browsers do.
std::optional<char32_t> decode_entity(std::string_view s, std::size_t& len);

// The text of the HTML in in.text[start..]: tags removed, <script>, <style>
// and comments dropped, character references decoded, runs of whitespace
// collapsed to one space, block elements (p, div, br, li, h1...) ending lines.
MappedText strip_html(const MappedView& in, std::size_t start);
inline MappedText strip_html(const MappedText& in, std::size_t start) { return strip_html(in.view(), start); }

}  // namespace dealscan::ingest

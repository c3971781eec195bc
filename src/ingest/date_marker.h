// Internal to ingest: the leading " date YYYY-MM-DD" marker some saved
// articles start with (metadata, not article text).
//
//   " date 2025-12-17 Amazon e OpenAI..." -> date "2025-12-17", text from "Amazon"
//   "date 2024-07\nGoogle..."              -> date "2024-07",    text from "Google"
//   "\uFEFF date:2025-01-02 ..."           -> date "2025-01-02"
//   "date 2025-13-40 ..."                  -> marker dropped, no date, a warning
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dealscan::ingest {

struct DateMarker {
  std::string date;     // "YYYY-MM-DD" or "YYYY-MM"; empty when the date is impossible
  std::string marker;   // the marker as written, e.g. "date 2025-12-17"
  std::size_t end = 0;  // where the text after the marker (and its separator) starts
};

// The marker at the start of text (UTF-8), after optional whitespace, BOM or
// no-break spaces; "date" is matched case-insensitively and may be followed
// by ':'. The marker must be followed by whitespace or the end of the text;
// the spaces after it and one line break are consumed too.
std::optional<DateMarker> find_date_marker(std::string_view text);

}  // namespace dealscan::ingest

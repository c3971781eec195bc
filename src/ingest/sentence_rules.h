// Internal to ingest: the Unicode sentence boundary rules (UAX #29, SB6-SB11)
// run directly over one line of UTF-8, giving the same breaks as ICU's
// sentence iterator without its UTF-16 copy and state tables:
//
//   "Vale 6,6 miliardi. Il titolo sale."  -> breaks after "miliardi. " and at the end
//   "Costa 1.5 euro, cioè poco."          -> only the end (SB6: ATerm x Numeric)
//   "Disse: \"Basta!\" Poi uscì."         -> after "\"Basta!\" " (SB9-SB11)
//
// Only a terminator (. ! ? and their kin) and the closing marks and spaces
// after it can end a sentence, so the line is skimmed (sixteen bytes at a
// time) up to the next terminator or character the rules must look at, and
// only around terminators are the rules applied. Characters the rules treat specially beyond that
// (Extend and Format, which SB5 makes transparent; paragraph separators) and
// bytes that are not UTF-8 are left to ICU: the function says so and the
// caller falls back.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dealscan::ingest {

class SentenceRules {
 public:
  SentenceRules();

  // Byte offsets (relative to line) where ICU's sentence iterator breaks,
  // the end of the line included; false (breaks left empty) when the line
  // holds something only ICU handles.
  bool breaks(std::string_view line, std::vector<std::uint32_t>& out) const;

 private:
  // Sentence_Break class of the character at line[i], i moved past it;
  // kInvalid for bytes that are not UTF-8. ASCII inline, the rest from ICU.
  std::uint8_t class_at(std::string_view line, std::size_t& i) const {
    const auto b = static_cast<std::uint8_t>(line[i]);
    if (b >= 0x80) return class_of_multibyte(line, i);
    ++i;
    return ascii_class_[b];
  }
  std::uint8_t class_of_multibyte(std::string_view line, std::size_t& i) const;
  std::uint8_t class_before(std::string_view line, std::size_t i) const;
  bool lower_follows(std::string_view line, std::size_t i) const;  // SB8's look-ahead
  // Applies SB6-SB11 after the terminator at line[term]; returns where
  // skimming resumes, or npos when the line must go to ICU.
  std::size_t after_terminator(std::string_view line, std::size_t term, std::vector<std::uint32_t>& out) const;
  // Length of the character at p[i] when skimming may pass it (valid UTF-8,
  // neither a terminator nor a class left to ICU, known without ICU), else 0.
  std::size_t passable(const std::uint8_t* p, std::size_t i, std::size_t n) const;
  // The first position from i on that skimming may not pass (n if none).
  std::size_t skim(const std::uint8_t* p, std::size_t i, std::size_t n) const;

  static constexpr std::uint8_t kInvalid = 0xFF;
  std::uint8_t ascii_class_[128];  // Sentence_Break of each ASCII character, from ICU
  bool stop_[256];                 // bytes skimming stops at: terminators, CR/LF, non-ASCII
  bool skim_fast_ = false;         // ASCII letters, digits, spaces and Latin-1 letters never stop it
  bool skim_wide_ = false;         // the ASCII stops are among those skim() compares sixteen bytes with
  bool pass2_[0x800];              // two-byte characters (U+0080..U+07FF) skimming passes
  bool pass_punct_[0x100];         // the same for U+2000..U+20FF (quotes, dashes, the euro sign)
};

}  // namespace dealscan::ingest

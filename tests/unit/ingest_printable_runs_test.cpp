// The normaliser copies runs of printable ASCII eight bytes at a time: a
// character that is not printable ASCII must stop the run wherever it falls
// in an eight-byte step, and be folded as it is alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/mapped_text.h"
#include "ingest/normalize.h"

namespace dealscan {
namespace {

NormalizedText normalise(const std::string& text) {
  ingest::MappedText in;
  in.text = text;
  for (std::size_t k = 0; k < text.size(); ++k) in.offs.push_back(static_cast<std::uint32_t>(k));
  return ingest::Normalizer().run(in, 0, static_cast<std::uint32_t>(text.size()));
}

TEST(PrintableRuns, EveryStopIsFoldedWhereverItFalls) {
  struct Case {
    std::string in, out;  // a character and what it becomes
  };
  const std::vector<Case> cases = {
      {"\x01", " "},       {"\x1F", " "},  {"\x7F", " "},  {"\x0B", "\n"}, {"\t", "\t"},
      {"\xC2\xAB", "\""},  // «
      {"\xE2\x80\x99", "'"},  // ’
      {"e\xCC\x81", "\xC3\xA9"},  // e + combining acute: é
  };
  for (const auto& c : cases) {
    for (std::size_t before = 0; before <= 20; ++before) {
      const std::size_t after = 23 - before;
      const std::string text = std::string(before, 'x') + c.in + std::string(after, 'y');
      const auto got = normalise(text);
      EXPECT_EQ(got.text, std::string(before, 'x') + c.out + std::string(after, 'y')) << before << " " << c.in;
      ASSERT_EQ(got.to_orig.size(), got.text.size() + 1);
      for (std::size_t k = 0; k < before; ++k) EXPECT_EQ(got.to_orig[k], k);
      const std::size_t tail = got.text.size() - after;
      for (std::size_t k = 0; k < after; ++k) EXPECT_EQ(got.to_orig[tail + k], before + c.in.size() + k);
    }
  }
}

// Runs also take tabs, line breaks and Latin letters kept as they are; a
// character dropped between two of them must not be copied with the run.
TEST(KeptRuns, DroppedCharacterSplitsTheRun) {
  const auto got = normalise("perch\xC3\xA9\xC2\xADlo\n\tgi\xC3\xB9");  // soft hyphen after "é"
  EXPECT_EQ(got.text, "perch\xC3\xA9lo\n\tgi\xC3\xB9");
  const std::vector<std::uint32_t> want = {0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17};
  EXPECT_EQ(got.to_orig, want);
}

TEST(KeptRuns, CombiningMarkJoinsTheRunsLastLetter) {
  const auto got = normalise("\xC3\xA8 Societa\xCC\x80\nx");  // "a" + combining grave
  EXPECT_EQ(got.text, "\xC3\xA8 Societ\xC3\xA0\nx");
  const std::vector<std::uint32_t> want = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 12, 13, 14};
  EXPECT_EQ(got.to_orig, want);
}

// Source bytes read in place (no offset table) map as a table base + i would.
TEST(KeptRuns, VerbatimViewMapsLikeATable) {
  const std::string text =
      "Il \xE2\x80\x9C" "fondo\xE2\x80\x9D\r\nha perso\xC2\xA0l\xE2\x80\x99" "3%\x01 e\xCC\x81 fine";
  ingest::MappedText table;
  table.text = text;
  for (std::size_t k = 0; k < text.size(); ++k) table.offs.push_back(static_cast<std::uint32_t>(k + 3));
  const ingest::Normalizer nz;
  const auto from_table = nz.run(table, 0, 99);
  const auto in_place = nz.run(ingest::MappedView{text, nullptr, 3}, 0, 99);
  EXPECT_EQ(in_place.text, from_table.text);
  EXPECT_EQ(in_place.to_orig, from_table.to_orig);
  EXPECT_EQ(in_place.to_orig.front(), 3u);
}

}  // namespace
}  // namespace dealscan

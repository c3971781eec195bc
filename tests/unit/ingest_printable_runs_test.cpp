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

}  // namespace
}  // namespace dealscan

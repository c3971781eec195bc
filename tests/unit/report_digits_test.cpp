// digits::put writes unsigned integers as std::to_chars does, through three
// paths (two digits a step below a million, eight at a time below 10^16, the
// loop above): every length and both sides of every power of ten.
#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

#include "report/digits.h"

namespace dealscan::report_detail {
namespace {

std::string expected(std::uint64_t v) {
  char buf[24];
  return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

std::string written(std::uint64_t v) {
  char buf[32];
  return std::string(buf, digits::put(buf, v));
}

TEST(Digits, CountIsTheDecimalLength) {
  EXPECT_EQ(digits::count(0), 1);
  EXPECT_EQ(digits::count(9), 1);
  EXPECT_EQ(digits::count(10), 2);
  EXPECT_EQ(digits::count(std::numeric_limits<std::uint64_t>::max()), 20);
  for (int k = 1; k < 20; ++k) {
    EXPECT_EQ(digits::count(digits::kPowers[k] - 1), k) << k;
    EXPECT_EQ(digits::count(digits::kPowers[k]), k + 1) << k;
  }
}

TEST(Digits, EveryLengthAroundEveryPowerOfTen) {
  for (std::uint64_t v : std::initializer_list<std::uint64_t>{
           0, 1, 7, 42, 999999, 1000000, 12345678, 100000000, 1500000000, 250000000000, 9999999999999999,
           10000000000000000, std::numeric_limits<std::uint64_t>::max()})
    EXPECT_EQ(written(v), expected(v)) << v;
  for (int k = 1; k < 20; ++k)
    for (std::uint64_t d = 0; d < 3; ++d) {
      const std::uint64_t p = digits::kPowers[k];
      EXPECT_EQ(written(p - 1 - d), expected(p - 1 - d)) << k;
      EXPECT_EQ(written(p + d), expected(p + d)) << k;
    }
}

// Inner zeros and every digit in every position of the eight-digit blocks.
TEST(Digits, EightDigitBlocksKeepTheirZeros) {
  for (std::uint64_t v = 1000000; v < 100000000; v += 9901) ASSERT_EQ(written(v), expected(v)) << v;
  for (std::uint64_t high = 1; high < 100000000; high = high * 7 + 3)
    for (std::uint64_t low : {0ull, 1ull, 10000ull, 9999ull, 10000001ull, 99999999ull, 40506070ull}) {
      const std::uint64_t v = high * 100000000 + low;
      ASSERT_EQ(written(v), expected(v)) << v;
    }
}

}  // namespace
}  // namespace dealscan::report_detail

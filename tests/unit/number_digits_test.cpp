// parse_digits reads a digit run with its separators ("1.500", "6,6",
// "10 000"): a differential test against the reading it had when it called
// strtod, over random runs and runs too long for a double.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>

#include "extract/number_reader.h"

namespace dealscan::money {
namespace {

// Each group after a separator has three characters (as number_reader.cpp).
bool groups_of_three(std::string_view s, char sep) {
  std::size_t pos = s.find(sep);
  while (pos != std::string_view::npos) {
    std::size_t next = s.find(sep, pos + 1);
    std::size_t len = (next == std::string_view::npos ? s.size() : next) - pos - 1;
    if (len != 3) return false;
    pos = next;
  }
  return true;
}

// The former reading, with strtod.
std::optional<double> reference(std::string_view raw) {
  std::string s;
  for (char c : raw)
    if (c != ' ') s += c;
  auto dots = std::count(s.begin(), s.end(), '.');
  auto commas = std::count(s.begin(), s.end(), ',');
  char thousands = 0, decimal = 0;
  if (dots && commas) {
    decimal = s.rfind('.') > s.rfind(',') ? '.' : ',';
    thousands = decimal == '.' ? ',' : '.';
    if ((decimal == '.' ? dots : commas) > 1) return std::nullopt;
  } else if (dots) {
    if (dots > 1 || s.size() - s.find('.') - 1 == 3) thousands = '.';
    else decimal = '.';
  } else if (commas) {
    if (commas > 1) thousands = ',';
    else decimal = ',';
  }
  std::string_view int_part = s;
  if (decimal) int_part = std::string_view(s).substr(0, s.rfind(decimal));
  if (thousands && !groups_of_three(int_part, thousands)) return std::nullopt;
  if (int_part.size() > 1 && int_part[0] == '0' && (int_part[1] >= '0' && int_part[1] <= '9')) return std::nullopt;
  std::string clean;
  for (char c : s) {
    if (c == thousands) continue;
    clean += c == decimal ? '.' : c;
  }
  double v = std::strtod(clean.c_str(), nullptr);
  if (!std::isfinite(v) || v > kMaxValue) return std::nullopt;
  return v;
}

TEST(NumberDigits, ReadsAsStrtodDid) {
  std::mt19937 rng(3);
  const std::string alphabet = "0123456789012345678901234567890123456789.,. ";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1), length(1, 24);
  std::size_t numbers = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    for (std::size_t k = length(rng); k > 0; --k) raw += alphabet[pick(rng)];
    const auto want = reference(raw), got = parse_digits(raw);
    ASSERT_EQ(got.has_value(), want.has_value()) << raw;
    if (want) {
      ASSERT_EQ(*got, *want) << raw;
      ++numbers;
    }
  }
  EXPECT_GT(numbers, 2000u);
  for (const char* raw : {"1.500", "6,6", "1,500,000", "2.5", "10 000", "0,75", "1.234,5", "3.", ",5", "007"})
    EXPECT_EQ(parse_digits(raw), reference(raw)) << raw;
}

// Up to 15 digits with one decimal separator are read without from_chars
// (an exact integer divided by an exact power of ten): the same doubles,
// the hard-to-round ones ("0,1", "2,675", long fractions) included.
TEST(NumberDigits, ShortDecimalsReadAsStrtodDid) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> digit(0, 9), length(1, 16);
  std::size_t numbers = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) raw += static_cast<char>('0' + digit(rng));
    if (round % 4 != 0 && n > 1) raw.insert(raw.begin() + 1 + round % (n - 1), round % 2 ? ',' : '.');
    const auto want = reference(raw), got = parse_digits(raw);
    ASSERT_EQ(got.has_value(), want.has_value()) << raw;
    if (want) {
      ASSERT_EQ(*got, *want) << raw;
      ++numbers;
    }
  }
  EXPECT_GT(numbers, 10000u);
  for (const char* raw : {"0,1", "0,3", "2,675", "1,005", "9,999999999999", "123456789012,345", "0,000000000000001"})
    EXPECT_EQ(parse_digits(raw), reference(raw)) << raw;
}

TEST(NumberDigits, RunsTooLongForADoubleAreNoNumber) {
  EXPECT_EQ(parse_digits(std::string(400, '9')), std::nullopt);
  EXPECT_EQ(parse_digits("1" + std::string(17, '0')), std::nullopt);  // above kMaxValue
  EXPECT_EQ(parse_digits("1" + std::string(15, '0')), 1e15);
}

}  // namespace
}  // namespace dealscan::money

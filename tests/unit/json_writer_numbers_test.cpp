// JsonWriter's shortcut for whole numbers (digits and ".0", no shortest-digits
// search) must write what nlohmann writes, at every magnitude and at the edges
// where the shortcut stops; RawJson text goes in as it is.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace dealscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

std::string written(double v) {
  std::string out;
  JsonWriter(out).value(v);
  return out;
}

TEST(JsonWriterNumbers, WholeNumbersAtEdgesLikeNlohmann) {
  const std::vector<double> edges = {0.0, -0.0, 1.0, -1.0, 7.0, 10.0, 1e9, 1.5e9, 2.75e12, 999999999999999.0,
                                     -999999999999999.0, 1e15, -1e15, 1e15 + 2, 9007199254740992.0, 1e16, 1e21,
                                     123456789012345.0, 0.5, -0.5, 999999999999999.5, 1e15 - 0.5};
  for (double v : edges) EXPECT_EQ(written(v), Json(v).dump()) << v;
}

TEST(JsonWriterNumbers, RandomWholeAndFractionalNumbersLikeNlohmann) {
  std::mt19937_64 random(15);
  std::uniform_int_distribution<int> digits(0, 16);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int round = 0; round < 200000; ++round) {
    const double scale = std::pow(10.0, digits(random));
    double v = std::floor(unit(random) * scale);
    if (round % 3 == 0) v = -v;
    if (round % 5 == 0) v += 0.25;  // not whole: the nlohmann path
    ASSERT_EQ(written(v), Json(v).dump()) << v;
  }
}

TEST(JsonWriterNumbers, RawJsonIsCopiedAsAValue) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("a", RawJson{R"(["x","y"])"}).field("b", std::size_t{2}).end_object();
  EXPECT_EQ(out, R"({"a":["x","y"],"b":2})");
  EXPECT_TRUE(w.compact());
  std::string indented;
  EXPECT_FALSE(JsonWriter(indented, 1).compact());
}

}  // namespace
}  // namespace dealscan::report_detail

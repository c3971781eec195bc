// JsonWriter writes the bytes nlohmann's dump writes (compact and indent 1,
// ensure_ascii off, invalid UTF-8 replaced): the report writers switched to
// it without changing a byte, and readers may use either.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace dealscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

// The same value written both ways.
void expect_same(const Json& expected, int indent, const std::function<void(JsonWriter&)>& write) {
  std::string out;
  JsonWriter w(out, indent);
  write(w);
  EXPECT_EQ(out, dumped(expected, indent));
}

TEST(JsonWriter, StringsEscapeLikeNlohmann) {
  const std::vector<std::string> cases = {
      "",
      "Amazon investirà 10 miliardi",
      "virgolette \"doppie\" e \\ barra",
      "a capo\nritorno\rtab\tbell\x07 nul\x01 fine\x1f",
      "backspace\b formfeed\f del\x7f",
      "accenti àèéìòù € — “curve” 日本",
      "emoji \xF0\x9F\x98\x80 fine",
      std::string("bad \xC3 byte"),          // truncated sequence
      std::string("overlong \xC0\xAF"),       // never valid
      std::string("surrogate \xED\xA0\x80"),  // UTF-16 surrogate in UTF-8
      std::string("tail \xE2\x82"),           // cut at the end
  };
  for (const auto& s : cases)
    for (int indent : {-1, 1}) expect_same(Json(s), indent, [&](JsonWriter& w) { w.value(s); });
}

// Plain bytes are skipped eight at a time: each byte that needs escaping or
// checking, at every offset of a long plain string, must still be seen.
TEST(JsonWriter, SpecialBytesAtEveryOffsetOfLongStrings) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA8", "\xE2\x82\xAC",
                                             std::string("\xC3"), std::string("\xFF")};
  for (const auto& special : specials)
    for (std::size_t at = 0; at < 24; ++at) {
      std::string s = std::string(at, 'a') + special + std::string(20, 'b');
      expect_same(Json(s), -1, [&](JsonWriter& w) { w.value(s); });
      Json object = Json::object();
      object[s] = 1;
      expect_same(object, -1, [&](JsonWriter& w) { w.begin_object().field(s, std::size_t{1}).end_object(); });
    }
}

TEST(JsonWriter, NumbersLikeNlohmann) {
  const std::vector<double> doubles = {0.0, 1.0, -2.5, 0.1, 10e9, 1e15, 1e16, 1.5e-7, 383e9, 9.2e9, 1e300,
                                       std::numeric_limits<double>::min()};
  for (double d : doubles) expect_same(Json(d), -1, [&](JsonWriter& w) { w.value(d); });
  expect_same(Json(nullptr), -1, [](JsonWriter& w) { w.value(std::numeric_limits<double>::quiet_NaN()); });
  expect_same(Json(nullptr), -1, [](JsonWriter& w) { w.value(std::numeric_limits<double>::infinity()); });
  for (std::size_t n : {std::size_t{0}, std::size_t{42}, std::numeric_limits<std::size_t>::max()})
    expect_same(Json(n), -1, [&](JsonWriter& w) { w.value(n); });
}

TEST(JsonWriter, NestingAndEmptyContainersLikeNlohmann) {
  Json j = Json::object();
  j["schema"] = "x";
  j["empty_array"] = Json::array();
  j["empty_object"] = Json::object();
  j["list"] = Json::array({"a", "b"});
  j["nested"] = Json::array({Json::object({{"k", true}, {"n", nullptr}}), Json::array()});
  j["optional"] = 3.5;
  for (int indent : {-1, 1, 2})
    expect_same(j, indent, [](JsonWriter& w) {
      w.begin_object().field("schema", "x");
      w.key("empty_array").begin_array().end_array();
      w.key("empty_object").begin_object().end_object();
      w.field("list", std::vector<std::string>{"a", "b"});
      w.key("nested").begin_array();
      w.begin_object().field("k", true).key("n").null().end_object();
      w.begin_array().end_array();
      w.end_array();
      w.field("optional", std::optional<double>(3.5));
      w.end_object();
    });
}

}  // namespace
}  // namespace dealscan::report_detail

// Fields with a literal key and a string or count value take a one-append
// path on one line. Its bytes must be nlohmann's: the comma before every
// field but the first, plain and UTF-8 strings as they are, strings needing
// escapes (or too long for the path) escaped, and the indented form unchanged.
#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/json_writer.h"

namespace dealscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

// Values around the path's length limit and of every kind the path must refuse.
std::vector<std::string> samples() {
  return {"",
          "doc-1",
          "Acme S.p.A. compra Beta per 3 miliardi",
          "città più società",                         // UTF-8 stays as it is
          "virgolette \"doppie\"",                     // needs an escape
          "barra \\ inversa",
          "a capo\nqui",
          std::string("byte \xC3 rotto"),              // invalid UTF-8: replaced
          std::string(159, 'a'),
          std::string(160, 'b'),
          std::string(161, 'c'),
          std::string(158, 'd') + "\xC3\xA8",          // UTF-8 ending at the limit
          std::string(300, 'e') + "\"",
          std::string(170, 'f') + "\xC3\xA8"};
}

TEST(JsonWriterFields, StringFieldsWriteNlohmannsBytes) {
  for (int indent : {-1, 1}) {
    Json expected = Json::object();
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object();
    int n = 0;
    for (const auto& s : samples()) {
      const std::string key = "k" + std::to_string(n++);
      expected[key] = s;
      // Literal keys: the same key text for all, told apart by a nested object.
      expected["o" + key] = Json::object({{"id", s}, {"view", s}});
      w.field(std::string_view(key), s);
      w.key(std::string_view("o" + key)).begin_object().field("id", s).field("view", std::string_view(s)).end_object();
    }
    w.end_object();
    EXPECT_EQ(out, dumped(expected, indent)) << "indent " << indent;
  }
}

// Short values are checked by whole words that overlap: a byte needing a look
// at any position of a string of any short length must still be found.
TEST(JsonWriterFields, SpecialBytesAtEveryOffsetOfShortValues) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA8",
                                             std::string("\xC3"), std::string("\xFF")};
  for (std::size_t n = 1; n <= 20; ++n)
    for (const auto& special : specials)
      for (std::size_t at = 0; at + special.size() <= n; ++at) {
        const std::string s = std::string(at, 'a') + special + std::string(n - at - special.size(), 'b');
        Json expected = Json::object({{"x", 1}, {"id", s}});
        std::string out;
        JsonWriter w(out);
        w.begin_object().field("x", std::size_t{1}).field("id", s).end_object();
        EXPECT_EQ(out, dumped(expected, -1)) << "length " << n << " at " << at;
      }
}

TEST(JsonWriterFields, CountFieldsWriteNlohmannsBytes) {
  const std::vector<std::size_t> counts = {0, 7, 10, 123456, std::numeric_limits<std::size_t>::max()};
  for (int indent : {-1, 1}) {
    Json expected = Json::object();
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object().field("first", counts.front());
    expected["first"] = counts.front();
    Json list = Json::array();
    w.key("list").begin_array();
    for (std::size_t c : counts) {
      list.push_back(Json::object({{"start", c}, {"end", c}}));
      w.begin_object().field("start", c).field("end", c).end_object();
    }
    w.end_array();
    expected["list"] = list;
    w.field("last", counts.back()).end_object();
    expected["last"] = counts.back();
    EXPECT_EQ(out, dumped(expected, indent)) << "indent " << indent;
  }
}

// A field right after another kind of value, and the first field of a nested
// object: the comma comes from the item count the path shares with key().
TEST(JsonWriterFields, MixedWithOtherValues) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("a").null().field("b", std::string("x")).key("c").begin_array().end_array();
  w.field("d", std::size_t{2}).key("e").begin_object().field("f", std::string("y")).end_object();
  w.field("g", std::string("z")).end_object();
  EXPECT_EQ(out, R"({"a":null,"b":"x","c":[],"d":2,"e":{"f":"y"},"g":"z"})");
}

}  // namespace
}  // namespace dealscan::report_detail

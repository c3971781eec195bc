// JsonLine writes the document lines: its bytes must be those of nlohmann's
// compact dump (and so of a compact JsonWriter), whatever the string, its
// length, where its special bytes fall and where the chunk fills up.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/json_line.h"

namespace dealscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string written(const std::function<void(JsonLine&)>& write) {
  std::string out;
  JsonLine w(out);
  write(w);
  w.finish();
  return out;
}

// s as an array's last item after `before` numbers (two bytes each, so the
// chunk fills up at a different point of s), and as a key and a value.
void expect_string(const std::string& s, std::size_t before = 0) {
  Json array = Json::array();
  for (std::size_t i = 0; i < before; ++i) array.push_back(7);
  array.push_back(s);
  EXPECT_EQ(written([&](JsonLine& w) {
              w.begin_array();
              for (std::size_t i = 0; i < before; ++i) w.value(std::size_t{7});
              w.value(s).end_array();
            }),
            dumped(array));
  Json object = Json::object();
  object["k"] = s;
  object[s] = 1;
  EXPECT_EQ(written([&](JsonLine& w) { w.begin_object().field("k", s).field(s, std::size_t{1}).end_object(); }),
            dumped(object));
}

TEST(JsonLine, StringsEscapeLikeNlohmann) {
  for (const std::string s : {"", "a", "doc-0000001", "Il consorzio investirà 3 miliardi di euro entro il 2030.",
                              "virgolette \"doppie\" e \\ barra", "a capo\nritorno\rtab\tbell\x07 nul\x01 fine\x1f",
                              "backspace\b formfeed\f del\x7f", "accenti àèéìòù € — “curve” 日本",
                              "emoji \xF0\x9F\x98\x80 fine", "bad \xC3 byte", "overlong \xC0\xAF",
                              "surrogate \xED\xA0\x80", "tail \xE2\x82"})
    expect_string(s);
}

// Each special byte at every offset of strings of every length up to 40:
// the short paths, the sixteen-byte blocks and the last block that overlaps
// bytes already copied (after an escape too) must all see it.
TEST(JsonLine, SpecialBytesAtEveryOffsetAndLength) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA8", "\xE2\x82\xAC",
                                             "\xF0\x9F\x98\x80", "\xC3", "\xFF"};
  for (const auto& special : specials)
    for (std::size_t length = 0; length <= 40; ++length)
      for (std::size_t at = 0; at <= length; ++at) {
        std::string s(length, 'x');
        s.insert(at, special);
        expect_string(s);
        // Two specials, the second past a block boundary: the tail after an escape.
        std::string twice = s;
        twice.insert(std::min(twice.size(), at + special.size() + 16), special);
        expect_string(twice);
      }
}

TEST(JsonLine, PlainStringsOfEveryLengthCopyWhole) {
  std::string s;
  for (std::size_t n = 0; n < 600; ++n, s += static_cast<char>('a' + n % 26)) expect_string(s);
}

// Strings that end the chunk anywhere inside them, plain, escaped, UTF-8,
// invalid, and long ones (written past the chunk).
TEST(JsonLine, ChunkFillsUpInsideAString) {
  const std::vector<std::string> strings = {
      "Il gruppo ha chiuso il semestre con ricavi in crescita del 12%.",
      "escape \"ovunque\" \\ e\ta\ncapo \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
      "città più società già così perché",
      "rotto \xC3 qui e poi un po' di testo che continua oltre sedici byte",
      std::string(300, '"'),
      std::string(511, 'y') + "\"",
      std::string(700, 'z') + "\"\xC3\xA8\n",
      std::string(5000, 'w'),
      std::string(900, '\x02'),
  };
  for (const auto& s : strings)
    for (std::size_t before = 1900; before <= 2000; before += 3) expect_string(s, before);
}

TEST(JsonLine, NumbersLikeNlohmann) {
  for (double d : {0.0, -0.0, 1.0, -2.5, 0.1, 10e9, 1e15, 1e16, 1.5e-7, 383e9, -9.2e9, 1e300,
                   std::numeric_limits<double>::min()})
    EXPECT_EQ(written([&](JsonLine& w) { w.value(d); }), dumped(Json(d))) << d;
  EXPECT_EQ(written([](JsonLine& w) { w.value(std::numeric_limits<double>::quiet_NaN()); }), "null");
  for (std::size_t n : {0, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 4096, 9999, 10000, 65432, 99999, 100000, 123456,
                        999999, 1000000, 1234567})
    EXPECT_EQ(written([&](JsonLine& w) { w.value(n); }), dumped(Json(n)));
  EXPECT_EQ(written([](JsonLine& w) { w.value(std::numeric_limits<std::size_t>::max()); }),
            dumped(Json(std::numeric_limits<std::size_t>::max())));
  for (std::size_t n = 0; n < 1100000; n += 997) {  // every length, through the cursor too
    char room[32];
    JsonCursor cursor(room, false);
    cursor.value(n);
    EXPECT_EQ(std::string(room, cursor.end()), std::to_string(n));
  }
}

TEST(JsonLine, NestingOptionalsAndRawJsonLikeNlohmann) {
  Json j = Json::object();
  j["schema"] = "x";
  j["empty_array"] = Json::array();
  j["empty_object"] = Json::object();
  j["list"] = Json::array({"a", "b\"c"});
  j["nested"] = Json::array({Json::object({{"k", true}, {"f", false}, {"n", nullptr}}), Json::array(), 7});
  j["some"] = 3.5;
  j["none"] = nullptr;
  j["raw"] = Json::array({"r"});
  j["big_raw"] = Json::array();
  for (int i = 0; i < 2000; ++i) j["big_raw"].push_back(i);
  j["empty_string"] = nullptr;
  const std::string big_raw = dumped(j["big_raw"]);
  EXPECT_EQ(written([&](JsonLine& w) {
              w.begin_object().field("schema", "x");
              w.key("empty_array").begin_array().end_array();
              w.key("empty_object").begin_object().end_object();
              w.field("list", std::vector<std::string>{"a", "b\"c"});
              w.key("nested").begin_array();
              w.begin_object().field("k", true).field("f", false).key("n").null().end_object();
              w.begin_array().end_array();
              w.value(std::size_t{7});
              w.end_array();
              w.field("some", std::optional<double>(3.5));
              w.field("none", std::optional<std::string>());
              w.field("raw", RawJson{"[\"r\"]"});
              w.field("big_raw", RawJson{big_raw});
              w.key("empty_string").string_or_null("");
              w.end_object();
            }),
            dumped(j));
}

// Ready-made JSON of every length up to past the short copies, through the
// line and through the cursor, twice in a row (the comma between).
TEST(JsonLine, RawJsonOfEveryLengthCopiedWhole) {
  for (std::size_t n = 2; n <= 40; ++n) {
    std::string raw = "\"";
    for (std::size_t i = 0; i + 2 < n; ++i) raw += static_cast<char>('a' + i % 26);
    raw += '"';
    const std::string expected = "[" + raw + "," + raw + "]";
    EXPECT_EQ(written([&](JsonLine& w) { w.begin_array().value(RawJson{raw}).value(RawJson{raw}).end_array(); }),
              expected);
    char room[128];
    JsonCursor cursor(room, false);
    cursor.begin_array().value(RawJson{raw}).value(RawJson{raw}).end_array();
    EXPECT_EQ(std::string(room, cursor.end()), expected) << n;
  }
}

// An item as the document lines write them: every kind of value, one string s.
template <class Writer>
void write_item(Writer& w, const std::string& s) {
  w.begin_object().field("s", s).field("n", std::size_t{12345}).field("d", 2.5e9).field("t", true);
  w.key("none").null();
  w.field("maybe", std::optional<std::string>(s)).field("raw", RawJson{"[\"r\"]"});
  w.key("empty").string_or_null("");
  w.field("ids", std::vector<std::string>{s, "c1"});
  w.key("list").begin_array().value(s).value(0.25).end_array().end_object();
}

Json item_json(const std::string& s) {
  Json j = Json::object();
  j["s"] = s;
  j["n"] = 12345;
  j["d"] = 2.5e9;
  j["t"] = true;
  j["none"] = nullptr;
  j["maybe"] = s;
  j["raw"] = Json::array({"r"});
  j["empty"] = nullptr;
  j["ids"] = Json::array({s, "c1"});
  j["list"] = Json::array({s, 0.25});
  return j;
}

// Items written through bounded() (measured, then written by a JsonCursor,
// or by the JsonLine itself when too big for the chunk) are the plain
// calls' bytes, wherever the chunk fills up.
TEST(JsonLine, BoundedItemsWriteWhatPlainCallsWrite) {
  const std::vector<std::string> strings = {
      "", "breve", "virgolette \"doppie\" e \\ barra", "accenti àèéìòù € — “curve”", "rotto \xC3 qui",
      std::string(200, '\x01'), std::string(600, '"'), std::string(700, 'z') + "\xC3\xA8\n", std::string(5000, 'w')};
  for (const auto& s : strings)
    for (std::size_t before : {0, 1, 1300, 1999}) {
      Json array = Json::array();
      for (std::size_t i = 0; i < before; ++i) array.push_back(7);
      array.push_back(item_json(s));
      array.push_back(item_json(s));
      const std::string bounded = written([&](JsonLine& w) {
        w.begin_array();
        for (std::size_t i = 0; i < before; ++i) w.value(std::size_t{7});
        for (int k = 0; k < 2; ++k) w.bounded([&](auto& x) { write_item(x, s); });
        w.end_array();
      });
      EXPECT_EQ(bounded, dumped(array)) << s.substr(0, 20) << " after " << before;
    }
}

// A JsonBound is never below what a JsonCursor writes, escapes and
// replaced bytes at their widest included.
TEST(JsonBound, CoversWhatTheCursorWrites) {
  for (const std::string& s : {std::string(), std::string("abc"), std::string(100, '\x01'), std::string(100, '"'),
                               std::string(50, '\xFF'), std::string("\xE2\x82") + std::string(30, '\x1f')}) {
    JsonBound bound;
    write_item(bound, s);
    std::vector<char> room(bound.size() + 64);
    JsonCursor cursor(room.data(), false);
    write_item(cursor, s);
    const auto used = static_cast<std::size_t>(cursor.end() - room.data());
    EXPECT_LE(used, bound.size()) << s.size();
    EXPECT_EQ(std::string(room.data(), used), dumped(item_json(s)));
  }
}

TEST(JsonLine, AppendsAfterTheStringsBytes) {
  std::string out = "prima ";
  JsonLine w(out);
  w.begin_array().value("dopo").end_array();
  EXPECT_EQ(out, "prima ");  // not before finish()
  w.finish();
  EXPECT_EQ(out, "prima [\"dopo\"]");
}

}  // namespace
}  // namespace dealscan::report_detail

// JsonWriter's fast paths against nlohmann's dump: the word-at-a-time scan for
// bytes that need escaping (including the last, partial word of a string) and
// the literal keys written without a scan.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/json_writer.h"

namespace dealscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& j, int indent) { return j.dump(indent, ' ', false, Json::error_handler_t::replace); }

std::string written_value(const std::string& s, int indent) {
  std::string out;
  JsonWriter(out, indent).value(s);
  return out;
}

// Pieces that need a look next to bytes one above them ('#' after '"', ']'
// after '\\', '!' after ' ', ' ' after 0x1f): a borrow from a marked byte must
// not mark the plain byte after it.
const std::vector<std::string> kPieces = {"a", "#", "\"", "]", "\\", "!", " ", "\x1f", "\x01", "\x7f", "\n",
                                          "\xC3\xA8", "\xE2\x82\xAC", "\xC3", "\xFF", "Z", "0"};

TEST(JsonWriterScan, RandomMixesOfSpecialAndPlainBytesEscapeLikeNlohmann) {
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1), length(0, 40), plain_run(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (std::size_t k = length(random); k > 0; --k) {
      s += kPieces[piece(random)];
      if (k % 3 == 0) s.append(plain_run(random), 'p');
    }
    ASSERT_EQ(written_value(s, -1), dumped(Json(s), -1)) << "input: " << Json(s).dump(-1, ' ', true, Json::error_handler_t::replace);
  }
}

TEST(JsonWriterScan, EveryPairOfPiecesAtEveryOffsetEscapesLikeNlohmann) {
  for (const auto& first : kPieces)
    for (const auto& second : kPieces)
      for (std::size_t at = 0; at < 18; ++at)
        for (std::size_t tail : {0, 1, 5, 9}) {
          const std::string s = std::string(at, 'x') + first + second + std::string(tail, 'y');
          ASSERT_EQ(written_value(s, -1), dumped(Json(s), -1)) << "at " << at << " tail " << tail;
        }
}

// Literal keys take their own path (comma, quotes and colon in one append):
// first and later keys, nested objects, in one line and indented.
TEST(JsonWriterScan, LiteralKeysWriteLikeNlohmann) {
  Json j = Json::object();
  j["id"] = "d1";
  j[""] = 0;
  j["sentence_index"] = 3;
  j["inner"] = Json::array({Json::object({{"k", true}, {"second_key", nullptr}}), Json::object()});
  j["last"] = Json::object({{"only", "x"}});
  for (int indent : {-1, 1, 2}) {
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object().field("id", "d1").field("", std::size_t{0}).field("sentence_index", std::size_t{3});
    w.key("inner").begin_array();
    w.begin_object().field("k", true).key("second_key").null().end_object();
    w.begin_object().end_object();
    w.end_array();
    w.key("last").begin_object().field("only", "x").end_object();
    w.end_object();
    EXPECT_EQ(out, dumped(j, indent)) << "indent " << indent;
  }
}

}  // namespace
}  // namespace dealscan::report_detail

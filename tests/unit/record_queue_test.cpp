// RecordQueue gives records back once, in the order written, whether they
// wait in a temporary file or (without one) in memory.
#include "crosscheck/record_queue.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/record_codec.h"

namespace dealscan::crosscheck {
namespace {

// Sets TMPDIR for one scope, restoring what was there.
class ScopedTmpdir {
 public:
  explicit ScopedTmpdir(const char* dir) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old;
    ::setenv("TMPDIR", dir, 1);
  }
  ~ScopedTmpdir() {
    if (old_) ::setenv("TMPDIR", old_->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }

 private:
  std::optional<std::string> old_;
};

std::vector<std::string> records() {
  return {"primo", "", std::string(200000, 'x') + "fine", std::string("a\0b", 3), "ultimo"};
}

void round_trip() {
  RecordQueue q("test");
  for (const auto& r : records()) q.push(r);
  q.rewind();
  for (const auto& r : records()) EXPECT_EQ(q.pop(), r);
}

TEST(RecordQueue, GivesRecordsBackInOrderFromAFile) { round_trip(); }

TEST(RecordQueue, GivesRecordsBackInOrderWithoutATemporaryFolder) {
  ScopedTmpdir none("/no-such-folder-for-dealscan");
  round_trip();
}

void read_past_the_end() {
  RecordQueue q("story grouping");
  q.push("solo");
  q.rewind();
  EXPECT_EQ(q.pop(), "solo");
  try {
    q.pop();
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("story grouping"), std::string::npos) << e.what();
  }
}

TEST(RecordQueue, ReadingPastTheLastRecordIsAnErrorNamingTheUser) {
  read_past_the_end();
  ScopedTmpdir none("/no-such-folder-for-dealscan");
  read_past_the_end();
}

struct Item {
  int day = 0;
  std::string key;
  std::vector<std::string> names;
};
template <class IO, class T>
void item_fields(IO& io, T& v) {
  io(v.day), io(v.key);
  io.list(v.names, [&](auto& s) { io(s); });
}

TEST(RecordCodec, ListsOfRecordsRoundTrip) {
  std::vector<Item> items{{3, "amount:EUR:1e+09", {"enel", "", "terna"}}, {-7, "", {}}};
  auto fields = [](auto& io, auto& v) { io.list(v, [&](auto& item) { item_fields(io, item); }); };
  const std::string bytes = record::encode_record(items, fields);
  const auto back = record::decode_record<std::vector<Item>>(bytes, fields);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].day, 3);
  EXPECT_EQ(back[0].key, "amount:EUR:1e+09");
  EXPECT_EQ(back[0].names, (std::vector<std::string>{"enel", "", "terna"}));
  EXPECT_EQ(back[1].day, -7);
  EXPECT_TRUE(back[1].names.empty());
  EXPECT_THROW((record::decode_record<std::vector<Item>>(bytes.substr(0, bytes.size() - 1), fields)), std::runtime_error);
}

TEST(RecordCodec, MeasuredSizeIsTheWrittenSizeForEveryFieldShape) {
  // encode_record sizes the record by a first pass: every shape of field
  // must count exactly what the second writes, and read back the same.
  struct Mixed {
    std::optional<std::int64_t> none, some;
    std::string empty, longer;
    std::vector<std::uint32_t> no_ids, ids;
  };
  auto fields = [](auto& io, auto& v) { io(v.none), io(v.some), io(v.empty), io(v.longer), io(v.no_ids), io(v.ids); };
  const Mixed m{std::nullopt, -42, "", std::string(300, 'x') + "fine del testo", {}, {7, 8, 9}};
  const std::string bytes = record::encode_record(m, fields);
  // Presence bytes 1 + (1 + 8); strings (4 + 0) + (4 + 314); vectors (8 + 0) + (8 + 12).
  EXPECT_EQ(bytes.size(), 1u + 9u + 4u + 318u + 8u + 20u);
  const auto back = record::decode_record<Mixed>(bytes, fields);
  EXPECT_FALSE(back.none);
  EXPECT_EQ(back.some, -42);
  EXPECT_EQ(back.empty, "");
  EXPECT_EQ(back.longer, m.longer);
  EXPECT_TRUE(back.no_ids.empty());
  EXPECT_EQ(back.ids, m.ids);
}

}  // namespace
}  // namespace dealscan::crosscheck

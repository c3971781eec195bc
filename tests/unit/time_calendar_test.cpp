// Day numbers and their dates: to_ymd takes an unsigned path from
// 0000-03-01 on and reads earlier days whole 400-year eras later; iso writes digit pairs, and
// printf beyond four-digit years.
#include "extract/time_calendar.h"

#include <gtest/gtest.h>

#include <string>

namespace dealscan::timecal {
namespace {

std::string ymd_text(Ymd d) {
  return std::to_string(d.year) + "/" + std::to_string(d.month) + "/" + std::to_string(d.day);
}

TEST(TimeCalendar, KnownDays) {
  EXPECT_EQ(to_day(Ymd{1970, 1, 1}), 0);
  EXPECT_EQ(ymd_text(to_ymd(0)), "1970/1/1");
  EXPECT_EQ(ymd_text(to_ymd(-1)), "1969/12/31");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{2024, 2, 29}))), "2024/2/29");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{2000, 3, 1}) - 1)), "2000/2/29");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{1900, 3, 1}) - 1)), "1900/2/28");
  // Both sides of the unsigned path's first day.
  EXPECT_EQ(ymd_text(to_ymd(-719468)), "0/3/1");
  EXPECT_EQ(ymd_text(to_ymd(-719469)), "0/2/29");
  EXPECT_EQ(ymd_text(to_ymd(-719469 - 366)), "-1/2/28");
  // Several eras back: -400 is a leap year, -401 not, and -1201/3/1 follows -1201/2/28.
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{-400, 3, 1}) - 1)), "-400/2/29");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{-401, 3, 1}) - 1)), "-401/2/28");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{-1201, 3, 1}))), "-1201/3/1");
  EXPECT_EQ(ymd_text(to_ymd(to_day(Ymd{-1201, 3, 1}) - 1)), "-1201/2/28");
}

TEST(TimeCalendar, EveryDayRoundTripsAndFollowsTheOneBefore) {
  Ymd before = to_ymd(-800000);
  for (Day d = -800000 + 1; d <= 800000; ++d) {
    const Ymd y = to_ymd(d);
    ASSERT_EQ(to_day(y), d) << ymd_text(y);
    ASSERT_TRUE(valid(y)) << ymd_text(y);
    const bool next_day = y.year == before.year && y.month == before.month && y.day == before.day + 1;
    const bool next_month = y.year == before.year && y.month == before.month + 1 && y.day == 1;
    const bool next_year = y.year == before.year + 1 && y.month == 1 && y.day == 1 && before.month == 12;
    ASSERT_TRUE(next_day || next_month || next_year) << ymd_text(before) << " -> " << ymd_text(y);
    before = y;
  }
}

TEST(TimeCalendar, IsoPadsEveryField) {
  EXPECT_EQ(iso(0), "1970-01-01");
  EXPECT_EQ(iso(to_day(Ymd{2025, 11, 23})), "2025-11-23");
  EXPECT_EQ(iso(to_day(Ymd{987, 6, 5})), "0987-06-05");
  EXPECT_EQ(iso(to_day(Ymd{2099, 12, 31})), "2099-12-31");
  EXPECT_EQ(iso(to_day(Ymd{12345, 1, 2})), "12345-01-02");  // past four digits: printf
  EXPECT_EQ(iso(to_day(Ymd{0, 3, 1})), "0000-03-01");
}

}  // namespace
}  // namespace dealscan::timecal

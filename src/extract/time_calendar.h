// Calendar arithmetic for the time extractor: dates as day numbers so that
// "ieri", "la scorsa settimana" and interval comparison are plain integer maths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealscan::timecal {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
using Day = long;

struct Ymd {
  int year = 0;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

Day to_day(Ymd d);
Ymd to_ymd(Day d);
int days_in_month(int year, int month);
bool valid(Ymd d);
// 1 = Monday ... 7 = Sunday.
int weekday(Day d);

Day first_of_month(int year, int month);
Day last_of_month(int year, int month);
// The same day of the month n months later (clamped to the month's end).
Day add_months(Day d, int n);

// "YYYY-MM-DD".
std::string iso(Day d);
// Parses "YYYY-MM-DD" or "YYYY-MM" (day missing => has_day false).
struct DocDate {
  Ymd ymd;
  bool has_day = false;
};
std::optional<DocDate> parse_doc_date(std::string_view s);
// Parses exactly "YYYY-MM-DD".
std::optional<Day> parse_iso(std::string_view s);

}  // namespace dealscan::timecal

#include "extract/time_calendar.h"

#include <array>
#include <cstdio>
#include <cstring>

namespace dealscan::timecal {

// Howard Hinnant's days_from_civil / civil_from_days.
Day to_day(Ymd d) {
  long y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

// civil_from_days for z + 719468 >= 0 (from 0000-03-01 on), in unsigned
// arithmetic: its divisions by constants are a multiply and a shift each,
// the signed ones need sign fix-ups.
Ymd to_ymd_from_era_zero(unsigned long z) {
  const unsigned long era = z / 146097;
  const unsigned long doe = z - era * 146097;
  const unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Ymd{static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}

constexpr long kDaysPerEra = 146097;  // the calendar repeats every 400 years

}  // namespace

// A day before 0000-03-01 is read whole eras later, its year moved back.
Ymd to_ymd(Day z) {
  z += 719468;
  if (z >= 0) return to_ymd_from_era_zero(static_cast<unsigned long>(z));
  const long eras = (kDaysPerEra - 1 - z) / kDaysPerEra;
  Ymd ymd = to_ymd_from_era_zero(static_cast<unsigned long>(z + eras * kDaysPerEra));
  ymd.year -= static_cast<int>(eras * 400);
  return ymd;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

bool valid(Ymd d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month); }

int weekday(Day d) {
  long w = (d + 3) % 7;  // 1970-01-01 was a Thursday (index 3 from Monday)
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

Day first_of_month(int year, int month) { return to_day(Ymd{year, month, 1}); }
Day last_of_month(int year, int month) { return to_day(Ymd{year, month, days_in_month(year, month)}); }

Day add_months(Day d, int n) {
  Ymd y = to_ymd(d);
  int total = y.year * 12 + (y.month - 1) + n;
  int year = total / 12, month = total % 12 + 1;
  int day = y.day < days_in_month(year, month) ? y.day : days_in_month(year, month);
  return to_day(Ymd{year, month, day});
}

namespace {

// "00" to "99", two characters a number.
constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int v = 0; v < 100; ++v) {
    pairs[2 * v] = static_cast<char>('0' + v / 10);
    pairs[2 * v + 1] = static_cast<char>('0' + v % 10);
  }
  return pairs;
}();

void put_pair(char* at, int v) { std::memcpy(at, &kDigitPairs[2 * static_cast<std::size_t>(v)], 2); }

}  // namespace

std::string iso(Day d) {
  Ymd y = to_ymd(d);
  char buf[16];
  if (y.year < 0 || y.year > 9999 || y.month < 0 || y.month > 99 || y.day < 0 || y.day > 99) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y.year, y.month, y.day);
    return buf;
  }
  // The usual case without printf (called for every time expression).
  put_pair(buf, y.year / 100);
  put_pair(buf + 2, y.year % 100);
  buf[4] = '-';
  put_pair(buf + 5, y.month);
  buf[7] = '-';
  put_pair(buf + 8, y.day);
  return std::string(buf, 10);
}

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

std::optional<DocDate> parse_doc_date(std::string_view s) {
  DocDate d;
  if (!digits(s, 0, 4, d.ymd.year) || s.size() < 7 || s[4] != '-' || !digits(s, 5, 2, d.ymd.month)) return std::nullopt;
  if (s.size() >= 10 && s[7] == '-' && digits(s, 8, 2, d.ymd.day)) {
    d.has_day = true;
  } else {
    d.ymd.day = 1;
  }
  if (!valid(d.ymd)) return std::nullopt;
  return d;
}

std::optional<Day> parse_iso(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  auto d = parse_doc_date(s);
  if (!d || !d->has_day) return std::nullopt;
  return to_day(d->ymd);
}

}  // namespace dealscan::timecal

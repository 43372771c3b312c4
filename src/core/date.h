// Calendar dates without time zones.
//
// Plans speak in days (planned start, actual end, "al 31 dicembre"), never in instants, so a
// Date is a plain proleptic Gregorian day. ISO text (2021-12-31) is the storage and interchange
// form; the Italian form (31/12/2021) is produced and parsed in italian.h.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace traguardi {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  static bool valid(int y, int m, int d);
  static std::optional<Date> make(int y, int m, int d);
  /// Parses YYYY-MM-DD exactly.
  static std::optional<Date> parse_iso(std::string_view text);
  static Date from_days(long days);

  std::string iso() const;
  /// Days since 1970-01-01 (negative before).
  long days() const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

inline long days_between(const Date& a, const Date& b) {
  return b.days() - a.days();
}

} // namespace traguardi

#include "core/italian.h"

#include <gtest/gtest.h>

using namespace traguardi;

TEST(Italian, FormatsNumbersWithGroupingAndComma) {
  EXPECT_EQ(italian::format_number(*Decimal::parse("1134")), "1.134,00");
  EXPECT_EQ(italian::format_number(*Decimal::parse("546045")), "546.045,00");
  EXPECT_EQ(italian::format_number(*Decimal::parse("0.5")), "0,50");
  EXPECT_EQ(italian::format_number(*Decimal::parse("-1234567.891")), "-1.234.567,89");
  EXPECT_EQ(italian::format_number(*Decimal::parse("-0.001")), "0,00");
  EXPECT_EQ(italian::format_percent(*Decimal::parse("81")), "81,00%");
}

TEST(Italian, ParsesNumbers) {
  EXPECT_EQ(*italian::parse_number("1.134,00"), *Decimal::parse("1134"));
  EXPECT_EQ(*italian::parse_number("3.500,00"), *Decimal::parse("3500"));
  EXPECT_EQ(*italian::parse_number("90"), *Decimal::parse("90"));
  EXPECT_EQ(*italian::parse_number("-3,25"), *Decimal::parse("-3.25"));
  EXPECT_FALSE(italian::parse_number("1.13,00"));
  EXPECT_FALSE(italian::parse_number("12.5"));
  EXPECT_FALSE(italian::parse_number("abc"));
  EXPECT_FALSE(italian::parse_number(""));
}

TEST(Italian, Dates) {
  EXPECT_EQ(italian::format_date(Date{2021, 12, 31}), "31/12/2021");
  EXPECT_EQ(*italian::parse_date("01/02/2020"), (Date{2020, 2, 1}));
  EXPECT_EQ(*italian::parse_date("1/2/2020"), (Date{2020, 2, 1}));
  EXPECT_FALSE(italian::parse_date("31/02/2021"));
  EXPECT_FALSE(italian::parse_date("30/7/21"));
  EXPECT_FALSE(italian::parse_date("2021-12-31"));
  EXPECT_EQ(Date::parse_iso("2021-12-31")->days() - Date::parse_iso("2021-01-01")->days(), 364);
  EXPECT_EQ(Date::from_days(Date{2024, 2, 29}.days()), (Date{2024, 2, 29}));
}

#include "core/decimal.h"

#include <climits>

#include <gtest/gtest.h>

#include "core/italian.h"

using traguardi::Decimal;
using traguardi::DecimalOverflow;
namespace italian = traguardi::italian;

TEST(Decimal, ParsesAndPrintsExactly) {
  EXPECT_EQ(Decimal::parse("1134.5")->to_string(), "1134.50");
  EXPECT_EQ(Decimal::parse("-0.000001")->to_plain_string(), "-0.000001");
  EXPECT_EQ(Decimal::parse("100")->to_plain_string(), "100");
  EXPECT_FALSE(Decimal::parse("1e3"));
  EXPECT_FALSE(Decimal::parse("1.0000001"));
  EXPECT_FALSE(Decimal::parse("."));
  EXPECT_FALSE(Decimal::parse("12."));
  EXPECT_FALSE(Decimal::parse(""));
  EXPECT_FALSE(Decimal::parse("99999999999999"));
}

TEST(Decimal, TenthsAddUpWhereDoublesDoNot) {
  Decimal sum;
  for (int i = 0; i < 10; ++i)
    sum += *Decimal::parse("0.1");
  EXPECT_EQ(sum, Decimal::from_int(1));
}

TEST(Decimal, ProductAndQuotientRoundHalfAwayFromZero) {
  auto d = [](const char* s) { return *Decimal::parse(s); };
  EXPECT_EQ((d("33") * d("100")).to_string(), "3300.00");
  EXPECT_EQ((d("1") / d("3")).to_plain_string(), "0.333333");
  EXPECT_EQ((d("2") / d("3")).to_plain_string(), "0.666667");
  EXPECT_EQ((d("-2") / d("3")).to_plain_string(), "-0.666667");
  EXPECT_EQ(d("0.125").to_string(2), "0.13");
  EXPECT_EQ(d("-0.125").to_string(2), "-0.13");
  EXPECT_THROW(d("1") / Decimal{}, std::domain_error);
}

TEST(Decimal, OverflowIsReportedNotWrapped) {
  auto big = *Decimal::parse("9000000000000");
  EXPECT_THROW(big * big, DecimalOverflow);
  EXPECT_THROW(big + big, DecimalOverflow);
  EXPECT_THROW(-big - big, DecimalOverflow);
  EXPECT_THROW(big / *Decimal::parse("0.5"), DecimalOverflow);
  EXPECT_THROW(Decimal::from_int(10'000'000'000'000), DecimalOverflow);
  EXPECT_THROW(-Decimal::from_units(INT64_MIN), DecimalOverflow);
}

// Issue 15, defect 2: 9.999.999.999.999 was parsed into a wrapped negative number.
TEST(Decimal, ParseRefusesWhatDoesNotFit) {
  EXPECT_FALSE(Decimal::parse("9999999999999"));
  EXPECT_TRUE(Decimal::too_large("9999999999999"));
  EXPECT_TRUE(Decimal::too_large("-123456789012345678901234567890.5"));
  EXPECT_FALSE(Decimal::too_large("12a"));
  EXPECT_EQ(Decimal::parse("9223372036854.775807")->units(), INT64_MAX);
  EXPECT_FALSE(Decimal::parse("9223372036854.775808"));
  EXPECT_EQ(Decimal::parse("-0009223372036854")->to_plain_string(), "-9223372036854");
  EXPECT_TRUE(italian::number_too_large("9.999.999.999.999"));
  EXPECT_FALSE(italian::number_too_large("9.99.999"));
  EXPECT_EQ(Decimal::too_large_message().rfind("valore troppo grande (massimo", 0), 0u);
}

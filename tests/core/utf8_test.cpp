#include "core/utf8.h"

#include <gtest/gtest.h>

namespace utf8 = traguardi::utf8;

// Issue 15, defect 3: texts that are not UTF-8 got into the database.
TEST(Utf8, FindsTheFirstIllFormedByte) {
  EXPECT_FALSE(utf8::first_invalid("città è già"));
  EXPECT_EQ(utf8::first_invalid("citt\xe0"), 4u);           // Latin-1 à
  EXPECT_EQ(utf8::first_invalid("a\xc0\xafz"), 1u);         // overlong '/'
  EXPECT_EQ(utf8::first_invalid("\xed\xa0\x80"), 0u);       // surrogate
  EXPECT_EQ(utf8::first_invalid("ok\xf4\x90\x80\x80"), 2u); // beyond U+10FFFF
  EXPECT_EQ(utf8::first_invalid("\xe2\x82"), 0u);           // truncated €
  EXPECT_FALSE(utf8::first_invalid("\xf0\x9f\x98\x80"));    // emoji
}

TEST(Utf8, ConvertsWindows1252) {
  EXPECT_EQ(utf8::from_windows1252("citt\xe0 \x80 \x93x\x94"), "città € “x”");
  EXPECT_EQ(utf8::from_windows1252("\x81"), "\xef\xbf\xbd");
  EXPECT_TRUE(utf8::valid(utf8::from_windows1252(std::string(1, '\xff'))));
}

TEST(Utf8, FindsControlCharacters) {
  EXPECT_FALSE(utf8::first_control("riga\tuno\r\ndue"));
  EXPECT_EQ(utf8::first_control(std::string("A\0B", 3)), 1u);
  EXPECT_EQ(utf8::first_control("x\x7f"), 1u);
}

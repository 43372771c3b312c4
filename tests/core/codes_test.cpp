#include "core/classification.h"
#include "core/codes.h"

#include <gtest/gtest.h>

using namespace traguardi;

TEST(Codes, DecodesProgrammeObjective) {
  auto d = decode_dup("DUP_04_1201_0601");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->level, Level::programma);
  EXPECT_EQ(d->mandate, 4);
  EXPECT_EQ(d->mission, "12");
  EXPECT_EQ(d->mission_seq, 1);
  EXPECT_EQ(d->programme, "06");
  EXPECT_EQ(d->programme_seq, 1);
  EXPECT_EQ(d->parent_code, "DUP_04_1201");
  EXPECT_EQ(decode_dup("DUP_04_1201")->parent_code, "DUP_04");
  EXPECT_EQ(decode_dup("DUP_04")->level, Level::mandato);
  EXPECT_FALSE(decode_dup("DUP_4_1201"));
  EXPECT_FALSE(decode_dup("DUP_04_1201_060"));
}

TEST(Codes, DecodesPegObjective) {
  auto p = decode_peg("2021_S08_20");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->year, 2021);
  EXPECT_EQ(p->sigla, "S08");
  EXPECT_EQ(p->structure_kind, 'S');
  EXPECT_EQ(p->structure_number, 8);
  EXPECT_EQ(p->sequence, 20);
  EXPECT_FALSE(decode_peg("2021_s08_20"));
  EXPECT_FALSE(decode_peg("21_S08_20"));
  EXPECT_EQ(level_of_code("2020_C04_00"), Level::peg);
}

TEST(Classification, ShippedTableMatchesNationalCodes) {
  ASSERT_GE(budget_classification().size(), 90u);
  auto p = find_budget_programme("12", "06");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Interventi per il diritto alla casa");
  EXPECT_TRUE(find_budget_programme("01", "11"));
  EXPECT_FALSE(find_budget_programme("12", "99"));
  EXPECT_FALSE(budget_mission_exists("31"));
}

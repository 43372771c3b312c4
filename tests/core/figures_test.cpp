#include "core/figures.h"

#include <gtest/gtest.h>

using namespace traguardi;

namespace {
Decimal d(const char* s) {
  return *Decimal::parse(s);
}
Phase phase(const char* w, std::optional<const char*> a) {
  Phase p;
  if (w) p.weight = d(w);
  if (a) p.progress = d(*a);
  return p;
}
Indicator indicator(std::optional<const char*> t, std::optional<const char*> a,
                    Scale s = Scale::count, Polarity pol = Polarity::higher_is_better) {
  Indicator i;
  if (t) i.target = d(*t);
  if (a) i.actual = d(*a);
  i.scale = s;
  i.polarity = pol;
  return i;
}
} // namespace

TEST(Progress, WeightedMean) {
  Objective o;
  o.phases = {phase("80", "100"), phase("20", "50")};
  auto f = compute_progress(o);
  EXPECT_EQ(f.value->to_string(), "90.00");
  EXPECT_EQ(f.weight_sum, d("100"));
  EXPECT_EQ(f.coverage->to_string(), "100.00");
}

TEST(Progress, WeightsSummingToFiftyAreNormalised) {
  // The real case of seed-spec §6.3.1: weights 25+25 with every fase at 100.
  Objective o;
  o.phases = {phase("25", "100"), phase("25", "100")};
  auto f = compute_progress(o);
  EXPECT_EQ(f.weight_sum, d("50"));
  EXPECT_EQ(f.value->to_string(), "100.00");
  EXPECT_NE(f.rule.find("normalizzati"), std::string::npos);
}

TEST(Progress, MissingProgressCountsAsZeroWithCoverage) {
  Objective o;
  o.phases = {phase("81", "100"), phase("19", std::nullopt)};
  auto f = compute_progress(o);
  EXPECT_EQ(f.value->to_string(), "81.00");
  EXPECT_EQ(f.reported_only->to_string(), "100.00");
  EXPECT_EQ(f.coverage->to_string(), "81.00");
  EXPECT_EQ(f.phases_without_progress, 1);
}

TEST(Progress, NoWeightsMeansEqualWeightsAndNoPhasesMeansUndefined) {
  Objective o;
  o.phases = {phase(nullptr, "100"), phase(nullptr, "0"), phase(nullptr, "50")};
  auto f = compute_progress(o);
  EXPECT_TRUE(f.equal_weights);
  EXPECT_EQ(f.value->to_string(), "50.00");
  Objective empty;
  EXPECT_FALSE(compute_progress(empty).value);
  Objective zero;
  zero.phases = {phase("0", "100")};
  EXPECT_FALSE(compute_progress(zero).value);
}

TEST(Achievement, HigherLowerBooleanAndCaps) {
  auto hi = compute_achievement(indicator("90", "80"));
  EXPECT_EQ(hi.ratio->to_plain_string(), "0.888889");
  EXPECT_FALSE(*hi.met);
  auto over = compute_achievement(indicator("3500", "546045"));
  EXPECT_EQ(over.ratio->to_plain_string(), "156.012857");
  EXPECT_EQ(*over.capped, d("1"));
  auto low = compute_achievement(indicator("500", "82", Scale::count, Polarity::lower_is_better));
  EXPECT_EQ(*low.ratio, d("1"));
  auto low_bad =
      compute_achievement(indicator("500", "1000", Scale::count, Polarity::lower_is_better));
  EXPECT_EQ(low_bad.ratio->to_plain_string(), "0.5");
  EXPECT_EQ(*compute_achievement(indicator("1", "0", Scale::boolean)).ratio, d("0"));
  EXPECT_EQ(*compute_achievement(indicator("1", "1", Scale::boolean)).ratio, d("1"));
  EXPECT_FALSE(compute_achievement(indicator("5", std::nullopt)).ratio);
  EXPECT_FALSE(compute_achievement(indicator("0", "3")).ratio);
}

TEST(Achievement, ObjectiveMeanOfCappedIndicators) {
  Objective o;
  o.indicators = {indicator("90", "80"), indicator("3500", "546045"), indicator("5", std::nullopt)};
  auto f = compute_figures(o);
  EXPECT_EQ(f.achievement.indicators, 3);
  EXPECT_EQ(f.achievement.defined, 2);
  // (0.888889 + 1) / 2 = 0.9444445 -> 0.944445 (6 decimals) -> × 100
  EXPECT_EQ(f.achievement.value->to_string(), "94.44");
}

TEST(Rollups, PegFiguresFeedEveryAncestor) {
  Dataset ds;
  auto obj = [](std::string code, Level l, std::string parent) {
    Objective o;
    o.vista = "V";
    o.code = std::move(code);
    o.level = l;
    o.parent = std::move(parent);
    return o;
  };
  ds.objectives = {obj("DUP_01", Level::mandato, ""), obj("DUP_01_1201", Level::missione, "DUP_01"),
                   obj("DUP_01_1201_0601", Level::programma, "DUP_01_1201"),
                   obj("2021_S01_01", Level::peg, "DUP_01_1201_0601"),
                   obj("2021_S01_02", Level::peg, "DUP_01_1201_0601")};
  ds.objectives[3].phases = {phase("100", "100")};
  ds.objectives[4].phases = {phase("100", "50")};
  ds.objectives[3].center = "S01";
  auto r = compute_rollups(ds, compute_all(ds));
  auto find = [&](const std::string& axis, const std::string& key) -> const RollupFigure* {
    for (const auto& x : r)
      if (x.axis == axis && x.key == key) return &x;
    return nullptr;
  };
  ASSERT_TRUE(find("mandato", "V/DUP_01"));
  EXPECT_EQ(find("mandato", "V/DUP_01")->progress->to_string(), "75.00");
  EXPECT_EQ(find("programma", "V/DUP_01_1201_0601")->objectives, 2);
  EXPECT_EQ(find("cdr", "S01")->progress->to_string(), "100.00");
}

TEST(Rollups, OwnerAxesCountPegObjectivesOnly) {
  Dataset ds;
  Objective prog;
  prog.vista = "V";
  prog.code = "DUP_01_1201_0601";
  prog.level = Level::programma;
  prog.center = "S01";
  Objective peg = prog;
  peg.code = "2021_S01_01";
  peg.level = Level::peg;
  peg.parent = prog.code;
  peg.phases = {phase("100", "40")};
  ds.objectives = {prog, peg};
  auto r = compute_rollups(ds, compute_all(ds));
  for (const auto& x : r)
    if (x.axis == "cdr") {
      EXPECT_EQ(x.objectives, 1);
      EXPECT_EQ(x.progress->to_string(), "40.00");
      // A roll-up names what it averages (issue 14): the PEG objective, not the programma.
      EXPECT_EQ(x.inputs, std::vector<std::string>{"2021_S01_01"});
    }
}

// The dashboard's roll-ups (app/dashboard.h), shared by the home page and GET …/dashboard: PEG
// objectives only in the cards, exact means over the objectives that have the figure, late and
// off-target objectives as of a given day, and the axes labelled as the page shows them.
#include "app/dashboard.h"

#include <gtest/gtest.h>

using namespace traguardi;

namespace {

Decimal dec(const char* text) {
  return *Decimal::parse(text);
}

Objective objective(const std::string& code, Level level, const std::string& center) {
  Objective o;
  o.vista = "DUP";
  o.code = code;
  o.level = level;
  o.center = center;
  o.short_description = "Breve " + code;
  o.description = "Descrizione " + code;
  return o;
}

Phase phase(const char* progress, std::optional<Date> planned_end) {
  Phase p;
  p.order = 1;
  p.weight = dec("100");
  if (progress) p.progress = dec(progress);
  p.planned_end = planned_end;
  return p;
}

Indicator indicator(const char* target, const char* actual) {
  Indicator i;
  i.order = 1;
  i.target = dec(target);
  i.actual = dec(actual);
  return i;
}

ResponsibilityCenter center(const char* code, const char* name, const char* short_name) {
  ResponsibilityCenter c;
  c.code = code;
  c.name = name;
  c.short_name = short_name;
  return c;
}

Dataset plan() {
  Dataset d;
  d.ente.code = "C_X";
  d.centers = {center("S1", "Settore primo", "Primo"), center("S2", "Settore secondo", "")};
  Objective a = objective("A", Level::peg, "S1");
  a.phases.push_back(phase("50", Date::make(2026, 6, 30))); // late on 2026-07-01
  a.indicators.push_back(indicator("10", "5"));             // 50%: off target
  Objective b = objective("B", Level::peg, "S1");
  b.phases.push_back(phase("100", Date::make(2026, 6, 30))); // done: not late
  b.indicators.push_back(indicator("10", "10"));
  Objective c = objective("C", Level::peg, "S2");
  c.phases.push_back(phase(nullptr, Date::make(2026, 12, 31))); // not yet due
  Objective p = objective("P", Level::programma, "S2");         // not a PEG objective
  p.phases.push_back(phase("10", Date::make(2020, 1, 1)));
  d.objectives = {a, b, c, p};
  return d;
}

} // namespace

TEST(Dashboard, CardsCountPegObjectivesWithExactMeans) {
  const Dataset d = plan();
  const auto f = app::dashboard_figures(d, *Date::make(2026, 7, 1));
  EXPECT_EQ(f.peg_objectives, 3);
  // Progress: A 50, B 100, C 0 (a fase without avanzamento counts as 0) → 50.
  EXPECT_EQ(f.with_progress, 3);
  EXPECT_EQ(f.mean_progress, dec("50"));
  // Achievement: A 50, B 100; C has no indicator → mean of two.
  EXPECT_EQ(f.with_achievement, 2);
  EXPECT_EQ(f.mean_achievement, dec("75"));
  ASSERT_EQ(f.late.size(), 1u);
  EXPECT_EQ(f.late[0]->code, "A"); // P is late too, but not a PEG objective
  ASSERT_EQ(f.off_target.size(), 1u);
  EXPECT_EQ(f.off_target[0]->code, "A");
  // A day later in the year, C is late as well.
  EXPECT_EQ(app::dashboard_figures(d, *Date::make(2027, 1, 1)).late.size(), 2u);
}

TEST(Dashboard, AxesLabelledAsThePageShowsThem) {
  const Dataset d = plan();
  const auto f = app::dashboard_figures(d, *Date::make(2026, 7, 1));
  const auto rows = app::dashboard_axis(d, f, "cdr");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].figure->key, "S1");
  EXPECT_EQ(rows[0].label, "Primo"); // the short name when there is one
  EXPECT_EQ(rows[0].figure->objectives, 2);
  EXPECT_EQ(rows[0].figure->progress, dec("75"));
  EXPECT_EQ(rows[1].label, "Settore secondo");
  EXPECT_EQ(rows[1].figure->objectives, 1); // the programma does not count on owner axes
  EXPECT_TRUE(app::dashboard_axis(d, f, "assessorato").empty());
  EXPECT_EQ(app::dashboard_axes(), (std::vector<std::string>{"cdr", "missione", "assessorato"}));
}

#include "app/demo.h"

#include <set>

#include <gtest/gtest.h>

#include "core/references.h"
#include "core/validation.h"

using namespace traguardi;

TEST(Demo, ValdoraHasTheDocumentedShape) {
  Dataset d = demo::make_ente(0, demo::Options{});
  EXPECT_EQ(d.ente.name, "Comune di Valdora");
  int by_level[4] = {0, 0, 0, 0};
  std::set<std::string> peg_centers;
  int phases = 0, indicators = 0, history_years = 0;
  for (const auto& o : d.objectives) {
    ++by_level[static_cast<int>(o.level)];
    if (o.level == Level::peg) peg_centers.insert(o.center);
    phases += static_cast<int>(o.phases.size());
    indicators += static_cast<int>(o.indicators.size());
    for (const auto& i : o.indicators)
      if (o.level == Level::peg) history_years = std::max<int>(history_years, i.history.size());
  }
  EXPECT_GE(by_level[0], 4);
  EXPECT_GE(by_level[1], 8);
  EXPECT_GE(by_level[2], 12);
  EXPECT_EQ(by_level[3], 30);
  EXPECT_EQ(peg_centers.size(), 5u);
  EXPECT_GT(phases, 30);
  EXPECT_GT(indicators, 30);
  EXPECT_EQ(history_years, 3);
}

TEST(Demo, IsDeterministicConsistentAndClean) {
  demo::Options big{1, 250};
  EXPECT_EQ(demo::make_ente(7999, big), demo::make_ente(7999, big));
  EXPECT_NE(demo::make_ente(1, big), demo::make_ente(2, big));
  for (int index : {0, 1, 7999}) {
    for (int n : {1, 30, 250, demo::kMaxPegObjectives}) {
      Dataset d = demo::make_ente(index, demo::Options{1, n});
      EXPECT_TRUE(check_references(d).empty()) << index << " " << n;
      auto findings = validate(d);
      EXPECT_FALSE(has_errors(findings))
          << index << " " << n << ": " << (findings.empty() ? "" : findings[0].message);
    }
  }
}

TEST(Demo, DataAnOfficeWouldBelieve) {
  const Dataset d = demo::make_ente(0, demo::Options{});
  for (const auto& o : d.objectives) {
    if (o.level != Level::peg) continue;
    // "Concluso" only when every fase is done.
    bool all_done = !o.phases.empty();
    for (const auto& f : o.phases)
      if (!f.progress || *f.progress != Decimal::from_int(100)) all_done = false;
    EXPECT_EQ(o.state == "Concluso", all_done) << o.code;
    // The Polizia Locale works on road safety only.
    if (o.center.rfind("05_C", 0) == 0) {
      const Objective* programme = find_objective(d, o.vista, o.parent);
      ASSERT_TRUE(programme);
      EXPECT_EQ(programme->short_description, "Strade sicure") << o.code;
    }
    // The unit an indicator's description names is its scale.
    for (const auto& i : o.indicators) {
      const bool pct = i.description.find("(%)") != std::string::npos;
      const bool eur = i.description.find("(euro)") != std::string::npos;
      EXPECT_EQ(pct, i.scale == Scale::percent) << o.code << " " << i.description;
      EXPECT_EQ(eur, i.scale == Scale::euro) << o.code << " " << i.description;
      if (i.scale == Scale::percent && i.actual) {
        EXPECT_LE(*i.actual, Decimal::from_int(100)) << o.code;
      }
    }
  }
}

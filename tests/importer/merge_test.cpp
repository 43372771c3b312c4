// Merging imported sheets into a Dataset: idempotence, entity matching, series across years.
#include <algorithm>

#include <gtest/gtest.h>

#include "app/sheet_merge.h"
#include "core/italian.h"
#include "fixture_text.h"
#include "seed_census.h"

using namespace traguardi;
using importer::parse_sheet_text;

namespace {

importer::ImportedSheet parsed(const std::string& text, const std::string& name) {
  auto s = parse_sheet_text(text, name);
  EXPECT_TRUE(s) << (s ? "" : s.error().full());
  return s ? *s : importer::ImportedSheet{};
}

const Indicator& indicator(const Dataset& d, const char* vista, const char* code, int order) {
  const Objective* o = find_objective(d, vista, code);
  EXPECT_TRUE(o) << code;
  return o->indicators.at(static_cast<std::size_t>(order - 1));
}

bool has_finding(const app::SheetMergeReport& r, const char* code) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [&](const auto& f) { return f.code == code; });
}

} // namespace

TEST(SheetMerge, ImportingTheSameSheetTwiceChangesNothing) {
  SKIP_WITHOUT_SEEDS(text, "001");
  auto sheet = parsed(*text, "001.txt");
  Dataset d;
  auto first = app::merge_sheet(d, sheet);
  EXPECT_TRUE(first.changed());
  EXPECT_EQ(first.objectives_added, 31);
  EXPECT_GT(first.ancestors_added, 0);
  const Dataset after_first = d;
  auto second = app::merge_sheet(d, parsed(*text, "001.txt"));
  EXPECT_FALSE(second.changed());
  EXPECT_EQ(second.objectives_unchanged, 31);
  EXPECT_EQ(d, after_first);
}

TEST(SheetMerge, ChangedSheetBumpsOnlyTheChangedRecords) {
  std::string text = read_fixture("valdora_peg_2020.txt");
  Dataset d;
  app::merge_sheet(d, parsed(text, "v2020.txt"));
  std::string edited = text;
  edited.replace(edited.find("30,00 30,00"), 11, "30,00 31,00");
  auto r = app::merge_sheet(d, parsed(edited, "v2020.txt"));
  EXPECT_EQ(r.objectives_updated, 1);
  const Objective* o = find_objective(d, "DUP_2020_2022", "2020_S03_04");
  ASSERT_TRUE(o);
  EXPECT_EQ(o->version, 2);
  EXPECT_EQ(o->indicators[0].version, 1);
  EXPECT_EQ(o->indicators[1].version, 2);
  EXPECT_EQ(italian::format_number(*o->indicators[1].actual), "31,00");
  EXPECT_EQ(o->phases[0].version, 1);
  EXPECT_EQ(d.documents.size(), 2u);
}

TEST(SheetMerge, NextYearSheetLinksSeriesAndReportsConflicts) {
  for (bool newest_first : {false, true}) {
    SCOPED_TRACE(newest_first ? "2021 prima del 2020" : "2020 prima del 2021");
    Dataset d;
    auto y2020 = parsed(read_fixture("valdora_peg_2020.txt"), "v2020.txt");
    auto y2021 = parsed(read_fixture("valdora_peg_2021.txt"), "v2021.txt");
    app::SheetMergeReport last;
    if (newest_first) {
      app::merge_sheet(d, y2021);
      last = app::merge_sheet(d, y2020);
    } else {
      app::merge_sheet(d, y2020);
      last = app::merge_sheet(d, y2021);
    }
    // Three values, the third equal to the 2020 actual: the N-1 column is confirmed.
    const Indicator& hours = indicator(d, "DUP_2021_2023", "2021_S03_04", 1);
    ASSERT_EQ(hours.history.size(), 1u);
    EXPECT_EQ(hours.history[0].year, 2020);
    EXPECT_FALSE(hours.history[0].ambiguous);
    EXPECT_TRUE(has_finding(last, "storico_confermato"));
    // Four values whose N-1 contradicts the 2020 sheet: kept as printed, reported.
    const Indicator& seats = indicator(d, "DUP_2021_2023", "2021_S03_04", 2);
    EXPECT_EQ(italian::format_number(*seats.history.at(0).value), "28,00");
    EXPECT_TRUE(has_finding(last, "storico_in_conflitto"));
    // Three values, the third not the 2020 actual: moved to N-2, the 2020 actual linked.
    const Indicator& courses = indicator(d, "DUP_2021_2023", "2021_S03_04", 3);
    ASSERT_EQ(courses.history.size(), 2u);
    EXPECT_EQ(courses.history[0].year, 2020);
    EXPECT_EQ(courses.history[0].column, 0);
    EXPECT_EQ(italian::format_number(*courses.history[0].value), "25,00");
    EXPECT_EQ(courses.history[1].year, 2019);
    EXPECT_EQ(courses.history[1].column, 2);
    EXPECT_FALSE(courses.history[1].ambiguous);
    EXPECT_TRUE(has_finding(last, "storico_spostato"));
    // Same person and assessorato in both years despite case, spacing and an OCR slip.
    ASSERT_EQ(d.persons.size(), 2u);
    const Person* elena = find_person(d, "BIANCHI ELENA");
    ASSERT_TRUE(elena);
    EXPECT_EQ(elena->aliases.size(), 1u);
    EXPECT_EQ(d.assessorati.size(), 1u);
    EXPECT_EQ(d.assessorati[0].aliases.size(), 1u);
    // Re-importing both changes nothing more.
    const Dataset settled = d;
    EXPECT_FALSE(app::merge_sheet(d, y2020).changed());
    EXPECT_FALSE(app::merge_sheet(d, y2021).changed());
    EXPECT_EQ(d, settled);
  }
}

TEST(SheetMerge, SeedSheetsShareEntitiesAndSeries) {
  auto t000 = census::read_seed("000");
  auto t001 = census::read_seed("001");
  auto t003 = census::read_seed("003");
  if (!t000 || !t001 || !t003) SHARED_MISSING("seed in ../shared/seeds");
  Dataset d;
  app::merge_sheet(d, parsed(*t003, "003.txt"));
  auto r = app::merge_sheet(d, parsed(*t001, "001.txt"));
  app::merge_sheet(d, parsed(*t000, "000.txt"));
  // F001:3706 prints 6,00 in an ambiguous column; 2020_S08_00 reached 6,00 (seed-spec Q39).
  const Indicator& summer = indicator(d, "DUP_2021_2023", "2021_S08_00", 2);
  ASSERT_EQ(summer.history.size(), 1u);
  EXPECT_EQ(summer.history[0].year, 2020);
  EXPECT_FALSE(summer.history[0].ambiguous);
  EXPECT_TRUE(has_finding(r, "storico_confermato"));
  // The settore printed as a long name (F003) and as code 08_S_2020 (F001) is one centre.
  int socio = 0;
  for (const auto& c : d.centers)
    if (c.name == "SETTORE SOCIOEDUCATIVO E RISORSE UMANE") {
      ++socio;
      EXPECT_EQ(c.code, "08_S_2020");
    }
  EXPECT_EQ(socio, 1);
  const Objective* s08_2020 = find_objective(d, "DUP_2020_2022", "2020_S08_00");
  ASSERT_TRUE(s08_2020);
  EXPECT_EQ(s08_2020->center, "08_S_2020");
  // Famiglie (F000) / Famiglia (F001), both with lntegrazione: one assessorato, two spellings.
  const Assessorato* cp = nullptr;
  for (const auto& a : d.assessorati)
    if (a.description.rfind("Centralità della persona", 0) == 0) {
      EXPECT_EQ(cp, nullptr);
      cp = &a;
    }
  ASSERT_TRUE(cp);
  EXPECT_EQ(cp->aliases.size(), 1u);
  // A programme objective linked from F001 and printed in F000 is one objective with both.
  const Objective* prog = find_objective(d, "DUP_2021_2023", "DUP_04_1201_0601");
  ASSERT_TRUE(prog);
  EXPECT_EQ(prog->level, Level::programma);
  EXPECT_FALSE(prog->indicators.empty());
  EXPECT_FALSE(prog->short_description.empty());
  // Persons printed in lower case in F003 and upper case in F001 are one person.
  EXPECT_TRUE(find_person(d, "CARUSO GIANLUCA"));
  EXPECT_EQ(std::count_if(d.persons.begin(), d.persons.end(),
                          [](const Person& p) { return p.key == "ROSA NADIA"; }),
            1);
}

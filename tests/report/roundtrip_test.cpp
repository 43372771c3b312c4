// A PDF printed by traguardi, read back by the legacy importer (src/importer), gives the same
// objectives, fasi and indicators (issue 4). The importer reads the FASI and INDICATORI tables
// of the PDF by column position (src/importer/pdf_tables.h), so wrapped cells, empty cells and
// the blocks traguardi adds (DATI CALCOLATI, page footer) come back where they belong.
#include <gtest/gtest.h>

#include "fixture.h"
#include "importer/sheet_import.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "report/text_rules.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

class RoundTrip : public ::testing::TestWithParam<ReportKind> {
protected:
  void SetUp() override {
    data = testing::report_fixture();
    Selection s;
    s.center = "05_S_2024";
    s.level = "peg";
    auto sel = select_objectives(data, GetParam(), s);
    ASSERT_TRUE(sel);
    for (const Objective* o : sel->objectives)
      printed.push_back(o);
    ASSERT_FALSE(printed.empty());
    Document doc = build_scheda(data, GetParam(), *sel, Date{2025, 1, 15});
    const std::string path = testing::scratch_dir("roundtrip") + "/scheda.pdf";
    ASSERT_TRUE(write_pdf(doc, path));
    auto r = importer::import_sheet_file(path);
    ASSERT_TRUE(r) << r.error().message;
    imported = std::move(*r);
  }

  // Names as printed: the importer keys people and centres by what the sheet shows.
  std::string printed_person(const std::string& key) const {
    const Person* p = find_person(data, key);
    return p ? p->name : key;
  }
  std::string printed_center(const std::string& code) const {
    const ResponsibilityCenter* c = find_center(data, code);
    return c ? short_name(c->short_name.empty() ? c->name : c->short_name) : code;
  }
  std::string imported_person(const std::string& key) const {
    for (const auto& p : imported.persons)
      if (p.key == key) return p.name;
    return key;
  }
  std::string imported_center(const std::string& code) const {
    for (const auto& c : imported.centers)
      if (c.code == code) return c.short_name.empty() ? c.name : c.short_name;
    return code;
  }

  Dataset data;
  std::vector<const Objective*> printed;
  importer::ImportedSheet imported;
};

TEST_P(RoundTrip, ObjectivesFasiAndIndicatorValuesComeBack) {
  ASSERT_EQ(imported.objectives.size(), printed.size());
  for (std::size_t k = 0; k < printed.size(); ++k) {
    const Objective& want = *printed[k];
    const Objective& got = imported.objectives[k];
    EXPECT_EQ(got.code, want.code);
    ASSERT_EQ(got.phases.size(), want.phases.size()) << want.code;
    for (std::size_t i = 0; i < want.phases.size(); ++i) {
      const Phase &w = want.phases[i], &g = got.phases[i];
      EXPECT_EQ(g.weight, w.weight) << want.code << " fase " << i + 1;
      EXPECT_EQ(g.progress, w.progress) << want.code << " fase " << i + 1;
      EXPECT_EQ(g.planned_start, w.planned_start) << want.code << " fase " << i + 1;
      EXPECT_EQ(g.planned_end, w.planned_end) << want.code << " fase " << i + 1;
      EXPECT_EQ(g.description.substr(0, 20), w.description.substr(0, 20));
    }
    ASSERT_EQ(got.indicators.size(), want.indicators.size()) << want.code;
    for (std::size_t i = 0; i < want.indicators.size(); ++i) {
      EXPECT_EQ(got.indicators[i].target, want.indicators[i].target) << want.code << " ind " << i;
      EXPECT_EQ(got.indicators[i].actual, want.indicators[i].actual) << want.code << " ind " << i;
    }
  }
}

TEST_P(RoundTrip, EveryFieldComesBack) {
  ASSERT_EQ(imported.objectives.size(), printed.size());
  for (std::size_t k = 0; k < printed.size(); ++k) {
    const Objective& want = *printed[k];
    const Objective& got = imported.objectives[k];
    // The header prints at most 255 characters (seed-spec §3.1.4); that is what comes back.
    EXPECT_EQ(got.description, header_description(want.description)) << want.code;
    ASSERT_EQ(got.phases.size(), want.phases.size()) << want.code;
    for (std::size_t i = 0; i < want.phases.size(); ++i) {
      const Phase &w = want.phases[i], &g = got.phases[i];
      const std::string at = want.code + " fase " + std::to_string(i + 1);
      EXPECT_EQ(g.description, w.description) << at;
      EXPECT_EQ(g.weight, w.weight) << at;
      EXPECT_EQ(g.progress, w.progress) << at;
      EXPECT_EQ(g.planned_start, w.planned_start) << at;
      EXPECT_EQ(g.planned_end, w.planned_end) << at;
      EXPECT_EQ(g.actual_start, w.actual_start) << at;
      EXPECT_EQ(g.actual_end, w.actual_end) << at;
      EXPECT_EQ(imported_person(g.responsible), printed_person(w.responsible)) << at;
      EXPECT_EQ(imported_center(g.center), printed_center(w.center)) << at;
      EXPECT_EQ(g.note, w.note) << at;
    }
    ASSERT_EQ(got.indicators.size(), want.indicators.size()) << want.code;
    for (std::size_t i = 0; i < want.indicators.size(); ++i) {
      const Indicator &w = want.indicators[i], &g = got.indicators[i];
      const std::string at = want.code + " indicatore " + std::to_string(i + 1);
      EXPECT_EQ(g.description, w.description) << at;
      EXPECT_EQ(g.reference_year, w.reference_year) << at;
      EXPECT_EQ(g.type, w.type) << at;
      EXPECT_EQ(g.target, w.target) << at;
      EXPECT_EQ(g.actual, w.actual) << at;
      EXPECT_EQ(g.note, w.note) << at;
      ASSERT_EQ(g.history.size(), w.history.size()) << at;
      for (std::size_t h = 0; h < w.history.size(); ++h) {
        EXPECT_EQ(g.history[h].year, w.history[h].year) << at;
        EXPECT_EQ(g.history[h].value, w.history[h].value) << at;
        EXPECT_FALSE(g.history[h].ambiguous) << at << ": the column is known by position";
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothSheets, RoundTrip,
                         ::testing::Values(ReportKind::scheda_obiettivi,
                                           ReportKind::scheda_peg_rendicontazione),
                         [](const auto& info) {
                           return info.param == ReportKind::scheda_obiettivi
                                      ? std::string("SchedaObiettivi")
                                      : std::string("SchedaPegRendicontazione");
                         });

} // namespace
} // namespace traguardi::report

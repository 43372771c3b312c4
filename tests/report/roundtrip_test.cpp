// A PDF printed by traguardi, read back by the legacy importer (src/importer), gives the same
// objectives, fasi and indicators. The importer was written for the legacy sheets' text
// layout; what already survives the trip is asserted here, the rest is the disabled test
// below (see the report of issue 4).
#include <gtest/gtest.h>

#include "fixture.h"
#include "importer/sheet_import.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

class RoundTrip : public ::testing::Test {
protected:
  void SetUp() override {
    data = testing::report_fixture();
    Selection s;
    s.center = "05_S_2024";
    auto sel = select_objectives(data, ReportKind::scheda_peg_rendicontazione, s);
    ASSERT_TRUE(sel);
    for (const Objective* o : sel->objectives)
      printed.push_back(o);
    Document doc =
        build_scheda(data, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 15});
    const std::string path = testing::scratch_dir("roundtrip") + "/scheda.pdf";
    ASSERT_TRUE(write_pdf(doc, path));
    auto r = importer::import_sheet_file(path);
    ASSERT_TRUE(r) << r.error().message;
    imported = std::move(*r);
  }
  Dataset data;
  std::vector<const Objective*> printed;
  importer::ImportedSheet imported;
};

TEST_F(RoundTrip, ObjectivesFasiAndIndicatorValuesComeBack) {
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
      // An empty Valore Raggiunto cell leaves no trace in the text: checked below, disabled.
      if (want.indicators[i].actual) {
        EXPECT_EQ(got.indicators[i].actual, want.indicators[i].actual) << want.code << " ind " << i;
      }
    }
  }
}

// Not yet: wrapped fase descriptions, actual dates and notes are mixed up, an empty Valore
// Raggiunto takes the N-1 value, and the text after
// the last indicator (DATI CALCOLATI, footer) is taken as its note, because the importer reads
// the legacy line structure, not a ruled table. Enable when the importer reads table cells by
// column position (or the PDF gains the legacy line layout).
TEST_F(RoundTrip, DISABLED_EveryFieldComesBack) {
  for (std::size_t k = 0; k < printed.size() && k < imported.objectives.size(); ++k) {
    const Objective& want = *printed[k];
    const Objective& got = imported.objectives[k];
    EXPECT_EQ(got.description, want.description);
    for (std::size_t i = 0; i < want.phases.size() && i < got.phases.size(); ++i) {
      EXPECT_EQ(got.phases[i].description, want.phases[i].description);
      EXPECT_EQ(got.phases[i].actual_start, want.phases[i].actual_start);
      EXPECT_EQ(got.phases[i].actual_end, want.phases[i].actual_end);
      EXPECT_EQ(got.phases[i].note, want.phases[i].note);
    }
    for (std::size_t i = 0; i < want.indicators.size() && i < got.indicators.size(); ++i) {
      EXPECT_EQ(got.indicators[i].description, want.indicators[i].description);
      EXPECT_EQ(got.indicators[i].actual, want.indicators[i].actual);
      EXPECT_EQ(got.indicators[i].note, want.indicators[i].note);
      EXPECT_EQ(got.indicators[i].history.size(), want.indicators[i].history.size());
    }
  }
}

} // namespace
} // namespace traguardi::report

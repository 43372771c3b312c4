// Diagnostics: refusal of files that are not sheets, findings with file:line, strict mode.
#include <algorithm>

#include <gtest/gtest.h>

#include "core/italian.h"
#include "fixture_text.h"
#include "importer/sheet_import.h"

using namespace traguardi;
using importer::parse_sheet_text;

namespace {

std::vector<int> lines_of(const importer::ImportedSheet& s, const std::string& code) {
  std::vector<int> out;
  for (const auto& f : s.findings)
    if (f.code == code) out.push_back(f.line);
  return out;
}

} // namespace

TEST(ImportDiagnostics, RefusesTextThatIsNotASheet) {
  for (const std::string& text :
       {read_fixture("not_a_sheet.txt"), std::string(), std::string("\x00\xff\xfe", 3),
        std::string("SCHEDA OBIETTIVI\nData elaborazione 01/01/2021\n")}) {
    auto s = parse_sheet_text(text, "x.txt");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(s.error().where, "x.txt");
    // One Italian sentence a user can act on.
    EXPECT_EQ(std::count(s.error().message.begin(), s.error().message.end(), '.'), 1)
        << s.error().message;
    EXPECT_NE(s.error().message.find("scheda"), std::string::npos);
  }
}

TEST(ImportDiagnostics, IrregularSheetIsImportedWithFindings) {
  auto s = parse_sheet_text(read_fixture("valdora_obiettivi_irregolare.txt"), "irr.txt");
  ASSERT_TRUE(s) << s.error().full();
  ASSERT_EQ(s->objectives.size(), 1u);
  const Objective& o = s->objectives[0];
  EXPECT_EQ(o.code, "2020_S05_07");
  EXPECT_EQ(o.short_description, "Verde pubblico");
  EXPECT_EQ(o.parent, "DUP_03_0902_0501");
  EXPECT_EQ(o.implementation, "Scelta delle specie e delle aree.");
  ASSERT_EQ(o.phases.size(), 2u);
  EXPECT_FALSE(o.phases[1].progress);
  EXPECT_FALSE(o.phases[1].actual_start);
  ASSERT_EQ(o.indicators.size(), 1u);
  ASSERT_EQ(o.indicators[0].history.size(), 1u);
  EXPECT_TRUE(o.indicators[0].history[0].ambiguous);
  EXPECT_EQ(o.indicators[0].history[0].year, 2019);
  // Each odd line is reported at its own line, with what was expected and what was done.
  EXPECT_EQ(lines_of(*s, "collegamento_illeggibile"), (std::vector<int>{28, 31}));
  EXPECT_EQ(lines_of(*s, "catena_incoerente"), std::vector<int>{29});
  EXPECT_EQ(lines_of(*s, "avanzamento_mancante"), std::vector<int>{62});
  EXPECT_EQ(lines_of(*s, "date_effettive_mancanti"), std::vector<int>{62});
  EXPECT_EQ(lines_of(*s, "pesi_non_100"), std::vector<int>{44});
  EXPECT_EQ(lines_of(*s, "storico_ambiguo"), std::vector<int>{68});
  for (const auto& f : s->findings) {
    EXPECT_FALSE(f.expected.empty()) << f.format();
    EXPECT_FALSE(f.action.empty()) << f.format();
    EXPECT_EQ(f.format().rfind("irr.txt:" + std::to_string(f.line) + ": ", 0), 0u);
  }
  // The CdR long name wraps; the header splits assessorato and centre.
  ASSERT_FALSE(s->centers.empty());
  EXPECT_EQ(s->centers[0].name, "SETTORE LAVORI PUBBLICI E AMBIENTE");
  EXPECT_EQ(s->assessorati.at(0).description, "Ambiente e verde");
}

TEST(ImportDiagnostics, StrictTurnsWarningsIntoErrors) {
  auto s = parse_sheet_text(read_fixture("valdora_obiettivi_irregolare.txt"), "irr.txt");
  ASSERT_TRUE(s);
  auto findings = s->findings;
  int warnings = importer::count_severity(findings, Severity::warning);
  int infos = importer::count_severity(findings, Severity::info);
  ASSERT_GT(warnings, 0);
  EXPECT_EQ(importer::count_severity(findings, Severity::error), 0);
  importer::apply_strict(findings);
  EXPECT_EQ(importer::count_severity(findings, Severity::error), warnings);
  EXPECT_EQ(importer::count_severity(findings, Severity::info), infos);
}

TEST(ImportDiagnostics, CleanFixtureHasNoWarnings) {
  auto s = parse_sheet_text(read_fixture("valdora_peg_2020.txt"), "v.txt");
  ASSERT_TRUE(s) << s.error().full();
  EXPECT_EQ(importer::count_severity(s->findings, Severity::warning), 0);
  EXPECT_EQ(s->objectives.size(), 1u);
  EXPECT_EQ(s->phase_count(), 2);
  EXPECT_EQ(s->indicator_count(), 3);
  EXPECT_EQ(s->ente_name, "Comune di Valdora");
}

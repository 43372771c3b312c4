#include <gtest/gtest.h>

#include <filesystem>

#include "fixture.h"
#include "report/csv_renderer.h"
#include "report/scheda_builder.h"
#include "report/xlsx_renderer.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

using testing::count;
using testing::run;

Document fixture_sheet() {
  Dataset data = testing::report_fixture();
  auto sel = select_objectives(data, ReportKind::scheda_peg_rendicontazione, Selection{});
  EXPECT_TRUE(sel);
  return build_scheda(data, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 15});
}

/// A hand-made document, small enough to compare byte by byte.
Document tiny() {
  Document d;
  d.ente = "Comune di Prova";
  d.title = "SCHEDA OBIETTIVI";
  d.produced = Date{2025, 2, 3};
  d.parameters = {{"Vista", "DUP_2025_2027 DUP 2025 2027"}};
  Section s;
  s.code = "2025_S01_01";
  s.header.rows = {{{"OBIETTIVO DI PEG", "2025_S01_01", 1}, {"Descrizione", "Sì; \"bene\"", 2}}};
  Table t;
  t.heading = "FASI";
  t.sheet = "Fasi";
  t.columns = {{"Descrizione", 3}, {"Peso", 1, ValueKind::number}, {"Fine", 1, ValueKind::date}};
  t.rows.push_back({Cell::of_text("Prima fase\nsu due righe"),
                    Cell::of_number(Decimal::from_int(1134)), Cell::of_date(Date{2025, 12, 31})});
  t.rows.push_back({Cell::of_text("Seconda"), Cell::of_number(std::nullopt), Cell::of_date({})});
  s.blocks.push_back(t);
  d.sections.push_back(s);
  return d;
}

std::string csv_of(const std::vector<CsvFile>& files, const std::string& table) {
  for (const auto& f : files)
    if (f.table == table) return f.text;
  ADD_FAILURE() << "no CSV for " << table;
  return {};
}

TEST(Csv, OneTablePerFileWithBomSemicolonsRfc4180QuotingAndCrlf) {
  const auto files = render_csv(tiny());
  ASSERT_EQ(files.size(), 3u);
  // The objectives come first: they go to the file named by --out.
  EXPECT_EQ(files[0].table, "Obiettivi");
  EXPECT_EQ(files[0].suffix, "");
  EXPECT_EQ(files[0].text, "\xEF\xBB\xBF"
                           "OBIETTIVO DI PEG;Descrizione\r\n"
                           "2025_S01_01;\"Sì; \"\"bene\"\"\"\r\n");
  EXPECT_EQ(csv_of(files, "Parametri"), "\xEF\xBB\xBF"
                                        "Parametro;Valore\r\n"
                                        "Ente;Comune di Prova\r\n"
                                        "Scheda;SCHEDA OBIETTIVI\r\n"
                                        "Data elaborazione;03/02/2025\r\n"
                                        "Vista;DUP_2025_2027 DUP 2025 2027\r\n");
  EXPECT_EQ(csv_of(files, "Fasi"),
            "\xEF\xBB\xBF"
            "Obiettivo;Descrizione;Peso;Fine\r\n"
            "2025_S01_01;\"Prima fase\nsu due righe\";1.134,00;31/12/2025\r\n"
            "2025_S01_01;Seconda;;\r\n");
  EXPECT_EQ(csv_path("/d/scheda.csv", "_fasi"), "/d/scheda_fasi.csv");
  EXPECT_EQ(csv_path("/d.x/scheda", "_fasi"), "/d.x/scheda_fasi.csv");
}

TEST(Csv, FixtureSheetHasEveryTableKindAndItalianValues) {
  const auto files = render_csv(fixture_sheet());
  for (const char* table : {"Parametri", "Obiettivi", "Fasi", "Indicatori", "Dati calcolati"})
    EXPECT_EQ(csv_of(files, table).rfind("\xEF\xBB\xBF", 0), 0u) << table;
  const std::string csv = csv_of(files, "Indicatori");
  EXPECT_NE(csv.find("Obiettivo;Descrizione;Tipo;Valore Atteso;Valore Raggiunto;Valore Raggiunto "
                     "N-1;Valore Raggiunto N-2;Note\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("2024_S05_07;Alberi censiti nel sistema informativo;EFFICACIA;1.134,00;"
                     "1.134,00;980,00;546.045,00;dato del sistema informativo\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("2024_S05_07;Incontri con le scuole;QUANTITATIVO;20,00;;18,00;12,00;\r\n"),
            std::string::npos);
  // The rendicontazione's narrative fields are columns of the objectives table.
  const std::string objectives = csv_of(files, "Obiettivi");
  for (const char* column : {"Tipo di Obiettivo", "Collegato a", "Stato di attuazione"})
    EXPECT_NE(objectives.find(column), std::string::npos) << column;
  const std::string dir = testing::scratch_dir("csv");
  auto written = write_csv(fixture_sheet(), dir + "/scheda.csv");
  ASSERT_TRUE(written);
  EXPECT_EQ(written->size(), files.size());
  EXPECT_TRUE(std::filesystem::exists(dir + "/scheda_dati_calcolati.csv"));
}

class Xlsx : public ::testing::Test {
protected:
  void SetUp() override {
    path = testing::scratch_dir("xlsx") + "/scheda.xlsx";
    auto ok = write_xlsx(fixture_sheet(), path);
    ASSERT_TRUE(ok) << ok.error().message;
  }
  std::string part(const std::string& name) { return run("unzip -p " + path + " " + name); }
  std::string path;
};

TEST_F(Xlsx, OneWorksheetPerTableKind) {
  const std::string wb = part("xl/workbook.xml");
  std::size_t at = 0;
  for (const char* name : {"Parametri", "Obiettivi", "Fasi", "Indicatori", "Dati calcolati"}) {
    at = wb.find("<sheet name=\"" + std::string(name) + "\"", at);
    EXPECT_NE(at, std::string::npos) << name;
  }
}

TEST_F(Xlsx, HeaderIsFrozenAndFilteredAndValuesAreTyped) {
  const std::string fasi = part("xl/worksheets/sheet3.xml");
  EXPECT_NE(fasi.find("<pane ySplit=\"1\" topLeftCell=\"A2\""), std::string::npos);
  // 3 objectives: 2 + 2 + 14 fasi, 11 columns (objective code first).
  EXPECT_NE(fasi.find("<autoFilter ref=\"A1:K19\"/>"), std::string::npos);
  // Peso 60 as a number; 01/02/2024 as the Excel serial 45323 with a date style.
  EXPECT_NE(fasi.find("<v>60</v>"), std::string::npos);
  EXPECT_NE(fasi.find("<v>45323</v>"), std::string::npos);
  const std::string indicators = part("xl/worksheets/sheet4.xml");
  EXPECT_NE(indicators.find("<v>546045</v>"), std::string::npos);
  EXPECT_NE(indicators.find("<v>12.5</v>"), std::string::npos);
  const std::string styles = part("xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.00\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"dd/mm/yyyy\""), std::string::npos);
  const std::string strings = part("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Valore Raggiunto N-1"), std::string::npos);
  EXPECT_NE(strings.find("Alberi censiti nel sistema informativo"), std::string::npos);
  EXPECT_NE(strings.find("Fase 14 del censimento"), std::string::npos);
  EXPECT_NE(strings.find("SETTORE TERRITORIO, AMBIENTE E LAVORI PUBBLICI"), std::string::npos);
}

TEST(XlsxErrors, AnUnwritablePathIsReportedAndLeavesNoFile) {
  const std::string path = testing::scratch_dir("xlsx-err") + "/missing-folder/scheda.xlsx";
  auto r = write_xlsx(tiny(), path);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Impossibile"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

} // namespace
} // namespace traguardi::report

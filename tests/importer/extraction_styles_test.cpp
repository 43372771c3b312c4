// Regression fixtures for the extraction styles of issue 9 that the importer now reads: each
// invented sheet is committed twice, as printed (empty lines between cells) and as pdftotext's
// default mode gives it (no empty line between header cells, between centre and responsible,
// between a note and the next description; a line-final " -" dropped). Both must import alike,
// with the cells that were told apart by shape reported as findings at their lines.
#include <algorithm>

#include <gtest/gtest.h>

#include "fixture_text.h"
#include "importer/sheet_import.h"
#include "sheet_compare.h"

using traguardi::importer::ImportedSheet;
using traguardi::importer::parse_sheet_text;

namespace {

ImportedSheet parsed(const std::string& fixture) {
  auto s = parse_sheet_text(read_fixture(fixture), fixture);
  if (!s) throw std::runtime_error(s.error().full());
  return std::move(*s);
}

const traguardi::Objective& objective(const ImportedSheet& s, const std::string& code) {
  auto it = std::find_if(s.objectives.begin(), s.objectives.end(),
                         [&](const auto& o) { return o.code == code; });
  if (it == s.objectives.end()) throw std::runtime_error("manca " + code);
  return *it;
}

int findings(const ImportedSheet& s, const std::string& code) {
  return static_cast<int>(std::count_if(s.findings.begin(), s.findings.end(),
                                        [&](const auto& f) { return f.code == code; }));
}

void expect_same(const std::string& printed, const std::string& extracted) {
  auto a = sheetcmp::agree(parsed(printed), parsed(extracted));
  EXPECT_TRUE(a.full()) << extracted << ": " << a.fields - a.equal << " campi diversi";
  for (const auto& d : a.differences)
    ADD_FAILURE() << d;
}

TEST(ExtractionStyles, ReportHeaderWithoutEmptyLinesReadsLikeThePrint) {
  expect_same("valdora_peg_stampa.txt", "valdora_peg_senza_righe_vuote.txt");
  auto s = parsed("valdora_peg_senza_righe_vuote.txt");
  const auto& o = objective(s, "2021_S03_04");
  EXPECT_EQ(o.area, 10); // "10. VALDORA APERTA," wrapped over two lines
  EXPECT_EQ(o.description, "Consolidare gli orari serali della biblioteca e la sala studio.");
  EXPECT_EQ(o.responsible, "BIANCHI ELENA");
  // The dash pdftotext dropped at the end of "Welfare - Casa -" does not change the key.
  EXPECT_EQ(o.assessorato, "WELFARE CASA POLITICHE GIOVANILI");
  const auto& p = objective(s, "2021_S03_05");
  EXPECT_EQ(p.assessorato, "SPORT TEMPO LIBERO SERVIZI SOCIALI SALUTE"); // "Sociali - Salute"
  EXPECT_EQ(p.description, "Aprire le palestre scolastiche alle associazioni.");
  EXPECT_EQ(findings(s, "intestazione_per_forma"), 2);
  EXPECT_EQ(findings(s, "responsabile_per_forma"), 2);
}

TEST(ExtractionStyles, NarrowNoteIsNotTheNextDescription) {
  auto s = parsed("valdora_peg_senza_righe_vuote.txt");
  const auto& o = objective(s, "2021_S03_04");
  ASSERT_EQ(o.indicators.size(), 2u);
  EXPECT_EQ(o.indicators[0].note, "le ore del sabato sono state aggiunte a marzo.");
  EXPECT_EQ(o.indicators[1].description,
            "Posti della sala studio occupati ogni giorno in media nel corso dell'anno");
  const auto& p = objective(s, "2021_S03_05");
  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].note, "1=fatto\n0=non fatto");
  EXPECT_EQ(p.indicators[1].description,
            "Ore di apertura delle palestre alle associazioni del territorio");
  EXPECT_EQ(findings(s, "nota_per_larghezza"), 2);
  // The printed sheet, with its empty lines, needs no guess.
  EXPECT_EQ(findings(parsed("valdora_peg_stampa.txt"), "nota_per_larghezza"), 0);
}

TEST(ExtractionStyles, ProgrammeDelegationsEndWhereTheirNameCloses) {
  expect_same("valdora_programma_stampa.txt", "valdora_programma_senza_righe_vuote.txt");
  auto s = parsed("valdora_programma_senza_righe_vuote.txt");
  const auto& o = objective(s, "DUP_02_0501_0201");
  EXPECT_EQ(o.description,
            "Tenere aperte le biblioteche di quartiere anche la sera e nei fine settimana.");
  EXPECT_EQ(o.assessorato, "CULTURA (BIBLIOTECHE MUSEI TEATRO POLITICHE GIOVANILI TEMPO LIBERO)");
  ASSERT_EQ(s.assessorati.size(), 1u);
  EXPECT_EQ(s.assessorati[0].delegations,
            "Cultura (Biblioteche - Musei - Teatro - Politiche Giovanili - Tempo Libero)");
  EXPECT_EQ(findings(s, "intestazione_per_forma"), 1);
}

TEST(ExtractionStyles, UnplacedHeaderCellIsAWarningNamingTheLabel) {
  // The assessorato's parenthesis never closes: nothing is left for the description.
  std::string text = read_fixture("valdora_peg_senza_righe_vuote.txt");
  const std::string from = "Welfare - Casa Politiche Giovanili";
  text.replace(text.find(from), from.size(), "Welfare (Casa Politiche Giovanili");
  auto s = parse_sheet_text(text, "aperta.txt");
  ASSERT_TRUE(s) << s.error().full();
  auto it = std::find_if(s->findings.begin(), s->findings.end(),
                         [](const auto& f) { return f.code == "descrizione_non_trovata"; });
  ASSERT_NE(it, s->findings.end());
  EXPECT_EQ(it->line, 10);
  EXPECT_NE(it->message.find("2021_S03_04"), std::string::npos);
}

TEST(ExtractionStyles, TraguardiOwnSheetReadsBack) {
  // traguardi's own print: the running title before the cover's, "Pagina N di M" lines, years
  // under the column labels, yes/no values as "1 (sì)", and the DATI CALCOLATI it computes.
  auto s = parsed("valdora_scheda_traguardi.txt");
  EXPECT_EQ(s.vista.code, "DUP_2021_2023");
  for (const auto& f : s.findings)
    EXPECT_NE(f.severity, traguardi::Severity::warning) << f.format();
  const auto& o = objective(s, "2021_S03_05");
  ASSERT_EQ(o.indicators.size(), 2u);
  const auto& yes = o.indicators[0];
  EXPECT_EQ(yes.description, "Convenzione firmata (si=1 no=0)");
  ASSERT_TRUE(yes.target && yes.actual);
  EXPECT_EQ(yes.target->to_string(2), "1.00");
  EXPECT_EQ(yes.actual->to_string(2), "1.00");
  ASSERT_EQ(yes.history.size(), 1u);
  EXPECT_EQ(yes.history[0].year, 2020);
  EXPECT_EQ(yes.history[0].value->to_string(2), "0.00");
  EXPECT_EQ(yes.note, "");
  EXPECT_EQ(o.indicators[1].note, "") << "DATI CALCOLATI letti come nota";
}

TEST(ExtractionStyles, LabelsAboveTheirValuesBindToThem) {
  // One label per line, its value below (traguardi's own sheet read back by pdftotext): cover
  // parameters, the ente above a title alone, "Assessorato" and "Centro di Responsabilità"
  // each above its value, the description after the centre, "Tipo di Obiettivo" alone.
  auto s = parsed("valdora_etichette_sopra.txt");
  EXPECT_EQ(s.vista.code, "DUP_2020_2022");
  EXPECT_EQ(s.document.level, "OBIETTIVO DI PEG");
  EXPECT_EQ(s.ente_name, "Comune di Valdora");
  const auto& o = objective(s, "2020_S05_07");
  EXPECT_EQ(o.description, "Piantare cento alberi nei parchi di quartiere.");
  EXPECT_EQ(o.responsible, "ROSSI MARCO");
  EXPECT_EQ(o.assessorato, "AMBIENTE E VERDE");
  EXPECT_EQ(o.objective_type, "Gestionale");
  ASSERT_EQ(s.centers.size(), 1u);
  EXPECT_EQ(s.centers[0].name, "SETTORE LAVORI PUBBLICI E AMBIENTE");
  ASSERT_EQ(o.indicators.size(), 1u);
  EXPECT_EQ(o.indicators[0].description, "Alberi piantati"); // "Note" alone is a label
  ASSERT_EQ(o.indicators[0].history.size(), 1u);
  EXPECT_EQ(o.indicators[0].history[0].year, 2019); // the years wrapped under their labels
  for (const auto& f : s.findings)
    EXPECT_NE(f.severity, traguardi::Severity::warning) << f.format();
}

} // namespace

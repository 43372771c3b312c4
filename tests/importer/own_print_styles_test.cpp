// Regression fixtures for traguardi's own sheets read back one cell per line (issue 9): the
// invented sheets under tests/importer/fixtures as mutool prints them (labels above values,
// GANTT leftovers, FASI and INDICATORI one cell per line), as pdftotext's default mode prints
// them (every header label before the code, descriptions run together, a Tipo at the end of a
// description line, a capital kerned off its word) and as pdftotext -layout lays them out (cells
// side by side in columns). Each must give the same cells as the legacy print of the same sheet,
// with the reading said in findings at their lines.
#include <algorithm>

#include <gtest/gtest.h>

#include "fixture_text.h"
#include "importer/layout_boxes.h"
#include "importer/sheet_import.h"
#include "sheet_compare.h"

using traguardi::Severity;
using traguardi::importer::ImportedSheet;
using traguardi::importer::parse_sheet_text;

namespace {

ImportedSheet parsed(const std::string& fixture) {
  auto s = traguardi::importer::import_sheet_bytes(read_fixture(fixture), fixture);
  if (!s) throw std::runtime_error(s.error().full());
  return std::move(*s);
}

std::vector<int> lines_of(const ImportedSheet& s, const std::string& code) {
  std::vector<int> out;
  for (const auto& f : s.findings)
    if (f.code == code) out.push_back(f.line);
  return out;
}

// Every field of `other` as in `printed`, each difference a failure of its own.
void expect_read_alike(const ImportedSheet& printed, const ImportedSheet& other) {
  auto a = sheetcmp::agree(printed, other);
  EXPECT_TRUE(a.full()) << a.fields - a.equal << " campi diversi";
  for (const auto& d : a.differences)
    ADD_FAILURE() << d;
}

void expect_no_warning(const ImportedSheet& s) {
  for (const auto& f : s.findings)
    EXPECT_EQ(f.severity, Severity::info) << f.format();
}

TEST(OwnPrintStyles, OneCellPerLineReadsLikeThePrint) {
  auto printed = parsed("valdora_fasi_stampa.txt");
  auto cells = parsed("valdora_fasi_una_cella_per_riga.txt");
  expect_read_alike(printed, cells);
  ASSERT_EQ(cells.objectives.size(), 1u);
  const auto& o = cells.objectives[0];
  ASSERT_EQ(o.phases.size(), 2u); // the second printed after a page break
  EXPECT_EQ(o.phases[0].note, "scelte dieci specie locali");
  EXPECT_EQ(o.phases[1].weight->to_string(2), "60.00");
  EXPECT_EQ(o.phases[1].actual_end, traguardi::Date::make(2020, 12, 31));
  ASSERT_EQ(o.indicators.size(), 2u);
  EXPECT_EQ(o.indicators[0].note, "la stagione secca ha ritardato i lavori");
  ASSERT_EQ(o.indicators[0].history.size(), 2u);
  EXPECT_EQ(o.indicators[0].history[1].year, 2018);         // years printed under the labels
  EXPECT_EQ(o.indicators[1].target->to_string(2), "75.00"); // "75,00 %"
  EXPECT_EQ(lines_of(cells, "fasi_una_cella_per_riga"), std::vector<int>{58});
  EXPECT_EQ(lines_of(cells, "indicatori_una_cella_per_riga"), std::vector<int>{129});
  expect_no_warning(cells);
}

TEST(OwnPrintStyles, LigaturesReadAsTheirLetters) {
  // pdfminer gives the print's "ff", "fi" glyphs as one character each ("Eﬀettivo"): the labels
  // are still labels and the values keep their letters.
  expect_read_alike(parsed("valdora_fasi_stampa.txt"), parsed("valdora_fasi_legature.txt"));
  std::string text = read_fixture("valdora_programma_stampa.txt");
  for (const auto& [letters, ligature] :
       {std::pair{"ffi", "ﬃ"}, {"ff", "ﬀ"}, {"fi", "ﬁ"}, {"fl", "ﬂ"}})
    for (std::size_t at; (at = text.find(letters)) != std::string::npos;)
      text.replace(at, std::string(letters).size(), ligature);
  ASSERT_NE(text.find("ﬁne"), std::string::npos);
  auto with_ligatures = parse_sheet_text(text, "legature.txt");
  ASSERT_TRUE(with_ligatures) << with_ligatures.error().full();
  expect_read_alike(parsed("valdora_programma_stampa.txt"), *with_ligatures);
}

TEST(OwnPrintStyles, PageWithoutTitleOpensAtItsLevelLabel) {
  // pdfminer prints no title on the third page, and the fourth page's title inside its header:
  // each page opens at the level label that follows the previous page's footer, and the
  // title goes back there instead of running into the description.
  auto untitled = parsed("valdora_programma_pdfminer.txt");
  expect_read_alike(parsed("valdora_programma_pdfminer_con_titolo.txt"), untitled);
  ASSERT_EQ(untitled.objectives.size(), 3u);
  EXPECT_EQ(untitled.objectives[1].code, "DUP_02_0501_0202");
  EXPECT_EQ(untitled.objectives[2].description, "Portare i libri nelle scuole di quartiere.");
  EXPECT_TRUE(lines_of(untitled, "intestazione_senza_codice").empty());
  EXPECT_EQ(lines_of(untitled, "titolo_nella_pagina"), std::vector<int>{104}); // the move said
}

TEST(OwnPrintStyles, CoverLabelsBeforeTheirValues) {
  // pdfminer prints "Vista", "Livello", then both values: the level still selects the
  // programme sheet, whose header has the delegations.
  auto s = parsed("valdora_programma_pdfminer.txt");
  EXPECT_EQ(s.vista.code, "DUP_2021_2023");
  ASSERT_FALSE(s.objectives.empty());
  ASSERT_EQ(s.assessorati.size(), 1u);
  EXPECT_EQ(s.assessorati[0].delegations, "Cultura (Biblioteche - Musei - Teatro)");
  EXPECT_EQ(s.objectives[0].description,
            "Tenere aperte le biblioteche di quartiere anche la sera.");
}

TEST(OwnPrintStyles, PdfminerPegHeaderReadsLikeMutool) {
  // The cover's four labels before their values, and the Responsabile printed after the
  // objective's type and links: both read as mutool prints them.
  auto pdfminer = parsed("valdora_peg_pdfminer.txt");
  expect_read_alike(parsed("valdora_peg_mutool.txt"), pdfminer);
  ASSERT_EQ(pdfminer.objectives.size(), 1u);
  EXPECT_EQ(pdfminer.objectives[0].description,
            "Aprire le biblioteche di quartiere la sera e nei fine settimana");
  ASSERT_EQ(pdfminer.persons.size(), 1u);
  EXPECT_EQ(pdfminer.document.filter_value, "2021");
  EXPECT_EQ(lines_of(pdfminer, "responsabile_dopo_collegamenti"), std::vector<int>{62});
}

TEST(OwnPrintStyles, GanttLeftoversAreSkippedWithOneFinding) {
  // Year, month ticks, numbered fase labels and legend under GANTT: derived from the fasi.
  auto s = parsed("valdora_fasi_una_cella_per_riga.txt");
  EXPECT_EQ(lines_of(s, "gantt_saltato"), std::vector<int>{51});
  for (const auto& p : s.objectives[0].phases)
    EXPECT_EQ(p.description.find("1."), std::string::npos) << p.description;
  // Without the GANTT heading the same six lines are unread lines, each a warning at its line.
  std::string text = read_fixture("valdora_fasi_una_cella_per_riga.txt");
  text.replace(text.find("\nGANTT\n"), 7, "\n\n");
  auto bare = parse_sheet_text(text, "senza_gantt.txt");
  ASSERT_TRUE(bare) << bare.error().full();
  std::vector<int> unread;
  for (const auto& f : bare->findings)
    if (f.severity == Severity::warning) unread.push_back(f.line);
  EXPECT_EQ(unread, (std::vector<int>{51, 52, 53, 54, 55, 56}));
}

TEST(OwnPrintStyles, GanttTicksBeforeTheHeadingGoUnderIt) {
  // pdfminer prints the month ticks, year and legend before the GANTT heading, one a block:
  // they are still the chart's, skipped with it, not lines of the links above.
  auto before = parsed("valdora_gantt_prima_del_titolo.txt");
  expect_read_alike(parsed("valdora_fasi_una_cella_per_riga.txt"), before);
  EXPECT_EQ(lines_of(before, "gantt_saltato"), std::vector<int>{50});
  EXPECT_EQ(lines_of(before, "gantt_prima_del_titolo"), std::vector<int>{50});
  expect_no_warning(before);
}

TEST(OwnPrintStyles, HeaderLabelsBeforeTheCodeTakeTheirValuesInOrder) {
  auto s = parsed("valdora_programma_etichette_in_testa.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& o = s.objectives[0];
  EXPECT_EQ(o.assessorato, "CULTURA E TEMPO LIBERO");
  ASSERT_EQ(s.assessorati.size(), 1u);
  EXPECT_EQ(s.assessorati[0].delegations, "Biblioteche - Musei - Teatro"); // "T" / "eatro"
  ASSERT_EQ(s.centers.size(), 1u);
  EXPECT_EQ(s.centers[0].name, "Assessore Luca Neri"); // a councillor's centre, mixed case
  EXPECT_EQ(o.description, "Tenere aperte le biblioteche di quartiere anche la sera.");
  ASSERT_EQ(o.indicators.size(), 3u);
  // Two descriptions run together, then their records: each opens with its year.
  EXPECT_EQ(o.indicators[0].reference_year, 2020);
  EXPECT_EQ(o.indicators[0].actual->to_string(2), "44.00");
  ASSERT_EQ(o.indicators[0].history.size(), 1u);
  EXPECT_EQ(o.indicators[0].history[0].year, 2020); // "30,00 (*)", years read under the labels
  EXPECT_TRUE(o.indicators[0].history[0].ambiguous);
  EXPECT_EQ(o.indicators[1].reference_year, 2021);
  EXPECT_EQ(o.indicators[1].type, traguardi::IndicatorType::efficienza);
  EXPECT_FALSE(o.indicators[1].actual);
  // "… NELLE SALE EFFICACIA" / "COMUNALI": the Tipo at the end of the description's first line.
  EXPECT_EQ(o.indicators[2].description, "N. MOSTRE ORGANIZZATE NELLE SALE COMUNALI");
  EXPECT_EQ(o.indicators[2].target->to_string(2), "3.00");
  expect_no_warning(s);
}

TEST(OwnPrintStyles, ValueWithoutItsTipoIsAWarningAtItsLine) {
  std::string text = read_fixture("valdora_programma_etichette_in_testa.txt");
  const std::string at = "\nEFFICACIA\n\n40,00\n";
  text.replace(text.find(at), at.size(), "\n5,00\n\nEFFICACIA\n\n40,00\n");
  auto s = parse_sheet_text(text, "valore_orfano.txt");
  ASSERT_TRUE(s) << s.error().full();
  EXPECT_EQ(lines_of(*s, "valore_indicatore_illeggibile"), std::vector<int>{69});
  EXPECT_EQ(s->objectives[0].indicators[0].target->to_string(2), "40.00");
}

TEST(OwnPrintStyles, OwnSheetLaidOutInColumnsIsReadByColumn) {
  const std::string text = read_fixture("valdora_programma_layout.txt");
  EXPECT_TRUE(traguardi::importer::is_own_layout(text));
  EXPECT_FALSE(traguardi::importer::is_own_layout(read_fixture("valdora_peg_stampa.txt")));
  auto s = parsed("valdora_programma_layout.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& o = s.objectives[0];
  EXPECT_EQ(o.assessorato, "CULTURA E TEMPO LIBERO");
  ASSERT_EQ(s.assessorati.size(), 1u);
  EXPECT_EQ(s.assessorati[0].delegations, "Biblioteche - Musei - Teatro - Archivio storico");
  EXPECT_EQ(o.description, "Tenere aperte le biblioteche di quartiere anche la sera.");
  ASSERT_EQ(o.indicators.size(), 2u);
  EXPECT_EQ(o.indicators[0].description, "N. SERATE DI APERTURA DELLE BIBLIOTECHE DI QUARTIERE");
  ASSERT_EQ(o.indicators[0].history.size(), 1u);
  EXPECT_EQ(o.indicators[0].history[0].year, 2020); // its column, not a guess
  EXPECT_FALSE(o.indicators[0].history[0].ambiguous);
  EXPECT_FALSE(o.indicators[1].actual);
  EXPECT_EQ(o.indicators[1].note, "sale chiuse a marzo");
  expect_no_warning(s);
}

// Found by the fuzzer (scripts/fuzz-importer, AddressSanitizer): a -layout table without a
// Peso or Tipo label, a cell in its last column, read past the columns. The fuzzer replays the
// fixture under ASan first on every run; here, the objective's header is still read, no fase
// or indicator is made up, and the rows it cannot place are findings at their lines of the file
// (`import-sheet` refuses them: tests/regress/9-layout-table-without-anchor.test).
TEST(OwnPrintStyles, LayoutTableWithoutAnchorLabelIsReportedAtItsLines) {
  auto s = traguardi::importer::import_sheet_bytes(read_fixture("fuzz_layout_senza_ancora.txt"),
                                                   "fuzz_layout_senza_ancora.txt");
  ASSERT_TRUE(s) << s.error().full();
  ASSERT_EQ(s->objectives.size(), 1u);
  EXPECT_EQ(s->phase_count() + s->indicator_count(), 0);
  int unread = 0;
  for (const auto& f : s->findings)
    if (f.severity != Severity::info) {
      ++unread;
      EXPECT_TRUE(f.line >= 1 && f.line <= 109) << f.format();
    }
  EXPECT_GT(unread, 0);
}

// The grid's rounding can set an N-2 value one column left of the "Note" label, nearer it by
// centre, and with a note a single space after it (invented rows, issue 9).
TEST(OwnPrintStyles, LayoutN2ValueUnderTheNoteLabelStaysAValue) {
  auto s = parsed("valdora_programma_layout_n2_sotto_note.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ind = s.objectives[0].indicators;
  ASSERT_EQ(ind.size(), 4u);
  ASSERT_EQ(ind[2].history.size(), 2u);
  EXPECT_EQ(ind[2].history[1].year, 2019);
  EXPECT_EQ(ind[2].history[1].value->to_string(2), "9.00");
  EXPECT_EQ(ind[2].note, "");
  ASSERT_EQ(ind[3].history.size(), 2u);
  EXPECT_EQ(ind[3].history[1].value->to_string(2), "7.00");
  EXPECT_EQ(ind[3].note, "due sale nuove");
  expect_no_warning(s);
}

// A description line of -layout that ends with a word read as a Tipo ("QUALITA'"), far left of
// the Tipo label, goes on the description: it opens no row (invented rows, issue 9).
TEST(OwnPrintStyles, LayoutTipoWordInsideADescriptionOpensNoRow) {
  auto s = parsed("valdora_programma_layout_tipo_nel_testo.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ind = s.objectives[0].indicators;
  ASSERT_EQ(ind.size(), 3u);
  EXPECT_EQ(ind[2].description,
            "N. VERIFICHE SULLE SALE RESTAURATE E CONTROLLI DI QUALITA' DEGLI ALLESTIMENTI");
  EXPECT_EQ(ind[2].type, traguardi::IndicatorType::efficacia);
  EXPECT_EQ(ind[2].target->to_string(2), "4.00");
  expect_no_warning(s);
}

// -layout can start a FASI note a few characters left of its label, a single space after the
// centre: in capitals, or with a figure before its first lower-case word (invented rows, issue 9).
TEST(OwnPrintStyles, LayoutNoteSetASpaceAfterTheCentreStartsAtItsColumn) {
  auto s = parsed("valdora_peg_layout_nota_dopo_centro.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ph = s.objectives[0].phases;
  ASSERT_EQ(ph.size(), 2u);
  EXPECT_EQ(ph[0].note,
            "IN ATTESA DEL VERBALE DI COLLAUDO DEI VIGILI DEL FUOCO. LE SALE RESTANO CHIUSE");
  EXPECT_EQ(ph[1].note,
            "2 vetrine su 3 montate entro dicembre, la terza attende il vetro di ricambio");
  EXPECT_EQ(ph[0].center, ph[1].center);
  EXPECT_EQ(ph[1].actual_start, traguardi::Date::make(2021, 7, 1));
}

} // namespace

TEST(OwnPrintStyles, StaircaseFasiReadLikeThePrint) {
  // pdftotext's default order: descriptions with their first cells row after row, then the
  // remaining column labels and the cells each row still lacks.
  auto printed = parsed("valdora_fasi_stampa.txt");
  auto stairs = parsed("valdora_fasi_a_scala.txt");
  expect_read_alike(printed, stairs);
  ASSERT_EQ(stairs.objectives.size(), 1u);
  const auto& o = stairs.objectives[0];
  ASSERT_EQ(o.phases.size(), 2u);
  EXPECT_EQ(o.phases[0].note, "scelte dieci specie locali");
  EXPECT_EQ(o.phases[1].planned_end, traguardi::Date::make(2020, 12, 31)); // second pass
  EXPECT_EQ(lines_of(stairs, "fasi_a_scala"), std::vector<int>{58});
  expect_no_warning(stairs);
}

TEST(OwnPrintStyles, StaircaseWithTwoSplitsIsLeftUnread) {
  // One actual date of the first row gone: it may be its start or its end, so the rows are not
  // guessed and the cells stay unread lines.
  std::string text = read_fixture("valdora_fasi_a_scala.txt");
  const std::string cut = "scelte dieci specie locali\n\n01/02/2020\n\n30/04/2020\n";
  ASSERT_NE(text.find(cut), std::string::npos);
  text.replace(text.find(cut), cut.size(), "scelte dieci specie locali\n\n01/02/2020\n");
  auto s = parse_sheet_text(text, "due_letture.txt");
  ASSERT_TRUE(s) << s.error().full();
  EXPECT_TRUE(lines_of(*s, "fasi_a_scala").empty());
  EXPECT_FALSE(lines_of(*s, "riga_fase_ignorata").empty());
}

TEST(OwnPrintStyles, StaircaseNoteAfterTheActualDates) {
  // poppler may print a tall note after the actual dates of its row.
  std::string text = read_fixture("valdora_fasi_a_scala.txt");
  const std::string note = "scelte dieci specie locali\n\n01/02/2020\n\n30/04/2020\n";
  ASSERT_NE(text.find(note), std::string::npos);
  text.replace(text.find(note), note.size(),
               "01/02/2020\n\n30/04/2020\n\nscelte dieci specie locali\n");
  auto s = parse_sheet_text(text, "nota_dopo_le_date.txt");
  ASSERT_TRUE(s) << s.error().full();
  expect_read_alike(parsed("valdora_fasi_stampa.txt"), *s);
  EXPECT_EQ(lines_of(*s, "fasi_a_scala"), std::vector<int>{58});
}

TEST(OwnPrintStyles, StaircaseValueCellLeftEmpty) {
  // A fase with no avanzamento: the second pass goes on with its planned dates.
  std::string text = read_fixture("valdora_fasi_a_scala.txt");
  const std::string first = "60,00\n\n80,00\n\n01/05/2020\n\nNote";
  const std::string second = "30/04/2020\n\n31/12/2020\n\nROSSI MARCO";
  ASSERT_NE(text.find(first), std::string::npos);
  ASSERT_NE(text.find(second), std::string::npos);
  text.replace(text.find(first), first.size(), "60,00\n\nNote");
  text.replace(text.find(second), second.size(),
               "30/04/2020\n\n01/05/2020\n\n31/12/2020\n\nROSSI MARCO");
  auto s = parse_sheet_text(text, "avanzamento_vuoto.txt");
  ASSERT_TRUE(s) << s.error().full();
  ASSERT_EQ(s->objectives.size(), 1u);
  const auto& o = s->objectives[0];
  ASSERT_EQ(o.phases.size(), 2u);
  EXPECT_EQ(o.phases[1].weight->to_string(2), "60.00");
  EXPECT_FALSE(o.phases[1].progress);
  EXPECT_EQ(o.phases[1].planned_start, traguardi::Date::make(2020, 5, 1));
  EXPECT_EQ(o.phases[1].actual_end, traguardi::Date::make(2020, 12, 31));
  EXPECT_EQ(lines_of(*s, "fasi_a_scala"), std::vector<int>{58});
}

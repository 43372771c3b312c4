// The cell stream (issue 9, src/importer/cell_stream.h): an invented sheet printed as HTML the
// way traguardi prints it, read back by real tools and committed as they gave it: pandoc
// plain (grid container, multiline tables), pandoc markdown (the same with escapes, spans and
// fences), pandoc gfm (raw HTML rows), docx2txt (one cell per line, empty cells kept) and w3m
// at 100 columns (cells wrapped in columns padded with spaces, centred in their rows).
// Every style must import the same objective, fasi and indicators, and findings must name the
// line of the file where the row is.
#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "fixture_text.h"
#include "importer/cell_stream.h"
#include "importer/sheet_import.h"
#include "sheet_compare.h"

using traguardi::Decimal;
using traguardi::IndicatorType;
using traguardi::importer::ImportedSheet;
using traguardi::importer::parse_sheet_text;
using traguardi::importer::plain_cell_text;

namespace {

const char* const kStyles[] = {"valdora_html_pandoc_plain.txt", "valdora_html_pandoc_markdown.txt",
                               "valdora_html_pandoc_gfm.txt", "valdora_html_docx2txt.txt",
                               "valdora_html_w3m.txt"};

ImportedSheet parsed(const std::string& fixture) {
  auto s = parse_sheet_text(read_fixture(fixture), fixture);
  if (!s) throw std::runtime_error(fixture + ": " + s.error().full());
  return std::move(*s);
}

Decimal dec(const char* s) {
  return *Decimal::parse(s);
}

// The text of line `n` (1-based) of a fixture and of the line after it.
std::string lines_at(const std::string& fixture, int n) {
  std::istringstream in(read_fixture(fixture));
  std::string line, out;
  for (int k = 1; std::getline(in, line) && k <= n + 1; ++k)
    if (k >= n) out += line + "\n";
  return out;
}

} // namespace

TEST(CellStream, EveryToolStyleReadsTheSameSheet) {
  for (const char* style : kStyles) {
    SCOPED_TRACE(style);
    ImportedSheet s = parsed(style);
    ASSERT_EQ(s.objectives.size(), 1u);
    const auto& o = s.objectives[0];
    EXPECT_EQ(s.ente_name, "Comune di Valdora");
    EXPECT_EQ(s.vista.code, "DUP_2025_2027");
    EXPECT_EQ(o.code, "2025_V03_01");
    EXPECT_EQ(o.description,
              "Rinnovare i percorsi ciclabili del lungofiume e curarne la manutenzione");
    EXPECT_EQ(o.responsible, "MARINI ELENA");
    EXPECT_EQ(o.parent, "DUP_03_0901_0201");
    EXPECT_EQ(o.state, "In Corso");
    EXPECT_EQ(o.implementation, "Progetto condiviso con le associazioni del quartiere.");
    ASSERT_EQ(o.phases.size(), 2u);
    EXPECT_EQ(o.phases[0].description, "Progetto esecutivo del tratto nord");
    EXPECT_EQ(o.phases[0].weight, dec("40"));
    EXPECT_EQ(o.phases[0].progress, dec("100"));
    EXPECT_EQ(o.phases[0].note, "Approvato in giunta");
    EXPECT_EQ(o.phases[0].actual_end->iso(), "2025-06-27");
    // "&amp;" decoded; the empty note and the empty actual end stay empty, nothing slides.
    EXPECT_EQ(o.phases[1].description, "Lavori del tratto sud & segnaletica");
    EXPECT_EQ(o.phases[1].progress, dec("35"));
    EXPECT_EQ(o.phases[1].note, "");
    EXPECT_EQ(o.phases[1].actual_start->iso(), "2025-07-15");
    EXPECT_FALSE(o.phases[1].actual_end);
    ASSERT_EQ(o.indicators.size(), 2u);
    EXPECT_EQ(o.indicators[0].type, IndicatorType::efficacia);
    EXPECT_EQ(o.indicators[0].target, dec("4"));
    EXPECT_EQ(o.indicators[0].actual, dec("1.5"));
    EXPECT_TRUE(o.indicators[0].history.empty());
    EXPECT_EQ(o.indicators[0].note, "Misurati a fine anno");
    EXPECT_EQ(o.indicators[1].type, IndicatorType::efficienza);
    ASSERT_EQ(o.indicators[1].history.size(), 1u);
    EXPECT_EQ(o.indicators[1].history[0].year, 2024);
    EXPECT_EQ(o.indicators[1].history[0].value, dec("88"));
  }
}

TEST(CellStream, StylesAgreeFieldByField) {
  const ImportedSheet reference = parsed(kStyles[0]);
  for (const char* style : kStyles) {
    auto a = sheetcmp::agree(reference, parsed(style));
    EXPECT_TRUE(a.full()) << style << ": " << a.fields - a.equal << " campi diversi";
    for (const auto& d : a.differences)
      ADD_FAILURE() << style << ": " << d;
  }
}

TEST(CellStream, FindingsNameTheRowsLineInTheFile) {
  for (const char* style : kStyles) {
    ImportedSheet s = parsed(style);
    auto f = std::find_if(s.findings.begin(), s.findings.end(),
                          [](const auto& x) { return x.code == "fine_effettiva_mancante"; });
    ASSERT_NE(f, s.findings.end()) << style;
    // The row's own line: its description (or, in HTML, the <tr> right above it).
    EXPECT_NE(lines_at(style, f->line).find("Lavori del"), std::string::npos)
        << style << ":" << f->line;
  }
}

TEST(CellStream, MarkupIsStrippedWithoutMergingCells) {
  EXPECT_EQ(plain_cell_text("## 2025_V03_01 {#tg-obiettivo-1 .tg-code}"), "2025_V03_01");
  EXPECT_EQ(plain_cell_text("[OBIETTIVO DI PROGRAMMA:]{.tg-lead} DUP_03 Città"),
            "OBIETTIVO DI PROGRAMMA: DUP_03 Città");
  EXPECT_EQ(plain_cell_text("l\\'emergenza \\*non\\* risolta"), "l'emergenza *non* risolta");
  EXPECT_EQ(plain_cell_text(":   DUP_2025_2027 DUP 2025 2027"), "DUP_2025_2027 DUP 2025 2027");
  EXPECT_EQ(plain_cell_text("Citta&#39; &amp; Valdora"), "Citta' & Valdora");
  EXPECT_EQ(plain_cell_text("<div>"), "");
  EXPECT_EQ(plain_cell_text("::: tg-band"), "");
  EXPECT_EQ(plain_cell_text("![](data:image/svg+xml;base64,AAAA)"), "");
  EXPECT_EQ(plain_cell_text("![](data:image/svg+xml;base64,AAAA){.tg-gantt}"), "");
  EXPECT_EQ(plain_cell_text("valore < 5 e > 2"), "valore < 5 e > 2");
  // pandoc's Markdown: "--" is an en dash, "---" an em dash, "\-\-" two hyphens.
  EXPECT_EQ(plain_cell_text("ore 9 -- 12 --- circa \\-\\- fine", true),
            "ore 9 \u2013 12 \u2014 circa -- fine");
  EXPECT_EQ(plain_cell_text("ore 9 -- 12"), "ore 9 -- 12");
}

TEST(CellStream, TextThatIsNoSheetIsStillRefused) {
  auto s = parse_sheet_text(read_fixture("not_a_sheet.txt"), "not_a_sheet.txt");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("non è una scheda"), std::string::npos) << s.error().message;
}

TEST(CellStream, TablesNestedInCellsAndStrayTagsAreNoCrash) {
  // Found by the fuzzer: a data table opened inside a cell, rows without cells, a caption
  // outside any table.
  const std::string html = "SCHEDA OBIETTIVI\n<table><tr><td>a<table><tr><td>b</td></tr>"
                           "</table>c</td></tr></table><td>x</td></tr><caption>y</caption>"
                           "</table></td><tr><th>z";
  auto s = parse_sheet_text(html, "nested.txt");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("alcun obiettivo"), std::string::npos) << s.error().message;
}

// w3m at 130 columns (an invented PEG sheet, `valdora_html_w3m_130.txt`): a note wraps so that
// a blank character column runs through it left of its label, and its left part has no label
// text above it. Labels are centred over their columns, so that part belongs to Note, not to the
// centre or the N-2 value before it (issue 9).
TEST(CellStream, W3mWrappedNoteStaysUnderItsCentredLabel) {
  ImportedSheet s = parsed("valdora_html_w3m_130.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& o = s.objectives[0];
  ASSERT_EQ(o.phases.size(), 2u);
  EXPECT_EQ(o.phases[0].note,
            "scelte dieci specie locali con il vivaio comunale (det. n. 12/2020) "
            "e due specie rare del giardino botanico (det. n. 31/2020 e 44/2020)");
  ASSERT_EQ(o.indicators.size(), 2u);
  EXPECT_EQ(o.indicators[0].note, "la stagione secca ha ritardato i lavori");
  ASSERT_EQ(o.indicators[0].history.size(), 2u);
  EXPECT_TRUE(std::none_of(s.findings.begin(), s.findings.end(),
                           [](const auto& f) { return f.code.starts_with("valore"); }));
}

// The same sheet with two-line indicator descriptions and one-line values
// (`valdora_html_w3m_130_descrizioni.txt`): both rows can be centred around their Tipo in two
// ways, but w3m wraps a line only when the next word does not fit, so "… nei parchi di" does
// not end the first row with "quartiere …" opening the second.
TEST(CellStream, W3mRowEndsWhereTheNextWordWouldNotFit) {
  ImportedSheet s = parsed("valdora_html_w3m_130_descrizioni.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ind = s.objectives[0].indicators;
  ASSERT_EQ(ind.size(), 2u);
  EXPECT_EQ(ind[0].description, "Realizzazione di un vivaio per le specie locali nei parchi di "
                                "quartiere compresi gli orti urbani entro marzo (si/no)");
  EXPECT_EQ(ind[1].description, "Piano di irrigazione dei viali alberati della zona nord e della "
                                "zona sud approvato dalla giunta");
  EXPECT_EQ(ind[1].target, dec("75"));
}

// html2text (Debian's 1.3.2a) wraps cells by characters but pads them by bytes: on a line with
// curly quotes or accented letters the cells after them stand as many positions left as the
// extra bytes, and a cell one byte wider than its column touches the next ("1 (sì)1 (sì)").
// An invented sheet printed by the real html2text (`valdora_html_html2text.txt`): its FASI and
// INDICATORI are read on a grid of bytes, with columns starting at their labels (issue 9).
TEST(CellStream, Html2textPadsCellsByBytes) {
  ImportedSheet s = parsed("valdora_html_html2text.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& o = s.objectives[0];
  ASSERT_EQ(o.phases.size(), 2u);
  EXPECT_EQ(o.phases[0].description,
            "Progettazione esecutiva del tratto nord con le “associazioni” di quartiere e "
            "verifica dell’accessibilità dei percorsi già esistenti");
  EXPECT_EQ(o.phases[0].weight, dec("40"));
  EXPECT_EQ(o.phases[0].planned_start->iso(), "2025-02-01");
  EXPECT_EQ(o.phases[0].planned_end->iso(), "2025-06-30");
  EXPECT_EQ(o.phases[0].responsible, "MARINI ELENA");
  EXPECT_EQ(o.phases[0].note, "Approvato in giunta");
  EXPECT_EQ(o.phases[0].actual_start->iso(), "2025-02-03");
  EXPECT_EQ(o.phases[0].actual_end->iso(), "2025-06-27");
  ASSERT_EQ(o.indicators.size(), 3u);
  EXPECT_EQ(o.indicators[0].note, "Misurati a fine anno");
  const auto& yes_no = o.indicators[2];
  EXPECT_EQ(yes_no.description, "Apertura del primo tratto entro l’estate (si=1, no=0)");
  EXPECT_EQ(yes_no.type, IndicatorType::efficacia);
  EXPECT_EQ(yes_no.target, dec("1"));
  EXPECT_EQ(yes_no.actual, dec("1"));
  ASSERT_EQ(yes_no.history.size(), 1u);
  EXPECT_EQ(yes_no.history[0].year, 2024);
  EXPECT_EQ(yes_no.history[0].value, dec("0"));
}

// html2text narrows a description column without accented letters to a few characters
// (`valdora_html_html2text_programma.txt`, an invented programme sheet): "PISTA" stands alone
// because "CICLABILE" would not have fitted after it, so it is a wrap, not a cell's end; and of
// tilings otherwise alike, the one where no description holds a year lead ("RINNOVATA (%) 2024
// - PERCORSI …") keeps every description whole (issue 9).
TEST(CellStream, Html2textNarrowDescriptionsKeepTheirRows) {
  ImportedSheet s = parsed("valdora_html_html2text_programma.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ind = s.objectives[0].indicators;
  ASSERT_EQ(ind.size(), 4u);
  EXPECT_EQ(ind[0].reference_year, 2024);
  EXPECT_EQ(ind[0].description, "N. TRATTI DI PISTA CICLABILE CON ILLUMINAZIONE RINNOVATA (%)");
  EXPECT_EQ(ind[0].target, dec("80"));
  EXPECT_EQ(ind[0].actual, dec("75"));
  for (std::size_t k = 1; k < 4; ++k) {
    EXPECT_EQ(ind[k].reference_year, 2023 + static_cast<int>(k));
    EXPECT_EQ(ind[k].description, "PERCORSI DI QUARTIERE RINNOVATI");
  }
  EXPECT_EQ(ind[2].type, IndicatorType::efficienza);
  EXPECT_EQ(ind[3].target, dec("3"));
}

// html2text pads by bytes, so a label with an accented letter as wide as its column runs into
// the next one: "Centro di ResponsabilitàNote" (`valdora_html_html2text_etichette_unite.txt`,
// an invented report sheet whose calculated data keep the page wide). The glued labels are two
// columns, Note starting where its label starts, and the centre keeps its wrapped line (issue 9).
TEST(CellStream, Html2textGluedLabelsAreTwoColumns) {
  ImportedSheet s = parsed("valdora_html_html2text_etichette_unite.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ph = s.objectives[0].phases;
  ASSERT_EQ(ph.size(), 1u);
  ASSERT_EQ(s.centers.size(), 2u);
  const auto centre = std::find_if(s.centers.begin(), s.centers.end(),
                                   [&](const auto& c) { return c.code == ph[0].center; });
  ASSERT_NE(centre, s.centers.end());
  EXPECT_EQ(centre->short_name, "SERV. VERDE, GIARDINI E PARCHI");
  EXPECT_EQ(ph[0].note, "avvio nuovo accordo firmato a cura di volontari del quartiere");
  EXPECT_EQ(ph[0].actual_start->iso(), "2025-02-03");
  EXPECT_EQ(ph[0].actual_end->iso(), "2025-04-30");
}

// A column narrower than "Valore Raggiunto 2024" prints its year under "Valore", and the space
// between "Valore" and "Raggiunto" is blank on every line: the year still ends the label, and
// the table keeps its four value columns (`valdora_html_html2text_anno_sotto_valore.txt`).
TEST(CellStream, Html2textYearUnderAWrappedLabel) {
  ImportedSheet s = parsed("valdora_html_html2text_anno_sotto_valore.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  const auto& ind = s.objectives[0].indicators;
  ASSERT_EQ(ind.size(), 1u);
  EXPECT_EQ(ind[0].target, dec("1"));
  EXPECT_EQ(ind[0].actual, dec("1"));
  ASSERT_EQ(ind[0].history.size(), 2u);
  EXPECT_EQ(ind[0].history[0].year, 2024);
  EXPECT_EQ(ind[0].history[0].value, dec("4"));
  EXPECT_EQ(ind[0].history[1].year, 2023);
  EXPECT_EQ(ind[0].history[1].value, dec("12"));
  EXPECT_EQ(ind[0].note, "");
}

// html2text prints consecutive paragraphs on consecutive lines, wrapped greedily at the width
// of the page's layout: a line with room for the next line's first word ends its paragraph,
// even before a word in lower case (`valdora_html_html2text_paragrafi.txt`, issue 9).
TEST(CellStream, Html2textParagraphsEndWhereALineHadRoom) {
  ImportedSheet s = parsed("valdora_html_html2text_paragrafi.txt");
  ASSERT_EQ(s.objectives.size(), 1u);
  ASSERT_EQ(s.objectives[0].status.size(), 1u);
  EXPECT_EQ(s.objectives[0].status[0].text,
            "Nel 2025 i volontari delle associazioni di quartiere hanno curato, con gli uffici del "
            "Comune:\nla pulizia e la potatura di sei giardini del quartiere nord, con tre uscite "
            "al mese da marzo a ottobre;\nle aiuole della piazza del mercato.\nIl servizio "
            "continua nel 2026 con le stesse associazioni, che hanno chiesto di aggiungere i "
            "giardini delle scuole primarie e del centro anziani di via dei Tigli.");
}

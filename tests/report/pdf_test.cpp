#include <gtest/gtest.h>

#include <regex>

#include "core/italian.h"
#include "fixture.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

using testing::count;
using testing::read_file;
using testing::run;

Document peg_sheet(const Dataset& d) {
  Selection s;
  s.center = "05_S_2024";
  auto sel = select_objectives(d, ReportKind::scheda_peg_rendicontazione, s);
  EXPECT_TRUE(sel) << sel.error().message;
  return build_scheda(d, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 15});
}

/// pdftotext joins words with runs of spaces in -layout mode; plain mode is enough here.
std::string pdf_text(const std::string& path) {
  // Raw order is drawing order: each cell whole, row after row. Wrapped cells still come out one
  // visual line at a time, so phrases are checked with the white space collapsed.
  return std::regex_replace(run("pdftotext -raw -enc UTF-8 " + path + " -"), std::regex("\\s+"),
                            " ");
}

class PdfTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir = testing::scratch_dir("pdf");
    data = testing::report_fixture();
    doc = peg_sheet(data);
    path = dir + "/scheda_peg.pdf";
    auto ok = write_pdf(doc, path);
    ASSERT_TRUE(ok) << ok.error().message;
    text = pdf_text(path);
  }
  std::string dir, path, text;
  Dataset data;
  Document doc;
};

TEST_F(PdfTest, ExtractedTextHasEveryCodeFaseAndIndicatorValue) {
  EXPECT_NE(text.find("SCHEDA PEG DI RENDICONTAZIONE"), std::string::npos);
  EXPECT_NE(text.find("Comune di Valdora"), std::string::npos);
  EXPECT_NE(text.find("Data elaborazione 15/01/2025"), std::string::npos);
  EXPECT_NE(text.find("Parametri selezionati:"), std::string::npos);
  EXPECT_NE(text.find("05_S_2024 SETT. TERRITORIO AMBIENTE E LL"), std::string::npos);
  for (const char* code : {"2024_S05_03", "2024_S05_07", "DUP_03_0901_0201", "DUP_03_0901"})
    EXPECT_NE(text.find(code), std::string::npos) << code;
  EXPECT_EQ(text.find("2024_S02_01"), std::string::npos) << "outside the selected CdR";
  for (const Section& s : doc.sections) {
    const Objective* o = find_objective(data, "DUP_2024_2026", s.code);
    ASSERT_NE(o, nullptr);
    for (const Phase& p : o->phases) {
      // Long descriptions wrap inside the cell: check the words, not the line.
      EXPECT_NE(text.find("Fase " + std::to_string(p.order) + " del censimento"), std::string::npos)
          << p.order;
      if (p.weight) {
        EXPECT_NE(text.find(italian::format_number(*p.weight)), std::string::npos);
      }
      if (p.planned_end) {
        EXPECT_NE(text.find(italian::format_date(*p.planned_end)), std::string::npos);
      }
    }
    if (o->phases.size() < 3)
      for (const Phase& p : o->phases) {
        EXPECT_NE(text.find(p.description), std::string::npos);
      }
    for (const Indicator& i : o->indicators) {
      EXPECT_NE(text.find(i.description), std::string::npos) << i.description;
      for (const auto& v : {i.target, i.actual})
        if (v) {
          EXPECT_NE(text.find(italian::format_number(*v)), std::string::npos);
        }
      for (const auto& h : i.history)
        if (h.value) {
          EXPECT_NE(text.find(italian::format_number(*h.value)), std::string::npos);
        }
    }
  }
  EXPECT_NE(text.find("1.134,00"), std::string::npos);
  EXPECT_NE(text.find("546.045,00"), std::string::npos);
  EXPECT_NE(text.find("12,50"), std::string::npos);
  EXPECT_NE(text.find("Valore Raggiunto 2023"), std::string::npos);
  EXPECT_NE(text.find("Valore Raggiunto 2022"), std::string::npos);
  EXPECT_NE(text.find("DATI CALCOLATI"), std::string::npos);
  EXPECT_NE(text.find("Σ(peso × avanzamento) / Σ(peso)"), std::string::npos);
  EXPECT_NE(text.find("Data di riferimento 31/12/2024"), std::string::npos);
}

TEST_F(PdfTest, HeaderDescriptionIsTruncatedAndRepeatedOnEveryPageOfTheObjective) {
  // The long description (over 255 characters) ends with "..." in the header.
  const std::string& full = find_objective(data, "DUP_2024_2026", "2024_S05_07")->description;
  EXPECT_GT(full.size(), 255u);
  // The header box keeps the legacy 255 characters and says so; the whole text is printed at
  // the end of the objective.
  EXPECT_NE(text.find("abbreviata a 255 caratteri"), std::string::npos);
  EXPECT_NE(text.find("consiglio."), std::string::npos);
  EXPECT_NE(text.find("Descrizione completa"), std::string::npos);
  std::string pages_of_07;
  int pages = std::stoi(
      std::regex_replace(run("pdfinfo " + path + " | grep Pages:"), std::regex("[^0-9]"), ""));
  int with_code = 0;
  for (int p = 1; p <= pages; ++p) {
    std::string page = run("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) +
                           " -enc UTF-8 " + path + " -");
    EXPECT_NE(page.find("Pagina " + std::to_string(p) + " di " + std::to_string(pages)),
              std::string::npos);
    if (page.find("2024_S05_07") != std::string::npos) {
      ++with_code;
      EXPECT_NE(page.find("Centro di responsabilità"), std::string::npos) << "page " << p;
    }
  }
  // The 40-paragraph narrative and the 14 fasi need several pages, each with the header.
  EXPECT_GE(with_code, 3);
}

TEST_F(PdfTest, PageCountIsCoverPlusObjectivePages) {
  int pages = std::stoi(
      std::regex_replace(run("pdfinfo " + path + " | grep Pages:"), std::regex("[^0-9]"), ""));
  // One cover, one page for the short objective, several for the long one.
  EXPECT_GE(pages, 5);
  EXPECT_LE(pages, 9);
  EXPECT_EQ(count(text, "Pagina 1 di " + std::to_string(pages)), 1);
  // The FASI table of the long objective breaks: its column labels are printed again.
  EXPECT_GE(count(text, "Inizio Previsto"), 3);
}

TEST_F(PdfTest, FontsAreDejaVuEmbeddedAsSubsets) {
  std::string fonts = run("pdffonts " + path);
  EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos) << fonts;
  std::istringstream lines(fonts);
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.find("DejaVu") == std::string::npos) continue;
    EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

TEST_F(PdfTest, OutputIsByteReproducible) {
  auto again = render_pdf(doc);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, read_file(path));
  EXPECT_NE(read_file(path).find("20250115000000"), std::string::npos) << "creation date";
}

TEST(PdfProgrammeSheet, PrintsFinalitaStruttureAndYearPrefixedIndicators) {
  Dataset data = testing::report_fixture();
  Selection s;
  s.center = "ASS2";
  auto sel = select_objectives(data, ReportKind::scheda_obiettivi, s);
  ASSERT_TRUE(sel) << sel.error().message;
  Document doc = build_scheda(data, ReportKind::scheda_obiettivi, *sel, Date{2025, 3, 1});
  const std::string path = testing::scratch_dir("pdf-programma") + "/scheda_obiettivi.pdf";
  ASSERT_TRUE(write_pdf(doc, path));
  const std::string text = pdf_text(path);
  EXPECT_NE(text.find("OBIETTIVO DI PROGRAMMA"), std::string::npos);
  // The deleghe have a box of their own beside the assessorato, not inside the CdR's.
  EXPECT_NE(text.find("Deleghe"), std::string::npos);
  EXPECT_NE(text.find("Ambiente - Verde pubblico - Mobilità - Energia"), std::string::npos);
  EXPECT_EQ(text.find("Deleghe:"), std::string::npos);
  EXPECT_NE(text.find("OBIETTIVO STRATEGICO:"), std::string::npos);
  EXPECT_NE(text.find("Strutture coinvolte"), std::string::npos);
  // Strutture coinvolte wrap in their cell instead of being cut at 30 characters.
  EXPECT_NE(text.find("Tutela, valorizzazione e recupero"), std::string::npos);
  EXPECT_NE(text.find("0,00%"), std::string::npos);
  EXPECT_NE(text.find("2024 - N. NUOVI ALBERI MESSI A DIMORA EFFICACIA 400,00 412,00"),
            std::string::npos);
  EXPECT_NE(text.find("2026 - N. NUOVI ALBERI MESSI A DIMORA"), std::string::npos);
  EXPECT_NE(text.find("Valore Raggiunto 2023"), std::string::npos);
  EXPECT_NE(text.find("Stato In Corso"), std::string::npos);
  run("pdftoppm -r 60 -png " + path + " " + path + "-page");
}

TEST_F(PdfTest, ThreadCountDoesNotChangeTheBytes) {
  Document many = doc;
  while (many.sections.size() < 20)
    many.sections.push_back(doc.sections[many.sections.size() % 2]);
  auto one = render_pdf(many, 1), three = render_pdf(many, 3);
  ASSERT_TRUE(one && three);
  EXPECT_EQ(*one, *three);
  EXPECT_GT(one->size(), read_file(path).size());
}

TEST_F(PdfTest, PagesRenderToImages) {
  run("pdftoppm -r 60 -png " + path + " " + dir + "/page");
  EXPECT_FALSE(read_file(dir + "/page-1.png").empty());
}

} // namespace
} // namespace traguardi::report

// The PDF a PA publishes must be readable by a screen reader (issue 14): tagged structure with
// headings, tables whose header cells are TH, paragraphs in reading order, /MarkInfo Marked
// true and the document language it-IT. Checked with poppler's pdfinfo (-struct-text prints the
// structure tree with the text of each element), as a reader of the file sees it; veraPDF is
// not packaged in Debian.
#include <gtest/gtest.h>

#include <regex>

#include "fixture.h"
#include "report/pdf_language.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

using testing::count;
using testing::read_file;
using testing::run;

class PdfAccessibility : public ::testing::Test {
protected:
  void SetUp() override {
    const Dataset data = testing::report_fixture();
    Selection s;
    s.center = "05_S_2024";
    auto sel = select_objectives(data, ReportKind::scheda_peg_rendicontazione, s);
    ASSERT_TRUE(sel) << sel.error().message;
    doc = build_scheda(data, ReportKind::scheda_peg_rendicontazione, *sel, Date{2025, 1, 15});
    doc.sign_off = SignOff{};
    path = testing::scratch_dir("pdf_accessibility") + "/scheda.pdf";
    auto ok = write_pdf(doc, path);
    ASSERT_TRUE(ok) << ok.error().message;
  }
  Document doc;
  std::string path;
};

/// The object the newest trailer names as /Root, read through the newest cross-reference
/// section, as a PDF reader finds it.
std::string newest_catalog(const std::string& pdf) {
  const std::size_t sx = pdf.rfind("startxref");
  const std::size_t xref = std::stoul(pdf.substr(sx + 9));
  EXPECT_EQ(pdf.compare(xref, 4, "xref"), 0);
  const std::size_t root = std::stoul(pdf.substr(pdf.find("/Root", sx - 200) + 5));
  // "xref\nN 1\nOOOOOOOOOO 00000 n \n": the one entry of the update.
  std::smatch m;
  const std::string section = pdf.substr(xref, 64);
  EXPECT_TRUE(std::regex_search(section, m, std::regex("xref\n(\\d+) 1\n(\\d{10}) 00000 n \n")))
      << section;
  EXPECT_EQ(std::stoul(m[1]), root);
  const std::size_t at = std::stoul(m[2]);
  EXPECT_EQ(pdf.compare(at, std::to_string(root).size() + 6, std::to_string(root) + " 0 obj"), 0);
  return pdf.substr(at, pdf.find("endobj", at) - at);
}

TEST_F(PdfAccessibility, PdfinfoSeesATaggedDocument) {
  const std::string info = run("pdfinfo " + path + " 2>&1");
  EXPECT_TRUE(std::regex_search(info, std::regex("Tagged:\\s+yes"))) << info;
  EXPECT_EQ(info.find("Error"), std::string::npos) << info;
  const std::string catalog = newest_catalog(read_file(path));
  EXPECT_NE(catalog.find("/MarkInfo << /Marked true >>"), std::string::npos) << catalog;
  EXPECT_NE(catalog.find("/StructTreeRoot"), std::string::npos) << catalog;
}

TEST_F(PdfAccessibility, DocumentLanguageIsItalian) {
  const std::string catalog = newest_catalog(read_file(path));
  EXPECT_NE(catalog.find("/Lang (it-IT)"), std::string::npos) << catalog;
}

TEST_F(PdfAccessibility, StructureTreeHasHeadingsTablesWithHeaderCellsAndParagraphs) {
  const std::string tree = run("pdfinfo -struct-text " + path + " 2>&1");
  EXPECT_EQ(tree.rfind("Document", 0), 0u) << tree.substr(0, 300);
  // The cover: the title, then the selected parameters as a table of labels and values.
  EXPECT_NE(tree.find("H1 (block)\n    \"SCHEDA PEG DI RENDICONTAZIONE\""), std::string::npos);
  EXPECT_NE(tree.find("TH\n        \"Data di riferimento\""), std::string::npos);
  // One section per objective, each with its tables: FASI has its column labels as TH.
  EXPECT_EQ(count(tree, "\n  Sect"), static_cast<int>(doc.sections.size()));
  EXPECT_GE(count(tree, "H3 (block)\n      \"FASI\""), 1);
  EXPECT_GE(count(tree, "\"DATI CALCOLATI\""), static_cast<int>(doc.sections.size()));
  EXPECT_GT(count(tree, "      TH\n"), 0);
  EXPECT_GT(count(tree, "TD\n"), count(tree, "TH\n"));
  for (const Section& s : doc.sections)
    EXPECT_NE(tree.find("\"" + s.code), std::string::npos) << s.code;
  EXPECT_NE(tree.find("\"VISTI E FIRME\""), std::string::npos);
  EXPECT_GT(count(tree, "P (block)"), 0);
  EXPECT_GT(count(tree, "Figure"), 0); // the GANTT
  // Reading order: within a section the header comes before FASI, FASI before DATI CALCOLATI.
  const std::size_t first = tree.find("\n  Sect");
  EXPECT_LT(tree.find("\"FASI\"", first), tree.find("\"DATI CALCOLATI\"", first));
}

TEST(PdfLanguage, UpdateIsAppendedOnceAndOnlyToAPdf) {
  Document d;
  d.ente = "Comune di Prova";
  d.title = "SCHEDA OBIETTIVI";
  d.produced = Date{2025, 1, 15};
  auto bytes = render_pdf(d);
  ASSERT_TRUE(bytes);
  EXPECT_NE(newest_catalog(*bytes).find("/Lang (it-IT)"), std::string::npos);
  // The original bytes are kept as they were: the update only appends.
  auto again = with_document_language(*bytes, "it-IT");
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *bytes) << "a Catalog with /Lang is left alone";
  EXPECT_FALSE(with_document_language("non è un PDF", "it-IT"));
  EXPECT_FALSE(with_document_language(*bytes + "trailer\n<< /Size 3 >>\nstartxref\n9\n", "it-IT"));
}

} // namespace
} // namespace traguardi::report

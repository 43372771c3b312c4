// PDFs made from the seed texts (one PDF page per sheet page, as the old software printed
// them) are imported through poppler with the same census as the texts.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include "fixture_text.h"
#include "importer/sheet_import.h"
#include "importer/sheet_labels.h"
#include "importer/tsv_words.h"
#include "seed_census.h"

namespace fs = std::filesystem;
using namespace traguardi;

namespace {

// Draws `text` with a monospace font; a new PDF page starts at every sheet page title, so
// empty lines survive only as vertical space, as in a real print.
void write_pdf(const std::string& text, const std::string& path) {
  std::vector<std::vector<std::string>> pages(1);
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    bool title = importer::is_page_title(line) && line.find(' ') != std::string::npos &&
                 line.rfind("SCHEDA", 0) != 0;
    if (title && !pages.back().empty()) pages.emplace_back();
    pages.back().push_back(line);
  }
  const double font = 6, step = 8, margin = 30;
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 800, 800);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, font);
  for (const auto& page : pages) {
    cairo_pdf_surface_set_size(surface, 800, 2 * margin + step * static_cast<double>(page.size()));
    double y = margin;
    for (const auto& l : page) {
      if (!l.empty()) {
        cairo_move_to(cr, margin, y);
        cairo_show_text(cr, l.c_str());
      }
      y += step;
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

class PdfImport : public ::testing::TestWithParam<const char*> {
protected:
  void TearDown() override {
    if (!pdf_.empty()) fs::remove(pdf_);
  }
  std::string pdf_;
};

} // namespace

TEST_P(PdfImport, SameCensusAsTheText) {
  const std::string prefix = GetParam();
  auto text = census::read_seed(prefix);
  if (!text) SHARED_MISSING("seed " + prefix + " in ../shared/seeds");
  pdf_ = (fs::temp_directory_path() /
          ("traguardi-seed-" + prefix + "-" + std::to_string(::getpid()) + ".pdf"))
             .string();
  write_pdf(*text, pdf_);
  auto s = importer::import_sheet_file(pdf_);
  ASSERT_TRUE(s) << s.error().full();
  EXPECT_EQ(s->document.name, pdf_);
  census::check(prefix, *s);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PdfImport, ::testing::Values("000", "001", "003"));

TEST(PdfImportErrors, BrokenPdfIsRefusedWithASentence) {
  auto path =
      fs::temp_directory_path() / ("traguardi-broken-" + std::to_string(::getpid()) + ".pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out << "%PDF-1.4\nquesto non è un PDF valido\n";
  }
  auto s = importer::import_sheet_file(path.string());
  fs::remove(path);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("PDF"), std::string::npos);
}

TEST(PdfImportErrors, FixtureSheetRoundTripsThroughPdf) {
  auto path =
      fs::temp_directory_path() / ("traguardi-fixture-" + std::to_string(::getpid()) + ".pdf");
  write_pdf(read_fixture("valdora_peg_2021.txt"), path.string());
  auto s = importer::import_sheet_file(path.string());
  fs::remove(path);
  ASSERT_TRUE(s) << s.error().full();
  ASSERT_EQ(s->objectives.size(), 1u);
  EXPECT_EQ(s->phase_count(), 1);
  ASSERT_EQ(s->indicator_count(), 3);
  EXPECT_EQ(s->objectives[0].indicators[1].history.size(), 2u);
}

TEST(WordBoxTsv, DamagedRowsAreSkippedAndLinesComeBackInOrder) {
  const std::string head = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_"
                           "num\tleft\ttop\twidth\theight\tconf\ttext\n";
  const std::string rows = "5\t1\t0\t0\t0\t0\t41.00\t39.35\t16.80\t5.96\t100\tsecondo\n"
                           "5\t1\t0\t0\t0\t0\t41.00\t31.35\t16.80\t5.96\t100\tprimo\n"
                           "5\t1\t0\t0\t0\t1\tnan\t31.35\t16.80\t5.96\t100\trotto\n"
                           "5\t1\t0\t0\t0\t1\t70.00\t31.35\t1e300\t5.96\t100\tenorme\n"
                           "5\t1\t0\t0\t0\t1\t70.00\t31.35\t10.00\t0\t100\tpiatto\n"
                           "5\t1\t0\t0\t0\t1\t70.00\t31.35\n";
  ASSERT_TRUE(importer::is_word_box_tsv(head + rows));
  auto text = importer::word_box_tsv_to_text(head + rows);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "primo\nsecondo\n");
  EXPECT_FALSE(importer::word_box_tsv_to_text(head + "5\t1\t0\t0\t0\t1\tx\ty\tz\tw\t1\tniente\n"));
}

// The sheets of the demo comune and of the imported seeds, page by page (issue 14): no page
// whose only content is a heading or a single table row, the Gantt dated by the period and not
// by the printing day, units and marks printed. The pages are also rendered to PNG at 60 dpi in
// build/test-artifacts/sheets/ for people to look at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/demo.h"
#include "app/sheet_merge.h"
#include "importer/sheet_import.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "test_util.h"

namespace traguardi::report {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> read_seed(const std::string& prefix) {
  const fs::path dir = TRAGUARDI_SEEDS_DIR;
  if (!fs::exists(dir)) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      return s.str();
    }
  return std::nullopt;
}

/// The demo comune, or the seeds 000, 001 and 003 imported into one ente.
std::optional<Dataset> dataset(const std::string& name) {
  if (name == "demo") return demo::make_ente(0, demo::Options{});
  Dataset d;
  d.ente = {"C_SEED", "Ente dei seed", EnteKind::comune};
  for (const char* prefix : {"000", "001", "003"}) {
    auto text = read_seed(prefix);
    if (!text) return std::nullopt;
    auto sheet = importer::parse_sheet_text(*text, std::string(prefix) + ".txt");
    EXPECT_TRUE(sheet) << prefix;
    if (sheet) app::merge_sheet(d, *sheet);
  }
  return d;
}

struct Case {
  const char* data;
  ReportKind kind;
  const char* level;
};

std::string name_of(const Case& c) {
  return std::string(c.data) + "-" +
         (c.kind == ReportKind::scheda_obiettivi ? "obiettivi-" : "peg-") + c.level;
}

class SheetPages : public ::testing::TestWithParam<Case> {};

TEST_P(SheetPages, NoWidowPagesAndTheReferenceDateIsThePeriods) {
  const Case c = GetParam();
  auto d = dataset(c.data);
  if (!d) {
    if (std::getenv("CI")) FAIL() << "seeds missing in ../shared/seeds";
    GTEST_SKIP() << "seeds missing";
  }
  // Every vista of the data set, each printed years after its period.
  for (const auto& v : d->vistas) {
    Selection s;
    s.vista = v.code;
    s.level = c.level;
    auto sel = select_objectives(*d, c.kind, s);
    ASSERT_TRUE(sel) << sel.error().message;
    if (sel->objectives.empty()) continue;
    SheetOptions opt;
    opt.produced = Date{2031, 3, 3};
    const Document doc = build_scheda(*d, c.kind, *sel, opt);
    ASSERT_TRUE(doc.reference) << v.code;
    EXPECT_LT(doc.reference->year, 2031) << v.code;

    const auto pages = pdf_page_contents(doc);
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const PageContent& pc = pages[p];
      const int items = pc.headings + pc.rows + pc.lines + pc.gantt_rows;
      const std::string at = name_of(c) + " " + v.code + " page " + std::to_string(p + 1);
      if (pc.section_start) continue; // the objective header is content of its own
      EXPECT_FALSE(pc.headings > 0 && items == pc.headings) << at << ": only headings";
      EXPECT_FALSE(items == 1 && pc.rows == 1) << at << ": a single table row";
    }

    // Artifacts: the first pages at 60 dpi, and the text for the checks below.
    const fs::path out = fs::path(TRAGUARDI_BINARY_DIR) / "test-artifacts" / "sheets";
    fs::create_directories(out);
    const std::string base = (out / (name_of(c) + "-" + v.code)).string();
    ASSERT_TRUE(write_pdf(doc, base + ".pdf"));
    testing::run("pdftoppm -r 60 -png -f 1 -l 4 " + base + ".pdf " + base);
    const std::string text = testing::run("pdftotext -enc UTF-8 " + base + ".pdf -");
    EXPECT_EQ(text.find("…"), std::string::npos) << base << ": text cut with an ellipsis";
    EXPECT_NE(text.find("Data di riferimento"), std::string::npos) << base;
    EXPECT_EQ(text.find("Data di riferimento 03/03/2031"), std::string::npos) << base;
  }
}

INSTANTIATE_TEST_SUITE_P(
    DemoAndSeeds, SheetPages,
    ::testing::Values(Case{"demo", ReportKind::scheda_peg_rendicontazione, "peg"},
                      Case{"demo", ReportKind::scheda_obiettivi, "programma"},
                      Case{"demo", ReportKind::scheda_obiettivi, "mandato"},
                      Case{"seeds", ReportKind::scheda_peg_rendicontazione, "peg"},
                      Case{"seeds", ReportKind::scheda_obiettivi, "programma"},
                      Case{"seeds", ReportKind::scheda_obiettivi, "peg"}),
    [](const auto& info) {
      std::string n = name_of(info.param);
      for (auto& ch : n)
        if (ch == '-') ch = '_';
      return n;
    });

TEST(SheetText, DemoPrintsUnitsRollUpInputsAndTheSignOff) {
  const Dataset d = demo::make_ente(0, demo::Options{});
  auto sel = select_objectives(d, ReportKind::scheda_peg_rendicontazione, Selection{});
  ASSERT_TRUE(sel);
  SheetOptions opt;
  opt.produced = Date{2031, 3, 3};
  opt.sign_off = true;
  opt.draft = true;
  const std::string path = testing::scratch_dir("sheet-text") + "/peg.pdf";
  ASSERT_TRUE(write_pdf(build_scheda(d, ReportKind::scheda_peg_rendicontazione, *sel, opt), path));
  const std::string text = testing::run("pdftotext -enc UTF-8 " + path + " -");
  EXPECT_NE(text.find(" %"), std::string::npos);
  EXPECT_NE(text.find("€ "), std::string::npos);
  EXPECT_NE(text.find("Data di riferimento 31/12/2025"), std::string::npos);
  EXPECT_NE(text.find("VISTI E FIRME"), std::string::npos);
  EXPECT_NE(text.find("BOZZA"), std::string::npos);
  Selection m;
  m.level = "mandato";
  sel = select_objectives(d, ReportKind::scheda_obiettivi, m);
  ASSERT_TRUE(sel);
  const Document doc = build_scheda(d, ReportKind::scheda_obiettivi, *sel, opt);
  bool named = false;
  for (auto ref : all_tables(doc))
    if (ref.table->sheet == "Dati calcolati")
      for (const auto& row : ref.table->rows)
        if (row[2].text.find("obiettivi di PEG collegati: 2025_") != std::string::npos)
          named = true;
  EXPECT_TRUE(named) << "mandato roll-ups name their PEG objectives";
}

} // namespace
} // namespace traguardi::report

// Round-trip matrix (issue 9): traguardi prints its own Scheda Obiettivi and Scheda PEG of the
// imported seeds as PDF and HTML; real Debian tools turn them into text (pdftotext default,
// -raw, -layout, -tsv, mutool, pdfminer; pandoc plain, markdown, gfm, html2text, w3m, and
// HTML -> DOCX -> docx2txt); every text imports back to the same objectives, fasi and
// indicators, with the same values and header fields, as the PDF itself through the PDF path;
// the HTML sheet's narratives also keep the paragraphs of the seeds they were imported from.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "seed_census.h"
#include "sheet_compare.h"

namespace fs = std::filesystem;
using traguardi::importer::import_sheet_file;
using traguardi::importer::ImportedSheet;

namespace {

struct Sheet {
  const char* name;
  const char* report; // traguardi report arguments
};

const Sheet kSheets[] = {
    {"obiettivi-programma", "scheda-obiettivi --vista DUP_2021_2023 --livello programma"},
    {"obiettivi-peg", "scheda-obiettivi --vista DUP_2020_2022 --livello peg"},
    {"peg", "scheda-peg-rendicontazione --vista DUP_2021_2023 --anno 2021"},
};

struct Tool {
  const char* name;
  const char* input;   // "pdf" or "html"
  const char* command; // {in} and {out} replaced
};

const Tool kTools[] = {
    {"pdftotext", "pdf", "pdftotext {in} {out}"},
    {"pdftotext-raw", "pdf", "pdftotext -raw {in} {out}"},
    {"pdftotext-layout", "pdf", "pdftotext -layout {in} {out}"},
    {"pdftotext-tsv", "pdf", "pdftotext -tsv {in} {out}"},
    {"mutool", "pdf", "mutool draw -q -F txt -o {out} {in}"},
    {"pdfminer", "pdf", "pdf2txt -o {out} {in}"},
    {"pandoc-plain", "html", "pandoc -f html -t plain --wrap=none -o {out} {in}"},
    {"pandoc-markdown", "html", "pandoc -f html -t markdown --wrap=none -o {out} {in}"},
    {"pandoc-gfm", "html", "pandoc -f html -t gfm --wrap=none -o {out} {in}"},
    {"html2text", "html", "html2text -utf8 -o {out} {in}"},
    {"w3m", "html", "w3m -dump -cols 200 -T text/html -O UTF-8 {in} > {out}"},
    {"docx2txt", "html", "pandoc -f html -t docx -o {out}.docx {in} && docx2txt {out}.docx {out}"},
};

// Cells the importer does not read fully right yet (issue 9, open work). The test fails when
// one of them starts passing, so that the list only shrinks.
const std::set<std::string>& not_yet_read() {
  static const std::set<std::string> s{
#include "matrix_gaps.inc"
  };
  return s;
}

// The paragraphs of each narrative, by objective and field: the HTML sheet prints one <p> per
// paragraph, and a tool that reads HTML must give them back apart ("\n"), as the seeds were
// imported. (The PDF prints them as line breaks, which no PDF tool keeps.)
std::map<std::string, std::size_t> paragraphs(const ImportedSheet& s) {
  std::map<std::string, std::size_t> m;
  auto count = [](const std::string& t) {
    return t.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n'));
  };
  for (const auto& o : s.objectives) {
    m[o.code + " finalità strategica"] = count(o.strategic_purpose);
    m[o.code + " finalità operativa"] = count(o.operational_purpose);
    m[o.code + " modalità"] = count(o.implementation);
    for (std::size_t i = 0; i < o.status.size(); ++i)
      m[o.code + " stato " + std::to_string(i + 1)] = count(o.status[i].text);
  }
  return m;
}

// Narratives of `got` whose paragraphs are those of the seeds; differences listed.
int same_paragraphs(const std::map<std::string, std::size_t>& seeds, const ImportedSheet& got,
                    int& of, std::vector<std::string>& differences) {
  int same = 0;
  of = 0;
  for (const auto& [where, n] : paragraphs(got)) {
    auto it = seeds.find(where);
    if (it == seeds.end() || it->second < 2) continue; // only narratives with paragraphs
    ++of;
    if (it->second == n)
      ++same;
    else if (differences.size() < 5)
      differences.push_back(where + ": " + std::to_string(it->second) + " paragrafi, letti " +
                            std::to_string(n));
  }
  return same;
}

int sh(std::string cmd) {
  return std::system(("(" + cmd + ") >/dev/null 2>&1").c_str());
}

std::string replace(std::string s, const std::string& key, const std::string& value) {
  for (std::size_t at; (at = s.find(key)) != std::string::npos;)
    s.replace(at, key.size(), value);
  return s;
}

class ExtractionMatrix : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("traguardi-matrix-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path dir_;
};
fs::path ExtractionMatrix::dir_;

} // namespace

TEST_F(ExtractionMatrix, OwnSheetsReadBackByEveryTool) {
  std::string seeds;
  for (const char* p : {"000", "001", "003"}) {
    std::string path = census::seed_path(p);
    if (path.empty()) SHARED_MISSING("seed " + std::string(p) + " in ../shared/seeds");
    seeds += " '" + path + "'";
  }
  for (const char* tool :
       {"pdftotext", "mutool", "pdf2txt", "pandoc", "html2text", "w3m", "docx2txt"})
    if (sh(std::string("command -v ") + tool) != 0) {
      if (census::in_ci()) FAIL() << tool << " mancante: scripts/install-deps --test";
      GTEST_SKIP() << tool << " mancante (scripts/install-deps --test): test saltato";
    }
  std::map<std::string, std::size_t> seed_paragraphs;
  for (const char* p : {"000", "001", "003"}) {
    auto seed = import_sheet_file(census::seed_path(p));
    ASSERT_TRUE(seed) << seed.error().full();
    seed_paragraphs.merge(paragraphs(*seed));
  }
  const std::string bin = TRAGUARDI_BINARY;
  const std::string db = (dir_ / "t.db").string();
  ASSERT_EQ(sh(bin + " import-sheet --db " + db + seeds), 0) << "import dei seed";
  int cells = 0, full = 0;
  for (const Sheet& sheet : kSheets) {
    const std::string base = (dir_ / sheet.name).string();
    for (const char* format : {"pdf", "html"})
      ASSERT_EQ(sh(bin + " report " + sheet.report + " --db " + db + " --format " + format +
                   " --out " + base + "." + format),
                0)
          << sheet.name << " " << format;
    auto reference = import_sheet_file(base + ".pdf");
    ASSERT_TRUE(reference) << reference.error().full();
    // Our own print reads back through the PDF path without a line left unread (the findings
    // that make `import-sheet` refuse the sheet without --parziale).
    for (const auto& f : reference->findings) {
      const std::string& c = f.code;
      const bool unread = c.ends_with("_ignorata") || c.ends_with("_illeggibile") ||
                          c == "riga_fuori_sezione" || f.severity == traguardi::Severity::error;
      EXPECT_FALSE(unread) << sheet.name << ": " << f.format();
    }
    for (const Tool& tool : kTools) {
      const std::string cell = std::string(sheet.name) + " × " + tool.name;
      const std::string out = base + "." + tool.name + ".txt";
      std::string cmd =
          replace(replace(tool.command, "{in}", base + "." + tool.input), "{out}", out);
      ASSERT_EQ(sh(cmd), 0) << cell << ": " << cmd;
      auto s = import_sheet_file(out);
      sheetcmp::Agreement a;
      if (s) a = sheetcmp::agree(*reference, *s);
      const bool census = s && a.objectives == static_cast<int>(reference->objectives.size()) &&
                          a.phases == reference->phase_count() &&
                          a.indicators == reference->indicator_count();
      // The HTML sheet's narratives keep their paragraphs too.
      int same = 0, of = 0;
      std::vector<std::string> lost;
      if (std::string(tool.input) == "html" && s) {
        same = same_paragraphs(seed_paragraphs, *s, of, lost);
        EXPECT_GT(of, 0) << cell << ": nessun testo con più paragrafi nella scheda";
      }
      const bool ok = census && a.full() && same == of;
      ++cells;
      full += ok;
      std::cout << (ok ? "OK    " : "DIFF  ") << cell << ": " << a.objectives << "/" << a.phases
                << "/" << a.indicators << " (attesi " << reference->objectives.size() << "/"
                << reference->phase_count() << "/" << reference->indicator_count() << "), campi "
                << a.equal << "/" << a.fields << (s ? "" : " — " + s.error().message)
                << (of ? ", paragrafi " + std::to_string(same) + " di " + std::to_string(of) +
                             " testi"
                       : "")
                << "\n";
      for (const auto& d : a.differences)
        std::cout << "      " << d << "\n";
      for (const auto& d : lost)
        std::cout << "      " << d << "\n";
      if (not_yet_read().count(cell)) {
        EXPECT_FALSE(ok) << cell << " ora è letto bene: toglierlo da matrix_gaps.inc";
        continue;
      }
      EXPECT_TRUE(ok) << cell << ": " << a.objectives << "/" << a.phases << "/" << a.indicators
                      << ", " << a.fields - a.equal << " campi diversi, " << of - same
                      << " testi con paragrafi persi" << (s ? "" : " — " + s.error().message);
    }
  }
  std::cout << "celle lette bene: " << full << " di " << cells << "\n";
}

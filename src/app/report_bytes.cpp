#include "app/report_bytes.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "report/csv_renderer.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "report/xlsx_renderer.h"

namespace traguardi::app {

Result<std::string> xlsx_bytes(const report::Document& doc) {
  std::string path = (std::filesystem::temp_directory_path() / "traguardi-web-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return fail("impossibile creare un file temporaneo per il foglio XLSX");
  close(fd);
  std::string target = path + ".xlsx";
  std::filesystem::rename(path, target);
  auto ok = report::write_xlsx(doc, target);
  std::string body;
  if (ok) {
    std::ifstream in(target, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    body = ss.str();
  }
  std::error_code ec;
  std::filesystem::remove(target, ec);
  if (!ok) return tl::unexpected(ok.error());
  return body;
}

Result<SheetFile> document_file(const report::Document& doc, const std::string& format,
                                const std::string& name, bool html) {
  if (format == "pdf") {
    auto pdf = report::render_pdf(doc);
    if (!pdf) return tl::unexpected(pdf.error());
    return SheetFile{"application/pdf", name + ".pdf", std::move(*pdf)};
  }
  if (format == "csv") // one table per CSV file, so a ZIP of them
    return SheetFile{"application/zip", name + "-csv.zip", report::render_csv_zip(doc)};
  if (format == "xlsx") {
    auto x = xlsx_bytes(doc);
    if (!x) return tl::unexpected(x.error());
    return SheetFile{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     name + ".xlsx", std::move(*x)};
  }
  if (html && format == "html")
    return SheetFile{"text/html; charset=utf-8", name + ".html", report::render_html(doc)};
  return fail(html ? "formato non valido: atteso pdf, html, xlsx o csv"
                   : "formato non valido: atteso pdf, xlsx o csv",
              "formato");
}

} // namespace traguardi::app

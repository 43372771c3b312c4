// The sheet as a PDF: A4 landscape, DejaVu fonts embedded, paged like the legacy sheets.
//
// The legacy sheets were PDFs and people still file, sign and publish PDFs, so this is the
// main output. Cairo + Pango were chosen for measured wrapping, shaping and font subsetting
// (STACK.md §A.8). The file is byte-reproducible: its creation date is the document's
// "Data elaborazione", which follows SOURCE_DATE_EPOCH.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

/// The PDF bytes of the document. Long documents are laid out on `threads` threads (0 = up to
/// 4, as many as the machine has); the bytes are the same whatever the number.
Result<std::string> render_pdf(const Document& d, int threads = 0);
/// What the body of one printed page holds, for the widow rules (tests): headings, table rows
/// (or parts of rows), runs of paragraph lines, GANTT rows.
struct PageContent {
  int headings = 0, rows = 0, lines = 0, gantt_rows = 0;
  bool section_start = false; // first page of an objective (or the cover)
};
/// The pages of the document as laid out for the PDF, without producing it.
std::vector<PageContent> pdf_page_contents(const Document& d);

/// Writes the PDF to `path`; nothing is written when rendering fails.
Result<void> write_pdf(const Document& d, const std::string& path, int threads = 0);

} // namespace traguardi::report

// The sheet as a PDF: A4 landscape, DejaVu fonts embedded, paged like the legacy sheets.
//
// The legacy sheets were PDFs and people still file, sign and publish PDFs, so this is the
// main output. Cairo + Pango were chosen for measured wrapping, shaping and font subsetting
// (STACK.md §A.8). The file is byte-reproducible: its creation date is the document's
// "Data elaborazione", which follows SOURCE_DATE_EPOCH.
#pragma once

#include <string>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

/// The PDF bytes of the document. Long documents are laid out on `threads` threads (0 = up to
/// 4, as many as the machine has); the bytes are the same whatever the number.
Result<std::string> render_pdf(const Document& d, int threads = 0);
/// Writes the PDF to `path`; nothing is written when rendering fails.
Result<void> write_pdf(const Document& d, const std::string& path, int threads = 0);

} // namespace traguardi::report

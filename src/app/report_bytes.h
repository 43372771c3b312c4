// A printable document as the bytes of a download, for front ends that answer in memory (the
// web) rather than writing a file (`traguardi report`).
//
// One place for the format → content type, file name and renderer mapping, so the plan's sheets
// and the Piano di Zona reports download alike. libxlsxwriter only writes files: the XLSX goes
// through a private temporary file that is read back and removed.
#pragma once

#include <string>

#include "app/sheet_views.h"
#include "core/error.h"
#include "report/document.h"

namespace traguardi::app {

/// The workbook of `doc` as bytes.
Result<std::string> xlsx_bytes(const report::Document& doc);

/// `doc` as "pdf", "xlsx", "csv" (a ZIP of one CSV per table) or, when `html` is allowed,
/// "html"; InvalidInput naming the formats for anything else.
Result<SheetFile> document_file(const report::Document& doc, const std::string& format,
                                const std::string& name, bool html = false);

} // namespace traguardi::app

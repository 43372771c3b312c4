// The sheet as CSV for Italian spreadsheets and for scripts.
//
// Italian Excel reads a CSV correctly only with a UTF-8 byte order mark and ';' as separator
// (STACK.md §A.10); fields are quoted per RFC 4180 (core/csv_text.h) and lines end in CRLF.
// A CSV holds one grid, so the flat tables (flat_tables.h) follow each other: a line with the
// table name, its header line, its rows, then an empty line. Values are printed as on the
// sheet (1.134,00, 31/12/2021), which an Italian Excel reads back as numbers and dates.
#pragma once

#include <string>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

std::string render_csv(const Document& d);
Result<void> write_csv(const Document& d, const std::string& path);

} // namespace traguardi::report

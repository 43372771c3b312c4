// The sheet as an Excel workbook, for offices that re-work the figures.
//
// One worksheet per flat table (flat_tables.h) with real numbers and dates in Italian display
// formats (#.##0,00 and gg/mm/aaaa in an Italian Excel), a frozen header row and an autofilter.
// libxlsxwriter reports write errors only when the workbook is closed, so that result is
// checked and a failed file is removed.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

Result<void> write_xlsx(const Document& d, const std::string& path);

struct FlatTable;
/// Any flat tables as a workbook with the same formats (the spreadsheet shape of
/// `export --format xlsx`, docs/apply.md); `title` goes in the document properties.
Result<void> write_xlsx_tables(const std::vector<FlatTable>& tables, const std::string& title,
                               const std::string& path);

} // namespace traguardi::report

// The sheet as CSV for Italian spreadsheets and for scripts.
//
// Italian Excel reads a CSV correctly only with a UTF-8 byte order mark and ';' as separator
// (STACK.md §A.10); fields are quoted per RFC 4180 (core/csv_text.h) and lines end in CRLF.
// A CSV file holds one grid that a spreadsheet reads as one table, so each flat table
// (flat_tables.h) goes to a file of its own: the objectives in the file asked for, the others
// beside it with the table kind in the name (scheda.csv, scheda_fasi.csv, ...). Values are
// printed as on the sheet (1.134,00, 31/12/2021), which an Italian Excel reads back.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "report/document.h"

namespace traguardi::report {

struct CsvFile {
  std::string suffix; // "" for the objectives, "_fasi", "_indicatori", ...
  std::string table;  // "Obiettivi", "Fasi", ...
  std::string text;   // BOM, header line, rows
};

struct FlatTable;
/// One flat table as CSV text: BOM, header line, rows; text cells formula-safe, numbers and
/// dates as printed (also the spreadsheet shape of `export --format csv`, docs/apply.md).
std::string render_csv_table(const FlatTable& t);

/// One CSV text per flat table, the objectives first.
std::vector<CsvFile> render_csv(const Document& d);
/// The same tables as one ZIP ("obiettivi.csv", "fasi.csv", ...), for a single download.
std::string render_csv_zip(const Document& d);

/// "dir/scheda.csv" + "_fasi" -> "dir/scheda_fasi.csv".
std::string csv_path(const std::string& path, const std::string& suffix);
/// Writes every table of `render_csv` (or, when `path` ends in ".zip", the ZIP of them);
/// returns the paths written. On failure nothing is left.
Result<std::vector<std::string>> write_csv(const Document& d, const std::string& path);

} // namespace traguardi::report

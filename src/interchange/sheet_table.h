// A spreadsheet read back as rows of cells: what `traguardi apply` receives from a CSV or XLSX
// file, before any meaning is given to the cells (app/apply_rows.h does that).
//
// Readers only turn bytes into values: the first row is the header, every later row keeps the
// number a spreadsheet shows for it (header = row 1), so that the per-row report of `apply`
// names the row the user sees. An XLSX cell keeps whether it held a number (written in the
// neutral form "1134.5", or an Excel date serial in a date column) since a spreadsheet turns
// typed values into numbers. Files that cannot be read are InvalidInput values naming the file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"

namespace traguardi::interchange {

struct SheetCell {
  std::string text;    // as stored; a number cell holds the neutral form ("1134.5", "45657")
  bool number = false; // an XLSX numeric cell (also how Excel stores dates)
};

struct SheetRow {
  int row = 0; // 1-based, as the spreadsheet numbers it (the header is row 1)
  std::vector<SheetCell> cells;
};

struct SheetTable {
  std::vector<std::string> header;
  std::vector<SheetRow> rows; // rows with at least one non-empty cell
};

/// A CSV file: UTF-8 (with or without BOM), separated by ';' (or ',' when the header has no
/// ';'), fields quoted per RFC 4180.
Result<SheetTable> read_csv_table(const std::string& path);
/// The first worksheet of an XLSX workbook.
Result<SheetTable> read_xlsx_table(const std::string& path);

/// Limit on the bytes of a file (and of each unpacked part of a workbook): 256 MiB.
constexpr std::size_t kMaxSheetBytes = std::size_t{256} << 20;

} // namespace traguardi::interchange

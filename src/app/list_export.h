// Every list the command line prints (summary, check, the roll-ups, the CdR, the persons) as a
// table an office can open in a spreadsheet: CSV or XLSX through the same writers as the sheets
// (report/csv_renderer.h, report/xlsx_renderer.h), so that numbers and percentages are real
// numbers, text cells are formula-safe and a file is written whole or not at all.
//
// The tables are built from the outcomes the front end already holds (SummaryOutcome,
// CheckOutcome) or from the session's ente; front ends only choose the list and the file.
#pragma once

#include <string>

#include "app/check.h"
#include "app/session.h"
#include "app/sheet_export.h"
#include "app/summary.h"
#include "report/flat_tables.h"

namespace traguardi::app {

/// A list with Italian headers; `title` goes in the workbook properties.
struct ListTable {
  std::string title;
  report::FlatTable table;
};

/// One row per objective: level, counts, progress and achievement with their inputs.
ListTable summary_list(const SummaryOutcome& sum);
/// The roll-ups on one axis ("programma", "missione", "mandato", "cdr", "responsabile",
/// "assessorato"), each naming the objectives it averages.
ListTable rollup_list(const SummaryOutcome& sum, const std::string& axis);
/// The roll-up axes, in the order they are documented.
const std::vector<std::string>& rollup_axes();
/// The findings of `check`, one per row.
ListTable check_list(const CheckOutcome& c);
/// The centri di responsabilità and the persons of the session's ente.
Result<ListTable> center_list(Session& s);
Result<ListTable> person_list(Session& s);

/// The table as CSV text (BOM, ';', CRLF), as `--format csv` writes it to standard output.
std::string list_csv(const ListTable& t);
/// The table as aligned plain text for the terminal (every cell whole).
std::string list_text(const ListTable& t);
/// Writes the table to `path` as CSV or XLSX, whole or not at all; an unwritable path is
/// invalid input naming the file.
Result<void> write_list(const ListTable& t, SheetFormat format, const std::string& path);

} // namespace traguardi::app

// One row of an `apply` spreadsheet turned into an edit of the plan being built.
//
// Split from app/apply_rows.cpp, which reads the file, loops over the rows, validates the
// result by meaning and writes it once. Here a row is located (tipo_riga, vista, obiettivo, n),
// its versione checked, its cells compared with what export would write for the record (equal
// cells are unchanged fields, so a row left as exported costs nothing), and the differing
// cells go through the same field setters as `objective edit`, `phase edit`, `indicator edit`.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/apply_rows.h"
#include "interchange/sheet_table.h"
#include "store/store.h"

namespace traguardi::app {

/// The plan as the rows so far leave it.
struct SheetWork {
  Dataset after;
  std::vector<AuditEntry> entries;
  std::vector<RowProblem> problems;
  std::map<std::string, std::vector<int>> touched;    // "vista/code" → rows that changed it
  std::map<std::string, int> seen_at;                 // row key → first row holding it
  std::unordered_map<std::string, std::size_t> index; // "vista/code" → objective in `after`
  std::size_t changed_rows = 0;
};

/// Applies one row to `w.after`, or adds its problems to `w.problems`.
/// `columns[i]`: index in the file's rows of sheet_columns()[i], or -1 when the file lacks it.
void apply_sheet_row(SheetWork& w, const interchange::SheetRow& row,
                     const std::vector<int>& columns);

} // namespace traguardi::app

// `traguardi apply FILE.csv|FILE.xlsx`: bulk edits by an office that works in a spreadsheet.
//
// The file has the shape `export --format csv|xlsx` writes (app/sheet_shape.h, docs/apply.md).
// Every row is read and validated with the rules of the single-record use cases (the same field
// parsers and reference resolution, then validation by meaning of every objective touched), and
// the whole new plan is written once, in one transaction, with one audit entry per changed
// field. Nothing is written unless every row is valid, unless `partial` (--parziale): then the
// valid rows are applied and the others listed. A row left as exported changes nothing and
// writes no audit entry; a row whose `versione` is no longer the stored one is a conflict.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "app/session.h"
#include "core/validation.h"

namespace traguardi::app {

/// A refused row: spreadsheet row number (header = 1), column and Italian message.
struct RowProblem {
  int row = 0;
  std::string field; // column name ("fine_prevista"); empty when about the whole row
  std::string message;
  bool conflict = false; // the row's versione is stale
};

struct ApplyOutcome {
  std::string file;
  std::string ente;
  std::size_t rows = 0;         // rows read (empty rows excluded)
  std::size_t changed_rows = 0; // rows that changed something and were written
  std::size_t fields = 0;       // fields changed (= audit entries written)
  std::vector<RowProblem> problems;
  std::vector<Finding> warnings; // about the objectives changed (weights not summing to 100, ...)
  bool partial = false;
  bool written = false; // something was stored
  /// 0 when applied (with --parziale also when rows were refused); 4 when a refused row is
  /// stale; 2 when rows are invalid (core/error.h).
  int exit_code() const;
};

/// Reads `file` (.csv or .xlsx) and applies its rows to the session's ente. File-level problems
/// (unreadable file, unknown column, unknown format) are InvalidInput values naming the file.
Result<ApplyOutcome> apply_sheet(Session& s, const std::string& file, bool partial);

} // namespace traguardi::app

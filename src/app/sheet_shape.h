// The spreadsheet shape shared by `export --format csv|xlsx` and `apply` (docs/apply.md).
//
// One row per objective, fase or indicator, keyed by tipo_riga + vista + obiettivo (+ n for fasi
// and indicators), with `versione` carrying the version the row was exported at and one column
// per editable field. Export and apply read the column list from here, so a file written by
// export is always one that apply accepts, and a row left as exported changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/model.h"

namespace traguardi::app {

enum class RowKind { objective, phase, indicator };
/// "obiettivo", "fase", "indicatore": the values of tipo_riga.
const char* row_kind_name(RowKind);
std::optional<RowKind> row_kind_from_name(const std::string& text);

/// How a column is written in XLSX (CSV writes every value as Italian text).
enum class ColumnValue { text, number, percent, date, whole };

struct SheetColumn {
  const char* name; // Italian header, lower_snake ("fine_prevista")
  ColumnValue value;
  bool objective, phase, indicator; // which kinds of row use it
  bool clearable;                   // an empty cell clears the value (else: left as it is)
};

/// tipo_riga, vista, obiettivo, n, versione, then the fields.
const std::vector<SheetColumn>& sheet_columns();
/// Index of the key columns in sheet_columns().
enum KeyColumn { col_kind = 0, col_vista, col_objective, col_order, col_version, key_columns };

inline bool applies(const SheetColumn& c, RowKind k) {
  return k == RowKind::objective ? c.objective : k == RowKind::phase ? c.phase : c.indicator;
}

/// The cells of a row as export writes them (Italian numbers and dates, names of persons);
/// `item` is the fase or indicator for those kinds. One text per sheet_columns() entry.
std::vector<std::string> row_texts(const Dataset& d, const Objective& o, RowKind kind,
                                   const void* item);

/// An exact Italian number: at least two decimals, every significant one kept ("1.134,50",
/// "0,125").
std::string exact_number(const Decimal& v);
/// "numero", "percentuale", "si-no", "euro", "indice", "altro".
const char* scale_italian(Scale s);

} // namespace traguardi::app

// `traguardi export --format csv|xlsx`: the session's ente in the spreadsheet shape that
// `apply` reads back (app/sheet_shape.h, docs/apply.md), so that export → edit in a
// spreadsheet → apply round-trips.
#pragma once

#include <string>

#include "app/session.h"

namespace traguardi::app {

enum class SheetFormat { csv, xlsx };

/// The CSV text (UTF-8 with BOM, ';', CRLF, formula-safe text cells).
Result<std::string> export_sheet_csv(Session& s);
/// Writes the sheet to `path` (whole or not at all, io/output_file.h).
Result<void> export_sheet(Session& s, SheetFormat format, const std::string& path);

} // namespace traguardi::app

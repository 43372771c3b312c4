// `import-sheet` as a use case: legacy "Scheda obiettivi" / "Scheda PEG di rendicontazione"
// sheets (text extractions or PDF) merged into an ente.
//
// All files are parsed before anything is written: a file that is not a sheet, or any error
// (warnings too with `strict`), leaves the database untouched. The merge itself is
// app/sheet_merge.h; this use case chooses the target ente, gathers the findings, decides
// whether to write and writes in one transaction. Importing the same sheet again changes
// nothing.
//
// Safety (issue 8): a sheet of another ente is refused unless the ente is named (--ente); an
// unknown --ente is refused unless --nuovo-ente; a row that cannot be read completely is an
// error unless --parziale; a value edited by hand since the previous import (per the audit log)
// is kept, with a finding, unless --sovrascrivi.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/session.h"
#include "core/validation.h"

namespace traguardi::app {

/// A sheet that arrives as bytes rather than as a file (a web upload, an API body).
struct SheetText {
  std::string name;  // shown in the findings as the file name
  std::string bytes; // text (UTF-8 or Windows-1252) or a word-box TSV; PDF too
};

/// What an import does to one objective of the sheets ("nuovo", "aggiornato", "invariato").
struct SheetObjectiveChange {
  std::string vista, code, description;
  std::string kind;
  int phases = 0, indicators = 0;
};

struct SheetImportOptions {
  std::vector<std::string> files;
  std::vector<SheetText> texts; // imported after `files`
  bool strict = false;          // warnings count as errors
  bool dry_run = false;         // analyse and summarise, write nothing
  /// --nuovo-ente: the session's ente may be created (else an unknown --ente is refused).
  bool new_ente = false;
  /// --parziale: rows that could not be read completely are warnings (else errors).
  bool partial = false;
  /// --sovrascrivi: values edited by hand since the previous import are overwritten
  /// (else they stay, and each becomes a finding).
  bool overwrite = false;
  /// Called after each file is parsed (done, total), for a progress bar.
  std::function<void(std::size_t, std::size_t)> on_parsed;
};

struct SheetImportOutcome {
  std::size_t sheets = 0;
  int objectives = 0, phases = 0, indicators = 0;
  int added = 0, updated = 0, unchanged = 0;
  int errors = 0, warnings = 0, infos = 0;
  std::vector<std::string> findings; // "file:line: AVVISO [code] message", in order
  bool written = false;              // something was stored
  bool nothing_to_do = false;        // the sheets were already imported
  std::string ente;                  // code of the target ente
  std::string sheet_ente;            // the ente printed on the sheets (first sheet)
  std::string ente_name;             // name of the target ente
  /// The sheets' objectives, in printed order, with what the import does to each.
  std::vector<SheetObjectiveChange> changes;
};

/// Err when a file cannot be read or is not a sheet (nothing written). An import refused for
/// its findings is a value with `errors > 0` and `written == false`.
Result<SheetImportOutcome> import_sheets(Session& s, const SheetImportOptions& opt);

} // namespace traguardi::app

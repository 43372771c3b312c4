// Export and import of the JSON interchange file (docs/interchange.md) as use cases.
//
// `export` serialises one ente (the session's) or all of them. `import` reads a file and
// validates it whole before writing anything: a malformed file, or a missione/programma code
// outside D.Lgs. 118/2011, writes nothing. Enti already stored are merged by identity
// (app/dataset_merge.h) and never lose what the file does not mention; `replace_whole`
// (--sostituisci) replaces them, and the outcome says what disappeared.
#pragma once

#include <string>
#include <vector>

#include "app/dataset_merge.h"
#include "app/session.h"

namespace traguardi::app {

/// The interchange document of the session's ente, or of every ente when `all`.
Result<std::string> export_json(Session& s, bool all);

struct ImportedEnte {
  std::string code;
  bool created = false; // the ente was not in the database
  // Entries of the audit log the file carried; restored (new ente) or left aside (the
  // database's own chain stays authoritative for an ente it already had).
  std::size_t audit_entries = 0;
  bool audit_restored = false;
  MergeCounts merged;   // when merged
  Disappearing removed; // when replaced whole
};

struct ImportOutcome {
  std::size_t enti = 0;
  std::size_t objectives = 0; // objectives in the file
  std::vector<ImportedEnte> details;
};

/// Reads `file` and stores its enti (merged, or replaced when `replace_whole`); the database
/// is created when missing. File problems are InvalidInput values naming the file and path.
Result<ImportOutcome> import_json(Session& s, const std::string& file, bool replace_whole = false);

} // namespace traguardi::app

// Use cases of the Piano di Zona: bringing an imported district plan or territorial base data
// into an ente's dataset (the only place where the stored plan changes, DESIGN.md layers).
#pragma once

#include <string>
#include <vector>

#include "app/session.h"
#include "core/model.h"

namespace traguardi::app {

struct DistrictMergeReport {
  bool created = false; // the ambito was not stored yet
  int comuni = 0, evaluation_rows = 0, macro_objectives = 0, placements = 0, strategic = 0,
      governance = 0, statistics = 0;
};

/// Puts the imported ambito into `target` (an existing ambito with the same code, or empty):
/// its PdZ vista, district plan, the document's statistics and source document replace the old
/// ones; links from macro-obiettivi to comuni's PEG objectives already made are kept by title.
DistrictMergeReport merge_district(Dataset& target, const Dataset& imported);

/// Adds base values; a value with the same territory, measure, dimension, date and source
/// replaces the stored one (importing the same file twice changes nothing). Returns how many
/// were new.
int merge_statistics(Dataset& target, const std::vector<StatValue>& values);

/// `import-piano-di-zona`: what the file gave and whether it was written.
struct DistrictImportOutcome {
  DistrictMergeReport report;
  std::string ente, name;            // the ambito's code and name
  std::vector<std::string> findings; // "file:line: AVVISO [code] message", in order
  int errors = 0, warnings = 0, infos = 0;
  bool written = false; // false on errors (nothing written) or a dry run
};

/// Parses the whole file before writing; errors (warnings too when `strict`) write nothing.
/// The ambito is the session's ente when named, else the code the document gives.
Result<DistrictImportOutcome> import_piano_di_zona(Session& s, const std::string& file, bool strict,
                                                   bool dry_run);

struct StatsImportOutcome {
  std::vector<Error> errors; // one per bad row: then nothing was written
  std::size_t values = 0;
  int added = 0;
  std::string ente;
};

/// `import-stats`: a long-format CSV of territorial values into the session's ente.
Result<StatsImportOutcome> import_statistics(Session& s, const std::string& file);

} // namespace traguardi::app

// Applies an imported legacy sheet onto an ente's Dataset, idempotently.
//
// Identity of an objective is (vista, code) (seed-spec §6.1); importing the same sheet twice
// changes nothing and bumps no version. Names are matched to existing entities with the
// importer's rules (matching keys, aliases). After every merge the indicator series are linked
// across years: the previous-year columns printed in a PEG sheet are reconciled with the rows
// of the previous year's sheet, ambiguous columns (Q39) are resolved when the evidence allows,
// and contradictions become findings (§6.5 step 8).
#pragma once

#include <vector>

#include "core/model.h"
#include "importer/findings.h"
#include "importer/sheet_import.h"

namespace traguardi::app {

struct SheetMergeReport {
  int objectives_added = 0;
  int objectives_updated = 0;
  int objectives_unchanged = 0;
  int ancestors_added = 0;
  int entities_added = 0; // persons, centres, assessorati, areas, vistas
  bool document_added = false;
  std::vector<importer::ImportFinding> findings; // reconciliation and conflicts
  bool changed() const {
    return objectives_added + objectives_updated + ancestors_added + entities_added > 0 ||
           document_added;
  }
};

SheetMergeReport merge_sheet(Dataset& d, const importer::ImportedSheet& sheet);

/// Links indicator series across consecutive PEG years (called by merge_sheet).
std::vector<importer::ImportFinding> reconcile_history(Dataset& d);

} // namespace traguardi::app

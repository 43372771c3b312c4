// Applies imported legacy sheets onto an ente's Dataset, idempotently.
//
// Identity of an objective is (vista, code) (seed-spec §6.1); importing the same sheet twice
// changes nothing and bumps no version. Names are matched to existing entities with the
// importer's rules (matching keys, aliases). After every merge the indicator series are linked
// across years: the previous-year columns printed in a PEG sheet are reconciled with the rows
// of the previous year's sheet, ambiguous columns (Q39) are resolved when the evidence allows,
// and contradictions become findings (§6.5 step 8).
//
// An office brings in years of sheets of many CdR in one go, so merging N sheets must cost in
// proportion to their size, not to N times the Dataset: a SheetMerger keeps indexes of the
// Dataset across sheets and snapshots, compares, re-versions and reconciles only what each
// sheet touches. Merging sheets one after another with one SheetMerger gives the same Dataset
// as merging each with its own (`merge_sheet`), which is what importing them one by one does.
#pragma once

#include <memory>
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
  /// Adds the counts and findings of another merge (several sheets in one import).
  void add(SheetMergeReport&& other);
};

/// Merges sheets one after another into the Dataset it was given. The Dataset must not be
/// changed by anyone else while the merger is in use (its indexes would go stale).
class SheetMerger {
public:
  explicit SheetMerger(Dataset& d);
  ~SheetMerger();
  SheetMerger(const SheetMerger&) = delete;
  SheetMerger& operator=(const SheetMerger&) = delete;

  /// Room for this many more objectives (the sheets' objectives and ancestors): the Dataset's
  /// objectives are then not moved again and again as it grows.
  void reserve(std::size_t objectives);
  SheetMergeReport merge(const importer::ImportedSheet& sheet);
  /// The same without copying: the sheet's objectives and document are moved into the Dataset
  /// (its entities and findings stay).
  SheetMergeReport merge(importer::ImportedSheet&& sheet);

  struct State; // indexes of the Dataset (sheet_merge.cpp)

private:
  std::unique_ptr<State> state_;
};

/// One sheet into `d` (a SheetMerger used once).
SheetMergeReport merge_sheet(Dataset& d, const importer::ImportedSheet& sheet);

} // namespace traguardi::app

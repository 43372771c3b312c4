// Use cases of the Piano di Zona: bringing an imported district plan or territorial base data
// into an ente's dataset (the only place where the stored plan changes, DESIGN.md layers).
#pragma once

#include <string>
#include <vector>

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

} // namespace traguardi::app

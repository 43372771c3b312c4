// The levels of a Piano di Zona vista, as data.
//
// One definition shared by the importer, the demo and the reports, so the district's
// levels are named the same everywhere (and `summary --json` lists them like the others).
#pragma once

#include <vector>

#include "core/model.h"

namespace traguardi {

/// Area → macro-obiettivo → azione, plus the annual strategic objectives.
std::vector<LevelDefinition> piano_di_zona_levels();

} // namespace traguardi

namespace traguardi {

struct LevelCount {
  LevelDefinition level;
  int count = 0;
};

/// Items per level of the district plan's vista (areas, macro-obiettivi, actions, strategic
/// objectives), in level order; empty when the ente has no Piano di Zona.
std::vector<LevelCount> district_level_counts(const Dataset& d);

} // namespace traguardi

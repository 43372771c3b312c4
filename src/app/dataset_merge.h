// Importing an interchange file into an ente that already has data: merge by identity.
//
// Tried as a new user would, a partial file passed to `import` used to replace the ente and
// leave 3 of 54 objectives. Now records are matched by identity (objectives by vista + code,
// vistas and centres by code, persons and assessorati by key, areas by vista + number): those
// in the file replace the stored ones, new ones are added, and nothing the file does not
// mention is deleted. Replacing an ente whole is explicit (`--sostituisci`), and the counts of
// what disappears are reported before it happens.
#pragma once

#include "core/model.h"

namespace traguardi::app {

struct MergeCounts {
  int added = 0;        // objectives new in the ente
  int updated = 0;      // objectives replaced by a different version from the file
  int unchanged = 0;    // objectives identical in the file and in the ente
  int organisation = 0; // vistas, areas, centres, persons, assessorati added or replaced
};

/// Merges `incoming` into `base` (same ente) by identity; nothing is removed from `base`.
MergeCounts merge_by_identity(Dataset& base, const Dataset& incoming);

/// What replacing `old` with `replacement` removes.
struct Disappearing {
  int objectives = 0, phases = 0, indicators = 0, centers = 0, persons = 0;
  bool any() const { return objectives + phases + indicators + centers + persons > 0; }
};
Disappearing disappearing(const Dataset& old, const Dataset& replacement);

} // namespace traguardi::app

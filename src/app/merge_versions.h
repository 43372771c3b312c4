// Record versions across a merge: what changed is bumped, what did not keeps its version.
//
// Versions drive optimistic concurrency (store.h), so re-importing an unchanged sheet must
// not bump anything, and a changed indicator must bump itself and its objective only.
#pragma once

#include "core/model.h"

namespace traguardi::app {

/// Carries the versions of `old` (the objective before the merge) over to `now`, bumping the
/// objective, fasi and indicators whose content changed. Both are compared in place (their
/// versions are set aside and restored), never copied.
void carry_versions(Objective& old, Objective& now);

} // namespace traguardi::app

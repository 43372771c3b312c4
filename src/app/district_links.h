// Linking a macro-obiettivo of a Piano di Zona to PEG objectives of its member comuni: the
// district's page and report then show their progress and achievement (core/district_links.h).
//
// A use case like the other structural edits (app/plan_change.h): checked against the ente as
// read, audited, refused with an Italian message naming what is wrong (the macro-obiettivo, a
// comune outside the ambito, an objective that is not a PEG objective of that comune).
#pragma once

#include <string>

#include "app/edit_outcome.h"
#include "app/session.h"

namespace traguardi::app {

struct MacroLinkRequest {
  std::string macro;     // code ("MO01") or exact title of the macro-obiettivo
  std::string comune;    // code of the comune's ente in the same database
  std::string vista;     // the comune's vista; empty when the code is in one vista only
  std::string objective; // PEG objective code
  bool remove = false;   // unlink instead
};

/// The session's ente is the ambito. Linking twice, or removing a missing link, changes nothing.
Result<EditOutcome> link_macro_objective(Session& s, const MacroLinkRequest& r);

} // namespace traguardi::app

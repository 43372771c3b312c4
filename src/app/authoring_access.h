// Who may author what from the web (issue 10, "Roles and security"), beyond progress updates.
//
// The command line acts as the database's administrator; web users have roles. These rules sit
// in app, next to plan_access.h, so that every page and form asks the same questions:
// amministratore and controllo di gestione change the structure (new objectives, CdR, persons,
// assessorati, aree) and every objective; a responsabile changes only the objectives of their
// CdR subtree — their fields, fasi, indicators, stato di attuazione, strutture coinvolte — and
// may not move an objective in the tree (livello, collegato a) nor hand it to a CdR outside
// their subtree; a lettore changes nothing.
#pragma once

#include <optional>
#include <string>

#include "app/auth.h"
#include "app/objective_authoring.h"

namespace traguardi::app {

/// New objectives, CdR, persons, assessorati, aree tematiche.
bool can_change_structure(const Principal& p);
/// The objective's fields, fasi, indicators, stato di attuazione, strutture coinvolte.
bool can_author_objective(const Principal& p, const Dataset& d, const Objective& o);
/// Why `p` may not apply `f` to `o` (Italian, for a 403 page), or nullopt when allowed.
std::optional<std::string> objective_edit_refusal(const Principal& p, const Dataset& d,
                                                  const Objective& o, const ObjectiveFields& f);

} // namespace traguardi::app

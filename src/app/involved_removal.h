// Removing a struttura coinvolta or a soggetto coinvolto from an objective: the counterpart
// of add_involved_structure/add_involved_person (app/organisation.h), for the web page's
// "Rimuovi" buttons and DELETE …/structures/{n} and …/people/{n} of the API.
//
// An involved record has no identity of its own, only its place in the objective's list, so
// the caller names it by position (1-based) and by the objective's version it was read with:
// a stale version is a Conflict, never the removal of another entry. Audited like the addition.
#pragma once

#include "app/objective_authoring.h"

namespace traguardi::app {

/// Struttura coinvolta number `position` (1-based, in the objective's order) removed.
Result<EditOutcome> remove_involved_structure(Session& s, const ObjectiveRef& ref, int position);
/// Soggetto coinvolto number `position` (1-based) removed.
Result<EditOutcome> remove_involved_person(Session& s, const ObjectiveRef& ref, int position);

} // namespace traguardi::app

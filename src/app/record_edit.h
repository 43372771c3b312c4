// The last step of every record edit: compare what the user asked with what was read, and
// write only the fields that differ, checked against the version the user started from.
//
// Shared by progress recording and authoring so that "no-op writes nothing", "stale is a
// Conflict naming what changed meanwhile" and "every change is audited with its actor and
// motivo" hold the same way everywhere.
#pragma once

#include <optional>
#include <vector>

#include "app/edit_outcome.h"
#include "app/session.h"

namespace traguardi::app {

/// Field-by-field differences, with Italian names and display values.
std::vector<FieldChange> phase_changes(const Phase& before, const Phase& after);
std::vector<FieldChange> indicator_changes(const Indicator& before, const Indicator& after);

/// Copies one field (named as in phase_changes / indicator_changes) from `from` to `to`.
void copy_field(Phase& to, const Phase& from, const std::string& field);
void copy_field(Indicator& to, const Indicator& from, const std::string& field);

Result<EditOutcome> edit_phase(Session& s, const std::string& ente, const Objective& o,
                               const Phase& before, const Phase& after,
                               std::optional<std::int64_t> base_version);
Result<EditOutcome> edit_indicator(Session& s, const std::string& ente, const Objective& o,
                                   const Indicator& before, const Indicator& after,
                                   std::optional<std::int64_t> base_version);

} // namespace traguardi::app

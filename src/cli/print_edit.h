// How every edit command prints its outcome: one line per changed field, then the new version;
// or the same as JSON for scripts (--json). Shared by progress and authoring commands.
#pragma once

#include <string>

#include "app/edit_outcome.h"

namespace traguardi::cli {

/// Prints the outcome to stdout; `headline` is the first line ("Fase 2 di X aggiornata").
void print_edit(const app::EditOutcome& out, const std::string& headline, bool json);

} // namespace traguardi::cli

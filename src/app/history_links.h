// Links an indicator series across consecutive PEG years (seed-spec §6.5 step 8).
//
// A PEG sheet prints previous-year columns next to each indicator; the previous year's sheet
// prints the same indicator's actual value. Reconciling one objective needs only that objective
// and its previous-year objective (same structure and sequence, year - 1), so the sheet merger
// reconciles only the series a sheet touched instead of rescanning the whole Dataset.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "importer/findings.h"

namespace traguardi::app {

/// "2021_S08_03" -> "2020_S08_03"; empty when `code` is not a PEG code.
std::string previous_peg_code(const std::string& code);
/// "2020_S08_03" -> "2021_S08_03"; empty when `code` is not a PEG code.
std::string next_peg_code(const std::string& code);

/// Reconciles the history of `o`'s indicators with the actual values of `prev`, the objective
/// of the year before. Idempotent on data; findings are appended to `out`.
void reconcile_series(Objective& o, const Objective& prev,
                      std::vector<importer::ImportFinding>& out);

/// Reconciles every objective of `d` with its previous-year objective (the last one in `d`
/// with that code, whatever the vista).
std::vector<importer::ImportFinding> reconcile_history(Dataset& d);

} // namespace traguardi::app

// The computed figures of one objective as JSON, with their inputs and rule: the element of
// `summary --json` "objectives" (docs/cli.md), shared with the API (/api/v1) so both give the
// same document for the same objective.
#pragma once

#include <nlohmann/json.hpp>

#include "core/figures.h"
#include "core/model.h"

namespace traguardi::app {

/// {vista, code, level, phases, weight_sum, indicators, progress, achievement,
///  progress_inputs{…, rule}, achievement_inputs{defined, rule, indicators[…]}}
nlohmann::ordered_json objective_figures_json(const Objective& o, const ObjectiveFigures& f);

} // namespace traguardi::app

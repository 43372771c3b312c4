// Validation findings on a Dataset.
//
// Validation never changes or refuses data: legacy sheets contain real anomalies that must be
// stored as printed (seed-spec §6.4). It returns findings, each with a severity, a stable code
// for tools, the objective and field it is about, and an Italian sentence for people.
// `traguardi check` exits 1 when any finding is an error.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace traguardi {

enum class Severity { info, warning, error };
const char* to_string(Severity);
/// "ERRORE", "AVVISO", "INFO"
const char* severity_label(Severity);

struct Finding {
  Severity severity = Severity::warning;
  std::string code;      // stable identifier, e.g. "pesi_non_100"
  std::string vista;     // empty for findings not about an objective
  std::string objective; // objective code
  std::string field;     // "fasi[2].avanzamento"
  std::string message;   // Italian
};

std::vector<Finding> validate(const Dataset& d);
bool has_errors(const std::vector<Finding>& findings);

} // namespace traguardi

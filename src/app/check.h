// `check` as a use case: the validation findings of the session's ente (core/validation.h),
// counted by severity, and their JSON shape for tools.
#pragma once

#include <string>
#include <vector>

#include "app/session.h"
#include "core/validation.h"

namespace traguardi::app {

struct CheckOutcome {
  Ente ente;
  std::size_t objectives = 0;
  std::vector<Finding> findings;
  int errors = 0, warnings = 0, infos = 0;
};

Result<CheckOutcome> check_ente(Session& s);
/// {"ente", "errors", "warnings", "infos", "findings": [...]}, indented, with a final newline.
std::string check_json(const CheckOutcome& c);

} // namespace traguardi::app

#include "app/check.h"

#include <nlohmann/json.hpp>

namespace traguardi::app {

Result<CheckOutcome> check_ente(Session& s) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  CheckOutcome c;
  c.ente = d->ente;
  c.objectives = d->objectives.size();
  c.findings = validate(*d);
  for (const auto& f : c.findings)
    switch (f.severity) {
    case Severity::error:
      ++c.errors;
      break;
    case Severity::warning:
      ++c.warnings;
      break;
    case Severity::info:
      ++c.infos;
      break;
    }
  return c;
}

std::string check_json(const CheckOutcome& c) {
  nlohmann::ordered_json out{{"ente", c.ente.code},
                             {"errors", c.errors},
                             {"warnings", c.warnings},
                             {"infos", c.infos},
                             {"findings", nlohmann::ordered_json::array()}};
  for (const auto& f : c.findings)
    out["findings"].push_back({{"severity", to_string(f.severity)},
                               {"code", f.code},
                               {"vista", f.vista},
                               {"objective", f.objective},
                               {"field", f.field},
                               {"message", f.message}});
  return out.dump(2) + "\n";
}

} // namespace traguardi::app

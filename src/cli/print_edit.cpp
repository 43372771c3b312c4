#include "cli/print_edit.h"

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace traguardi::cli {

void print_edit(const app::EditOutcome& out, const std::string& headline, bool json) {
  if (json) {
    nlohmann::ordered_json j{{"ente", out.ente},
                             {"target", out.target},
                             {"action", out.action},
                             {"changed", out.changed()},
                             {"version", out.version},
                             {"changes", nlohmann::ordered_json::array()},
                             {"warnings", nlohmann::ordered_json::array()}};
    for (const auto& c : out.changes)
      j["changes"].push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
    for (const auto& w : out.warnings)
      j["warnings"].push_back({{"code", w.code}, {"message", w.message}});
    std::cout << j.dump(2) << "\n";
    return;
  }
  if (!out.changed()) {
    std::cout << fmt::format("Nessuna modifica: {} ha già questi valori (versione {}).\n",
                             out.target, out.version);
  } else {
    if (out.version > 0)
      std::cout << fmt::format("{} (versione {}).\n", headline, out.version);
    else
      std::cout << headline << ".\n";
    for (const auto& c : out.changes)
      std::cout << fmt::format("  {}: {} → {}\n", c.field, c.before.empty() ? "—" : c.before,
                               c.after.empty() ? "—" : c.after);
  }
  for (const auto& w : out.warnings)
    std::cout << fmt::format("AVVISO [{}] {}\n", w.code, w.message);
}

} // namespace traguardi::cli

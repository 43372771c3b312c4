// `traguardi check`: validation findings; exit status 1 when any is an error.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/validation.h"

namespace traguardi::cli {

void register_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("check", "Controlla la coerenza dei dati (pesi, date, codici, "
                                          "collegamenti)");
  add_common_options(*sub, ctx);
  static bool json = false;
  sub->add_flag("--json", json, "Risultato in JSON");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto store = open_db(ctx, OpenMode::existing);
      Dataset d = load_ente(*store, ctx);
      auto findings = validate(d);
      int counts[3] = {0, 0, 0};
      for (const auto& f : findings)
        ++counts[static_cast<int>(f.severity)];
      if (json) {
        nlohmann::ordered_json out{{"ente", d.ente.code},
                                   {"errors", counts[2]},
                                   {"warnings", counts[1]},
                                   {"infos", counts[0]},
                                   {"findings", nlohmann::ordered_json::array()}};
        for (const auto& f : findings)
          out["findings"].push_back({{"severity", to_string(f.severity)},
                                     {"code", f.code},
                                     {"vista", f.vista},
                                     {"objective", f.objective},
                                     {"field", f.field},
                                     {"message", f.message}});
        std::cout << out.dump(2) << "\n";
      } else {
        for (const auto& f : findings)
          std::cout << fmt::format("{} [{}] {}\n", severity_label(f.severity), f.code, f.message);
        std::cout << fmt::format("{}: {} errori, {} avvisi, {} informazioni su {} obiettivi.\n",
                                 d.ente.name, counts[2], counts[1], counts[0], d.objectives.size());
      }
      return has_errors(findings) ? 1 : 0;
    });
  });
}

} // namespace traguardi::cli

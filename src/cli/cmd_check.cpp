// `traguardi check`: validation findings (app/check.h); exit status 1 when any is an error.
#include <iostream>

#include <fmt/format.h>

#include "app/check.h"
#include "cli/commands.h"

namespace traguardi::cli {

void register_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("check", "Controlla la coerenza dei dati (pesi, date, codici, "
                                          "collegamenti)");
  add_common_options(*sub, ctx);
  static bool json = false;
  sub->add_flag("--json", json, "Risultato in JSON");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto c = take(app::check_ente(s));
      if (json) {
        std::cout << app::check_json(c);
      } else {
        for (const auto& f : c.findings)
          std::cout << fmt::format("{} [{}] {}\n", severity_label(f.severity), f.code, f.message);
        std::cout << fmt::format("{}: {} errori, {} avvisi, {} informazioni su {} obiettivi.\n",
                                 c.ente.name, c.errors, c.warnings, c.infos, c.objectives);
      }
      return c.errors > 0 ? 1 : 0;
    });
  });
}

} // namespace traguardi::cli

// `traguardi check`: validation findings (app/check.h); exit status 1 when any is an error.
// `--format csv|xlsx` exports the findings as a table (app/list_export.h).
#include <iostream>

#include <fmt/format.h>

#include "app/check.h"
#include "cli/commands.h"
#include "cli/list_output.h"

namespace traguardi::cli {

void register_check(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("check", "Controlla la coerenza dei dati (pesi, date, codici, "
                                          "collegamenti)");
  add_common_options(*sub, ctx);
  static bool json = false;
  static ListOutput list;
  auto* json_flag = sub->add_flag("--json", json, "Risultato in JSON");
  add_list_options(*sub, list)->excludes(json_flag);
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto c = take(app::check_ente(s));
      if (export_list(list, app::check_list(c))) {
        // The exit status still says whether errors were found.
      } else if (json) {
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

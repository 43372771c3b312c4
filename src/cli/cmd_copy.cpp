// `traguardi copy`: every ente (or one) from a database to another, SQLite ↔ PostgreSQL
// (app/copy.h).
#include <iostream>

#include <fmt/format.h>

#include "app/copy.h"
#include "cli/commands.h"

namespace traguardi::cli {

void register_copy(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "copy", "Copia gli enti da un database a un altro (file SQLite o URL postgresql://)");
  static std::string from, to, ente;
  sub->add_option("--from", from, "Database di origine: file SQLite o URL postgresql://")
      ->required();
  sub->add_option("--to", to, "Database di destinazione (creato se vuoto)")->required();
  sub->add_option("--ente", ente, "Copia solo questo ente (predefinito: tutti)");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto out = take(app::copy_enti(from, to, ente));
      std::cout << fmt::format("Copiati {} enti e {} obiettivi da {} a {}.\n", out.enti,
                               out.objectives, out.from_shown, out.to_shown);
      if (out.others_in_target)
        std::cout << fmt::format("La destinazione contiene anche {} altri enti, lasciati "
                                 "invariati.\n",
                                 out.others_in_target);
      return 0;
    });
  });
}

} // namespace traguardi::cli

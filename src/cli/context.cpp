#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/error.h"

namespace traguardi::cli {

void add_common_options(CLI::App& sub, Context& ctx, bool with_ente) {
  if (const char* env = std::getenv("TRAGUARDI_DB"); env && *env) ctx.db = env;
  // The default shown by --help may come from TRAGUARDI_DB: never with its password.
  sub.add_option("--db", ctx.db,
                 "Database: file SQLite o URL postgresql:// (password in PGPASSWORD o nel file "
                 "PGPASSFILE, non nell'URL)")
      ->default_str(shown_location(ctx.db));
  if (with_ente)
    sub.add_option("--ente", ctx.ente,
                   "Codice dell'ente (obbligatorio se il database ne ha più di uno)");
}

void add_actor_options(CLI::App& sub, Context& ctx) {
  sub.add_option("--utente", ctx.user,
                 "Chi esegue la modifica (registrato nel registro delle modifiche insieme "
                 "all'utente del sistema)");
  sub.add_option("--motivo", ctx.reason, "Motivo della modifica (registrato)");
}

app::Session session(const Context& ctx) {
  app::Session s(ctx.db, ctx.ente);
  s.actor.declared = ctx.user;
  s.reason = ctx.reason;
  return s;
}

int report_exception() {
  try {
    throw;
  } catch (const TraguardiError& e) {
    std::cerr << "traguardi: errore: " << e.what() << "\n";
    return error_kind_exit_code(e.kind());
  } catch (const std::bad_alloc&) {
    std::cerr << "traguardi: errore: memoria esaurita\n";
    return error_kind_exit_code(ErrorKind::internal);
  } catch (const std::exception& e) {
    std::cerr << "traguardi: errore interno: " << e.what() << "\n";
    return error_kind_exit_code(ErrorKind::internal);
  }
}

} // namespace traguardi::cli

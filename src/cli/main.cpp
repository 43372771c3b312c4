// traguardi: plan, monitor and report the objectives of a public administration.
// A thin front end: every subcommand lives in its own cmd_*.cpp (see commands.h).
#include <clocale>
#include <iostream>

#include "cli/cmd_sign_off.h"
#include "cli/commands.h"
#include "cli/parser_messages.h"
#include "core/utf8.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "C.UTF-8");
  // Arguments become stored texts (notes, codes): anything not UTF-8 is refused here, once.
  for (int i = 1; i < argc; ++i)
    if (auto bad = traguardi::utf8::first_invalid(argv[i])) {
      std::cerr << "traguardi: errore: l'argomento " << i
                << " non è testo UTF-8 valido (byte non valido in posizione " << *bad + 1
                << "): riscriverlo in UTF-8\n";
      return 2;
    }
  CLI::App app{"traguardi — pianificazione, monitoraggio e rendicontazione degli obiettivi "
               "(DUP, PEG, Piano di Zona)"};
  traguardi::cli::italianize(app); // before the subcommands, which copy its settings
  app.require_subcommand(1);
  app.set_version_flag("--version", "traguardi 0.1.0", "Mostra la versione ed esce");
  traguardi::cli::Context ctx;
  traguardi::cli::register_demo(app, ctx);
  traguardi::cli::register_export(app, ctx);
  traguardi::cli::register_import(app, ctx);
  traguardi::cli::register_apply(app, ctx);
  traguardi::cli::register_check(app, ctx);
  traguardi::cli::register_summary(app, ctx);
  traguardi::cli::register_update(app, ctx);
  traguardi::cli::register_copy(app, ctx);
  traguardi::cli::register_report(app, ctx);
  traguardi::cli::register_import_sheet(app, ctx);
  traguardi::cli::register_objective(app, ctx);
  traguardi::cli::register_phase(app, ctx);
  traguardi::cli::register_indicator(app, ctx);
  traguardi::cli::register_organisation(app, ctx);
  traguardi::cli::register_audit(app, ctx);
  traguardi::cli::register_sign_off(app, ctx);
  traguardi::cli::register_user(app, ctx);
  traguardi::cli::register_token(app, ctx);
  traguardi::cli::register_serve(app, ctx);
  traguardi::cli::register_piano_di_zona(app, ctx);
  traguardi::cli::italianize_help(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}

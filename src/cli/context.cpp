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

std::unique_ptr<Store> open_db(const Context& ctx, OpenMode mode) {
  return open_store(ctx.db, mode);
}

Dataset load_ente(Store& store, const Context& ctx) {
  if (!ctx.ente.empty()) {
    if (auto d = store.load(ctx.ente)) return std::move(*d);
    std::string codes;
    auto enti = store.list_enti();
    for (std::size_t i = 0; i < enti.size() && i < 20; ++i)
      codes += (i ? ", " : "") + enti[i].code;
    throw NotFound(fmt::format("ente «{}» non presente nel database; enti disponibili: {}",
                               ctx.ente, codes.empty() ? "nessuno" : codes));
  }
  auto enti = store.list_enti();
  if (enti.empty())
    throw NotFound("il database non contiene enti; crearli con «traguardi demo» o «traguardi "
                   "import»");
  if (enti.size() > 1) {
    std::string codes;
    for (std::size_t i = 0; i < enti.size() && i < 10; ++i)
      codes += (i ? ", " : "") + enti[i].code;
    if (enti.size() > 10) codes += fmt::format(" e altri {}", enti.size() - 10);
    throw InvalidInput(fmt::format("il database contiene {} enti: indicare quale con --ente "
                                   "({})",
                                   enti.size(), codes));
  }
  return std::move(*store.load(enti.front().code));
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

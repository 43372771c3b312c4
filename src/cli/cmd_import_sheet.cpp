// `traguardi import-sheet`: legacy sheets (text extractions or PDF) into an ente
// (app/import_sheets.h). Findings go to stderr with file:line; the summary goes to stdout.
#include <iostream>
#include <unistd.h>

#include <fmt/format.h>

#include "app/import_sheets.h"
#include "cli/commands.h"

namespace traguardi::cli {
namespace {

void progress_bar(std::size_t done, std::size_t total) {
  constexpr int width = 30;
  int filled = static_cast<int>(width * done / total);
  std::cerr << fmt::format("\r[{}{}] {}/{} schede", std::string(filled, '#'),
                           std::string(width - filled, ' '), done, total)
            << std::flush;
  if (done == total) std::cerr << "\n";
}

int run_import(Context& ctx, app::SheetImportOptions& opt) {
  const bool bar = opt.files.size() >= 5 && isatty(STDERR_FILENO);
  if (bar) opt.on_parsed = progress_bar;
  auto s = session(ctx);
  auto r = app::import_sheets(s, opt);
  if (!r) {
    if (bar) std::cerr << "\n";
    std::cerr << "traguardi: errore: " << r.error().full() << " Nessun dato è stato scritto.\n";
    return error_kind_exit_code(r.error().kind);
  }
  // Thousands of findings in a large import: one write per block, not one per line (std::cerr
  // is unbuffered).
  std::string block;
  for (const auto& f : r->findings) {
    block += f;
    block += '\n';
    if (block.size() >= 64 * 1024) {
      std::cerr.write(block.data(), static_cast<std::streamsize>(block.size()));
      block.clear();
    }
  }
  std::cerr.write(block.data(), static_cast<std::streamsize>(block.size()));
  std::cout << fmt::format(
      "{} {}: {} obiettivi ({} nuovi, {} aggiornati, {} invariati), {} fasi, {} indicatori; "
      "segnalazioni: {} errori, {} avvisi, {} informazioni.\n",
      r->sheets, r->sheets == 1 ? "scheda" : "schede", r->objectives, r->added, r->updated,
      r->unchanged, r->phases, r->indicators, r->errors, r->warnings, r->infos);
  if (r->errors > 0) {
    std::cout << "Importazione annullata per gli errori segnalati: nessun dato è stato scritto.\n";
    return 1;
  }
  if (opt.dry_run) {
    std::cout << "Prova senza scrittura (--dry-run): il database non è stato modificato.\n";
  } else if (r->written) {
    std::cout << fmt::format("Dati scritti in {} per l'ente {}.\n", s.shown_location(), r->ente);
  } else {
    std::cout << "Nessuna modifica: le schede erano già importate.\n";
  }
  return 0;
}

} // namespace

void register_import_sheet(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand(
      "import-sheet", "Importa schede obiettivi e schede PEG del vecchio software (testo o PDF)");
  add_common_options(*sub, ctx);
  add_actor_options(*sub, ctx);
  static app::SheetImportOptions opt;
  sub->add_option("files", opt.files, "File di testo estratti dai PDF, o i PDF stessi")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_flag("--strict", opt.strict, "Tratta gli avvisi come errori (nulla viene scritto)");
  sub->add_flag("--dry-run", opt.dry_run, "Analizza e riassume senza scrivere nel database");
  sub->add_flag("--nuovo-ente", opt.new_ente, "Crea l'ente indicato con --ente se non esiste");
  sub->add_flag("--parziale", opt.partial,
                "Importa anche se alcune righe non sono state lette per intero (segnalate)");
  sub->add_flag("--sovrascrivi", opt.overwrite,
                "Sovrascrive i valori modificati a mano dopo l'importazione precedente");
  sub->callback([&ctx] { run_guarded(ctx, [&] { return run_import(ctx, opt); }); });
}

} // namespace traguardi::cli

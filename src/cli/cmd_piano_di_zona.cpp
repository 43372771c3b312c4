// `traguardi import-piano-di-zona` and `traguardi import-stats`: a district plan from the text
// of a Piano di Zona, territorial base data from a long-format CSV.
//
// Both parse everything before writing: a file that is not a Piano di Zona, or any bad CSV row,
// leaves the database untouched. Findings and row errors go to stderr with file:line.
#include <iostream>

#include <fmt/format.h>

#include "app/district_import.h"
#include "app/district_links.h"
#include "cli/commands.h"
#include "cli/print_edit.h"

namespace traguardi::cli {
namespace {

int run_import_pdz(Context& ctx, const std::string& file, bool strict, bool dry_run) {
  auto s = session(ctx);
  auto parsed = app::import_piano_di_zona(s, file, strict, dry_run);
  if (!parsed) {
    std::cerr << "traguardi: errore: " << parsed.error().full()
              << " Nessun dato è stato scritto.\n";
    return error_kind_exit_code(parsed.error().kind);
  }
  const auto& out = *parsed;
  for (const auto& f : out.findings)
    std::cerr << f << "\n";
  const auto& r = out.report;
  std::cout << fmt::format(
      "Piano di Zona «{}»: {} comuni, {} obiettivi valutati, {} macro-obiettivi ({} voci per "
      "area), {} obiettivi strategici, {} organi di governance, {} valori statistici; "
      "segnalazioni: {} errori, {} avvisi, {} informazioni.\n",
      out.name, r.comuni, r.evaluation_rows, r.macro_objectives, r.placements, r.strategic,
      r.governance, r.statistics, out.errors, out.warnings, out.infos);
  if (out.errors > 0) {
    std::cout << "Importazione annullata per gli errori segnalati: nessun dato è stato scritto.\n";
    return 1;
  }
  if (!out.written) {
    std::cout << "Prova senza scrittura (--dry-run): il database non è stato modificato.\n";
    return 0;
  }
  std::cout << fmt::format("Dati scritti in {} per l'ente {}.\n", s.shown_location(), out.ente);
  return 0;
}

int run_import_stats(Context& ctx, const std::string& file) {
  auto s = session(ctx);
  auto out = take(app::import_statistics(s, file));
  if (!out.errors.empty()) {
    for (std::size_t i = 0; i < out.errors.size() && i < 50; ++i)
      std::cerr << "traguardi: errore: " << out.errors[i].full() << "\n";
    if (out.errors.size() > 50)
      std::cerr << fmt::format("traguardi: … e altri {} errori\n", out.errors.size() - 50);
    std::cerr << fmt::format("traguardi: {} righe non valide: nessun dato è stato scritto.\n",
                             out.errors.size());
    return error_kind_exit_code(ErrorKind::invalid_input);
  }
  std::cout << fmt::format("{} valori letti da {} ({} nuovi, {} aggiornati) per l'ente {}.\n",
                           out.values, file, out.added, static_cast<int>(out.values) - out.added,
                           out.ente);
  return 0;
}

} // namespace

void register_piano_di_zona(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("import-piano-di-zona",
                                 "Importa un Piano di Zona (testo estratto o PDF): ambito, comuni, "
                                 "valutazione, macro-obiettivi, statistiche");
  add_common_options(*sub, ctx);
  static std::string file;
  static bool strict = false, dry_run = false;
  sub->add_option("file", file, "Testo del Piano di Zona (o il PDF)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_flag("--strict", strict, "Tratta gli avvisi come errori (nulla viene scritto)");
  sub->add_flag("--dry-run", dry_run, "Analizza e riassume senza scrivere nel database");
  sub->callback(
      [&ctx] { run_guarded(ctx, [&] { return run_import_pdz(ctx, file, strict, dry_run); }); });

  auto* stats = app.add_subcommand(
      "import-stats", "Importa dati statistici territoriali da CSV in formato lungo (territorio, "
                      "misura, data, dimensione, valore, unità, fonte)");
  add_common_options(*stats, ctx);
  static std::string csv;
  stats->add_option("file", csv, "File CSV")->required()->check(CLI::ExistingFile);
  stats->callback([&ctx] { run_guarded(ctx, [&] { return run_import_stats(ctx, csv); }); });

  auto* link = app.add_subcommand(
      "collega-macro", "Collega un macro-obiettivo del Piano di Zona (--ente: l'ambito) a un "
                       "obiettivo di PEG di un comune dell'ambito");
  add_common_options(*link, ctx);
  add_actor_options(*link, ctx);
  static app::MacroLinkRequest r;
  static bool json = false;
  link->add_option("--macro", r.macro, "Codice (es. MO01) o titolo del macro-obiettivo")
      ->required();
  link->add_option("--comune", r.comune, "Codice dell'ente del comune")->required();
  link->add_option("--obiettivo", r.objective, "Codice dell'obiettivo di PEG del comune")
      ->required();
  link->add_option("--vista-comune", r.vista, "Vista del comune (se il codice è in più viste)");
  link->add_flag("--rimuovi", r.remove, "Toglie il collegamento invece di aggiungerlo");
  link->add_flag("--json", json, "Risultato in JSON");
  link->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto out = take_field(app::link_macro_objective(s, r));
      print_edit(out,
                 fmt::format("Macro-obiettivo {} {} {}", r.macro,
                             r.remove ? "scollegato da" : "collegato a",
                             r.comune + "/" + r.objective),
                 json);
      return 0;
    });
  });
}

} // namespace traguardi::cli

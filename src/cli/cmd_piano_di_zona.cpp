// `traguardi import-piano-di-zona` and `traguardi import-stats`: a district plan from the text
// of a Piano di Zona, territorial base data from a long-format CSV.
//
// Both parse everything before writing: a file that is not a Piano di Zona, or any bad CSV row,
// leaves the database untouched. Findings and row errors go to stderr with file:line.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "app/district_import.h"
#include "cli/commands.h"
#include "importer/piano_di_zona_import.h"
#include "importer/stats_csv.h"

namespace traguardi::cli {
namespace {

int run_import_pdz(Context& ctx, const std::string& file, bool strict, bool dry_run) {
  auto parsed = importer::import_piano_di_zona_file(file);
  if (!parsed) {
    std::cerr << "traguardi: errore: " << parsed.error().full()
              << " Nessun dato è stato scritto.\n";
    return error_kind_exit_code(parsed.error().kind);
  }
  auto& findings = parsed->findings;
  if (strict) importer::apply_strict(findings);
  for (const auto& f : findings)
    std::cerr << f.format() << "\n";
  int errors = importer::count_severity(findings, Severity::error);
  std::unique_ptr<Store> store;
  try {
    store = open_db(ctx, OpenMode::existing);
  } catch (const StoreError&) {
  }
  std::string code = ctx.ente.empty() ? parsed->ambito.ente.code : ctx.ente;
  parsed->ambito.ente.code = code;
  Dataset target;
  if (store)
    if (auto d = store->load(code)) target = std::move(*d);
  auto r = app::merge_district(target, parsed->ambito);
  std::cout << fmt::format(
      "Piano di Zona «{}»: {} comuni, {} obiettivi valutati, {} macro-obiettivi ({} voci per "
      "area), {} obiettivi strategici, {} organi di governance, {} valori statistici; "
      "segnalazioni: {} errori, {} avvisi, {} informazioni.\n",
      target.ente.name, r.comuni, r.evaluation_rows, r.macro_objectives, r.placements, r.strategic,
      r.governance, r.statistics, errors, importer::count_severity(findings, Severity::warning),
      importer::count_severity(findings, Severity::info));
  if (errors > 0) {
    std::cout << "Importazione annullata per gli errori segnalati: nessun dato è stato scritto.\n";
    return 1;
  }
  if (dry_run) {
    std::cout << "Prova senza scrittura (--dry-run): il database non è stato modificato.\n";
    return 0;
  }
  if (!store) store = open_db(ctx, OpenMode::create);
  store->replace(target);
  std::cout << fmt::format("Dati scritti in {} per l'ente {}.\n", shown_location(ctx.db),
                           target.ente.code);
  return 0;
}

int run_import_stats(Context& ctx, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw NotFound("impossibile leggere il file " + file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = importer::parse_stats_csv(text, file);
  if (!parsed.errors.empty()) {
    for (std::size_t i = 0; i < parsed.errors.size() && i < 50; ++i)
      std::cerr << "traguardi: errore: " << parsed.errors[i].full() << "\n";
    if (parsed.errors.size() > 50)
      std::cerr << fmt::format("traguardi: … e altri {} errori\n", parsed.errors.size() - 50);
    std::cerr << fmt::format("traguardi: {} righe non valide: nessun dato è stato scritto.\n",
                             parsed.errors.size());
    return error_kind_exit_code(ErrorKind::invalid_input);
  }
  auto store = open_db(ctx, OpenMode::existing);
  Dataset d = load_ente(*store, ctx);
  int added = app::merge_statistics(d, parsed.values);
  store->replace(d);
  std::cout << fmt::format("{} valori letti da {} ({} nuovi, {} aggiornati) per l'ente {}.\n",
                           parsed.values.size(), file, added,
                           static_cast<int>(parsed.values.size()) - added, d.ente.code);
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
}

} // namespace traguardi::cli

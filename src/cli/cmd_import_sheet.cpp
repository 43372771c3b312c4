// `traguardi import-sheet`: imports legacy sheets (text extractions or PDF) into an ente.
//
// All files are parsed before anything is written: a file that is not a sheet, or any error
// (warnings too with --strict), leaves the database untouched. Findings go to stderr with
// file:line; the summary goes to stdout. Importing the same sheet again changes nothing.
#include <cctype>
#include <iostream>
#include <unistd.h>

#include <fmt/format.h>

#include "app/sheet_merge.h"
#include "cli/commands.h"
#include "core/normalize.h"
#include "importer/sheet_import.h"

namespace traguardi::cli {
namespace {

struct ImportSheetOptions {
  std::vector<std::string> files;
  bool strict = false;
  bool dry_run = false;
};

// Code for a new ente named after the sheets ("Citta' di Cinisello Balsamo" ->
// "CITTA_DI_CINISELLO_BALSAMO").
std::string ente_code_from_name(const std::string& name) {
  std::string key = matching_key(name), code;
  for (char c : key) {
    bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (alnum)
      code += c;
    else if (!code.empty() && code.back() != '_')
      code += '_';
  }
  while (!code.empty() && code.back() == '_')
    code.pop_back();
  return code.empty() ? "ENTE_IMPORTATO" : code;
}

void progress(std::size_t done, std::size_t total) {
  constexpr int width = 30;
  int filled = static_cast<int>(width * done / total);
  std::cerr << fmt::format("\r[{}{}] {}/{} schede", std::string(filled, '#'),
                           std::string(width - filled, ' '), done, total)
            << std::flush;
}

// Thousands of findings in a large import: one write per block, not one per line (std::cerr
// is unbuffered).
void write_findings(const std::vector<importer::ImportFinding>& findings) {
  std::string out;
  for (const auto& f : findings) {
    out += f.format();
    out += '\n';
    if (out.size() >= 64 * 1024) {
      std::cerr.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  std::cerr.write(out.data(), static_cast<std::streamsize>(out.size()));
}

Dataset target_dataset(Store& store, const Context& ctx, const std::string& sheet_ente) {
  if (!ctx.ente.empty()) {
    if (auto d = store.load(ctx.ente)) return std::move(*d);
    Dataset d;
    d.ente.code = ctx.ente;
    d.ente.name = sheet_ente.empty() ? ctx.ente : sheet_ente;
    return d;
  }
  auto enti = store.list_enti();
  if (enti.empty()) {
    Dataset d;
    d.ente.code = ente_code_from_name(sheet_ente);
    d.ente.name = sheet_ente.empty() ? d.ente.code : sheet_ente;
    return d;
  }
  return load_ente(store, ctx);
}

int run_import(Context& ctx, const ImportSheetOptions& opt) {
  std::vector<importer::ImportedSheet> sheets;
  const bool bar = opt.files.size() >= 5 && isatty(STDERR_FILENO);
  for (std::size_t i = 0; i < opt.files.size(); ++i) {
    auto sheet = importer::import_sheet_file(opt.files[i]);
    if (!sheet) {
      if (bar) std::cerr << "\n";
      std::cerr << "traguardi: errore: " << sheet.error().full()
                << " Nessun dato è stato scritto.\n";
      return error_kind_exit_code(sheet.error().kind);
    }
    sheets.push_back(std::move(*sheet));
    if (bar) progress(i + 1, opt.files.size());
  }
  if (bar) std::cerr << "\n";

  // The database is created only when there is something to write.
  std::unique_ptr<Store> store;
  try {
    store = open_db(ctx, OpenMode::existing);
  } catch (const StoreError&) {
  }
  Dataset d;
  if (store) {
    d = target_dataset(*store, ctx, sheets.front().ente_name);
  } else {
    d.ente.code = ctx.ente.empty() ? ente_code_from_name(sheets.front().ente_name) : ctx.ente;
    d.ente.name = sheets.front().ente_name.empty() ? d.ente.code : sheets.front().ente_name;
  }

  std::vector<importer::ImportFinding> findings;
  int objectives = 0, phases = 0, indicators = 0;
  app::SheetMergeReport total;
  app::SheetMerger merger(d);
  std::size_t incoming = 0;
  for (const auto& s : sheets)
    incoming += s.objectives.size() + s.ancestors.size();
  merger.reserve(incoming);
  for (auto& s : sheets) {
    objectives += static_cast<int>(s.objectives.size());
    phases += s.phase_count();
    indicators += s.indicator_count();
    auto r = merger.merge(std::move(s)); // leaves the findings
    findings.insert(findings.end(), std::make_move_iterator(s.findings.begin()),
                    std::make_move_iterator(s.findings.end()));
    findings.insert(findings.end(), std::make_move_iterator(r.findings.begin()),
                    std::make_move_iterator(r.findings.end()));
    r.findings.clear();
    total.add(std::move(r));
  }
  if (opt.strict) importer::apply_strict(findings);
  write_findings(findings);
  int errors = importer::count_severity(findings, Severity::error);
  int warnings = importer::count_severity(findings, Severity::warning);
  int infos = importer::count_severity(findings, Severity::info);
  std::cout << fmt::format(
      "{} {}: {} obiettivi ({} nuovi, {} aggiornati, {} invariati), {} fasi, {} indicatori; "
      "segnalazioni: {} errori, {} avvisi, {} informazioni.\n",
      sheets.size(), sheets.size() == 1 ? "scheda" : "schede", objectives, total.objectives_added,
      total.objectives_updated, total.objectives_unchanged, phases, indicators, errors, warnings,
      infos);
  if (errors > 0) {
    std::cout << "Importazione annullata per gli errori segnalati: nessun dato è stato scritto.\n";
    return 1;
  }
  if (opt.dry_run) {
    std::cout << "Prova senza scrittura (--dry-run): il database non è stato modificato.\n";
    return 0;
  }
  if (total.changed()) {
    if (!store) store = open_db(ctx, OpenMode::create);
    store->replace(d);
    std::cout << fmt::format("Dati scritti in {} per l'ente {}.\n", shown_location(ctx.db),
                             d.ente.code);
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
  static ImportSheetOptions opt;
  sub->add_option("files", opt.files, "File di testo estratti dai PDF, o i PDF stessi")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_flag("--strict", opt.strict, "Tratta gli avvisi come errori (nulla viene scritto)");
  sub->add_flag("--dry-run", opt.dry_run, "Analizza e riassume senza scrivere nel database");
  sub->callback([&ctx] { run_guarded(ctx, [&] { return run_import(ctx, opt); }); });
}

} // namespace traguardi::cli

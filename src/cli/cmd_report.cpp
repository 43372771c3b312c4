// `traguardi report`: prints a sheet (SCHEDA OBIETTIVI, SCHEDA PEG DI RENDICONTAZIONE) as PDF,
// HTML, XLSX or CSV. The Dataset comes from the store here; the report layer never sees it.
// Exit codes: 0 written, 1 the selection matched no objective (nothing written), 2 invalid
// parameters (the message lists the valid values), others as in core/error.h.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/italian.h"
#include "report/csv_renderer.h"
#include "report/html_renderer.h"
#include "report/pdf_renderer.h"
#include "report/scheda_builder.h"
#include "report/text_rules.h"
#include "report/xlsx_renderer.h"

namespace traguardi::cli {
namespace {

struct ReportOptions {
  std::string kind, format, out, as_of, produced;
  report::Selection selection;
  int year = 0;
  bool draft = false, sign_off = false;
};

/// A gg/mm/aaaa option; the Italian message names the option.
Result<std::optional<Date>> date_option(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<Date>{};
  if (auto d = italian::parse_date(text)) return std::optional<Date>{*d};
  return fail(
      fmt::format("{}: data «{}» non valida; atteso gg/mm/aaaa (es. 31/12/2025).", option, text),
      option);
}

Result<void> write(const report::Document& doc, const std::string& format, const std::string& out) {
  if (format == "pdf") return report::write_pdf(doc, out);
  if (format == "html") return report::write_html(doc, out);
  if (format == "xlsx") return report::write_xlsx(doc, out);
  auto files = report::write_csv(doc, out);
  if (!files) return tl::unexpected(files.error());
  if (files->size() > 1) {
    std::cout << "File CSV scritti (una tabella per file):\n";
    for (const auto& f : *files)
      std::cout << "  " << f << "\n";
  }
  return {};
}

} // namespace

void register_report(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("report", "Stampa una scheda degli obiettivi (PDF, HTML, XLSX, CSV)");
  add_common_options(*sub, ctx);
  static ReportOptions o;
  sub->add_option("scheda", o.kind,
                  "scheda-obiettivi, scheda-peg-rendicontazione, valutazione-esiti, "
                  "statistiche-territoriali o piano-di-zona")
      ->required()
      ->check(CLI::IsMember({"scheda-obiettivi", "scheda-peg-rendicontazione", "valutazione-esiti",
                             "statistiche-territoriali", "piano-di-zona"}));
  sub->add_option("--vista", o.selection.vista, "Codice della vista (predefinita: la più recente)");
  sub->add_option("--livello", o.selection.level,
                  "mandato, missione, programma o peg (predefinito: programma per la scheda "
                  "obiettivi, peg per la rendicontazione)");
  sub->add_option("--cdr", o.selection.center,
                  "Centro di responsabilità (codice o nome); include i centri sottostanti");
  sub->add_option("--responsabile", o.selection.responsible, "Responsabile dell'obiettivo");
  sub->add_option("--assessorato", o.selection.assessorato, "Assessorato");
  sub->add_option("--descrizione-sintetica", o.selection.short_description,
                  "Testo contenuto nella descrizione sintetica");
  sub->add_option("--anno", o.year, "Anno degli obiettivi")->check(CLI::Range(1900, 2999));
  sub->add_option("--format", o.format, "pdf, html, xlsx o csv")
      ->required()
      ->check(CLI::IsMember({"pdf", "html", "xlsx", "csv"}));
  sub->add_option("--out", o.out,
                  "File da scrivere (csv: una tabella per file, gli altri file accanto a questo)")
      ->required();
  sub->add_option("--al", o.as_of,
                  "Data di riferimento gg/mm/aaaa del GANTT e del periodo (predefinita: 31/12 "
                  "dell'anno degli obiettivi, o del primo anno della vista)");
  sub->add_option("--data-elaborazione", o.produced,
                  "Data elaborazione stampata gg/mm/aaaa (predefinita: SOURCE_DATE_EPOCH se "
                  "impostata, altrimenti oggi)");
  sub->add_flag("--bozza", o.draft, "Filigrana «BOZZA» su ogni pagina (vista non ancora adottata)");
  sub->add_flag("--firme", o.sign_off,
                "Riquadro firme: responsabile, visto del controllo di gestione, validazione OIV");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      if (is_district_report(o.kind))
        return run_district_report(ctx, o.kind, o.selection.vista, o.format, o.out);
      const report::ReportKind kind = *report::report_kind_from_string(o.kind);
      if (o.year) o.selection.year = o.year;
      auto store = open_db(ctx, OpenMode::existing);
      const Dataset d = load_ente(*store, ctx);
      auto selected = report::select_objectives(d, kind, o.selection);
      if (!selected) {
        std::cerr << "traguardi: errore: " << selected.error().message << "\n";
        return error_kind_exit_code(selected.error().kind);
      }
      if (selected->objectives.empty()) {
        std::cerr << "traguardi: " << report::empty_selection_message(*selected) << "\n";
        return 1;
      }
      report::SheetOptions sheet;
      sheet.produced = report::production_date();
      sheet.draft = o.draft;
      sheet.sign_off = o.sign_off;
      auto as_of = date_option(o.as_of, "--al");
      auto produced = date_option(o.produced, "--data-elaborazione");
      for (const auto* r : {&as_of, &produced})
        if (!*r) {
          std::cerr << "traguardi: errore: " << r->error().message << "\n";
          return 2;
        }
      sheet.as_of = *as_of;
      if (*produced) sheet.produced = **produced;
      const report::Document doc = report::build_scheda(d, kind, *selected, sheet);
      if (auto ok = write(doc, o.format, o.out); !ok) {
        std::cerr << "traguardi: errore: " << ok.error().message << "\n";
        return error_kind_exit_code(ok.error().kind);
      }
      std::cout << fmt::format("Scritto {}: {}, {} obiettivi.\n", o.out, doc.title,
                               doc.sections.size());
      return 0;
    });
  });
}

} // namespace traguardi::cli

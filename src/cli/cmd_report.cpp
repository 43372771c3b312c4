// `traguardi report`: prints a sheet (SCHEDA OBIETTIVI, SCHEDA PEG DI RENDICONTAZIONE) as PDF,
// HTML, XLSX or CSV. The Dataset comes from the store here; the report layer never sees it.
// Exit codes: 0 written, 1 the selection matched no objective (nothing written), 2 invalid
// parameters (the message lists the valid values), others as in core/error.h.
#include <iostream>

#include <fmt/format.h>

#include "app/print_report.h"
#include "cli/commands.h"
#include "core/italian.h"

namespace traguardi::cli {
namespace {

/// A gg/mm/aaaa option; the Italian message names the option.
Result<std::optional<Date>> date_option(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<Date>{};
  if (auto d = italian::parse_date(text)) return std::optional<Date>{*d};
  return fail(
      fmt::format("{}: data «{}» non valida; atteso gg/mm/aaaa (es. 31/12/2025).", option, text),
      option);
}

struct ReportOptions {
  app::ReportRequest request;
  std::string as_of, produced;
  int year = 0;
};

} // namespace

void register_report(CLI::App& app, Context& ctx) {
  auto* sub =
      app.add_subcommand("report", "Stampa una scheda degli obiettivi (PDF, HTML, XLSX, CSV)");
  add_common_options(*sub, ctx);
  static ReportOptions o;
  auto& r = o.request;
  sub->add_option("scheda", r.kind,
                  "scheda-obiettivi, scheda-peg-rendicontazione, valutazione-esiti, "
                  "statistiche-territoriali o piano-di-zona")
      ->required()
      ->check(CLI::IsMember({"scheda-obiettivi", "scheda-peg-rendicontazione", "valutazione-esiti",
                             "statistiche-territoriali", "piano-di-zona"}));
  sub->add_option("--vista", r.vista, "Codice della vista (predefinita: la più recente)");
  sub->add_option("--livello", r.level,
                  "mandato, missione, programma o peg (predefinito: programma per la scheda "
                  "obiettivi, peg per la rendicontazione)");
  sub->add_option("--cdr", r.center,
                  "Centro di responsabilità (codice o nome); include i centri sottostanti");
  sub->add_option("--responsabile", r.responsible, "Responsabile dell'obiettivo");
  sub->add_option("--assessorato", r.assessorato, "Assessorato");
  sub->add_option("--descrizione-sintetica", r.short_description,
                  "Testo contenuto nella descrizione sintetica");
  sub->add_option("--anno", o.year, "Anno degli obiettivi")->check(CLI::Range(1900, 2999));
  sub->add_option("--format", r.format, "pdf, html, xlsx o csv")
      ->required()
      ->check(CLI::IsMember({"pdf", "html", "xlsx", "csv"}));
  sub->add_option("--out", r.out,
                  "File da scrivere (csv: una tabella per file, gli altri file accanto a questo)")
      ->required();
  sub->add_option("--al", o.as_of,
                  "Data di riferimento gg/mm/aaaa del GANTT e del periodo (predefinita: 31/12 "
                  "dell'anno degli obiettivi, o del primo anno della vista)");
  sub->add_option("--data-elaborazione", o.produced,
                  "Data elaborazione stampata gg/mm/aaaa (predefinita: SOURCE_DATE_EPOCH se "
                  "impostata, altrimenti oggi)");
  sub->add_flag("--bozza", r.draft, "Filigrana «BOZZA» su ogni pagina (vista non ancora adottata)");
  sub->add_flag("--firme", r.sign_off,
                "Riquadro firme: responsabile, visto del controllo di gestione, validazione OIV");
  sub->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto& r = o.request;
      if (o.year) r.year = o.year;
      auto as_of = date_option(o.as_of, "--al");
      auto produced = date_option(o.produced, "--data-elaborazione");
      for (const auto* d : {&as_of, &produced})
        if (!*d) {
          std::cerr << "traguardi: errore: " << d->error().message << "\n";
          return 2;
        }
      r.as_of = *as_of;
      r.produced = *produced;
      auto s = session(ctx);
      auto out = take(app::print_report(s, r));
      if (out.empty) {
        std::cerr << "traguardi: " << out.message << "\n";
        return 1;
      }
      if (out.files.size() > 1) {
        std::cout << "File CSV scritti (una tabella per file):\n";
        for (const auto& f : out.files)
          std::cout << "  " << f << "\n";
      }
      std::cout << fmt::format("Scritto {}: {}, {} {}.\n", r.out, out.title, out.sections,
                               app::is_district_report(r.kind) ? "sezioni" : "obiettivi");
      return 0;
    });
  });
}

} // namespace traguardi::cli

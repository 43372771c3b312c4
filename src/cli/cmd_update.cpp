// `traguardi update-phase` and `update-indicator`: record progress during the year
// (use cases in app/progress.h). Values are given in Italian format (80,5; 31/12/2025; "-"
// clears). `--versione` makes a stale edit fail with exit 4 instead of overwriting someone
// else's; an edit that changes nothing writes nothing.
#include <iostream>

#include <fmt/format.h>

#include "app/progress.h"
#include "cli/commands.h"
#include "cli/print_edit.h"
#include "core/italian.h"

namespace traguardi::cli {
namespace {

struct Target {
  app::ItemRef ref;
  std::int64_t version = 0;
  bool json = false;
};

void add_target_options(CLI::App* sub, Target& t, const char* item, app::FieldText& note) {
  sub->add_option("--vista", t.ref.vista, "Vista (se il codice esiste in più viste)");
  sub->add_option("--obiettivo", t.ref.objective, "Codice dell'obiettivo")->required();
  sub->add_option(fmt::format("--{}", item), t.ref.order, "Numero d'ordine")->required();
  sub->add_option("--versione", t.version,
                  "Versione su cui si basa la modifica (rifiutata se nel frattempo è cambiata)");
  text_option(sub, "--note", note, "Note (sostituiscono le precedenti; - per togliere)");
  sub->add_flag("--json", t.json, "Risultato in JSON");
}

void set_version(Target& t) {
  if (t.version) t.ref.version = t.version;
}

} // namespace

void register_update(CLI::App& app, Context& ctx) {
  static Target phase_target, indicator_target;
  static app::PhaseProgress phase;
  static app::IndicatorValue indicator;
  auto* ph = app.add_subcommand("update-phase", "Aggiorna l'avanzamento di una fase");
  add_common_options(*ph, ctx);
  add_actor_options(*ph, ctx);
  add_target_options(ph, phase_target, "fase", phase.note);
  text_option(ph, "--avanzamento", phase.progress, "Avanzamento in % (0–100)");
  text_option(ph, "--inizio-effettivo", phase.actual_start, "gg/mm/aaaa, oppure - per togliere");
  text_option(ph, "--fine-effettiva", phase.actual_end, "gg/mm/aaaa, oppure - per togliere");
  ph->callback([&ctx] {
    run_guarded(ctx, [&] {
      set_version(phase_target);
      phase.ref = phase_target.ref;
      auto s = session(ctx);
      auto out = take_field(app::record_phase_progress(s, phase));
      print_edit(out, fmt::format("Fase {} di {} aggiornata", phase.ref.order, phase.ref.objective),
                 phase_target.json);
      return 0;
    });
  });

  auto* in = app.add_subcommand("update-indicator", "Registra il valore di un indicatore");
  add_common_options(*in, ctx);
  add_actor_options(*in, ctx);
  add_target_options(in, indicator_target, "indicatore", indicator.note);
  text_option(in, "--raggiunto", indicator.actual, "Valore raggiunto (oppure - per togliere)");
  text_option(in, "--atteso", indicator.target, "Valore atteso");
  in->callback([&ctx] {
    run_guarded(ctx, [&] {
      set_version(indicator_target);
      indicator.ref = indicator_target.ref;
      auto s = session(ctx);
      auto out = take_field(app::record_indicator_value(s, indicator));
      print_edit(out,
                 fmt::format("Indicatore {} di {} aggiornato", indicator.ref.order,
                             indicator.ref.objective),
                 indicator_target.json);
      return 0;
    });
  });
}

} // namespace traguardi::cli

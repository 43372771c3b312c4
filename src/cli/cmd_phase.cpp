// `traguardi phase add|edit|move|delete` and `indicator add|edit|delete`: the fasi and
// indicators of an objective (app/item_authoring.h), with Italian values (--peso 30,
// --inizio-previsto 01/02/2026, --atteso 1.134,50).
#include <fmt/format.h>

#include "app/item_authoring.h"
#include "cli/commands.h"
#include "cli/print_edit.h"

namespace traguardi::cli {
namespace {

struct ItemArgs {
  app::ItemRef ref;
  std::int64_t version = 0;
  int position = 0;
  app::PhaseFields phase;
  app::IndicatorFields indicator;
  bool json = false;
};

CLI::App* item_command(CLI::App* group, Context& ctx, ItemArgs& a, const char* name,
                       const char* help, const char* item) {
  auto* sub = group->add_subcommand(name, help);
  add_common_options(*sub, ctx);
  add_actor_options(*sub, ctx);
  sub->add_option("--vista", a.ref.vista, "Vista (se il codice esiste in più viste)");
  sub->add_option("--obiettivo", a.ref.objective, "Codice dell'obiettivo")->required();
  if (item) sub->add_option(fmt::format("--{}", item), a.ref.order, "Numero d'ordine")->required();
  sub->add_option("--versione", a.version,
                  "Versione su cui si basa la modifica (rifiutata se nel frattempo è cambiata)");
  sub->add_flag("--json", a.json, "Risultato in JSON");
  return sub;
}

void phase_fields(CLI::App* sub, app::PhaseFields& f) {
  text_option(sub, "--descrizione", f.description, "Descrizione della fase");
  text_option(sub, "--peso", f.weight, "Peso in % (0–100)");
  text_option(sub, "--avanzamento", f.progress, "Avanzamento in % (0–100)");
  text_option(sub, "--inizio-previsto", f.planned_start, "gg/mm/aaaa (- per togliere)");
  text_option(sub, "--fine-prevista", f.planned_end, "gg/mm/aaaa (- per togliere)");
  text_option(sub, "--inizio-effettivo", f.actual_start, "gg/mm/aaaa (- per togliere)");
  text_option(sub, "--fine-effettiva", f.actual_end, "gg/mm/aaaa (- per togliere)");
  text_option(sub, "--responsabile", f.responsible, "Responsabile (nominativo)");
  text_option(sub, "--cdr", f.center, "Centro di responsabilità (codice o nome)");
  text_option(sub, "--note", f.note, "Note (- per togliere)");
}

void indicator_fields(CLI::App* sub, app::IndicatorFields& f) {
  text_option(sub, "--descrizione", f.description, "Descrizione dell'indicatore");
  text_option(sub, "--tipo", f.type, "efficacia, efficienza, quantitativo, qualita, altro");
  text_option(sub, "--scala", f.scale, "numero, percentuale, si-no, euro, indice, altro");
  text_option(sub, "--direzione", f.polarity,
              "crescente (più alto è meglio) o decrescente (più basso è meglio)");
  text_option(sub, "--anno", f.year, "Anno di riferimento");
  text_option(sub, "--atteso", f.target, "Valore atteso (es. 1.134,50)");
  text_option(sub, "--raggiunto", f.actual, "Valore raggiunto (- per togliere)");
  text_option(sub, "--note", f.note, "Note (- per togliere)");
}

app::ObjectiveRef objective_of(const ItemArgs& a) {
  return {a.ref.vista, a.ref.objective,
          a.version ? std::optional<std::int64_t>(a.version) : std::nullopt};
}

void finish(ItemArgs& a) {
  if (a.version) a.ref.version = a.version;
}

template <typename F> void on_run(CLI::App* sub, Context& ctx, ItemArgs& a, F body) {
  sub->callback([&ctx, &a, body] {
    run_guarded(ctx, [&] {
      finish(a);
      auto s = session(ctx);
      body(s, a);
      return 0;
    });
  });
}

} // namespace

void register_phase(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("phase", "Aggiunge, modifica, sposta o elimina fasi");
  group->require_subcommand(1);
  static ItemArgs add, edit, move, del;

  auto* a = item_command(group, ctx, add, "add", "Nuova fase di un obiettivo", nullptr);
  phase_fields(a, add.phase);
  a->add_option("--posizione", add.position, "Posizione (predefinita: in fondo)");
  on_run(a, ctx, add, [](app::Session& s, ItemArgs& x) {
    std::optional<int> at;
    if (x.position) at = x.position;
    auto out = take_field(app::add_phase(s, objective_of(x), x.phase, at));
    print_edit(out, fmt::format("Fase aggiunta a {}", x.ref.objective), x.json);
  });

  auto* e = item_command(group, ctx, edit, "edit", "Modifica i campi di una fase", "fase");
  phase_fields(e, edit.phase);
  on_run(e, ctx, edit, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::edit_phase(s, x.ref, x.phase));
    print_edit(out, fmt::format("Fase {} di {} modificata", x.ref.order, x.ref.objective), x.json);
  });

  auto* m = item_command(group, ctx, move, "move", "Sposta una fase in un'altra posizione", "fase");
  m->add_option("--posizione", move.position, "Nuova posizione (1 = prima)")->required();
  on_run(m, ctx, move, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::move_phase(s, x.ref, x.position));
    print_edit(out, fmt::format("Fase {} di {} spostata", x.ref.order, x.ref.objective), x.json);
  });

  auto* d = item_command(group, ctx, del, "delete", "Elimina una fase", "fase");
  on_run(d, ctx, del, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::delete_phase(s, x.ref));
    print_edit(out, fmt::format("Fase {} di {} eliminata", x.ref.order, x.ref.objective), x.json);
  });
}

void register_indicator(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("indicator", "Aggiunge, modifica o elimina indicatori");
  group->require_subcommand(1);
  static ItemArgs add, edit, del;

  auto* a = item_command(group, ctx, add, "add", "Nuovo indicatore di un obiettivo", nullptr);
  indicator_fields(a, add.indicator);
  on_run(a, ctx, add, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::add_indicator(s, objective_of(x), x.indicator));
    print_edit(out, fmt::format("Indicatore aggiunto a {}", x.ref.objective), x.json);
  });

  auto* e =
      item_command(group, ctx, edit, "edit", "Modifica i campi di un indicatore", "indicatore");
  indicator_fields(e, edit.indicator);
  on_run(e, ctx, edit, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::edit_indicator(s, x.ref, x.indicator));
    print_edit(out, fmt::format("Indicatore {} di {} modificato", x.ref.order, x.ref.objective),
               x.json);
  });

  auto* d = item_command(group, ctx, del, "delete", "Elimina un indicatore", "indicatore");
  on_run(d, ctx, del, [](app::Session& s, ItemArgs& x) {
    auto out = take_field(app::delete_indicator(s, x.ref));
    print_edit(out, fmt::format("Indicatore {} di {} eliminato", x.ref.order, x.ref.objective),
               x.json);
  });
}

} // namespace traguardi::cli

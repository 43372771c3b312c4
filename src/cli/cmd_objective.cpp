// `traguardi objective add|edit|move|delete`: the objective tree of a vista
// (app/objective_authoring.h). Flags take Italian values; every command prints what changed
// and the new version (or JSON with --json).
#include <fmt/format.h>

#include "app/objective_authoring.h"
#include "cli/commands.h"
#include "cli/print_edit.h"

namespace traguardi::cli {
namespace {

struct ObjectiveArgs {
  app::ObjectiveRef ref;
  std::int64_t version = 0;
  app::ObjectiveFields fields;
  std::string parent;
  bool with_children = false;
  bool json = false;
};

CLI::App* objective_command(CLI::App* group, Context& ctx, ObjectiveArgs& a, const char* name,
                            const char* help) {
  auto* sub = group->add_subcommand(name, help);
  add_common_options(*sub, ctx);
  add_actor_options(*sub, ctx);
  sub->add_option("--vista", a.ref.vista, "Vista (se il codice esiste in più viste)");
  sub->add_option("--obiettivo", a.ref.code, "Codice dell'obiettivo")->required();
  sub->add_option("--versione", a.version,
                  "Versione su cui si basa la modifica (rifiutata se nel frattempo è cambiata)");
  sub->add_flag("--json", a.json, "Risultato in JSON");
  return sub;
}

void field_options(CLI::App* sub, app::ObjectiveFields& f) {
  text_option(sub, "--livello", f.level, "mandato, missione, programma o peg");
  text_option(sub, "--collegato-a", f.parent, "Codice dell'obiettivo superiore (- per nessuno)");
  text_option(sub, "--anno", f.year, "Anno (obiettivi di PEG)");
  text_option(sub, "--descrizione-sintetica", f.short_description, "Descrizione sintetica");
  text_option(sub, "--descrizione", f.description, "Descrizione");
  text_option(sub, "--finalita-strategica", f.strategic_purpose, "Finalità: obiettivo strategico");
  text_option(sub, "--finalita-operativa", f.operational_purpose, "Finalità: obiettivo operativo");
  text_option(sub, "--modalita-attuazione", f.implementation, "Modalità di attuazione");
  text_option(sub, "--tipo", f.objective_type, "Tipo di obiettivo (es. Gestionale)");
  text_option(sub, "--stato", f.state, "Stato (es. In corso, Concluso)");
  text_option(sub, "--area", f.area, "Numero dell'area tematica della vista");
  text_option(sub, "--assessorato", f.assessorato, "Assessorato (descrizione)");
  text_option(sub, "--cdr", f.center, "Centro di responsabilità (codice o nome)");
  text_option(sub, "--responsabile", f.responsible, "Responsabile (nominativo)");
  text_option(sub, "--direzione", f.direction, "Direzione (codice del CdR)");
  text_option(sub, "--direttore", f.director, "Direttore (nominativo)");
}

void finish(ObjectiveArgs& a) {
  if (a.version) a.ref.version = a.version;
}

} // namespace

void register_objective(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("objective", "Crea, modifica, sposta o elimina obiettivi");
  group->require_subcommand(1);
  static ObjectiveArgs add, edit, move, del;

  auto* a = objective_command(group, ctx, add, "add", "Nuovo obiettivo");
  field_options(a, add.fields);
  a->callback([&ctx] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      auto out = take_field(app::add_objective(s, add.ref.vista, add.ref.code, add.fields));
      print_edit(out, fmt::format("Obiettivo {} creato", add.ref.code), add.json);
      return 0;
    });
  });

  auto* e = objective_command(group, ctx, edit, "edit", "Modifica i campi di un obiettivo");
  field_options(e, edit.fields);
  e->callback([&ctx] {
    run_guarded(ctx, [&] {
      finish(edit);
      auto s = session(ctx);
      auto out = take_field(app::edit_objective(s, edit.ref, edit.fields));
      print_edit(out, fmt::format("Obiettivo {} modificato", edit.ref.code), edit.json);
      return 0;
    });
  });

  auto* m = objective_command(group, ctx, move, "move",
                              "Collega l'obiettivo a un altro obiettivo superiore");
  m->add_option("--collegato-a", move.parent, "Nuovo obiettivo superiore (- per nessuno)")
      ->required();
  m->callback([&ctx] {
    run_guarded(ctx, [&] {
      finish(move);
      auto s = session(ctx);
      auto out = take_field(app::move_objective(s, move.ref, move.parent));
      print_edit(out, fmt::format("Obiettivo {} spostato", move.ref.code), move.json);
      return 0;
    });
  });

  auto* d = objective_command(group, ctx, del, "delete",
                              "Elimina un obiettivo con le sue fasi e i suoi indicatori");
  d->add_flag("--con-collegati", del.with_children,
              "Elimina anche gli obiettivi collegati (altrimenti la richiesta è rifiutata)");
  d->callback([&ctx] {
    run_guarded(ctx, [&] {
      finish(del);
      auto s = session(ctx);
      auto out = take_field(app::delete_objective(s, del.ref, del.with_children));
      print_edit(out, fmt::format("Obiettivo {} eliminato", del.ref.code), del.json);
      return 0;
    });
  });
}

} // namespace traguardi::cli

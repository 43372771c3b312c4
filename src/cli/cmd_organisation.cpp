// `traguardi ente add`, `cdr add|edit|list`, `person add|edit|list`, `assessorato add|edit`,
// `area set`, `status set`, `involved structure|person|remove-structure|remove-person`: the ente,
// its organisation and the narrative parts of objectives (app/organisation.h).
#include <iostream>

#include <fmt/format.h>

#include "app/involved_removal.h"
#include "app/organisation.h"
#include "cli/commands.h"
#include "cli/list_output.h"
#include "cli/print_edit.h"

namespace traguardi::cli {
namespace {

struct OrgArgs {
  std::string code, name, kind, vista, text, person, description;
  int number = 0;
  app::CenterFields center;
  app::PersonFields person_fields;
  app::AssessoratoFields assessorato;
  app::FieldText year, as_of, relation, mission, programme, share;
  app::ObjectiveRef ref;
  std::int64_t version = 0;
  bool json = false;
};

CLI::App* command(CLI::App* group, Context& ctx, OrgArgs& a, const char* name, const char* help,
                  bool with_ente = true) {
  auto* sub = group->add_subcommand(name, help);
  add_common_options(*sub, ctx, with_ente);
  add_actor_options(*sub, ctx);
  sub->add_flag("--json", a.json, "Risultato in JSON");
  return sub;
}

void objective_ref(CLI::App* sub, OrgArgs& a) {
  sub->add_option("--vista", a.ref.vista, "Vista (se il codice esiste in più viste)");
  sub->add_option("--obiettivo", a.ref.code, "Codice dell'obiettivo")->required();
  sub->add_option("--versione", a.version, "Versione dell'obiettivo su cui si basa la modifica");
}

template <typename F> void on_run(CLI::App* sub, Context& ctx, OrgArgs& a, F body) {
  sub->callback([&ctx, &a, body] {
    run_guarded(ctx, [&] {
      if (a.version) a.ref.version = a.version;
      auto s = session(ctx);
      body(s, a);
      return 0;
    });
  });
}

void center_fields(CLI::App* sub, app::CenterFields& f) {
  text_option(sub, "--nome", f.name, "Denominazione estesa");
  text_option(sub, "--nome-breve", f.short_name, "Descrizione breve (al massimo 30 caratteri)");
  text_option(sub, "--tipo", f.kind, "AREA, SETTORE, SERVIZIO, ...");
  text_option(sub, "--padre", f.parent, "CdR superiore (codice o nome; - per nessuno)");
  text_option(sub, "--responsabile", f.head, "Responsabile (nominativo)");
  text_option(sub, "--sigla-peg", f.peg_sigla, "Sigla nei codici PEG (es. S08)");
}

/// `cdr list` and `person list`: the terminal table, or a spreadsheet with --format.
void list_command(CLI::App* group, Context& ctx, ListOutput& out, const char* help,
                  Result<app::ListTable> (*list)(app::Session&)) {
  auto* sub = group->add_subcommand("list", help);
  add_common_options(*sub, ctx);
  add_list_options(*sub, out);
  sub->callback([&ctx, &out, list] {
    run_guarded(ctx, [&] {
      auto s = session(ctx);
      const auto table = take(list(s));
      if (!export_list(out, table)) std::cout << app::list_text(table);
      return 0;
    });
  });
}

} // namespace

void register_organisation(CLI::App& app, Context& ctx) {
  static OrgArgs ente, cdr_add, cdr_edit, person_add, person_edit, ass_add, ass_edit, area, status,
      structure, people, structure_gone, person_gone;
  static ListOutput cdr_list, person_list;

  auto* eg = app.add_subcommand("ente", "Crea un ente");
  eg->require_subcommand(1);
  auto* ea = command(eg, ctx, ente, "add", "Nuovo ente (vuoto)", false);
  ea->add_option("--codice", ente.code, "Codice dell'ente (es. C_VALDORA)")->required();
  ea->add_option("--nome", ente.name, "Denominazione (es. Comune di Valdora)")->required();
  ea->add_option("--tipo", ente.kind, "comune, unione, ambito o altro");
  on_run(ea, ctx, ente, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::create_ente(s, a.code, a.name, a.kind)),
               fmt::format("Ente {} creato", a.code), a.json);
  });

  auto* cg = app.add_subcommand("cdr", "Centri di responsabilità");
  cg->require_subcommand(1);
  auto* ca = command(cg, ctx, cdr_add, "add", "Nuovo centro di responsabilità");
  ca->add_option("--codice", cdr_add.code, "Codice del CdR")->required();
  center_fields(ca, cdr_add.center);
  on_run(ca, ctx, cdr_add, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::add_center(s, a.code, a.center)),
               fmt::format("Centro di responsabilità {} creato", a.code), a.json);
  });
  auto* ce = command(cg, ctx, cdr_edit, "edit", "Modifica un centro di responsabilità");
  ce->add_option("--codice", cdr_edit.code, "Codice o nome del CdR")->required();
  center_fields(ce, cdr_edit.center);
  on_run(ce, ctx, cdr_edit, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::edit_center(s, a.code, a.center)),
               fmt::format("Centro di responsabilità {} modificato", a.code), a.json);
  });
  list_command(cg, ctx, cdr_list, "Elenco dei centri di responsabilità", app::center_list);

  auto* pg = app.add_subcommand("person", "Persone (responsabili, direttori, soggetti)");
  pg->require_subcommand(1);
  auto* pa = command(pg, ctx, person_add, "add", "Nuova persona");
  text_option(pa, "--nome", person_add.person_fields.name, "Nominativo")->required();
  text_option(pa, "--nome-utente", person_add.person_fields.username, "Nome utente");
  on_run(pa, ctx, person_add, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::add_person(s, a.person_fields)),
               fmt::format("Persona {} creata", a.person_fields.name.value_or("")), a.json);
  });
  auto* pe = command(pg, ctx, person_edit, "edit", "Modifica una persona");
  pe->add_option("--persona", person_edit.person, "Nominativo attuale")->required();
  text_option(pe, "--nome", person_edit.person_fields.name, "Nuovo nominativo");
  text_option(pe, "--nome-utente", person_edit.person_fields.username, "Nome utente");
  on_run(pe, ctx, person_edit, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::edit_person(s, a.person, a.person_fields)),
               fmt::format("Persona {} modificata", a.person), a.json);
  });
  list_command(pg, ctx, person_list, "Elenco delle persone", app::person_list);

  auto* ag = app.add_subcommand("assessorato", "Assessorati e deleghe");
  ag->require_subcommand(1);
  auto* aa = command(ag, ctx, ass_add, "add", "Nuovo assessorato");
  text_option(aa, "--descrizione", ass_add.assessorato.description, "Descrizione")->required();
  text_option(aa, "--deleghe", ass_add.assessorato.delegations, "Deleghe");
  on_run(aa, ctx, ass_add, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::add_assessorato(s, a.assessorato)), "Assessorato creato", a.json);
  });
  auto* ae = command(ag, ctx, ass_edit, "edit", "Modifica un assessorato");
  ae->add_option("--assessorato", ass_edit.text, "Descrizione attuale")->required();
  text_option(ae, "--descrizione", ass_edit.assessorato.description, "Nuova descrizione");
  text_option(ae, "--deleghe", ass_edit.assessorato.delegations, "Deleghe");
  on_run(ae, ctx, ass_edit, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::edit_assessorato(s, a.text, a.assessorato)),
               "Assessorato modificato", a.json);
  });

  auto* arg = app.add_subcommand("area", "Aree tematiche di una vista");
  arg->require_subcommand(1);
  auto* ar = command(arg, ctx, area, "set", "Crea o rinomina un'area tematica");
  ar->add_option("--vista", area.vista, "Vista")->required();
  ar->add_option("--numero", area.number, "Numero dell'area")->required();
  ar->add_option("--descrizione", area.description, "Descrizione")->required();
  on_run(ar, ctx, area, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::set_area(s, a.vista, a.number, a.description)),
               fmt::format("Area tematica {} aggiornata", a.number), a.json);
  });

  auto* sg = app.add_subcommand("status", "Stato di attuazione degli obiettivi");
  sg->require_subcommand(1);
  auto* ss = command(sg, ctx, status, "set", "Scrive lo stato di attuazione di un anno");
  objective_ref(ss, status);
  text_option(ss, "--anno", status.year, "Anno");
  text_option(ss, "--al", status.as_of, "Data di riferimento gg/mm/aaaa (es. 31/12/2025)");
  ss->add_option("--testo", status.text, "Testo (vuoto per togliere)")->required();
  on_run(ss, ctx, status, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::set_status(s, a.ref, a.year, a.as_of, a.text)),
               fmt::format("Stato di attuazione di {} aggiornato", a.ref.code), a.json);
  });

  auto* ig = app.add_subcommand("involved", "Strutture e soggetti coinvolti in un obiettivo");
  ig->require_subcommand(1);
  auto* is = command(ig, ctx, structure, "structure", "Aggiunge una struttura coinvolta");
  objective_ref(is, structure);
  is->add_option("--descrizione", structure.description, "Descrizione")->required();
  text_option(is, "--relazione", structure.relation, "Relazione (es. Programma)");
  text_option(is, "--missione", structure.mission, "Missione di bilancio (es. 12)");
  text_option(is, "--programma", structure.programme, "Programma di bilancio (es. 06)");
  text_option(is, "--quota", structure.share, "Quota in % (0–100)");
  on_run(is, ctx, structure, [](app::Session& s, OrgArgs& a) {
    app::InvolvedStructureFields f{a.description, a.relation, a.mission, a.programme, a.share};
    print_edit(take_field(app::add_involved_structure(s, a.ref, f)),
               fmt::format("Struttura coinvolta aggiunta a {}", a.ref.code), a.json);
  });
  auto* ip = command(ig, ctx, people, "person", "Aggiunge un soggetto coinvolto");
  objective_ref(ip, people);
  ip->add_option("--persona", people.person, "Nominativo")->required();
  text_option(ip, "--relazione", people.relation, "Ruolo");
  text_option(ip, "--impegno", people.share, "Impegno in % (0–100)");
  on_run(ip, ctx, people, [](app::Session& s, OrgArgs& a) {
    app::InvolvedPersonFields f{a.person, a.relation, a.share};
    print_edit(take_field(app::add_involved_person(s, a.ref, f)),
               fmt::format("Soggetto coinvolto aggiunto a {}", a.ref.code), a.json);
  });
  // By position, as the export and the objective page list them; --versione guards against
  // removing another entry after someone else changed the list.
  auto* rs =
      command(ig, ctx, structure_gone, "remove-structure", "Rimuove una struttura coinvolta");
  objective_ref(rs, structure_gone);
  rs->add_option("--numero", structure_gone.number, "Posizione della struttura (1 = la prima)")
      ->required();
  on_run(rs, ctx, structure_gone, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::remove_involved_structure(s, a.ref, a.number)),
               fmt::format("Struttura coinvolta {} rimossa da {}", a.number, a.ref.code), a.json);
  });
  auto* rp = command(ig, ctx, person_gone, "remove-person", "Rimuove un soggetto coinvolto");
  objective_ref(rp, person_gone);
  rp->add_option("--numero", person_gone.number, "Posizione del soggetto (1 = il primo)")
      ->required();
  on_run(rp, ctx, person_gone, [](app::Session& s, OrgArgs& a) {
    print_edit(take_field(app::remove_involved_person(s, a.ref, a.number)),
               fmt::format("Soggetto coinvolto {} rimosso da {}", a.number, a.ref.code), a.json);
  });
}

} // namespace traguardi::cli

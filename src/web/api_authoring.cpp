// /api/v1 authoring of objectives: create (POST …/objectives), edit (PATCH of the objective),
// delete, stato di attuazione (PUT …/status), strutture and soggetti coinvolti (POST, and
// DELETE …/structures/{n}, …/people/{n}). Each calls the same use case as `traguardi objective
// …`, `traguardi stato|struttura|soggetto` and the pages' removal (app/objective_authoring.h,
// app/organisation.h, app/involved_removal.h), acting as the caller.
//
// Roles as on the pages (app/authoring_access.h): amministratore and controllo change the
// whole plan and create and delete objectives; a responsabile only objectives of their CdR
// subtree, without moving them in the tree or outside the subtree; a lettore nothing.
#include <fmt/format.h>

#include "app/authoring_access.h"
#include "app/involved_removal.h"
#include "app/objective_authoring.h"
#include "app/organisation.h"
#include "app/plan_access.h"
#include "core/figures.h"
#include "web/api_fields.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

std::vector<FieldBinding> objective_bindings(app::ObjectiveFields& f) {
  return {{"livello", "livello", FieldKind::text, &f.level},
          {"collegato_a", "collegato-a", FieldKind::text, &f.parent},
          {"anno", "anno", FieldKind::integer, &f.year},
          {"descrizione_sintetica", "descrizione-sintetica", FieldKind::text, &f.short_description},
          {"descrizione", "descrizione", FieldKind::text, &f.description},
          {"finalita_strategica", "finalita-strategica", FieldKind::text, &f.strategic_purpose},
          {"finalita_operativa", "finalita-operativa", FieldKind::text, &f.operational_purpose},
          {"modalita_attuazione", "modalita-attuazione", FieldKind::text, &f.implementation},
          {"tipo", "tipo", FieldKind::text, &f.objective_type},
          {"stato", "stato", FieldKind::text, &f.state},
          {"area", "area", FieldKind::integer, &f.area},
          {"assessorato", "assessorato", FieldKind::text, &f.assessorato},
          {"cdr", "cdr", FieldKind::text, &f.center},
          {"responsabile", "responsabile", FieldKind::text, &f.responsible},
          {"direzione", "direzione", FieldKind::text, &f.direction},
          {"direttore", "direttore", FieldKind::text, &f.director}};
}

/// The body as an object, or nullopt with the problem sent.
std::optional<Json> body_of(ApiCall& c) {
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) {
    send_problem(c.res, *body.problem);
    return std::nullopt;
  }
  return std::move(body.value);
}

Problem invalid() {
  return {422, "", "alcuni campi non sono validi: nessuna modifica è stata salvata", {}};
}

/// Answers the objective as stored now, with `status`.
void send_objective(ApiCall& c, const std::string& vista, const std::string& code, int status) {
  auto d = api_plan(c);
  const Objective* o = find_objective(*d, vista, code);
  if (!o) throw NotFound("nessun obiettivo con questo codice nella vista indicata");
  send_json(c, objective_json(*o, compute_figures(*o)), etag_of(objective_etag_version(*o)));
  c.res.status = status;
}

void create_objective(ApiCall& c) {
  auto d = api_plan(c);
  auto body = body_of(c);
  if (!body) return;
  app::ObjectiveFields f;
  app::FieldText vista, code;
  auto fields = objective_bindings(f);
  fields.push_back({"vista", "vista", FieldKind::text, &vista, true});
  fields.push_back({"codice", "codice", FieldKind::text, &code, true});
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!app::can_change_structure(c.user))
    return send_forbidden(c, "nuovi obiettivi fanno parte della struttura del piano: li crea "
                             "l'amministratore o il controllo di gestione");
  auto s = api_session(c, d->ente.code);
  auto out = app::add_objective(s, *vista, *code, f);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  c.res.set_header("Location",
                   fmt::format("/api/v1/enti/{}/objectives/{}/{}", d->ente.code, *vista, *code));
  send_objective(c, *vista, *code, 201);
}

void edit_objective(ApiCall& c) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  auto body = body_of(c);
  if (!body) return;
  app::ObjectiveFields f;
  auto fields = objective_bindings(f);
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (auto why = app::objective_edit_refusal(c.user, *d, o, f)) return send_forbidden(c, *why);
  if (!if_match_ok(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  auto out = app::edit_objective(s, {o.vista, o.code, o.version}, f);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  send_objective(c, o.vista, o.code, 200);
}

void delete_objective(ApiCall& c) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_author_plan(c.user))
    return send_forbidden(c, "eliminare obiettivi è riservato ad amministratore e controllo di "
                             "gestione");
  const std::string children = c.req.get_param_value("con_collegati");
  if (!children.empty() && children != "true" && children != "false")
    return send_problem(c.res, {400,
                                "",
                                "parametro con_collegati non valido",
                                {{"", "con_collegati", "atteso true o false"}}});
  if (!if_match_ok(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  auto out = app::delete_objective(s, {o.vista, o.code, o.version}, children == "true");
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), {}));
  c.res.status = 204;
}

void put_status(ApiCall& c) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  auto body = body_of(c);
  if (!body) return;
  app::FieldText year, as_of, text;
  std::vector<FieldBinding> fields{{"anno", "anno", FieldKind::integer, &year},
                                   {"al", "al", FieldKind::date, &as_of},
                                   {"testo", "testo", FieldKind::text, &text}};
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (!body->contains("testo"))
    bad.errors.push_back({"/testo", "", "campo obbligatorio (\"\" o null toglie il testo)"});
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!if_match_ok(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  const std::string t = !text || *text == "-" ? "" : *text;
  auto out = app::set_status(s, {o.vista, o.code, o.version}, year, as_of, t);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  send_objective(c, o.vista, o.code, 200);
}

void add_involved(ApiCall& c, bool structure) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  auto body = body_of(c);
  if (!body) return;
  app::InvolvedStructureFields sf;
  app::InvolvedPersonFields pf;
  app::FieldText name;
  std::vector<FieldBinding> fields;
  if (structure)
    fields = {{"descrizione", "descrizione", FieldKind::text, &name, true},
              {"relazione", "relazione", FieldKind::text, &sf.relation},
              {"missione", "missione", FieldKind::text, &sf.mission},
              {"programma", "programma", FieldKind::text, &sf.programme},
              {"quota", "quota", FieldKind::number, &sf.share}};
  else
    fields = {{"persona", "persona", FieldKind::text, &name, true},
              {"relazione", "relazione", FieldKind::text, &pf.relation},
              {"impegno", "impegno", FieldKind::number, &pf.effort}};
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!if_match_ok(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  sf.description = pf.person = *name;
  auto out = structure ? app::add_involved_structure(s, {o.vista, o.code, o.version}, sf)
                       : app::add_involved_person(s, {o.vista, o.code, o.version}, pf);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  send_objective(c, o.vista, o.code, 201);
}

/// DELETE …/structures/{n} or …/people/{n}: the entry at position n (1-based) of the objective
/// as read with the objective's ETag.
void remove_involved(ApiCall& c, bool structure) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  const int n = std::atoi(c.req.matches[4].str().c_str());
  const std::size_t count = structure ? o.structures.size() : o.people.size();
  if (n < 1 || static_cast<std::size_t>(n) > count)
    throw NotFound(structure ? "nessuna struttura coinvolta con questo numero nell'obiettivo"
                             : "nessun soggetto coinvolto con questo numero nell'obiettivo");
  if (!if_match_required(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  const app::ObjectiveRef ref{o.vista, o.code, o.version};
  auto out = structure ? app::remove_involved_structure(s, ref, n)
                       : app::remove_involved_person(s, ref, n);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), {}));
  c.res.status = 204;
}

} // namespace

void register_api_authoring(httplib::Server& s, Env& env, const std::string& ente,
                            const std::string& objective) {
  api_post(s, env, ente + "/objectives", create_objective);
  api_patch(s, env, objective, edit_objective);
  api_delete(s, env, objective, delete_objective);
  api_put(s, env, objective + "/status", put_status);
  api_post(s, env, objective + "/structures", [](ApiCall& c) { add_involved(c, true); });
  api_post(s, env, objective + "/people", [](ApiCall& c) { add_involved(c, false); });
  api_delete(s, env, objective + "/structures/([0-9]{1,6})",
             [](ApiCall& c) { remove_involved(c, true); });
  api_delete(s, env, objective + "/people/([0-9]{1,6})",
             [](ApiCall& c) { remove_involved(c, false); });
}

} // namespace traguardi::web

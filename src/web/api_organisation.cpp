// /api/v1 authoring of the organisation: centri di responsabilità (POST …/centers, PATCH
// …/centers/{code}) and persons (POST …/persons, PATCH …/persons/{key}), through the use
// cases of `traguardi cdr|persona add|edit` (app/organisation.h). The structure of the ente is
// for amministratore and controllo di gestione only (app/plan_access.h, can_author_plan).
// Neither record carries a version: the last change wins, as on the command line.
#include <algorithm>

#include <fmt/format.h>

#include "app/organisation.h"
#include "app/plan_access.h"
#include "core/normalize.h"
#include "web/api_fields.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

std::vector<FieldBinding> center_bindings(app::CenterFields& f) {
  return {{"nome", "nome", FieldKind::text, &f.name},
          {"nome_breve", "nome-breve", FieldKind::text, &f.short_name},
          {"tipo", "tipo", FieldKind::text, &f.kind},
          {"padre", "padre", FieldKind::text, &f.parent},
          {"responsabile", "responsabile", FieldKind::text, &f.head},
          {"sigla_peg", "sigla-peg", FieldKind::text, &f.peg_sigla}};
}

std::vector<FieldBinding> person_bindings(app::PersonFields& f) {
  return {{"nome", "nome", FieldKind::text, &f.name},
          {"nome_utente", "nome-utente", FieldKind::text, &f.username}};
}

Problem invalid() {
  return {422, "", "alcuni campi non sono validi: nessuna modifica è stata salvata", {}};
}

const char* kStructureOnly =
    "la struttura dell'ente (centri di responsabilità, persone) è modificabile solo da "
    "amministratore e controllo di gestione";

/// Answers the stored center or person `key` with `status`.
void send_record(ApiCall& c, bool center, const std::string& key, int status) {
  auto d = api_plan(c);
  if (center) {
    for (const auto& r : d->centers)
      if (r.code == key) send_json(c, center_json(r));
  } else {
    for (const auto& p : d->persons)
      if (p.key == key) send_json(c, person_json(p));
  }
  if (c.res.body.empty()) throw NotFound("elemento non trovato dopo la modifica");
  c.res.status = status;
  if (status == 201)
    c.res.set_header("Location", fmt::format("/api/v1/enti/{}/{}/{}", d->ente.code,
                                             center ? "centers" : "persons", key));
}

void save(ApiCall& c, bool center, bool create) {
  auto d = api_plan(c);
  std::string key = create ? "" : c.req.matches[2].str();
  if (!create) {
    const bool known = center ? std::any_of(d->centers.begin(), d->centers.end(),
                                            [&](const auto& r) { return r.code == key; })
                              : std::any_of(d->persons.begin(), d->persons.end(),
                                            [&](const auto& p) { return p.key == key; });
    if (!known)
      throw NotFound(center ? "nessun centro di responsabilità con questo codice"
                            : "nessuna persona con questa chiave");
  }
  if (!app::can_author_plan(c.user)) return send_forbidden(c, kStructureOnly);
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) return send_problem(c.res, *body.problem);
  app::CenterFields cf;
  app::PersonFields pf;
  app::FieldText code;
  auto fields = center ? center_bindings(cf) : person_bindings(pf);
  if (create && center) fields.push_back({"codice", "codice", FieldKind::text, &code, true});
  if (create) fields.front().required = true; // nome
  Problem bad = invalid();
  read_fields(body.value, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  auto s = api_session(c, d->ente.code);
  Result<app::EditOutcome> out =
      center   ? create ? app::add_center(s, *code, cf) : app::edit_center(s, key, cf)
        : create ? app::add_person(s, pf)
               : app::edit_person(s, key, pf);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  if (create) key = center ? *code : matching_key(*pf.name);
  send_record(c, center, key, create ? 201 : 200);
}

} // namespace

void register_api_organisation(httplib::Server& s, Env& env, const std::string& ente) {
  for (bool center : {true, false}) {
    const std::string list = ente + (center ? "/centers" : "/persons");
    api_post(s, env, list, [center](ApiCall& c) { save(c, center, true); });
    api_patch(s, env, list + "/([^/]+)", [center](ApiCall& c) { save(c, center, false); });
  }
}

} // namespace traguardi::web

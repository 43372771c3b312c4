// /api/v1 assessorati and aree tematiche, as the pages /organizzazione/assessorati and
// /organizzazione/aree have them: the lists for every caller who sees the ente, additions and
// changes for amministratore and controllo di gestione only, through the use cases of
// `traguardi assessorato add|edit` and `traguardi area set` (app/organisation.h). Neither
// record carries a version (the last change wins, as on the pages), and neither is deleted:
// the pages and the use cases offer no deletion, objectives keep referring to them.
#include <fmt/format.h>

#include "app/organisation.h"
#include "app/plan_access.h"
#include "core/normalize.h"
#include "web/api_fields.h"
#include "web/api_json.h"
#include "web/api_routes.h"
#include "web/html.h"

namespace traguardi::web {
namespace {

const char* kStructureOnly = "assessorati e aree tematiche sono modificabili solo da "
                             "amministratore e controllo di gestione";

Problem invalid() {
  return {422, "", "alcuni campi non sono validi: nessuna modifica è stata salvata", {}};
}

const Assessorato* assessorato_of(const Dataset& d, const std::string& key) {
  for (const auto& a : d.assessorati)
    if (a.key == key) return &a;
  return nullptr;
}

const ThematicArea* area_of(const Dataset& d, const std::string& vista, int number) {
  for (const auto& a : d.areas)
    if (a.vista == vista && a.number == number) return &a;
  return nullptr;
}

void list_assessorati(ApiCall& c) {
  auto d = api_plan(c);
  Json items = Json::array();
  for (const auto& a : d->assessorati)
    items.push_back(assessorato_json(a));
  send_json(c, Json{{"items", items}});
}

void list_areas(ApiCall& c) {
  auto d = api_plan(c);
  Json items = Json::array();
  for (const auto& a : d->areas)
    items.push_back(area_json(a));
  send_json(c, Json{{"items", items}});
}

/// The body of a change, or nullopt with the problem sent (also to a caller who may not).
std::optional<Json> authorised_body(ApiCall& c) {
  if (!app::can_author_plan(c.user)) {
    send_forbidden(c, kStructureOnly);
    return std::nullopt;
  }
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) {
    send_problem(c.res, *body.problem);
    return std::nullopt;
  }
  return std::move(body.value);
}

void save_assessorato(ApiCall& c, bool create) {
  auto d = api_plan(c);
  const std::string key = create ? "" : c.req.matches[2].str();
  if (!create && !assessorato_of(*d, key)) throw NotFound("nessun assessorato con questa chiave");
  auto body = authorised_body(c);
  if (!body) return;
  app::AssessoratoFields f;
  const std::vector<FieldBinding> fields{
      {"descrizione", "descrizione", FieldKind::text, &f.description, create},
      {"deleghe", "deleghe", FieldKind::text, &f.delegations}};
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  auto s = api_session(c, d->ente.code);
  auto out = create ? app::add_assessorato(s, f) : app::edit_assessorato(s, key, f);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  const std::string now = create ? matching_key(*f.description) : key;
  auto after = api_plan(c);
  const Assessorato* a = assessorato_of(*after, now);
  if (!a) throw NotFound("assessorato non trovato dopo la modifica");
  send_json(c, assessorato_json(*a));
  if (!create) return;
  c.res.status = 201;
  c.res.set_header("Location",
                   fmt::format("/api/v1/enti/{}/assessorati/{}", d->ente.code, url_encode(now)));
}

void save_area(ApiCall& c, bool create) {
  auto d = api_plan(c);
  std::string vista = create ? "" : c.req.matches[2].str();
  int number = create ? 0 : std::atoi(c.req.matches[3].str().c_str());
  if (!create && !area_of(*d, vista, number))
    throw NotFound("nessuna area tematica con questo numero nella vista indicata");
  auto body = authorised_body(c);
  if (!body) return;
  app::FieldText given_vista, given_number, description;
  std::vector<FieldBinding> fields{
      {"descrizione", "descrizione", FieldKind::text, &description, true}};
  if (create) {
    fields.push_back({"vista", "vista", FieldKind::text, &given_vista, true});
    fields.push_back({"numero", "numero", FieldKind::integer, &given_number, true});
  }
  Problem bad = invalid();
  read_fields(*body, fields, bad);
  if (bad.errors.empty() && (!description || description->empty() || *description == "-"))
    bad.errors.push_back({"/descrizione", "", "la descrizione è obbligatoria"});
  if (bad.errors.empty() && create) {
    vista = *given_vista;
    number = given_number->size() <= 3 ? std::atoi(given_number->c_str()) : 0;
    if (number < 1 || number > 999)
      bad.errors.push_back({"/numero", "", "atteso un numero intero da 1 a 999"});
    else if (area_of(*d, vista, number))
      return send_problem(c.res,
                          {409, "", "l'area tematica esiste già: modificarla con PATCH", {}});
  }
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  auto s = api_session(c, d->ente.code);
  auto out = app::set_area(s, vista, number, *description);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  auto after = api_plan(c);
  const ThematicArea* a = area_of(*after, vista, number);
  if (!a) throw NotFound("area tematica non trovata dopo la modifica");
  send_json(c, area_json(*a));
  if (!create) return;
  c.res.status = 201;
  c.res.set_header("Location", fmt::format("/api/v1/enti/{}/areas/{}/{}", d->ente.code,
                                           url_encode(vista), number));
}

} // namespace

void register_api_assessorati_areas(httplib::Server& s, Env& env, const std::string& ente) {
  api_get(s, env, ente + "/assessorati", list_assessorati);
  api_post(s, env, ente + "/assessorati", [](ApiCall& c) { save_assessorato(c, true); });
  api_patch(s, env, ente + "/assessorati/([^/]+)", [](ApiCall& c) { save_assessorato(c, false); });
  api_get(s, env, ente + "/areas", list_areas);
  api_post(s, env, ente + "/areas", [](ApiCall& c) { save_area(c, true); });
  api_patch(s, env, ente + "/areas/([^/]+)/([0-9]{1,3})", [](ApiCall& c) { save_area(c, false); });
}

} // namespace traguardi::web

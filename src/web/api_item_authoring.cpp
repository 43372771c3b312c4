// /api/v1 authoring of fasi and indicators: add (POST …/phases, …/indicators), edit the
// definition (a PATCH naming fields beyond the progress ones), delete, and move a fase to
// another position (POST …/phases/{n}/move). Each calls the same use case as `traguardi
// phase|indicator add|edit|delete|move` (app/item_authoring.h), acting as the caller; who may
// do it is who may update the objective (app/plan_access.h).
#include <algorithm>

#include <fmt/format.h>

#include "app/item_authoring.h"
#include "app/plan_access.h"
#include "web/api_fields.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

std::vector<FieldBinding> phase_bindings(app::PhaseFields& f) {
  return {{"descrizione", "descrizione", FieldKind::text, &f.description},
          {"peso", "peso", FieldKind::number, &f.weight},
          {"avanzamento", "avanzamento", FieldKind::number, &f.progress},
          {"inizio_previsto", "inizio-previsto", FieldKind::date, &f.planned_start},
          {"fine_prevista", "fine-prevista", FieldKind::date, &f.planned_end},
          {"inizio_effettivo", "inizio-effettivo", FieldKind::date, &f.actual_start},
          {"fine_effettiva", "fine-effettiva", FieldKind::date, &f.actual_end},
          {"responsabile", "responsabile", FieldKind::text, &f.responsible},
          {"cdr", "cdr", FieldKind::text, &f.center},
          {"note", "note", FieldKind::text, &f.note}};
}

std::vector<FieldBinding> indicator_bindings(app::IndicatorFields& f) {
  return {{"descrizione", "descrizione", FieldKind::text, &f.description},
          {"tipo", "tipo", FieldKind::text, &f.type},
          {"scala", "scala", FieldKind::text, &f.scale},
          {"direzione", "direzione", FieldKind::text, &f.polarity},
          {"anno", "anno", FieldKind::integer, &f.year},
          {"valore_atteso", "atteso", FieldKind::number, &f.target},
          {"valore_raggiunto", "raggiunto", FieldKind::number, &f.actual},
          {"note", "note", FieldKind::text, &f.note}};
}

Problem invalid() {
  return {422, "", "alcuni campi non sono validi: nessuna modifica è stata salvata", {}};
}

template <typename Record>
const Record* find_order(const std::vector<Record>& items, const std::string& order_text) {
  const int order = std::atoi(order_text.c_str());
  for (const auto& r : items)
    if (r.order == order) return &r;
  throw NotFound(fmt::format("nessun elemento numero {} in questo obiettivo", order_text));
}

/// Answers fase or indicator `order` of the objective as stored now.
void send_item(ApiCall& c, const std::string& vista, const std::string& code, bool phase, int order,
               int status) {
  auto d = api_plan(c);
  const Objective* o = find_objective(*d, vista, code);
  if (!o) throw NotFound("nessun obiettivo con questo codice nella vista indicata");
  const std::string n = std::to_string(order);
  if (phase) {
    const Phase* p = find_order(o->phases, n);
    send_json(c, phase_json(*o, *p), etag_of(p->version));
  } else {
    const Indicator* i = find_order(o->indicators, n);
    send_json(c, indicator_json(*o, *i), etag_of(i->version));
  }
  c.res.status = status;
  if (status == 201)
    c.res.set_header("Location", fmt::format("/api/v1/enti/{}/objectives/{}/{}/{}/{}", d->ente.code,
                                             vista, code, phase ? "phases" : "indicators", order));
}

void add_item(ApiCall& c, bool phase) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) return send_problem(c.res, *body.problem);
  app::PhaseFields pf;
  app::IndicatorFields inf;
  app::FieldText position;
  auto fields = phase ? phase_bindings(pf) : indicator_bindings(inf);
  fields.front().required = true; // descrizione
  if (phase) fields.push_back({"posizione", "posizione", FieldKind::integer, &position});
  Problem bad = invalid();
  read_fields(body.value, fields, bad);
  std::optional<int> at;
  if (position && *position != "-") {
    const int n = std::atoi(position->c_str());
    if (n < 1 || n > static_cast<int>(o.phases.size()) + 1)
      bad.errors.push_back(
          {"/posizione", "", fmt::format("attesa una posizione da 1 a {}", o.phases.size() + 1)});
    at = n;
  }
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!if_match_ok(c, objective_etag_version(o))) return;
  auto s = api_session(c, d->ente.code);
  const app::ObjectiveRef ref{o.vista, o.code, o.version};
  auto out = phase ? app::add_phase(s, ref, pf, at) : app::add_indicator(s, ref, inf);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  const int order = phase ? at.value_or(static_cast<int>(o.phases.size()) + 1)
                          : (o.indicators.empty() ? 1 : o.indicators.back().order + 1);
  send_item(c, o.vista, o.code, phase, order, 201);
}

void delete_item(ApiCall& c, bool phase) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  const std::string n = c.req.matches[4].str();
  const std::int64_t version =
      phase ? find_order(o.phases, n)->version : find_order(o.indicators, n)->version;
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  if (!if_match_required(c, version)) return;
  auto s = api_session(c, d->ente.code);
  const app::ItemRef ref{o.vista, o.code, std::atoi(n.c_str()), version};
  auto out = phase ? app::delete_phase(s, ref) : app::delete_indicator(s, ref);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), {}));
  c.res.status = 204;
}

/// POST …/phases/{n}/move {"posizione": m}: the fase goes to position m, the others renumbered
/// (the pages' "Sposta la fase"); the answer is the fase at its new place.
void move_phase_to(ApiCall& c) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  const Phase* p = find_order(o.phases, c.req.matches[4].str());
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  ParsedBody body = parse_json_body(c.req.get_header_value("Content-Type"), c.req.body);
  if (body.problem) return send_problem(c.res, *body.problem);
  app::FieldText position;
  const std::vector<FieldBinding> fields{
      {"posizione", "posizione", FieldKind::integer, &position, true}};
  Problem bad = invalid();
  read_fields(body.value, fields, bad);
  const int n = position ? std::atoi(position->c_str()) : 0;
  if (bad.errors.empty() && (n < 1 || n > static_cast<int>(o.phases.size())))
    bad.errors.push_back(
        {"/posizione", "", fmt::format("attesa una posizione da 1 a {}", o.phases.size())});
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!if_match_required(c, p->version)) return;
  auto s = api_session(c, d->ente.code);
  auto out = app::move_phase(s, {o.vista, o.code, p->order, p->version}, n);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  send_item(c, o.vista, o.code, true, n, 200);
}

} // namespace

bool is_definition_patch(const Json& body, bool phase) {
  static const std::vector<std::string> progress_phase{"avanzamento", "inizio_effettivo",
                                                       "fine_effettiva", "note"};
  static const std::vector<std::string> progress_indicator{"valore_raggiunto", "valore_atteso",
                                                           "note"};
  const auto& progress = phase ? progress_phase : progress_indicator;
  for (const auto& item : body.items())
    if (std::find(progress.begin(), progress.end(), item.key()) == progress.end()) return true;
  return false;
}

void patch_item_definition(ApiCall& c, bool phase, const Json& body) {
  auto d = api_plan(c);
  const Objective& o = api_objective(*d, c);
  const std::string n = c.req.matches[4].str();
  const std::int64_t version =
      phase ? find_order(o.phases, n)->version : find_order(o.indicators, n)->version;
  if (!app::can_record_progress(c.user, *d, o)) return send_forbidden(c);
  app::PhaseFields pf;
  app::IndicatorFields inf;
  auto fields = phase ? phase_bindings(pf) : indicator_bindings(inf);
  Problem bad = invalid();
  read_fields(body, fields, bad);
  if (!bad.errors.empty()) return send_problem(c.res, bad);
  if (!if_match_ok(c, version)) return;
  auto s = api_session(c, d->ente.code);
  const app::ItemRef ref{o.vista, o.code, std::atoi(n.c_str()), version};
  auto out = phase ? app::edit_phase(s, ref, pf) : app::edit_indicator(s, ref, inf);
  if (!out) return send_problem(c.res, problem_of_refusal(out.error(), fields));
  send_item(c, o.vista, o.code, phase, ref.order, 200);
}

void register_api_item_authoring(httplib::Server& s, Env& env, const std::string& objective) {
  for (bool phase : {true, false}) {
    const std::string list = objective + (phase ? "/phases" : "/indicators");
    api_post(s, env, list, [phase](ApiCall& c) { add_item(c, phase); });
    api_delete(s, env, list + "/([0-9]{1,6})", [phase](ApiCall& c) { delete_item(c, phase); });
  }
  api_post(s, env, objective + "/phases/([0-9]{1,6})/move", move_phase_to);
}

} // namespace traguardi::web

// /api/v1: the read endpoints (enti, objectives, fasi, indicators, audit) and the OpenAPI
// document. Access rules are those of the pages (app/plan_access.h): an ente the caller may
// not see answers 404, never 403, so ids of other enti are not confirmed.
#include <fmt/format.h>

#include "app/audit.h"
#include "app/plan_access.h"
#include "app/sheet_views.h"
#include "core/figures.h"
#include "core/italian.h"
#include "web/api_access.h"
#include "web/api_json.h"
#include "web/api_memo.h"
#include "web/api_paging.h"
#include "web/api_routes.h"
#include "web/download.h"
#include "web/openapi_document.h"

namespace traguardi::web {
namespace {

std::shared_ptr<const Dataset> plan_of(ApiCall& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.matches[1].str(), c.env.ws.plans());
  if (!d) app::raise(d.error());
  return *d;
}

void list_enti(ApiCall& c) {
  Json items = Json::array();
  for (const auto& e : app::visible_enti(c.store, c.user))
    items.push_back(ente_json(e));
  send_json(c, Json{{"items", items}});
}

void list_objectives(ApiCall& c) {
  auto limit = api_limit(c);
  if (!limit) return;
  auto d = plan_of(c);
  const app::PlanFilter f = plan_filter_of(c.req);
  if (!f.level.empty() && !level_from_string(f.level))
    return send_problem(c.res, {400,
                                "",
                                "parametro livello non valido",
                                {{"", "livello", "atteso mandato, missione, programma o peg"}}});
  const auto found = app::filter_objectives(*d, f);
  std::size_t start = 0;
  if (c.req.has_param("cursor")) {
    auto key = key_of_cursor(c.req.get_param_value("cursor"));
    const std::size_t sep = key ? key->find('\n') : std::string::npos;
    if (sep == std::string::npos) return api_bad_cursor(c);
    const std::string vista = key->substr(0, sep), code = key->substr(sep + 1);
    auto it = std::find_if(found.begin(), found.end(), [&](const Objective* o) {
      return o->vista == vista && o->code == code;
    });
    if (it == found.end()) return api_bad_cursor(c);
    start = static_cast<std::size_t>(it - found.begin()) + 1;
  }
  // Written straight as text: the page is the API's hot path (json_text.h).
  JsonText out;
  out.begin_object().key("items").begin_array();
  const std::size_t end = std::min(found.size(), start + *limit);
  for (std::size_t i = start; i < end; ++i)
    out.raw(memo_objective_item(c, d, *found[i]));
  out.end_array().key("total").number(static_cast<std::int64_t>(found.size()));
  out.key("next_cursor");
  if (end < found.size() && end > start)
    out.string(cursor_of_key(found[end - 1]->vista + "\n" + found[end - 1]->code));
  else
    out.null();
  send_json_text(c, out.end_object().take());
}

void list_centers(ApiCall& c) {
  auto d = plan_of(c);
  Json items = Json::array();
  for (const auto& center : d->centers)
    items.push_back(center_json(center));
  send_json(c, Json{{"items", items}});
}

void list_persons(ApiCall& c) {
  auto d = plan_of(c);
  Json items = Json::array();
  for (const auto& p : d->persons)
    items.push_back(person_json(p));
  send_json(c, Json{{"items", items}});
}

const Objective& objective_of(const Dataset& d, ApiCall& c) {
  const Objective* o = find_objective(d, c.req.matches[2].str(), c.req.matches[3].str());
  if (!o) throw NotFound("nessun obiettivo con questo codice nella vista indicata");
  return *o;
}

void get_objective(ApiCall& c) {
  auto d = plan_of(c);
  const Objective& o = objective_of(*d, c);
  send_json_text(c, memo_objective_json(c, d, o), etag_of(objective_etag_version(o)));
}

/// The objective's sheet (SCHEDA PEG DI RENDICONTAZIONE or SCHEDA OBIETTIVI), as the page's
/// download links give it.
void get_sheet(ApiCall& c) {
  auto d = plan_of(c); // first: another ente's objective is "not found" whatever the format
  const Objective& o = objective_of(*d, c);
  const std::string format = c.req.get_param_value("format");
  if (format != "pdf" && format != "xlsx" && format != "csv")
    return send_problem(
        c.res,
        {400, "", "parametro format non valido", {{"", "format", "atteso pdf, xlsx o csv"}}});
  auto file = app::render_sheet(*d, {&o}, format, "scheda-" + o.code);
  if (!file) app::raise(file.error());
  c.res.set_header("ETag", etag_of(objective_etag_version(o)));
  send_download(c.res, std::move(*file), "private, no-cache");
}

void list_audit(ApiCall& c) {
  auto d = plan_of(c); // first: another ente's audit is "not found", never "forbidden"
  if (c.user.role != app::UserRole::amministratore && c.user.role != app::UserRole::controllo)
    return send_problem(c.res, {403,
                                "",
                                "il registro delle modifiche è consultabile solo da "
                                "amministratore e controllo di gestione",
                                {}});
  auto limit = api_limit(c);
  if (!limit) return;
  app::AuditQuery q;
  q.objective = c.req.get_param_value("objective");
  for (auto [param, slot] : {std::pair{"dal", &q.from}, std::pair{"al", &q.to}}) {
    const std::string v = c.req.get_param_value(param);
    if (v.empty()) continue;
    auto day = Date::parse_iso(v);
    if (!day)
      return send_problem(c.res, {400,
                                  "",
                                  fmt::format("parametro {} non valido", param),
                                  {{"", param, "attesa una data aaaa-mm-gg"}}});
    *slot = italian::format_date(*day);
  }
  app::Session s(c.env.ws.shown_location(), d->ente.code);
  s.adopt(std::shared_ptr<Store>(&c.store, [](Store*) {}));
  auto listing = app::list_audit(s, q);
  if (!listing) app::raise(listing.error());
  std::size_t start = 0;
  if (c.req.has_param("cursor")) {
    const std::string cur = c.req.get_param_value("cursor");
    if (cur.empty() || cur.size() > 9 || !std::all_of(cur.begin(), cur.end(), ::isdigit))
      return api_bad_cursor(c);
    start = std::stoul(cur);
  }
  const Json all = Json::parse(app::audit_json(*listing));
  const Json& entries = all["entries"];
  Json items = Json::array();
  const std::size_t end = std::min(entries.size(), start + *limit);
  for (std::size_t i = start; i < end; ++i)
    items.push_back(entries[i]);
  send_json(
      c, Json{{"items", items},
              {"total", entries.size()},
              {"next_cursor", end < entries.size() ? Json(std::to_string(end)) : Json(nullptr)}});
}

} // namespace

const Objective& api_objective(const Dataset& d, ApiCall& c) {
  return objective_of(d, c);
}

std::shared_ptr<const Dataset> api_plan(ApiCall& c) {
  return plan_of(c);
}

void register_api(httplib::Server& s, Env& env) {
  s.Get("/api/v1/openapi\\.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-cache");
    res.set_content(openapi_document(), "application/json");
  });
  const std::string ente = "/api/v1/enti/([^/]+)";
  const std::string objective = ente + "/objectives/([^/]+)/([^/]+)";
  api_get(s, env, "/api/v1/enti", list_enti);
  api_get(s, env, ente + "/objectives", list_objectives);
  api_get(s, env, objective, get_objective);
  api_get(s, env, objective + "/sheet", get_sheet);
  api_get(s, env, ente + "/audit", list_audit);
  api_get(s, env, ente + "/centers", list_centers);
  api_get(s, env, ente + "/persons", list_persons);
  register_api_items(s, env, objective);
  register_api_tree(s, env, ente);
  register_api_authoring(s, env, ente, objective);
  register_api_item_authoring(s, env, objective);
  register_api_organisation(s, env, ente);
  register_api_assessorati_areas(s, env, ente);
  register_api_plan_reads(s, env, ente);
  register_api_sheet_import(s, env, ente);
  register_api_district(s, env, ente);
  register_api_dashboard(s, env, ente);
}

} // namespace traguardi::web

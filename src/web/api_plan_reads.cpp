// /api/v1 reads of the plan that the pages show and the first endpoints lacked: the viste of
// the ente with their levels (GET …/vistas, what the pages' vista filter offers) and the
// sheets of a filtered list of objectives (GET …/objectives-sheet?format=, the plan page's
// "Scarica elenco" links, app/sheet_views.h), with the flat list's filters.
#include "app/plan_access.h"
#include "app/sheet_views.h"
#include "web/api_json.h"
#include "web/api_routes.h"
#include "web/download.h"

namespace traguardi::web {
namespace {

Json vista_json(const Vista& v) {
  Json levels = Json::array();
  if (v.level_definitions.empty()) {
    int order = 0;
    for (Level l : v.levels)
      levels.push_back(Json{{"key", to_string(l)}, {"name", level_label(l)}, {"order", ++order}});
  } else {
    for (const auto& l : v.level_definitions)
      levels.push_back(Json{{"key", l.key}, {"name", l.name}, {"order", l.order}});
  }
  return Json{{"code", v.code},
              {"description", v.description},
              {"year_from", v.year_from ? Json(v.year_from) : Json(nullptr)},
              {"year_to", v.year_to ? Json(v.year_to) : Json(nullptr)},
              {"levels", std::move(levels)}};
}

void list_vistas(ApiCall& c) {
  auto d = api_plan(c);
  Json items = Json::array();
  for (const auto& v : d->vistas)
    items.push_back(vista_json(v));
  send_json(c, Json{{"items", std::move(items)}});
}

void plan_sheet(ApiCall& c) {
  auto d = api_plan(c); // first: another ente is "not found" whatever the format
  const std::string format = c.req.get_param_value("format");
  if (format != "pdf" && format != "xlsx" && format != "csv")
    return send_problem(
        c.res,
        {400, "", "parametro format non valido", {{"", "format", "atteso pdf, xlsx o csv"}}});
  const app::PlanFilter f = plan_filter_of(c.req);
  if (!f.level.empty() && !level_from_string(f.level))
    return send_problem(c.res, {400,
                                "",
                                "parametro livello non valido",
                                {{"", "livello", "atteso mandato, missione, programma o peg"}}});
  auto file = app::render_sheet(*d, app::filter_objectives(*d, f), format, "elenco-obiettivi");
  if (!file) app::raise(file.error());
  send_download(c.res, std::move(*file), "private, no-cache");
}

} // namespace

void register_api_plan_reads(httplib::Server& s, Env& env, const std::string& ente) {
  api_get(s, env, ente + "/vistas", list_vistas);
  api_get(s, env, ente + "/objectives-sheet", plan_sheet);
}

} // namespace traguardi::web

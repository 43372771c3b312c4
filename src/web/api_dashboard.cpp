// GET /api/v1/enti/{ente}/dashboard: the home page's roll-ups (app/dashboard.h) as JSON — the
// cards' counts and means, the late and off-target objectives, the roll-ups per CdR, missione
// and assessorato — and the caller's "da compilare" list. The part that depends only on the
// plan and the day is remembered per plan version and day, as the page remembers its HTML; the
// ETag is a digest of the whole answer, which also depends on the caller.
#include "app/clock.h"
#include "app/dashboard.h"
#include "app/plan_access.h"
#include "web/api_json.h"
#include "web/api_routes.h"

namespace traguardi::web {
namespace {

Json objective_refs(const std::vector<const Objective*>& list) {
  Json out = Json::array();
  for (const Objective* o : list)
    out.push_back(Json{{"vista", o->vista},
                       {"code", o->code},
                       {"level", to_string(o->level)},
                       {"short_description", o->short_description},
                       {"description", o->description},
                       {"center", o->center.empty() ? Json(nullptr) : Json(o->center)}});
  return out;
}

Json axis_json(const Dataset& d, const app::DashboardFigures& f, const std::string& axis) {
  Json rows = Json::array();
  for (const auto& [r, label] : app::dashboard_axis(d, f, axis))
    rows.push_back(Json{{"key", r->key},
                        {"label", label},
                        {"objectives", r->objectives},
                        {"with_progress", r->with_progress},
                        {"with_achievement", r->with_achievement},
                        {"progress", decimal_json(r->progress)},
                        {"achievement", decimal_json(r->achievement)}});
  return rows;
}

/// Everything but the caller's list, as JSON text without its closing brace.
std::string plan_part(const Dataset& d, const Date& today) {
  const app::DashboardFigures f = app::dashboard_figures(d, today);
  Json axes = Json::object();
  for (const auto& axis : app::dashboard_axes())
    axes[axis] = axis_json(d, f, axis);
  Json out{{"ente", ente_json(d.ente)},
           {"district", d.district.has_value()},
           {"as_of", today.iso()},
           {"peg_objectives", f.peg_objectives},
           {"with_progress", f.with_progress},
           {"with_achievement", f.with_achievement},
           {"mean_progress", decimal_json(f.mean_progress)},
           {"mean_achievement", decimal_json(f.mean_achievement)},
           {"late", objective_refs(f.late)},
           {"off_target", objective_refs(f.off_target)},
           {"axes", std::move(axes)}};
  std::string text = out.dump(-1, ' ', false, Json::error_handler_t::replace);
  text.pop_back(); // the caller's list is appended per request
  return text;
}

void get_dashboard(ApiCall& c) {
  auto d = api_plan(c);
  const Date today = app::today();
  std::string body = c.env.ws.views().text(d, "api/dashboard/" + today.iso(),
                                           [&] { return plan_part(*d, today); });
  body += ",\"to_fill\":" +
          objective_refs(app::objectives_to_fill(c.user, *d))
              .dump(-1, ' ', false, Json::error_handler_t::replace) +
          "}";
  const std::string etag = etag_of_text(body);
  send_json_text(c, std::move(body), etag);
}

} // namespace

void register_api_dashboard(httplib::Server& s, Env& env, const std::string& ente) {
  api_get(s, env, ente + "/dashboard", get_dashboard);
}

} // namespace traguardi::web

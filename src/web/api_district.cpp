// GET /api/v1/enti/{ente}/district…: the Piano di Zona of an ambito as the /distretto pages
// show it — the plan with the link figures of member comuni's PEG objectives, the evaluation
// of the previous plan, the territorial statistics — and the three reports as files. Through
// the pages' use case (app/district_views.h): an ente the caller may not see, or one without a
// Piano di Zona, answers 404. The evaluation and statistics depend on the ambito's plan only
// and are remembered per plan version; the plan's link figures depend on the comuni's plans
// too and are computed per request. Each document's ETag is a digest of its text.
#include "app/district_views.h"
#include "app/session.h"
#include "web/api_district_json.h"
#include "web/api_routes.h"
#include "web/download.h"

namespace traguardi::web {
namespace {

app::DistrictView district_of(ApiCall& c) {
  auto v = app::district_view(c.store, c.user, c.req.matches[1].str(), c.env.ws.plans());
  if (!v) app::raise(v.error());
  return std::move(*v);
}

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void send_document(ApiCall& c, std::string body) {
  const std::string etag = etag_of_text(body);
  send_json_text(c, std::move(body), etag);
}

void get_plan(ApiCall& c) {
  send_document(c, dump(district_plan_json(district_of(c))));
}

void get_evaluation(ApiCall& c) {
  const auto v = district_of(c);
  send_document(c, c.env.ws.views().text(v.ambito, "api/district/evaluation", [&] {
    return dump(district_evaluation_json(*v.ambito));
  }));
}

void get_statistics(ApiCall& c) {
  const auto v = district_of(c);
  send_document(c, c.env.ws.views().text(v.ambito, "api/district/statistics", [&] {
    return dump(district_statistics_json(*v.ambito));
  }));
}

/// One of the three reports as the pages' download links give it.
void get_report(ApiCall& c) {
  const auto v = district_of(c); // first: another ente is "not found" whatever the format
  const std::string format = c.req.get_param_value("format");
  if (format != "pdf" && format != "html" && format != "xlsx" && format != "csv")
    return send_problem(
        c.res,
        {400, "", "parametro format non valido", {{"", "format", "atteso pdf, html, xlsx o csv"}}});
  auto file = app::district_report_file(v, c.req.matches[2].str(), format);
  if (!file) app::raise(file.error());
  send_download(c.res, std::move(*file), "private, no-cache");
}

} // namespace

void register_api_district(httplib::Server& s, Env& env, const std::string& ente) {
  api_get(s, env, ente + "/district", get_plan);
  api_get(s, env, ente + "/district/evaluation", get_evaluation);
  api_get(s, env, ente + "/district/statistics", get_statistics);
  api_get(s, env,
          ente + "/district/reports/(valutazione-esiti|statistiche-territoriali|piano-di-zona)",
          get_report);
}

} // namespace traguardi::web

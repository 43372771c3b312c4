// The home page: how the plan is doing by CdR, missione and assessorato, which objectives are
// late or off target, and what the signed-in user still has to fill.
#include <optional>

#include <fmt/format.h>

#include "app/clock.h"
#include "app/dashboard.h"
#include "app/plan_access.h"
#include "core/figures.h"
#include "core/italian.h"
#include "web/charts.h"
#include "web/plan_views.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

std::string axis_section(const Dataset& d, const app::DashboardFigures& figures,
                         const std::string& axis, const std::string& heading) {
  std::vector<Bar> progress, achievement;
  std::string rows;
  for (const auto& [r, label] : app::dashboard_axis(d, figures, axis)) {
    progress.push_back({label, r->progress});
    achievement.push_back({label, r->achievement});
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                        esc(label), r->objectives, percent_text(r->progress),
                        percent_text(r->achievement));
  }
  if (rows.empty()) return {};
  const std::string id = "g-" + axis;
  return fmt::format(
      "<section class=\"mb-5\" aria-labelledby=\"{0}-h\"><h2 id=\"{0}-h\" class=\"h4\">{1}</h2>"
      "<div class=\"row\"><div class=\"col-lg-6\"><h3 class=\"h6\">Avanzamento medio</h3>{2}</div>"
      "<div class=\"col-lg-6\"><h3 class=\"h6\">Raggiungimento medio</h3>{3}</div></div>"
      "<div class=\"table-responsive\"><table class=\"table table-sm\"><caption>{1}: "
      "valori</caption><thead><tr><th scope=\"col\">Voce</th><th scope=\"col\">Obiettivi</th>"
      "<th scope=\"col\">Avanzamento</th><th scope=\"col\">Raggiungimento</th></tr></thead>"
      "<tbody>{4}</tbody></table></div></section>",
      id, esc(heading), percent_bars_svg(id + "-p", "Avanzamento medio – " + heading, progress),
      percent_bars_svg(id + "-r", "Raggiungimento medio – " + heading, achievement), rows);
}

std::string objective_list(const std::vector<const Objective*>& list, const std::string& empty) {
  if (list.empty()) return "<p>" + esc(empty) + "</p>";
  std::string out = "<ul class=\"list-unstyled\">";
  std::size_t shown = 0;
  for (const Objective* o : list) {
    if (++shown > 20) break;
    out += fmt::format("<li class=\"mb-1\"><a href=\"{}\">{}</a> – {}</li>", objective_href(*o),
                       esc(o->code),
                       esc(o->short_description.empty() ? o->description : o->short_description));
  }
  out += "</ul>";
  if (list.size() > 20)
    out += fmt::format("<p>e altri {} (vedere il <a href=\"/piano\">piano</a>).</p>",
                       list.size() - 20);
  return out;
}

// Everything on the dashboard but the "da compilare" list depends only on the plan version and
// the day (what is late): drawn once per version and day (ViewMemo), not per request.
struct DashboardParts {
  std::string cards, lists, axes;
};

DashboardParts dashboard_parts(const Dataset& d, const Date& today) {
  const app::DashboardFigures f = app::dashboard_figures(d, today);
  DashboardParts parts;
  parts.cards = fmt::format(
      "<div class=\"row g-3 mb-5\">"
      "<div class=\"col-6 col-lg-3\"><div class=\"card card-bg p-3\"><p class=\"h6 mb-1\">"
      "Obiettivi di PEG</p><p class=\"h3 mb-0\">{}</p></div></div>"
      "<div class=\"col-6 col-lg-3\"><div class=\"card card-bg p-3\"><p class=\"h6 mb-1\">"
      "Avanzamento medio</p><p class=\"h3 mb-0\">{}</p></div></div>"
      "<div class=\"col-6 col-lg-3\"><div class=\"card card-bg p-3\"><p class=\"h6 mb-1\">"
      "Raggiungimento medio</p><p class=\"h3 mb-0\">{}</p></div></div>"
      "<div class=\"col-6 col-lg-3\"><div class=\"card card-bg p-3\"><p class=\"h6 mb-1\">"
      "In ritardo</p><p class=\"h3 mb-0\">{}</p></div></div></div>",
      f.peg_objectives, percent_text(f.mean_progress), percent_text(f.mean_achievement),
      f.late.size());
  parts.lists =
      "<div class=\"row\"><section class=\"col-lg-6 mb-5\" aria-labelledby=\"ritardo\"><h2 "
      "id=\"ritardo\" class=\"h4\">Obiettivi in ritardo</h2>" +
      objective_list(f.late, "Nessun obiettivo in ritardo.") +
      "</section><section class=\"col-lg-6 mb-5\" aria-labelledby=\"fuori\"><h2 id=\"fuori\" "
      "class=\"h4\">Obiettivi sotto il valore atteso</h2>" +
      objective_list(f.off_target, "Nessun obiettivo sotto il valore atteso.") + "</section></div>";
  parts.axes = axis_section(d, f, "cdr", "Per centro di responsabilità") +
               axis_section(d, f, "missione", "Per missione") +
               axis_section(d, f, "assessorato", "Per assessorato");
  return parts;
}

void dashboard(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  const Date today = app::today();
  const std::string day = italian::format_date(today);
  std::optional<DashboardParts> parts;
  auto part = [&](const char* name, std::string DashboardParts::*field) {
    return c.env.ws.views().text(*d, std::string("cruscotto/") + name + "/" + day, [&] {
      if (!parts) parts = dashboard_parts(**d, today);
      return (*parts).*field;
    });
  };
  std::string body = part("schede", &DashboardParts::cards);
  if (c.user.role == app::UserRole::responsabile)
    body += "<section class=\"mb-5\" aria-labelledby=\"da-compilare\"><h2 id=\"da-compilare\" "
            "class=\"h4\">Da compilare</h2>" +
            objective_list(app::objectives_to_fill(c.user, **d),
                           "Nessun dato da compilare: tutte le fasi e gli indicatori "
                           "del suo centro hanno un valore.") +
            "</section>";
  body += part("elenchi", &DashboardParts::lists);
  body += part("assi", &DashboardParts::axes);
  PageFrame f = frame(c, "Cruscotto", "cruscotto", d->get());
  if (!f.district_href.empty()) // an ambito: its plan is the Piano di Zona
    body = "<p class=\"lead\">Questo ente è un ambito sociale: il suo piano, la valutazione e le "
           "statistiche sono nel <a href=\"" +
           esc(f.district_href) + "\">Piano di Zona</a>.</p>" + body;
  send_html(c.res, render_page(f, body));
}

} // namespace

void register_dashboard(httplib::Server& s, Env& env) {
  get_page(s, env, "/", dashboard);
}

} // namespace traguardi::web

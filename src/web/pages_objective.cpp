// The objective page: every field, the GANTT, each indicator's history, each computed figure
// with its explanation (the sheets' "DATI CALCOLATI"), and the downloads of its sheet.
#include <fmt/format.h>
#include <functional>

#include "app/plan_access.h"
#include "app/sheet_views.h"
#include "core/figures.h"
#include "core/italian.h"
#include "web/authoring_pages.h"
#include "web/charts.h"
#include "web/download.h"
#include "web/objective_forms.h"
#include "web/plan_views.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

std::string opt_number(const std::optional<Decimal>& d) {
  return d ? esc(italian::format_number(*d)) : "";
}
std::string opt_date(const std::optional<Date>& d) {
  return d ? esc(italian::format_date(*d)) : "";
}

std::string field_row(const char* label, const std::string& value_html) {
  if (value_html.empty()) return {};
  return fmt::format("<dt class=\"col-sm-4 col-lg-3\">{}</dt><dd class=\"col-sm-8 "
                     "col-lg-9\">{}</dd>",
                     label, value_html);
}

std::string text_block(const std::string& s) {
  std::string out = esc(s);
  for (std::size_t p = out.find('\n'); p != std::string::npos; p = out.find('\n', p + 4))
    out.replace(p, 1, "<br>");
  return out;
}

std::string fields(const Dataset& d, const Objective& o) {
  std::string parent;
  if (const Objective* p = find_objective(d, o.vista, o.parent))
    parent = "<a href=\"" + objective_href(*p) + "\">" + esc(p->code) + "</a> " +
             esc(p->short_description.empty() ? p->description : p->short_description);
  std::string area;
  if (o.area)
    for (const auto& a : d.areas)
      if (a.vista == o.vista && a.number == *o.area) area = esc(a.description);
  const Assessorato* ass = find_assessorato(d, o.assessorato);
  std::string out = "<dl class=\"row\">";
  out += field_row("Vista", esc(o.vista));
  out += field_row("Livello", esc(level_label(o.level)));
  out += field_row("Obiettivo superiore", parent);
  out += field_row("Anno", o.year ? std::to_string(*o.year) : "");
  out += field_row("Descrizione sintetica", esc(o.short_description));
  out += field_row("Descrizione", text_block(o.description));
  out += field_row("Finalità strategica", text_block(o.strategic_purpose));
  out += field_row("Finalità operativa", text_block(o.operational_purpose));
  out += field_row("Modalità di attuazione", text_block(o.implementation));
  out += field_row("Tipo di obiettivo", esc(o.objective_type));
  out += field_row("Stato", esc(o.state));
  out += field_row("Area tematica", area);
  out += field_row("Assessorato", esc(ass ? ass->description : o.assessorato));
  out += field_row("Centro di responsabilità",
                   o.center.empty() ? "" : esc(o.center + " – " + center_name(d, o.center)));
  out += field_row("Responsabile", esc(person_label(d, o.responsible)));
  out += field_row("Direzione", o.direction.empty() ? "" : esc(center_name(d, o.direction)));
  out += field_row("Direttore", esc(person_label(d, o.director)));
  out += field_row("Versione", std::to_string(o.version));
  return out + "</dl>";
}

std::string status_section(const Objective& o) {
  if (o.status.empty()) return {};
  std::string out = "<h2 class=\"h4 mt-5\" id=\"stato\">Stato di attuazione</h2>";
  for (const auto& s : o.status) {
    std::string when = s.as_of ? "al " + italian::format_date(*s.as_of)
                               : (s.year ? "anno " + std::to_string(*s.year) : "");
    out += "<div class=\"mb-3\">" +
           (when.empty() ? "" : "<h3 class=\"h6\">" + esc(when) + "</h3>") + "<p>" +
           text_block(s.text) + "</p></div>";
  }
  return out;
}

std::string involved_section(const Dataset& d, const Objective& o) {
  std::string out;
  if (!o.structures.empty()) {
    out += "<h2 class=\"h4 mt-5\" id=\"coinvolti\">Strutture coinvolte</h2><div "
           "class=\"table-responsive\"><table "
           "class=\"table table-sm\"><thead><tr><th scope=\"col\">Struttura</th><th "
           "scope=\"col\">Relazione</th><th scope=\"col\">Missione</th><th "
           "scope=\"col\">Programma</th><th scope=\"col\">Competenza %</th></tr></thead><tbody>";
    for (const auto& s : o.structures)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                         esc(s.description), esc(s.relation), esc(s.mission), esc(s.programme),
                         opt_number(s.share_pct));
    out += "</tbody></table></div>";
  }
  if (!o.people.empty()) {
    out += "<h2 class=\"h4 mt-5\">Persone coinvolte</h2><div class=\"table-responsive\"><table "
           "class=\"table table-sm\"><thead><tr><th scope=\"col\">Persona</th><th "
           "scope=\"col\">Relazione</th><th scope=\"col\">Impegno %</th></tr></thead><tbody>";
    for (const auto& p : o.people)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                         esc(person_label(d, p.person)), esc(p.relation), opt_number(p.effort_pct));
    out += "</tbody></table></div>";
  }
  return out;
}

// Charts and computed tables depend only on the plan version: drawn once per version (ViewMemo),
// never holding anything of the request or the user.
using Memo =
    std::function<std::string(const std::string& key, const std::function<std::string()>&)>;

std::string phases_section(const Dataset& d, const Objective& o, bool editable, const Memo& memo) {
  if (o.phases.empty()) return {};
  std::string out = "<h2 class=\"h4 mt-5\" id=\"fasi\">Fasi</h2>";
  out += "<div class=\"tg-gantt mb-3\">" +
         memo("gantt", [&] { return app::gantt_svg(o, "gantt-" + o.code); }) + "</div>";
  out += "<div class=\"table-responsive\"><table class=\"table table-sm\"><caption "
         "class=\"visually-hidden\">Fasi dell'obiettivo</caption><thead><tr><th "
         "scope=\"col\">N.</th><th scope=\"col\">Descrizione</th><th scope=\"col\">Peso %</th>"
         "<th scope=\"col\">Avanzamento</th><th scope=\"col\">Inizio previsto</th><th "
         "scope=\"col\">Fine prevista</th><th scope=\"col\">Inizio effettivo</th><th "
         "scope=\"col\">Fine effettiva</th><th scope=\"col\">Responsabile</th>";
  if (editable) out += "<th scope=\"col\"><span class=\"visually-hidden\">Azioni</span></th>";
  out += "</tr></thead><tbody>";
  for (const auto& p : o.phases) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td>{}</td><td>{}</td><td>{}</td>",
                       p.order, esc(p.description), opt_number(p.weight), progress_cell(p.progress),
                       opt_date(p.planned_start), opt_date(p.planned_end), opt_date(p.actual_start),
                       opt_date(p.actual_end), esc(person_label(d, p.responsible)));
    if (editable)
      out += fmt::format("<td class=\"text-nowrap\"><a class=\"btn btn-sm btn-outline-primary "
                         "me-1\" href=\"{0}/fase/{1}\">Aggiorna<span class=\"visually-hidden\"> "
                         "la fase {1}</span></a><a class=\"btn btn-sm btn-outline-primary\" "
                         "href=\"{0}/fase/{1}/modifica\">Modifica<span class=\"visually-hidden\"> "
                         "la fase {1}</span></a></td>",
                         objective_href(o), p.order);
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

std::string indicators_section(const Objective& o, const ObjectiveFigures& f, bool editable,
                               const Memo& memo) {
  if (o.indicators.empty()) return {};
  std::string out = "<h2 class=\"h4 mt-5\" id=\"indicatori\">Indicatori</h2>";
  for (std::size_t i = 0; i < o.indicators.size(); ++i) {
    const Indicator& ind = o.indicators[i];
    std::vector<Point> points;
    std::vector<HistoryValue> hist = ind.history;
    std::sort(hist.begin(), hist.end(), [](auto& a, auto& b) { return a.year < b.year; });
    for (const auto& h : hist)
      points.push_back({std::to_string(h.year), h.value});
    points.push_back({o.year ? std::to_string(*o.year) : "attuale", ind.actual});
    out += fmt::format(
        "<div class=\"card card-bg mb-4\"><div class=\"card-body\"><h3 class=\"h5\">{}. {}</h3>"
        "<div class=\"row\"><div class=\"col-lg-6\"><dl class=\"row\">"
        "<dt class=\"col-6\">Tipo</dt><dd class=\"col-6\">{}</dd>"
        "<dt class=\"col-6\">Valore atteso</dt><dd class=\"col-6\">{}</dd>"
        "<dt class=\"col-6\">Valore raggiunto</dt><dd class=\"col-6\">{}</dd>"
        "<dt class=\"col-6\">Raggiungimento</dt><dd class=\"col-6\">{}</dd></dl><p>{}</p>{}</div>"
        "<div class=\"col-lg-6\">{}</div></div></div></div>",
        ind.order, esc(ind.description), esc(indicator_type_label(ind.type)),
        opt_number(ind.target), opt_number(ind.actual),
        f.indicators[i].capped
            ? esc(italian::format_percent(*f.indicators[i].capped * Decimal::from_int(100)))
            : "non calcolabile",
        esc(f.indicators[i].rule),
        editable ? fmt::format("<a class=\"btn btn-sm btn-outline-primary me-1\" "
                               "href=\"{0}/indicatore/{1}\">Aggiorna<span "
                               "class=\"visually-hidden\"> l'indicatore {1}</span></a>"
                               "<a class=\"btn btn-sm btn-outline-primary\" "
                               "href=\"{0}/indicatore/{1}/modifica\">Modifica<span "
                               "class=\"visually-hidden\"> l'indicatore {1}</span></a>",
                               objective_href(o), ind.order)
                 : "",
        memo("storia-" + std::to_string(i), [&] {
          return history_svg("storia-" + std::to_string(ind.order),
                             "Valori dell'indicatore " + std::to_string(ind.order) + " negli anni",
                             points, ind.target);
        }));
  }
  return out;
}

std::string figures_section(const Dataset& d, const Objective& o) {
  const app::TextTable t = app::computed_figures(d, o);
  std::string out = "<h2 class=\"h4 mt-5\" id=\"dati-calcolati\">Dati calcolati</h2><div "
                    "class=\"table-responsive\"><table class=\"table table-sm\"><caption "
                    "class=\"visually-hidden\">Dati calcolati con la regola e i valori "
                    "usati</caption><thead><tr>";
  for (const auto& h : t.headers)
    out += "<th scope=\"col\">" + esc(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i == 0 ? "<th scope=\"row\">" : "<td>") + esc(row[i]) + (i == 0 ? "</th>" : "</td>");
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

void objective_page(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  const Objective* o = find_objective(**d, c.req.matches[1].str(), c.req.matches[2].str());
  if (!o) return error_page(c, 404, "Obiettivo non trovato", "Nessun obiettivo con questo codice.");
  const bool editable = app::can_record_progress(c.user, **d, *o);
  const ObjectiveFigures f = compute_figures(*o);
  const std::string base = objective_href(*o);
  std::string body = fmt::format(
      "<div class=\"row mb-4\"><div class=\"col-md-4\"><p class=\"h6 "
      "mb-1\">Avanzamento</p>{0}</div>"
      "<div class=\"col-md-4\"><p class=\"h6 mb-1\">Raggiungimento</p><p>{1}</p></div>"
      "<div class=\"col-md-4\"><p class=\"h6 mb-1\">Scheda</p><p><a href=\"{2}/scheda.pdf\">PDF</a>"
      " · <a href=\"{2}/scheda.xlsx\">XLSX</a> · <a "
      "href=\"{2}/scheda.csv\">CSV</a></p></div></div>",
      progress_cell(f.progress.value), percent_text(f.achievement.value), base);
  if (!editable && c.user.role == app::UserRole::responsabile)
    body += alert("info", "Questo obiettivo non è del suo centro di responsabilità: può "
                          "consultarlo ma non aggiornarlo.");
  body += objective_authoring_links(c.user, **d, *o);
  const std::string where = o->vista + "/" + o->code + "/";
  const Memo memo = [&](const std::string& key, const std::function<std::string()>& make) {
    return c.env.ws.views().text(*d, where + key, make);
  };
  // The sections below depend on the plan version and, for the progress links, on whether the
  // user may record progress: drawn once per version and kind of reader, not per request.
  const std::string reader = editable ? "+" : "-";
  body += memo("sezioni" + reader, [&] {
    return fields(**d, *o) + status_section(*o) + involved_section(**d, *o) +
           phases_section(**d, *o, editable, memo) + indicators_section(*o, f, editable, memo) +
           figures_section(**d, *o);
  });
  body += "<h2 class=\"h4 mt-5\" id=\"storico\">Storico delle modifiche</h2><p>Chi ha cambiato "
          "cosa e quando, con i valori prima e dopo: <a href=\"/registro?obiettivo=" +
          esc(url_encode(o->code)) + "\">le modifiche di questo obiettivo nel registro</a>.</p>";
  PageFrame fr = frame(c, "Obiettivo " + o->code, "piano", d->get());
  fr.crumbs = {{"Cruscotto", "/"}, {"Piano degli obiettivi", "/piano"}, {o->code, ""}};
  send_html(c.res, render_page(fr, body));
}

void objective_download(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  const Objective* o = find_objective(**d, c.req.matches[1].str(), c.req.matches[2].str());
  if (!o) return error_page(c, 404, "Obiettivo non trovato", "Nessun obiettivo con questo codice.");
  auto file = app::render_sheet(**d, {o}, c.req.matches[3], "scheda-" + o->code);
  if (!file) return error_page(c, 400, "Download non riuscito", file.error().message);
  send_download(c.res, std::move(*file), "no-store");
}

} // namespace

void register_objective_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/obiettivo/([^/]+)/([^/]+)", objective_page);
  get_page(s, env, "/obiettivo/([^/]+)/([^/]+)/scheda\\.(pdf|xlsx|csv)", objective_download);
  register_progress_forms(s, env);
}

} // namespace traguardi::web

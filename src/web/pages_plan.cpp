// The plan as a searchable, filterable, paged list (vista → mandato → missione → programma →
// PEG), and the download of the filtered list as PDF, XLSX or CSV.
#include <set>

#include <fmt/format.h>

#include "app/plan_access.h"
#include "app/sheet_views.h"
#include "core/figures.h"
#include "web/download.h"
#include "web/plan_views.h"
#include "web/routes.h"

namespace traguardi::web {
namespace {

constexpr std::size_t kPageSize = 50;

} // namespace

app::PlanFilter plan_filter_of(const httplib::Request& req) {
  app::PlanFilter f;
  f.vista = req.get_param_value("vista");
  f.center = req.get_param_value("cdr");
  f.responsible = req.get_param_value("responsabile");
  f.assessorato = req.get_param_value("assessorato");
  f.state = req.get_param_value("stato");
  f.text = req.get_param_value("q");
  f.level = req.get_param_value("livello");
  const std::string y = req.get_param_value("anno");
  if (y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit)) f.year = std::stoi(y);
  return f;
}

namespace {

std::string query_of(const app::PlanFilter& f) {
  std::string q;
  auto add = [&](const char* k, const std::string& v) {
    if (!v.empty()) q += std::string(q.empty() ? "" : "&") + k + "=" + url_encode(v);
  };
  add("vista", f.vista);
  add("livello", f.level);
  add("cdr", f.center);
  add("responsabile", f.responsible);
  add("assessorato", f.assessorato);
  add("stato", f.state);
  add("q", f.text);
  if (f.year) add("anno", std::to_string(f.year));
  return q;
}

std::string select(const char* name, const char* label,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& chosen) {
  std::string out =
      fmt::format("<div class=\"col-12 col-md-6 col-lg-3 mb-3\"><div "
                  "class=\"select-wrapper\"><label for=\"f-{0}\">{1}</label>"
                  "<select id=\"f-{0}\" name=\"{0}\"><option value=\"\">Tutti</option>",
                  name, label);
  for (const auto& [value, text] : options)
    out += fmt::format("<option value=\"{}\"{}>{}</option>", esc(value),
                       value == chosen ? " selected" : "", esc(text));
  return out + "</select></div></div>";
}

std::string filters_form(const Dataset& d, const app::PlanFilter& f) {
  std::vector<std::pair<std::string, std::string>> vistas, centers, people, assessorati, states,
      years, levels;
  for (const auto& v : d.vistas)
    vistas.emplace_back(v.code, v.code);
  for (const auto& c : d.centers)
    centers.emplace_back(c.code, c.code + " – " + center_name(d, c.code));
  for (const auto& p : d.persons)
    people.emplace_back(p.key, p.name);
  for (const auto& a : d.assessorati)
    assessorati.emplace_back(a.key, a.description);
  std::set<std::string> st;
  std::set<int> ys;
  for (const auto& o : d.objectives) {
    if (!o.state.empty()) st.insert(o.state);
    if (o.year) ys.insert(*o.year);
  }
  for (const auto& s : st)
    states.emplace_back(s, s);
  for (int y : ys)
    years.emplace_back(std::to_string(y), std::to_string(y));
  for (Level l : {Level::mandato, Level::missione, Level::programma, Level::peg})
    levels.emplace_back(to_string(l), level_label(l));
  std::string out = "<form method=\"get\" action=\"/piano\" class=\"mb-4\" role=\"search\" "
                    "aria-label=\"Filtri del piano\"><div class=\"row\">";
  out += "<div class=\"col-12 col-lg-6 mb-3\">" +
         input_field({"q", "Cerca nel codice o nella descrizione", f.text, "", "", "search", ""}) +
         "</div>";
  out += select("vista", "Vista", vistas, f.vista);
  out += select("livello", "Livello", levels, f.level);
  out += select("cdr", "Centro di responsabilità", centers, f.center);
  out += select("responsabile", "Responsabile", people, f.responsible);
  out += select("assessorato", "Assessorato", assessorati, f.assessorato);
  out += select("stato", "Stato", states, f.state);
  out += select("anno", "Anno", years, f.year ? std::to_string(f.year) : "");
  out += "</div><button type=\"submit\" class=\"btn btn-primary me-2\">Filtra</button>"
         "<a class=\"btn btn-outline-primary\" href=\"/piano\">Azzera i filtri</a></form>";
  return out;
}

std::string level_indent(Level l) {
  switch (l) {
  case Level::mandato:
    return "tg-l0";
  case Level::missione:
    return "tg-l1";
  case Level::programma:
    return "tg-l2";
  case Level::peg:
    return "tg-l3";
  }
  return "";
}

void plan_list(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  const app::PlanFilter f = plan_filter_of(c.req);
  const auto found = app::filter_objectives(**d, f);
  std::size_t page = 1;
  const std::string p = c.req.get_param_value("pagina");
  if (!p.empty() && p.size() < 7 && std::all_of(p.begin(), p.end(), ::isdigit))
    page = std::max<std::size_t>(1, std::stoul(p));
  const std::size_t pages = std::max<std::size_t>(1, (found.size() + kPageSize - 1) / kPageSize);
  page = std::min(page, pages);
  const std::string q = query_of(f);
  std::string body = app::can_author_plan(c.user) ? "<p><a class=\"btn btn-primary\" "
                                                    "href=\"/piano/nuovo\">Nuovo obiettivo</a></p>"
                                                  : "";
  body += filters_form(**d, f);
  PageFrame fr = frame(c, "Piano degli obiettivi", "piano", d->get());
  // An empty list has nothing to print: its download would only answer "nessun obiettivo".
  if (found.empty())
    body += "<p role=\"status\">Nessun obiettivo trovato: nessun elenco da scaricare." +
            (fr.district_href.empty() ? std::string()
                                      : " Il piano dell'ambito sociale è nel <a href=\"" +
                                            esc(fr.district_href) + "\">Piano di Zona</a>.") +
            "</p>";
  else
    body += fmt::format("<p role=\"status\">{0} obiettivi trovati. Scarica l'elenco filtrato: "
                        "<a href=\"/piano/elenco.pdf?{1}\">PDF</a>, <a "
                        "href=\"/piano/elenco.xlsx?{1}\">XLSX</a>, <a "
                        "href=\"/piano/elenco.csv?{1}\">CSV</a>.</p>",
                        found.size(), esc(q));
  body += "<div class=\"table-responsive\"><table class=\"table table-hover\"><caption "
          "class=\"visually-hidden\">Obiettivi del piano</caption><thead><tr><th "
          "scope=\"col\">Codice</th><th scope=\"col\">Descrizione</th><th "
          "scope=\"col\">Livello</th><th scope=\"col\">CdR</th><th "
          "scope=\"col\">Avanzamento</th><th scope=\"col\">Raggiungimento</th></tr></thead><tbody>";
  for (std::size_t i = (page - 1) * kPageSize; i < std::min(found.size(), page * kPageSize); ++i) {
    const Objective& o = *found[i];
    const ObjectiveFigures fig = compute_figures(o);
    body += fmt::format(
        "<tr><td class=\"{}\"><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td></tr>",
        level_indent(o.level), objective_href(o), esc(o.code),
        esc(o.short_description.empty() ? o.description.substr(0, 120) : o.short_description),
        esc(level_label(o.level)), esc(center_name(**d, o.center)),
        progress_cell(fig.progress.value), percent_text(fig.achievement.value));
  }
  body += "</tbody></table></div>";
  if (pages > 1) {
    body += "<nav class=\"pagination-wrapper\" aria-label=\"Pagine dei risultati\"><ul "
            "class=\"pagination\">";
    for (std::size_t i = 1; i <= pages; ++i) {
      if (pages > 12 && i > 2 && i + 2 < pages && (i + 2 < page || i > page + 2)) {
        if (i == 3 || i + 3 == pages)
          body += "<li class=\"page-item\"><span class=\"page-link\">…</span></li>";
        continue;
      }
      body += fmt::format("<li class=\"page-item{}\"><a class=\"page-link\" "
                          "href=\"/piano?{}{}pagina={}\"{}>{}</a></li>",
                          i == page ? " active" : "", esc(q), q.empty() ? "" : "&amp;", i,
                          i == page ? " aria-current=\"page\"" : "", i);
    }
    body += "</ul></nav>";
  }
  fr.crumbs = {{"Cruscotto", "/"}, {"Piano degli obiettivi", ""}};
  send_html(c.res, render_page(fr, body));
}

void plan_download(Call& c) {
  auto d = app::shared_plan(c.store, c.user, c.req.get_param_value("ente"), c.env.ws.plans());
  if (!d) return error_page(c, 404, "Ente non trovato", d.error().message);
  const auto found = app::filter_objectives(**d, plan_filter_of(c.req));
  auto file = app::render_sheet(**d, found, c.req.matches[1], "elenco-obiettivi");
  if (!file) return error_page(c, 400, "Download non riuscito", file.error().message);
  send_download(c.res, std::move(*file), "no-store");
}

} // namespace

void register_plan_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/piano", plan_list);
  get_page(s, env, "/piano/elenco\\.(pdf|xlsx|csv)", plan_download);
}

} // namespace traguardi::web

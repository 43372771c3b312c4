// The Piano di Zona of an ambito: the ambito with its capofila and member comuni, the
// governance bodies, the plan by area (macro-obiettivi shared across areas, their actions and
// the PEG objectives of the comuni they are linked to, with progress, achievement and their
// mean), the annual strategic objectives; and the downloads of the three reports.
#include <fmt/format.h>

#include "core/italian.h"
#include "web/district_frame.h"
#include "web/download.h"
#include "web/plan_views.h"

namespace traguardi::web {
namespace {

std::string table_head(const std::string& caption, std::initializer_list<const char*> columns) {
  std::string out = scroll_box(caption) + "<table class=\"table table-sm\"><caption>" +
                    esc(caption) + "</caption><thead><tr>";
  for (const char* c : columns)
    out += fmt::format("<th scope=\"col\">{}</th>", c);
  return out + "</tr></thead><tbody>";
}

std::string ambito_section(const Dataset& d) {
  const DistrictPlan& p = *d.district;
  std::string levels;
  if (const Vista* v = find_vista(d, p.vista))
    for (const auto& l : v->level_definitions)
      levels += (levels.empty() ? "" : " → ") + l.name;
  const MemberComune* head = capofila(p);
  std::string out = fmt::format(
      "<section class=\"mb-5\" aria-labelledby=\"ambito\"><h2 id=\"ambito\" "
      "class=\"h4\">Ambito</h2><dl class=\"row\">"
      "<dt class=\"col-sm-4 col-lg-3\">Ente</dt><dd class=\"col-sm-8 col-lg-9\">{} ({})</dd>"
      "<dt class=\"col-sm-4 col-lg-3\">Periodo</dt><dd class=\"col-sm-8 col-lg-9\">{}–{}</dd>"
      "<dt class=\"col-sm-4 col-lg-3\">Vista e livelli</dt><dd class=\"col-sm-8 col-lg-9\">{}: "
      "{}</dd><dt class=\"col-sm-4 col-lg-3\">Comune capofila</dt><dd class=\"col-sm-8 "
      "col-lg-9\">{}</dd></dl>",
      esc(d.ente.name), esc(d.ente.code), p.year_from, p.year_to, esc(p.vista), esc(levels),
      head ? esc(head->name) : "non indicato");
  out += table_head(fmt::format("Comuni dell'ambito ({})", p.comuni.size()),
                    {"Comune", "Nome nelle tabelle", "Capofila", "Ente in Traguardi"});
  for (const auto& c : p.comuni)
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                       esc(c.name), esc(c.short_name), c.capofila ? "sì" : "",
                       c.ente.empty() ? "—" : esc(c.ente));
  out += "</tbody></table></div></section>";
  out += "<section class=\"mb-5\" aria-labelledby=\"governance\"><h2 id=\"governance\" "
         "class=\"h4\">Organi di governance</h2>" +
         table_head("Organi di governance dell'ambito",
                    {"Organo", "Tipo", "Composizione", "Funzioni"});
  for (const auto& b : p.governance)
    out +=
        fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(b.name), esc(b.kind), lines_html(b.composition), lines_html(b.functions));
  return out + "</tbody></table></div></section>";
}

const MacroLinkSummary* links_of(const app::DistrictView& v, const std::string& macro) {
  for (const auto& l : v.links)
    if (l.macro == macro) return &l;
  return nullptr;
}

std::string links_table(const MacroLinkSummary* l, const std::string& id) {
  if (!l || l->objectives.empty())
    return "<p>Nessun obiettivo di PEG dei comuni collegato (si collega con «traguardi "
           "collega-macro»).</p>";
  std::string comuni;
  for (const auto& o : l->objectives)
    if (comuni.find(o.comune) == std::string::npos)
      comuni += (comuni.empty() ? "" : ", ") + o.comune;
  std::string out =
      table_head("Obiettivi di PEG dei comuni collegati",
                 {"Comune", "Obiettivo", "Descrizione", "Avanzamento", "Raggiungimento"});
  for (const auto& o : l->objectives)
    out += fmt::format("<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td>"
                       "<td>{}</td></tr>",
                       esc(o.comune), esc(o.objective),
                       o.found ? esc(o.description)
                               : "<em>non trovato nel PEG del comune (" + esc(o.vista) + ")</em>",
                       progress_cell(o.progress), percent_text(o.achievement));
  out += fmt::format("</tbody><tfoot><tr><th scope=\"row\" colspan=\"3\" id=\"{}\">Media "
                     "semplice (avanzamento su {} obiettivi, raggiungimento su {}) – comuni: "
                     "{}</th><td>{}</td><td>{}</td></tr></tfoot></table></div>",
                     id, l->with_progress, l->with_achievement, esc(comuni),
                     progress_cell(l->mean_progress), percent_text(l->mean_achievement));
  return out;
}

std::string area_title(const DistrictPlan& p, const std::string& code) {
  for (const auto& a : p.areas)
    if (a.code == code) return code + " " + a.title;
  return code;
}

std::string plan_section(const app::DistrictView& v) {
  const DistrictPlan& p = *v.ambito->district;
  std::string out = fmt::format(
      "<section class=\"mb-5\" aria-labelledby=\"piano\"><h2 id=\"piano\" class=\"h4\">Il piano "
      "per area</h2><p>{} aree, {} macro-obiettivi ({} voci: un macro-obiettivo può stare in più "
      "aree). Per ogni macro-obiettivo, gli obiettivi di PEG dei comuni che lo attuano con il "
      "loro avanzamento e raggiungimento e la media semplice.</p>",
      p.areas.size(), p.macro_objectives.size(), placement_count(p));
  int n = 0;
  for (const auto& a : p.areas) {
    out += fmt::format("<h3 class=\"h5 mt-4\" id=\"area-{}\">Area {}</h3>", ++n,
                       esc(a.code + " – " + a.title));
    bool any = false;
    for (const auto& m : p.macro_objectives)
      for (const auto& pl : m.placements) {
        if (pl.area != a.code) continue;
        any = true;
        std::string others;
        for (const auto& o : m.placements)
          if (o.area != a.code) others += (others.empty() ? "" : "; ") + area_title(p, o.area);
        out += fmt::format("<div class=\"card card-bg p-3 mb-3\"><h4 class=\"h6\">{}. {} "
                           "{}</h4>",
                           pl.number, esc(m.code), esc(m.title));
        if (!others.empty())
          out += "<p class=\"mb-2\"><strong>Anche nelle aree:</strong> " + esc(others) + "</p>";
        if (!m.actions.empty()) {
          out += "<p class=\"mb-1\"><strong>Azioni</strong></p><ul>";
          for (const auto& x : m.actions)
            out += "<li>" + esc(x) + "</li>";
          out += "</ul>";
        } else if (!m.text.empty()) {
          out += "<p>" + lines_html(m.text) + "</p>";
        }
        out += links_table(links_of(v, m.code), fmt::format("media-{}-{}", n, m.code));
        out += "</div>";
      }
    if (!any) out += "<p>Nessun macro-obiettivo in quest'area.</p>";
  }
  out += "</section>";
  if (!p.strategic.empty()) {
    out += "<section class=\"mb-5\" aria-labelledby=\"strategici\"><h2 id=\"strategici\" "
           "class=\"h4\">Obiettivi strategici annuali</h2>" +
           table_head("Obiettivi strategici annuali",
                      {"N.", "Anno", "Criterio", "Obiettivo e traguardo"});
    for (const auto& s : p.strategic)
      out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                         s.number, s.year, esc(s.criterion), lines_html(s.description));
    out += "</tbody></table></div></section>";
  }
  return out;
}

void district_plan(Call& c) {
  auto v = district_or_answer(c);
  if (!v) return;
  const Dataset& d = *v->ambito;
  send_html(c.res,
            district_page(c, d, d.district->title.empty() ? "Piano di Zona" : d.district->title,
                          "piano", ambito_section(d) + plan_section(*v)));
}

void district_download(Call& c) {
  auto v = district_or_answer(c);
  if (!v) return;
  auto file = app::district_report_file(*v, c.req.matches[1], c.req.matches[2]);
  if (!file) return error_page(c, 400, "Download non riuscito", file.error().message);
  send_download(c.res, std::move(*file), "no-store");
}

} // namespace

void register_district_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/distretto", district_plan);
  get_page(s, env,
           "/distretto/(valutazione-esiti|statistiche-territoriali|piano-di-zona)\\."
           "(pdf|html|xlsx|csv)",
           district_download);
  register_district_data_pages(s, env);
}

} // namespace traguardi::web

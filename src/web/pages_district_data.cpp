// The evaluation of the previous plan (one table per area, every column of the "tabella per la
// valutazione degli esiti" and the outcome figures) and the territorial statistics: the
// report's tables per comune with the district rows labelled by aggregation, the formula
// indicators with their formula, and each printed figure beside the computed ones.
#include <fmt/format.h>

#include "core/formula_indicators.h"
#include "core/italian.h"
#include "web/district_frame.h"

namespace traguardi::web {
namespace {

std::string evaluation_row(const EvaluationRow& r) {
  std::string name = "<strong>" + esc(r.name) + "</strong>";
  if (!r.sub_goals.empty()) {
    name += "<ul class=\"mb-0\">";
    for (const auto& g : r.sub_goals)
      name += "<li>" + esc(g) + "</li>";
    name += "</ul>";
  }
  std::string outcomes;
  for (const auto& o : r.outcomes)
    outcomes += fmt::format("<li>{}{}: {} {}</li>", esc(o.description),
                            o.period.empty() ? "" : " (" + esc(o.period) + ")",
                            esc(italian::format_number(o.value)), esc(o.unit));
  std::string indicators = lines_html(r.indicators);
  if (!outcomes.empty())
    indicators += "<p class=\"mb-0 mt-1\"><strong>Esiti misurati</strong></p><ul "
                  "class=\"mb-0\">" +
                  outcomes + "</ul>";
  std::string printed;
  if (!r.text_blocks.empty()) {
    printed = "<details><summary>Testo della riga come stampato</summary>";
    for (const auto& b : r.text_blocks)
      printed += "<p>" + lines_html(b) + "</p>";
    printed += "</details>";
  }
  return fmt::format("<tr><th scope=\"row\">{}</th><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td>"
                     "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                     r.order, name, printed, esc(r.type), lines_html(r.needs), lines_html(r.target),
                     lines_html(r.interventions), lines_html(r.financial_resources),
                     lines_html(r.professional_resources), lines_html(r.instruments), indicators,
                     lines_html(r.timing));
}

void evaluation(Call& c) {
  auto v = district_or_answer(c);
  if (!v) return;
  const Dataset& d = *v->ambito;
  const auto& rows = d.district->evaluation;
  std::vector<std::string> areas;
  for (const auto& r : rows)
    if (std::find(areas.begin(), areas.end(), r.area) == areas.end()) areas.push_back(r.area);
  int strategic = 0;
  for (const auto& r : rows)
    strategic += r.type == "Strategico";
  std::string body = fmt::format(
      "<p>{} obiettivi valutati del piano precedente ({} strategici, {} specifici), in {} "
      "aree.</p>",
      rows.size(), strategic, static_cast<int>(rows.size()) - strategic, areas.size());
  if (rows.empty())
    body = "<p>Il Piano di Zona non contiene la valutazione del piano precedente.</p>";
  int n = 0;
  for (const auto& area : areas) {
    body += fmt::format("<section class=\"mb-5\" aria-labelledby=\"va-{0}\"><h2 id=\"va-{0}\" "
                        "class=\"h4\">{1}</h2>{2}<table "
                        "class=\"table table-sm tg-evaluation\"><caption>Valutazione degli "
                        "esiti – {1}</caption><thead><tr>",
                        ++n, esc(area.empty() ? "Area non indicata" : area),
                        scroll_box("Valutazione degli esiti – " + area));
    for (const char* h : {"N.", "Obiettivo", "Tipo", "Bisogni", "Target", "Interventi e attori",
                          "Risorse finanziarie", "Risorse professionali", "Strumenti",
                          "Indicatori di esito e valutazione", "Tempistica"})
      body += fmt::format("<th scope=\"col\">{}</th>", h);
    body += "</tr></thead><tbody>";
    for (const auto& r : rows)
      if (r.area == area) body += evaluation_row(r);
    body += "</tbody></table></div></section>";
  }
  send_html(c.res, district_page(c, d, "Valutazione degli esiti", "valutazione", body));
}

std::string text_table(const app::TextBlock& b, const std::string& caption) {
  std::string out = scroll_box(caption) + "<table class=\"table table-sm\"><caption>" +
                    esc(caption) + "</caption><thead><tr>";
  for (const auto& h : b.table.headers)
    out += "<th scope=\"col\">" + esc(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < b.table.rows.size(); ++i) {
    const auto& row = b.table.rows[i];
    const bool district = i < b.district_rows.size() && b.district_rows[i];
    out += district ? "<tr class=\"tg-district-row\">" : "<tr>";
    for (std::size_t k = 0; k < row.size(); ++k)
      out += k == 0 ? "<th scope=\"row\">" + lines_html(row[k]) + "</th>"
                    : "<td>" + lines_html(row[k]) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

std::string formulas() {
  std::string out = "<section class=\"mb-5\" aria-labelledby=\"formule\"><h2 id=\"formule\" "
                    "class=\"h4\">Formule e aggregazioni</h2><dl class=\"row\">";
  for (const auto& f : formula_indicators())
    out += fmt::format("<dt class=\"col-sm-5 col-lg-4\">{}{}</dt><dd class=\"col-sm-7 "
                       "col-lg-8\">{}</dd>",
                       esc(f.name), f.dimension.empty() ? "" : " (" + esc(f.dimension) + ")",
                       esc(f.formula));
  out += "</dl><p>Le righe «Ambito» sono calcolate dai valori dei comuni, mai digitate, e "
         "dicono come: ";
  out += esc(aggregation_label(Aggregation::simple_mean)) + "; " +
         esc(aggregation_label(Aggregation::weighted_mean)) +
         " (pesi: popolazione residente totale di ciascun comune); " +
         esc(aggregation_label(Aggregation::ratio_of_sums)) +
         "; per i conteggi, somma dei comuni.</p></section>";
  return out;
}

std::string checks(const Dataset& d) {
  const auto all = check_statistics(d);
  if (all.empty()) return {};
  int disagreements = 0;
  for (const auto& k : all)
    disagreements += !k.agrees();
  std::string out = fmt::format(
      "<section class=\"mb-5\" aria-labelledby=\"controlli\"><h2 id=\"controlli\" "
      "class=\"h4\">Valori stampati e valori calcolati</h2><p>{} valori stampati dal documento "
      "confrontati con i valori calcolati dai dati di base: {} discordanti. Il valore stampato "
      "non sostituisce mai quello calcolato.</p>{}<table "
      "class=\"table table-sm\"><caption>Controlli dei valori stampati</caption><thead><tr><th "
      "scope=\"col\">Figura</th><th scope=\"col\">Territorio</th><th "
      "scope=\"col\">Stampato</th><th scope=\"col\">Calcolato</th><th "
      "scope=\"col\">Esito</th></tr></thead><tbody>",
      all.size(), disagreements, scroll_box("Controlli dei valori stampati"));
  for (const auto& k : all) {
    std::string computed = "<ul class=\"mb-0 list-unstyled\">";
    for (const auto& x : k.computed)
      computed += "<li>" + esc(x.rule) + ": <strong>" +
                  (x.value ? esc(italian::format_number(*x.value)) : "non calcolabile") +
                  "</strong></li>";
    computed += "</ul>";
    std::string outcome = k.agrees() ? "<strong>concorda</strong>: " + esc(k.matched_rule)
                                     : "<strong class=\"tg-alert-text\">discordante</strong>: " +
                                           esc(k.note.empty() ? "nessuna regola riproduce il "
                                                                "valore stampato"
                                                              : k.note);
    if (k.agrees() && !k.note.empty()) outcome += "<br>" + esc(k.note);
    out += fmt::format("<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>"
                       "<td>{}</td></tr>",
                       k.agrees() ? "" : " class=\"tg-disagreement\"", esc(k.subject),
                       esc(k.territory), esc(italian::format_number(k.printed)), computed, outcome);
  }
  return out + "</tbody></table></div></section>";
}

void statistics(Call& c) {
  auto v = district_or_answer(c);
  if (!v) return;
  const Dataset& d = *v->ambito;
  std::string body = formulas() + checks(d);
  int n = 0;
  for (const auto& s : app::statistics_sections(d)) {
    body += fmt::format("<section class=\"mb-5\" aria-labelledby=\"st-{0}\"><h2 id=\"st-{0}\" "
                        "class=\"h4\">{1}</h2>",
                        ++n, esc(s.title));
    if (!s.fields.empty()) {
      body += "<dl class=\"row\">";
      for (const auto& [label, value] : s.fields)
        body += fmt::format("<dt class=\"col-sm-4 col-lg-3\">{}</dt><dd class=\"col-sm-8 "
                            "col-lg-9\">{}</dd>",
                            esc(label), esc(value));
      body += "</dl>";
    }
    for (const auto& b : s.blocks) {
      if (!b.table.headers.empty())
        body += text_table(b, b.heading.empty() ? s.title : b.heading);
      else
        body += "<p><strong>" + esc(b.lead) + "</strong> " + lines_html(b.text) + "</p>";
    }
    body += "</section>";
  }
  if (d.statistics.empty()) body += "<p>L'ambito non ha statistiche territoriali.</p>";
  send_html(c.res, district_page(c, d, "Statistiche territoriali", "statistiche", body));
}

} // namespace

void register_district_data_pages(httplib::Server& s, Env& env) {
  get_page(s, env, "/distretto/valutazione", evaluation);
  get_page(s, env, "/distretto/statistiche", statistics);
}

} // namespace traguardi::web

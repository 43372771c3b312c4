#include "web/api_district_json.h"

#include "core/formula_indicators.h"
#include "core/statistics_checks.h"
#include "web/api_json.h"

namespace traguardi::web {
namespace {

Json text(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json linked_json(const LinkedObjectiveFigure& o) {
  return Json{{"comune", o.comune},
              {"ente", o.ente},
              {"vista", o.vista},
              {"objective", o.objective},
              {"found", o.found},
              {"description", text(o.description)},
              {"progress", decimal_json(o.progress)},
              {"achievement", decimal_json(o.achievement)}};
}

/// The link figures of a macro-obiettivo (an empty summary when nothing is linked).
Json links_json(const app::DistrictView& v, const std::string& macro) {
  MacroLinkSummary none;
  const MacroLinkSummary* l = &none;
  for (const auto& s : v.links)
    if (s.macro == macro) l = &s;
  Json objectives = Json::array();
  for (const auto& o : l->objectives)
    objectives.push_back(linked_json(o));
  return Json{{"objectives", std::move(objectives)},
              {"with_progress", l->with_progress},
              {"with_achievement", l->with_achievement},
              {"mean_progress", decimal_json(l->mean_progress)},
              {"mean_achievement", decimal_json(l->mean_achievement)}};
}

Json macro_json(const app::DistrictView& v, const MacroObjective& m) {
  Json placements = Json::array();
  for (const auto& p : m.placements)
    placements.push_back(Json{{"area", p.area}, {"number", p.number}});
  return Json{{"code", m.code},       {"title", m.title},     {"placements", std::move(placements)},
              {"actions", m.actions}, {"text", text(m.text)}, {"links", links_json(v, m.code)}};
}

Json outcome_json(const OutcomeMeasure& o) {
  return Json{{"description", o.description},
              {"period", text(o.period)},
              {"value", decimal_json(o.value)},
              {"unit", o.unit}};
}

Json checks_json(const Dataset& d) {
  Json out = Json::array();
  for (const auto& k : check_statistics(d)) {
    Json computed = Json::array();
    for (const auto& x : k.computed)
      computed.push_back(Json{{"rule", x.rule}, {"value", decimal_json(x.value)}});
    out.push_back(Json{{"subject", k.subject},
                       {"territory", k.territory},
                       {"table", k.table},
                       {"printed", decimal_json(k.printed)},
                       {"computed", std::move(computed)},
                       {"agrees", k.agrees()},
                       {"matched_rule", text(k.matched_rule)},
                       {"note", text(k.note)}});
  }
  return out;
}

Json sections_json(const Dataset& d) {
  Json out = Json::array();
  for (const auto& s : app::statistics_sections(d)) {
    Json fields = Json::array();
    for (const auto& [label, value] : s.fields)
      fields.push_back(Json{{"label", label}, {"value", value}});
    Json blocks = Json::array();
    for (const auto& b : s.blocks) {
      if (b.table.headers.empty()) {
        blocks.push_back(Json{{"kind", "paragraph"}, {"lead", b.lead}, {"text", b.text}});
        continue;
      }
      Json rows = Json::array();
      for (std::size_t i = 0; i < b.table.rows.size(); ++i)
        rows.push_back(Json{{"district", i < b.district_rows.size() && b.district_rows[i]},
                            {"cells", b.table.rows[i]}});
      blocks.push_back(Json{{"kind", "table"},
                            {"heading", text(b.heading)},
                            {"headers", b.table.headers},
                            {"rows", std::move(rows)}});
    }
    out.push_back(
        Json{{"title", s.title}, {"fields", std::move(fields)}, {"blocks", std::move(blocks)}});
  }
  return out;
}

} // namespace

Json district_plan_json(const app::DistrictView& v) {
  const Dataset& d = *v.ambito;
  const DistrictPlan& p = *d.district;
  Json comuni = Json::array();
  for (const auto& c : p.comuni)
    comuni.push_back(Json{{"name", c.name},
                          {"short_name", text(c.short_name)},
                          {"ente", text(c.ente)},
                          {"capofila", c.capofila}});
  Json governance = Json::array();
  for (const auto& b : p.governance)
    governance.push_back(Json{{"name", b.name},
                              {"kind", b.kind},
                              {"composition", b.composition},
                              {"functions", b.functions}});
  Json areas = Json::array();
  for (const auto& a : p.areas)
    areas.push_back(Json{{"code", a.code}, {"title", a.title}});
  Json macros = Json::array();
  for (const auto& m : p.macro_objectives)
    macros.push_back(macro_json(v, m));
  Json strategic = Json::array();
  for (const auto& s : p.strategic)
    strategic.push_back(Json{{"number", s.number},
                             {"year", s.year},
                             {"criterion", s.criterion},
                             {"description", s.description}});
  return Json{{"ente", ente_json(d.ente)},
              {"title", text(p.title)},
              {"vista", p.vista},
              {"year_from", p.year_from},
              {"year_to", p.year_to},
              {"comuni", std::move(comuni)},
              {"governance", std::move(governance)},
              {"areas", std::move(areas)},
              {"macro_objectives", std::move(macros)},
              {"strategic", std::move(strategic)}};
}

Json district_evaluation_json(const Dataset& ambito) {
  Json rows = Json::array();
  for (const auto& r : ambito.district->evaluation) {
    Json outcomes = Json::array();
    for (const auto& o : r.outcomes)
      outcomes.push_back(outcome_json(o));
    rows.push_back(Json{{"order", r.order},
                        {"area", text(r.area)},
                        {"name", r.name},
                        {"sub_goals", r.sub_goals},
                        {"type", text(r.type)},
                        {"needs", r.needs},
                        {"target", r.target},
                        {"interventions", r.interventions},
                        {"financial_resources", r.financial_resources},
                        {"professional_resources", r.professional_resources},
                        {"instruments", r.instruments},
                        {"indicators", r.indicators},
                        {"timing", r.timing},
                        {"text_blocks", r.text_blocks},
                        {"outcomes", std::move(outcomes)}});
  }
  return Json{{"ente", ente_json(ambito.ente)}, {"rows", std::move(rows)}};
}

Json district_statistics_json(const Dataset& ambito) {
  Json formulas = Json::array();
  for (const auto& f : formula_indicators())
    formulas.push_back(Json{{"code", f.code},
                            {"name", f.name},
                            {"dimension", text(f.dimension)},
                            {"formula", f.formula},
                            {"unit", f.unit}});
  Json aggregations = Json::array();
  for (auto [key, a] : {std::pair{"simple_mean", Aggregation::simple_mean},
                        std::pair{"weighted_mean", Aggregation::weighted_mean},
                        std::pair{"ratio_of_sums", Aggregation::ratio_of_sums}})
    aggregations.push_back(Json{{"key", key}, {"label", aggregation_label(a)}});
  Json values = Json::array();
  for (const auto& s : ambito.statistics)
    values.push_back(Json{{"table", s.table},
                          {"territory", s.territory},
                          {"measure", s.measure},
                          {"dimension", text(s.dimension)},
                          {"reference", s.reference},
                          {"value", decimal_json(s.value)},
                          {"unit", s.unit},
                          {"source", text(s.source)},
                          {"origin", to_string(s.origin)}});
  return Json{{"ente", ente_json(ambito.ente)},
              {"formulas", std::move(formulas)},
              {"aggregations", std::move(aggregations)},
              {"checks", checks_json(ambito)},
              {"values", std::move(values)},
              {"sections", sections_json(ambito)}};
}

} // namespace traguardi::web

#include "interchange/district_json.h"

#include "interchange/json_node.h"

#include <set>

#include <fmt/format.h>

namespace traguardi::interchange {
namespace {

using OJ = nlohmann::ordered_json;
using J = nlohmann::json;

OJ src(const Provenance& p) {
  return OJ{{"document", p.document}, {"line_from", p.line_from}, {"line_to", p.line_to}};
}

OJ plan_json(const DistrictPlan& p) {
  OJ comuni = OJ::array(), governance = OJ::array(), areas = OJ::array(), macro = OJ::array(),
     strategic = OJ::array(), evaluation = OJ::array();
  for (const auto& c : p.comuni)
    comuni.push_back(OJ{{"name", c.name},
                        {"short_name", c.short_name},
                        {"ente", c.ente},
                        {"capofila", c.capofila}});
  for (const auto& g : p.governance)
    governance.push_back(OJ{{"name", g.name},
                            {"kind", g.kind},
                            {"composition", g.composition},
                            {"functions", g.functions},
                            {"source", src(g.source)}});
  for (const auto& a : p.areas)
    areas.push_back(OJ{{"code", a.code}, {"title", a.title}, {"source", src(a.source)}});
  for (const auto& m : p.macro_objectives) {
    OJ placements = OJ::array(), links = OJ::array();
    for (const auto& pl : m.placements)
      placements.push_back(OJ{{"area", pl.area}, {"number", pl.number}});
    for (const auto& l : m.links)
      links.push_back(OJ{{"ente", l.ente}, {"vista", l.vista}, {"objective", l.objective}});
    macro.push_back(OJ{{"code", m.code},
                       {"title", m.title},
                       {"placements", placements},
                       {"actions", m.actions},
                       {"text", m.text},
                       {"links", links},
                       {"source", src(m.source)}});
  }
  for (const auto& s : p.strategic)
    strategic.push_back(OJ{{"number", s.number},
                           {"year", s.year},
                           {"criterion", s.criterion},
                           {"description", s.description},
                           {"source", src(s.source)}});
  for (const auto& r : p.evaluation) {
    OJ outcomes = OJ::array();
    for (const auto& o : r.outcomes)
      outcomes.push_back(OJ{{"description", o.description},
                            {"period", o.period},
                            {"value", o.value.to_plain_string()},
                            {"unit", o.unit},
                            {"source", src(o.source)}});
    evaluation.push_back(OJ{{"order", r.order},
                            {"area", r.area},
                            {"name", r.name},
                            {"sub_goals", r.sub_goals},
                            {"type", r.type},
                            {"needs", r.needs},
                            {"target", r.target},
                            {"interventions", r.interventions},
                            {"financial_resources", r.financial_resources},
                            {"professional_resources", r.professional_resources},
                            {"instruments", r.instruments},
                            {"indicators", r.indicators},
                            {"timing", r.timing},
                            {"text_blocks", r.text_blocks},
                            {"outcomes", outcomes},
                            {"source", src(r.source)}});
  }
  return OJ{{"title", p.title},        {"vista", p.vista},          {"year_from", p.year_from},
            {"year_to", p.year_to},    {"comuni", comuni},          {"governance", governance},
            {"areas", areas},          {"macro_objectives", macro}, {"strategic", strategic},
            {"evaluation", evaluation}};
}

using In = JsonNode;

MacroObjective macro_of(const In& m) {
  m.keys({"code", "title", "placements", "actions", "text", "links", "source"});
  MacroObjective x;
  x.code = m.str("code");
  x.title = m.str("title");
  m.for_each("placements", [&](const In& p) {
    p.keys({"area", "number"});
    x.placements.push_back({p.str("area"), p.small("number")});
  });
  x.actions = m.strings("actions");
  x.text = m.str("text");
  m.for_each("links", [&](const In& l) {
    l.keys({"ente", "vista", "objective"});
    x.links.push_back({l.str("ente"), l.str("vista"), l.str("objective")});
  });
  x.source = read_provenance(m.at("source"));
  return x;
}

EvaluationRow row_of(const In& r) {
  r.keys({"order", "area", "name", "sub_goals", "type", "needs", "target", "interventions",
          "financial_resources", "professional_resources", "instruments", "indicators", "timing",
          "text_blocks", "outcomes", "source"});
  EvaluationRow x;
  x.order = r.small("order");
  x.area = r.str("area");
  x.name = r.str("name");
  x.sub_goals = r.strings("sub_goals");
  x.type = r.str("type");
  x.needs = r.str("needs");
  x.target = r.str("target");
  x.interventions = r.str("interventions");
  x.financial_resources = r.str("financial_resources");
  x.professional_resources = r.str("professional_resources");
  x.instruments = r.str("instruments");
  x.indicators = r.str("indicators");
  x.timing = r.str("timing");
  x.text_blocks = r.strings("text_blocks");
  r.for_each("outcomes", [&](const In& o) {
    o.keys({"description", "period", "value", "unit", "source"});
    auto v = o.opt_decimal("value");
    if (!v) o.bad("value", "campo obbligatorio mancante");
    x.outcomes.push_back({o.str("description"), o.str("period"), *v, o.str("unit"),
                          read_provenance(o.at("source"))});
  });
  x.source = read_provenance(r.at("source"));
  return x;
}

DistrictPlan plan_of(const In& n) {
  n.keys({"title", "vista", "year_from", "year_to", "comuni", "governance", "areas",
          "macro_objectives", "strategic", "evaluation"});
  DistrictPlan p;
  p.title = n.str("title");
  p.vista = n.str("vista");
  p.year_from = n.small("year_from");
  p.year_to = n.small("year_to");
  n.for_each("comuni", [&](const In& c) {
    c.keys({"name", "short_name", "ente", "capofila"});
    p.comuni.push_back({c.str("name"), c.str("short_name"), c.str("ente"), c.boolean("capofila")});
  });
  n.for_each("governance", [&](const In& g) {
    g.keys({"name", "kind", "composition", "functions", "source"});
    p.governance.push_back({g.str("name"), g.str("kind"), g.str("composition"), g.str("functions"),
                            read_provenance(g.at("source"))});
  });
  n.for_each("areas", [&](const In& a) {
    a.keys({"code", "title", "source"});
    p.areas.push_back({a.str("code"), a.str("title"), read_provenance(a.at("source"))});
  });
  n.for_each("macro_objectives", [&](const In& m) { p.macro_objectives.push_back(macro_of(m)); });
  n.for_each("strategic", [&](const In& s) {
    s.keys({"number", "year", "criterion", "description", "source"});
    p.strategic.push_back({s.small("number"), s.small("year"), s.str("criterion"),
                           s.str("description"), read_provenance(s.at("source"))});
  });
  n.for_each("evaluation", [&](const In& r) { p.evaluation.push_back(row_of(r)); });
  return p;
}

StatValue stat_of(const In& s) {
  s.keys({"table", "territory", "measure", "dimension", "reference", "value", "unit", "source",
          "origin", "provenance"});
  StatValue v;
  v.table = s.str("table");
  v.territory = s.str("territory");
  v.measure = s.str("measure");
  v.dimension = s.str("dimension");
  v.reference = s.str("reference");
  if (!v.reference.empty() && !valid_reference(v.reference))
    s.bad("reference", "attesa una data \"AAAA-MM-GG\" o un anno \"AAAA\"");
  v.value = s.opt_decimal("value");
  v.unit = s.str("unit");
  v.source = s.str("source");
  auto origin = stat_origin_from_string(s.has("origin") ? s.str("origin") : "base");
  if (!origin) s.bad("origin", "valore non ammesso (base, printed)");
  v.origin = *origin;
  v.provenance = read_provenance(s.at("provenance"));
  return v;
}

} // namespace

void write_district_json(const Dataset& d, OJ& ente_object) {
  auto& vistas = ente_object["vistas"];
  for (std::size_t i = 0; i < d.vistas.size() && i < vistas.size(); ++i) {
    if (d.vistas[i].level_definitions.empty()) continue;
    OJ defs = OJ::array();
    for (const auto& l : d.vistas[i].level_definitions)
      defs.push_back(OJ{
          {"key", l.key}, {"name", l.name}, {"order", l.order}, {"code_pattern", l.code_pattern}});
    vistas[i]["level_definitions"] = defs;
  }
  if (d.district) ente_object["piano_di_zona"] = plan_json(*d.district);
  if (d.statistics.empty()) return;
  OJ stats = OJ::array();
  for (const auto& s : d.statistics)
    stats.push_back(OJ{{"table", s.table},
                       {"territory", s.territory},
                       {"measure", s.measure},
                       {"dimension", s.dimension},
                       {"reference", s.reference},
                       {"value", s.value ? OJ(s.value->to_plain_string()) : OJ(nullptr)},
                       {"unit", s.unit},
                       {"source", s.source},
                       {"origin", to_string(s.origin)},
                       {"provenance", src(s.provenance)}});
  ente_object["statistiche"] = stats;
}

void read_district_json(const J& ente_object, const std::string& path, Dataset& d) {
  In n(ente_object, path);
  n.for_each("vistas", [&](const In& v) {
    std::size_t i = 0;
    for (; i < d.vistas.size(); ++i)
      if (d.vistas[i].code == v.str("code")) break;
    if (i == d.vistas.size()) return;
    v.for_each("level_definitions", [&](const In& l) {
      l.keys({"key", "name", "order", "code_pattern"});
      if (l.str("key").empty()) l.bad("key", "campo obbligatorio mancante");
      d.vistas[i].level_definitions.push_back(
          {l.str("key"), l.str("name"), l.small("order"), l.str("code_pattern")});
    });
  });
  if (n.has("piano_di_zona")) d.district = plan_of(n.at("piano_di_zona"));
  n.for_each("statistiche", [&](const In& s) { d.statistics.push_back(stat_of(s)); });
}

} // namespace traguardi::interchange

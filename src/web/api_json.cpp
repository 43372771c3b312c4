#include "web/api_json.h"

#include "app/figures_json.h"

namespace traguardi::web {
namespace {

Json dec(const std::optional<Decimal>& d) {
  return decimal_json(d);
}
Json date(const std::optional<Date>& d) {
  return d ? Json(d->iso()) : Json(nullptr);
}
Json text(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

} // namespace

Json decimal_json(const std::optional<Decimal>& d) {
  return d ? Json(d->to_plain_string()) : Json(nullptr);
}

Json ente_json(const Ente& e) {
  return Json{{"code", e.code}, {"name", e.name}};
}

void write_objective_item(JsonText& out, const Objective& o, const ObjectiveFigures& f) {
  auto decimal = [&](const std::optional<Decimal>& d) -> JsonText& {
    return d ? out.string(d->to_plain_string()) : out.null();
  };
  out.begin_object();
  out.key("vista").string(o.vista);
  out.key("code").string(o.code);
  out.key("level").string(to_string(o.level));
  out.key("parent").text_or_null(o.parent);
  out.key("year");
  o.year ? out.number(*o.year) : out.null();
  out.key("short_description").string(o.short_description);
  out.key("description").string(o.description);
  out.key("center").text_or_null(o.center);
  out.key("state").text_or_null(o.state);
  out.key("version").number(o.version);
  out.key("progress");
  decimal(f.progress.value);
  out.key("achievement");
  decimal(f.achievement.value);
  out.end_object();
}

Json objective_item_json(const Objective& o, const ObjectiveFigures& f) {
  JsonText out;
  write_objective_item(out, o, f);
  return Json::parse(out.str());
}

Json center_json(const ResponsibilityCenter& c) {
  return Json{{"code", c.code},
              {"name", c.name},
              {"short_name", c.short_name},
              {"kind", c.kind},
              {"parent", text(c.parent)},
              {"head", text(c.head)},
              {"valid_from", date(c.valid_from)},
              {"valid_to", date(c.valid_to)}};
}

Json person_json(const Person& p) {
  return Json{{"key", p.key}, {"name", p.name}};
}

Json assessorato_json(const Assessorato& a) {
  return Json{{"key", a.key}, {"description", a.description}, {"delegations", a.delegations}};
}

Json area_json(const ThematicArea& a) {
  return Json{{"vista", a.vista}, {"number", a.number}, {"description", a.description}};
}

Json phase_json(const Objective& o, const Phase& p) {
  return Json{{"vista", o.vista},
              {"objective", o.code},
              {"order", p.order},
              {"description", p.description},
              {"weight", dec(p.weight)},
              {"avanzamento", dec(p.progress)},
              {"inizio_previsto", date(p.planned_start)},
              {"fine_prevista", date(p.planned_end)},
              {"inizio_effettivo", date(p.actual_start)},
              {"fine_effettiva", date(p.actual_end)},
              {"responsible", text(p.responsible)},
              {"center", text(p.center)},
              {"note", p.note},
              {"version", p.version}};
}

Json indicator_json(const Objective& o, const Indicator& i) {
  Json history = Json::array();
  for (const auto& h : i.history)
    history.push_back(Json{{"year", h.year}, {"value", dec(h.value)}});
  return Json{{"vista", o.vista},
              {"objective", o.code},
              {"order", i.order},
              {"description", i.description},
              {"type", to_string(i.type)},
              {"scale", to_string(i.scale)},
              {"polarity", to_string(i.polarity)},
              {"valore_atteso", dec(i.target)},
              {"valore_raggiunto", dec(i.actual)},
              {"history", history},
              {"note", i.note},
              {"version", i.version}};
}

std::int64_t objective_etag_version(const Objective& o) {
  std::int64_t v = o.version;
  for (const auto& p : o.phases)
    v = std::max(v, p.version);
  for (const auto& i : o.indicators)
    v = std::max(v, i.version);
  return v;
}

Json objective_json(const Objective& o, const ObjectiveFigures& f) {
  Json out = objective_item_json(o, f);
  out["strategic_purpose"] = text(o.strategic_purpose);
  out["operational_purpose"] = text(o.operational_purpose);
  out["implementation"] = text(o.implementation);
  out["responsible"] = text(o.responsible);
  out["objective_type"] = text(o.objective_type);
  out["area"] = o.area ? Json(*o.area) : Json(nullptr);
  out["assessorato"] = text(o.assessorato);
  out["direction"] = text(o.direction);
  out["director"] = text(o.director);
  Json structures = Json::array();
  for (const auto& r : o.structures)
    structures.push_back(Json{{"description", r.description},
                              {"relation", r.relation},
                              {"mission", r.mission},
                              {"programme", r.programme},
                              {"share", dec(r.share_pct)}});
  Json people = Json::array();
  for (const auto& r : o.people)
    people.push_back(
        Json{{"person", r.person}, {"relation", r.relation}, {"effort", dec(r.effort_pct)}});
  out["structures"] = std::move(structures);
  out["people"] = std::move(people);
  out["etag_version"] = objective_etag_version(o);
  Json phases = Json::array();
  for (const auto& p : o.phases)
    phases.push_back(phase_json(o, p));
  Json indicators = Json::array();
  for (const auto& i : o.indicators)
    indicators.push_back(indicator_json(o, i));
  Json status = Json::array();
  for (const auto& r : o.status)
    status.push_back(Json{{"year", r.year ? Json(*r.year) : Json(nullptr)},
                          {"as_of", date(r.as_of)},
                          {"text", r.text}});
  out["status"] = std::move(status);
  out["phases"] = std::move(phases);
  out["indicators"] = std::move(indicators);
  out["figures"] = Json(app::objective_figures_json(o, f));
  return out;
}

} // namespace traguardi::web

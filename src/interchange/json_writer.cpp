#include <nlohmann/json.hpp>

#include "interchange/audit_json.h"
#include "interchange/district_json.h"
#include "interchange/json_format.h"

namespace traguardi::interchange {
namespace {

using J = nlohmann::ordered_json;

J opt(const std::optional<Decimal>& d) {
  return d ? J(d->to_plain_string()) : J(nullptr);
}
J opt(const std::optional<Date>& d) {
  return d ? J(d->iso()) : J(nullptr);
}
J opt(const std::optional<int>& n) {
  return n ? J(*n) : J(nullptr);
}

J source(const Provenance& p) {
  return J{{"document", p.document}, {"line_from", p.line_from}, {"line_to", p.line_to}};
}

J objective(const Objective& o) {
  J status = J::array(), structures = J::array(), people = J::array(), phases = J::array(),
    indicators = J::array();
  for (const auto& s : o.status)
    status.push_back(J{{"year", opt(s.year)}, {"as_of", opt(s.as_of)}, {"text", s.text}});
  for (const auto& s : o.structures)
    structures.push_back(J{{"description", s.description},
                           {"relation", s.relation},
                           {"mission", s.mission},
                           {"programme", s.programme},
                           {"share_pct", opt(s.share_pct)},
                           {"start", opt(s.start)},
                           {"end", opt(s.end)}});
  for (const auto& p : o.people)
    people.push_back(J{{"person", p.person},
                       {"relation", p.relation},
                       {"effort_pct", opt(p.effort_pct)},
                       {"start", opt(p.start)},
                       {"end", opt(p.end)}});
  for (const auto& p : o.phases)
    phases.push_back(J{{"order", p.order},
                       {"description", p.description},
                       {"weight", opt(p.weight)},
                       {"progress", opt(p.progress)},
                       {"planned_start", opt(p.planned_start)},
                       {"planned_end", opt(p.planned_end)},
                       {"actual_start", opt(p.actual_start)},
                       {"actual_end", opt(p.actual_end)},
                       {"responsible", p.responsible},
                       {"center", p.center},
                       {"note", p.note},
                       {"version", p.version},
                       {"source", source(p.source)}});
  for (const auto& i : o.indicators) {
    J history = J::array();
    for (const auto& h : i.history)
      history.push_back(J{{"year", h.year},
                          {"value", opt(h.value)},
                          {"column", h.column},
                          {"ambiguous", h.ambiguous}});
    indicators.push_back(J{{"order", i.order},
                           {"reference_year", opt(i.reference_year)},
                           {"description", i.description},
                           {"type", to_string(i.type)},
                           {"scale", to_string(i.scale)},
                           {"polarity", to_string(i.polarity)},
                           {"target", opt(i.target)},
                           {"actual", opt(i.actual)},
                           {"history", history},
                           {"note", i.note},
                           {"version", i.version},
                           {"source", source(i.source)}});
  }
  return J{{"vista", o.vista},
           {"code", o.code},
           {"level", to_string(o.level)},
           {"parent", o.parent},
           {"year", opt(o.year)},
           {"short_description", o.short_description},
           {"description", o.description},
           {"description_truncated", o.description_truncated},
           {"strategic_purpose", o.strategic_purpose},
           {"operational_purpose", o.operational_purpose},
           {"implementation", o.implementation},
           {"objective_type", o.objective_type},
           {"state", o.state},
           {"area", opt(o.area)},
           {"assessorato", o.assessorato},
           {"center", o.center},
           {"responsible", o.responsible},
           {"direction", o.direction},
           {"director", o.director},
           {"status", status},
           {"structures", structures},
           {"people", people},
           {"phases", phases},
           {"indicators", indicators},
           {"version", o.version},
           {"source", source(o.source)}};
}

J dataset(const Dataset& d) {
  J vistas = J::array(), areas = J::array(), assessorati = J::array(), persons = J::array(),
    centers = J::array(), objectives = J::array(), documents = J::array();
  for (const auto& v : d.vistas) {
    J levels = J::array();
    for (auto l : v.levels)
      levels.push_back(to_string(l));
    vistas.push_back(J{{"code", v.code},
                       {"description", v.description},
                       {"year_from", v.year_from},
                       {"year_to", v.year_to},
                       {"levels", levels}});
  }
  for (const auto& a : d.areas)
    areas.push_back(J{{"vista", a.vista}, {"number", a.number}, {"description", a.description}});
  for (const auto& a : d.assessorati)
    assessorati.push_back(J{{"key", a.key},
                            {"description", a.description},
                            {"delegations", a.delegations},
                            {"aliases", a.aliases}});
  for (const auto& p : d.persons)
    persons.push_back(
        J{{"key", p.key}, {"name", p.name}, {"username", p.username}, {"aliases", p.aliases}});
  for (const auto& c : d.centers)
    centers.push_back(J{{"code", c.code},
                        {"name", c.name},
                        {"short_name", c.short_name},
                        {"kind", c.kind},
                        {"parent", c.parent},
                        {"peg_sigla", c.peg_sigla},
                        {"head", c.head},
                        {"valid_from", opt(c.valid_from)},
                        {"valid_to", opt(c.valid_to)},
                        {"aliases", c.aliases}});
  for (const auto& o : d.objectives)
    objectives.push_back(objective(o));
  for (const auto& s : d.documents)
    documents.push_back(J{{"name", s.name},
                          {"sha256", s.sha256},
                          {"kind", s.kind},
                          {"produced", opt(s.produced)},
                          {"vista", s.vista},
                          {"level", s.level},
                          {"filter_label", s.filter_label},
                          {"filter_value", s.filter_value}});
  J out{{"ente", J{{"code", d.ente.code}, {"name", d.ente.name}, {"kind", to_string(d.ente.kind)}}},
        {"vistas", vistas},
        {"areas", areas},
        {"assessorati", assessorati},
        {"persons", persons},
        {"centers", centers},
        {"objectives", objectives},
        {"documents", documents}};
  write_district_json(d, out);
  return out;
}

} // namespace

std::string to_json(const std::vector<Dataset>& enti,
                    const std::vector<std::vector<AuditEntry>>& logs) {
  J doc{{"format", "traguardi"}, {"format_version", kFormatVersion}, {"enti", J::array()}};
  for (std::size_t i = 0; i < enti.size(); ++i) {
    doc["enti"].push_back(dataset(enti[i]));
    if (logs.size() == enti.size()) doc["enti"].back()["audit_log"] = write_audit_json(logs[i]);
  }
  // Texts are UTF-8 at every entry point; a database written before that was checked still
  // exports (ill-formed bytes become U+FFFD) instead of failing for every ente.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace traguardi::interchange

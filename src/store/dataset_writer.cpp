#include <string>

#include "store/dataset_rows.h"
#include "store/district_rows.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

std::string levels_text(const std::vector<Level>& levels) {
  std::vector<std::string> names;
  for (auto l : levels)
    names.push_back(to_string(l));
  return join_list(names);
}

void write_objective(Connection& c, const std::string& e, const Objective& o, int pos) {
  run(c,
      "INSERT INTO objective (ente, vista, code, level, parent, year, short_description, "
      "description, description_truncated, strategic_purpose, operational_purpose, "
      "implementation, objective_type, state, area, assessorato, center, responsible, "
      "direction, director, version, src_document, src_from, src_to, position) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {val(e),
       val(o.vista),
       val(o.code),
       val(std::string(to_string(o.level))),
       val(o.parent),
       val(o.year),
       val(o.short_description),
       val(o.description),
       val(o.description_truncated),
       val(o.strategic_purpose),
       val(o.operational_purpose),
       val(o.implementation),
       val(o.objective_type),
       val(o.state),
       val(o.area),
       val(o.assessorato),
       val(o.center),
       val(o.responsible),
       val(o.direction),
       val(o.director),
       val(o.version),
       val(o.source.document),
       val(o.source.line_from),
       val(o.source.line_to),
       val(pos)});
  int k = 0;
  for (const auto& s : o.status)
    run(c,
        "INSERT INTO status_report (ente, vista, objective, position, year, as_of, text) "
        "VALUES (?,?,?,?,?,?,?)",
        {val(e), val(o.vista), val(o.code), val(k++), val(s.year), val(s.as_of), val(s.text)});
  k = 0;
  for (const auto& s : o.structures)
    run(c,
        "INSERT INTO involved_structure (ente, vista, objective, position, description, "
        "relation, mission, programme, share_micro, start_date, end_date) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(o.vista), val(o.code), val(k++), val(s.description), val(s.relation),
         val(s.mission), val(s.programme), val(s.share_pct), val(s.start), val(s.end)});
  k = 0;
  for (const auto& p : o.people)
    run(c,
        "INSERT INTO involved_person (ente, vista, objective, position, person, relation, "
        "effort_micro, start_date, end_date) VALUES (?,?,?,?,?,?,?,?,?)",
        {val(e), val(o.vista), val(o.code), val(k++), val(p.person), val(p.relation),
         val(p.effort_pct), val(p.start), val(p.end)});
  for (const auto& p : o.phases)
    run(c,
        "INSERT INTO phase (ente, vista, objective, ord, description, weight_micro, "
        "progress_micro, planned_start, planned_end, actual_start, actual_end, responsible, "
        "center, note, version, src_document, src_from, src_to) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(o.vista), val(o.code), val(p.order), val(p.description), val(p.weight),
         val(p.progress), val(p.planned_start), val(p.planned_end), val(p.actual_start),
         val(p.actual_end), val(p.responsible), val(p.center), val(p.note), val(p.version),
         val(p.source.document), val(p.source.line_from), val(p.source.line_to)});
  for (const auto& i : o.indicators) {
    run(c,
        "INSERT INTO indicator (ente, vista, objective, ord, reference_year, description, type, "
        "scale, polarity, target_micro, actual_micro, note, version, src_document, src_from, "
        "src_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(o.vista), val(o.code), val(i.order), val(i.reference_year), val(i.description),
         val(std::string(to_string(i.type))), val(std::string(to_string(i.scale))),
         val(std::string(to_string(i.polarity))), val(i.target), val(i.actual), val(i.note),
         val(i.version), val(i.source.document), val(i.source.line_from), val(i.source.line_to)});
    k = 0;
    for (const auto& h : i.history)
      run(c,
          "INSERT INTO indicator_history (ente, vista, objective, ord, position, year, "
          "value_micro, col, ambiguous) VALUES (?,?,?,?,?,?,?,?,?)",
          {val(e), val(o.vista), val(o.code), val(i.order), val(k++), val(h.year), val(h.value),
           val(h.column), val(h.ambiguous)});
  }
}

} // namespace

void write_dataset(Connection& c, const Dataset& d) {
  const std::string& e = d.ente.code;
  run(c, "INSERT INTO ente (code, name, kind) VALUES (?,?,?)",
      {val(e), val(d.ente.name), val(std::string(to_string(d.ente.kind)))});
  int pos = 0;
  for (const auto& v : d.vistas)
    run(c,
        "INSERT INTO vista (ente, code, description, year_from, year_to, levels, position) "
        "VALUES (?,?,?,?,?,?,?)",
        {val(e), val(v.code), val(v.description), val(v.year_from), val(v.year_to),
         val(levels_text(v.levels)), val(pos++)});
  pos = 0;
  for (const auto& a : d.areas)
    run(c,
        "INSERT INTO thematic_area (ente, vista, number, description, position) VALUES "
        "(?,?,?,?,?)",
        {val(e), val(a.vista), val(a.number), val(a.description), val(pos++)});
  pos = 0;
  for (const auto& a : d.assessorati)
    run(c,
        "INSERT INTO assessorato (ente, key, description, delegations, aliases, position) "
        "VALUES (?,?,?,?,?,?)",
        {val(e), val(a.key), val(a.description), val(a.delegations), val(join_list(a.aliases)),
         val(pos++)});
  pos = 0;
  for (const auto& p : d.persons)
    run(c,
        "INSERT INTO person (ente, key, name, username, aliases, position) VALUES "
        "(?,?,?,?,?,?)",
        {val(e), val(p.key), val(p.name), val(p.username), val(join_list(p.aliases)), val(pos++)});
  pos = 0;
  for (const auto& r : d.centers)
    run(c,
        "INSERT INTO center (ente, code, name, short_name, kind, parent, peg_sigla, head, "
        "valid_from, valid_to, aliases, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(r.code), val(r.name), val(r.short_name), val(r.kind), val(r.parent),
         val(r.peg_sigla), val(r.head), val(r.valid_from), val(r.valid_to),
         val(join_list(r.aliases)), val(pos++)});
  pos = 0;
  for (const auto& o : d.objectives)
    write_objective(c, e, o, pos++);
  pos = 0;
  for (const auto& s : d.documents)
    run(c,
        "INSERT INTO source_document (ente, position, name, sha256, kind, produced, vista, "
        "level, filter_label, filter_value) VALUES (?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(pos++), val(s.name), val(s.sha256), val(s.kind), val(s.produced), val(s.vista),
         val(s.level), val(s.filter_label), val(s.filter_value)});
  write_district_rows(c, d);
}

} // namespace traguardi::sql

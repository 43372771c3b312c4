#include "store/district_rows.h"

#include "core/error.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

Value dec_val(const Decimal& d) {
  return d.units();
}

void write_plan(Connection& c, const std::string& e, const DistrictPlan& p) {
  run(c, "INSERT INTO district (ente, title, vista, year_from, year_to) VALUES (?,?,?,?,?)",
      {val(e), val(p.title), val(p.vista), val(p.year_from), val(p.year_to)});
  int pos = 0;
  for (const auto& m : p.comuni)
    run(c,
        "INSERT INTO district_comune (ente, position, name, short_name, member_ente, capofila) "
        "VALUES (?,?,?,?,?,?)",
        {val(e), val(pos++), val(m.name), val(m.short_name), val(m.ente), val(m.capofila)});
  pos = 0;
  for (const auto& g : p.governance)
    run(c,
        "INSERT INTO governance_body (ente, position, name, kind, composition, functions, "
        "src_document, src_from, src_to) VALUES (?,?,?,?,?,?,?,?,?)",
        {val(e), val(pos++), val(g.name), val(g.kind), val(g.composition), val(g.functions),
         val(g.source.document), val(g.source.line_from), val(g.source.line_to)});
  pos = 0;
  for (const auto& a : p.areas)
    run(c,
        "INSERT INTO plan_area (ente, position, code, title, src_document, src_from, src_to) "
        "VALUES (?,?,?,?,?,?,?)",
        {val(e), val(pos++), val(a.code), val(a.title), val(a.source.document),
         val(a.source.line_from), val(a.source.line_to)});
  pos = 0;
  for (const auto& m : p.macro_objectives) {
    run(c,
        "INSERT INTO macro_objective (ente, position, code, title, actions, text, src_document, "
        "src_from, src_to) VALUES (?,?,?,?,?,?,?,?,?)",
        {val(e), val(pos), val(m.code), val(m.title), val(join_list(m.actions)), val(m.text),
         val(m.source.document), val(m.source.line_from), val(m.source.line_to)});
    int k = 0;
    for (const auto& pl : m.placements)
      run(c, "INSERT INTO macro_placement (ente, macro, position, area, number) VALUES (?,?,?,?,?)",
          {val(e), val(pos), val(k++), val(pl.area), val(pl.number)});
    k = 0;
    for (const auto& l : m.links)
      run(c,
          "INSERT INTO macro_link (ente, macro, position, link_ente, link_vista, link_objective) "
          "VALUES (?,?,?,?,?,?)",
          {val(e), val(pos), val(k++), val(l.ente), val(l.vista), val(l.objective)});
    ++pos;
  }
  pos = 0;
  for (const auto& s : p.strategic)
    run(c,
        "INSERT INTO strategic_objective (ente, position, number, year, criterion, description, "
        "src_document, src_from, src_to) VALUES (?,?,?,?,?,?,?,?,?)",
        {val(e), val(pos++), val(s.number), val(s.year), val(s.criterion), val(s.description),
         val(s.source.document), val(s.source.line_from), val(s.source.line_to)});
  for (const auto& r : p.evaluation) {
    run(c,
        "INSERT INTO evaluation_row (ente, ord, area, name, sub_goals, type, needs, target, "
        "interventions, financial_resources, professional_resources, instruments, indicators, "
        "timing, text_blocks, src_document, src_from, src_to) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(r.order), val(r.area), val(r.name), val(join_list(r.sub_goals)), val(r.type),
         val(r.needs), val(r.target), val(r.interventions), val(r.financial_resources),
         val(r.professional_resources), val(r.instruments), val(r.indicators), val(r.timing),
         val(join_list(r.text_blocks)), val(r.source.document), val(r.source.line_from),
         val(r.source.line_to)});
    int k = 0;
    for (const auto& o : r.outcomes)
      run(c,
          "INSERT INTO outcome_measure (ente, row_ord, position, description, period, "
          "value_micro, unit, src_document, src_from, src_to) VALUES (?,?,?,?,?,?,?,?,?,?)",
          {val(e), val(r.order), val(k++), val(o.description), val(o.period), dec_val(o.value),
           val(o.unit), val(o.source.document), val(o.source.line_from), val(o.source.line_to)});
  }
}

template <typename F>
void each_row(Connection& c, const std::string& sql, const std::string& e, F f) {
  Statement& st = c.prepare(sql);
  st.reset();
  st.bind(1, e);
  while (st.step())
    f(st);
  st.reset();
}

Provenance source_at(Statement& s, int first) {
  return {as_text(s.column(first)), int_of(s.column(first + 1)), int_of(s.column(first + 2))};
}

void read_plan(Connection& c, const std::string& e, DistrictPlan& p) {
  each_row(c,
           "SELECT name, short_name, member_ente, capofila FROM district_comune WHERE ente = ? "
           "ORDER BY position",
           e, [&](Statement& s) {
             p.comuni.push_back({as_text(s.column(0)), as_text(s.column(1)), as_text(s.column(2)),
                                 int_of(s.column(3)) != 0});
           });
  each_row(c,
           "SELECT name, kind, composition, functions, src_document, src_from, src_to FROM "
           "governance_body WHERE ente = ? ORDER BY position",
           e, [&](Statement& s) {
             p.governance.push_back({as_text(s.column(0)), as_text(s.column(1)),
                                     as_text(s.column(2)), as_text(s.column(3)), source_at(s, 4)});
           });
  each_row(c,
           "SELECT code, title, src_document, src_from, src_to FROM plan_area WHERE ente = ? "
           "ORDER BY position",
           e, [&](Statement& s) {
             p.areas.push_back({as_text(s.column(0)), as_text(s.column(1)), source_at(s, 2)});
           });
  each_row(c,
           "SELECT code, title, actions, text, src_document, src_from, src_to FROM "
           "macro_objective WHERE ente = ? ORDER BY position",
           e, [&](Statement& s) {
             MacroObjective m;
             m.code = as_text(s.column(0));
             m.title = as_text(s.column(1));
             m.actions = split_list(as_text(s.column(2)));
             m.text = as_text(s.column(3));
             m.source = source_at(s, 4);
             p.macro_objectives.push_back(std::move(m));
           });
  auto macro = [&](Statement& s) -> MacroObjective& {
    auto i = static_cast<std::size_t>(int_of(s.column(0)));
    if (i >= p.macro_objectives.size())
      throw StoreError("riga orfana nel database: macro_objective");
    return p.macro_objectives[i];
  };
  each_row(c,
           "SELECT macro, area, number FROM macro_placement WHERE ente = ? ORDER BY macro, "
           "position",
           e, [&](Statement& s) {
             macro(s).placements.push_back({as_text(s.column(1)), int_of(s.column(2))});
           });
  each_row(c,
           "SELECT macro, link_ente, link_vista, link_objective FROM macro_link WHERE ente = ? "
           "ORDER BY macro, position",
           e, [&](Statement& s) {
             macro(s).links.push_back(
                 {as_text(s.column(1)), as_text(s.column(2)), as_text(s.column(3))});
           });
  each_row(c,
           "SELECT number, year, criterion, description, src_document, src_from, src_to FROM "
           "strategic_objective WHERE ente = ? ORDER BY position",
           e, [&](Statement& s) {
             p.strategic.push_back({int_of(s.column(0)), int_of(s.column(1)), as_text(s.column(2)),
                                    as_text(s.column(3)), source_at(s, 4)});
           });
  each_row(c,
           "SELECT ord, area, name, sub_goals, type, needs, target, interventions, "
           "financial_resources, professional_resources, instruments, indicators, timing, "
           "text_blocks, src_document, src_from, src_to FROM evaluation_row WHERE ente = ? "
           "ORDER BY ord",
           e, [&](Statement& s) {
             EvaluationRow r;
             r.order = int_of(s.column(0));
             r.area = as_text(s.column(1));
             r.name = as_text(s.column(2));
             r.sub_goals = split_list(as_text(s.column(3)));
             r.type = as_text(s.column(4));
             r.needs = as_text(s.column(5));
             r.target = as_text(s.column(6));
             r.interventions = as_text(s.column(7));
             r.financial_resources = as_text(s.column(8));
             r.professional_resources = as_text(s.column(9));
             r.instruments = as_text(s.column(10));
             r.indicators = as_text(s.column(11));
             r.timing = as_text(s.column(12));
             r.text_blocks = split_list(as_text(s.column(13)));
             r.source = source_at(s, 14);
             p.evaluation.push_back(std::move(r));
           });
  each_row(c,
           "SELECT row_ord, description, period, value_micro, unit, src_document, src_from, "
           "src_to FROM outcome_measure WHERE ente = ? ORDER BY row_ord, position",
           e, [&](Statement& s) {
             int ord = int_of(s.column(0));
             for (auto& r : p.evaluation)
               if (r.order == ord) {
                 r.outcomes.push_back({as_text(s.column(1)), as_text(s.column(2)),
                                       decimal_of(s.column(3)).value_or(Decimal()),
                                       as_text(s.column(4)), source_at(s, 5)});
                 break;
               }
           });
}

} // namespace

void write_district_rows(Connection& c, const Dataset& d) {
  const std::string& e = d.ente.code;
  for (const auto& v : d.vistas) {
    int pos = 0;
    for (const auto& l : v.level_definitions)
      run(c,
          "INSERT INTO vista_level (ente, vista, position, key, name, ord, code_pattern) VALUES "
          "(?,?,?,?,?,?,?)",
          {val(e), val(v.code), val(pos++), val(l.key), val(l.name), val(l.order),
           val(l.code_pattern)});
  }
  if (d.district) write_plan(c, e, *d.district);
  int pos = 0;
  for (const auto& s : d.statistics)
    run(c,
        "INSERT INTO stat_value (ente, position, table_name, territory, measure, dimension, "
        "reference, value_micro, unit, source, origin, src_document, src_from, src_to) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        {val(e), val(pos++), val(s.table), val(s.territory), val(s.measure), val(s.dimension),
         val(s.reference), val(s.value), val(s.unit), val(s.source),
         val(std::string(to_string(s.origin))), val(s.provenance.document),
         val(s.provenance.line_from), val(s.provenance.line_to)});
}

void read_district_rows(Connection& c, Dataset& d) {
  const std::string& e = d.ente.code;
  each_row(c,
           "SELECT vista, key, name, ord, code_pattern FROM vista_level WHERE ente = ? ORDER BY "
           "vista, position",
           e, [&](Statement& s) {
             std::string vista = as_text(s.column(0));
             for (auto& v : d.vistas)
               if (v.code == vista)
                 v.level_definitions.push_back({as_text(s.column(1)), as_text(s.column(2)),
                                                int_of(s.column(3)), as_text(s.column(4))});
           });
  each_row(c, "SELECT title, vista, year_from, year_to FROM district WHERE ente = ?", e,
           [&](Statement& s) {
             DistrictPlan p;
             p.title = as_text(s.column(0));
             p.vista = as_text(s.column(1));
             p.year_from = int_of(s.column(2));
             p.year_to = int_of(s.column(3));
             d.district = std::move(p);
           });
  if (d.district) read_plan(c, e, *d.district);
  each_row(c,
           "SELECT table_name, territory, measure, dimension, reference, value_micro, unit, "
           "source, origin, src_document, src_from, src_to FROM stat_value WHERE ente = ? "
           "ORDER BY position",
           e, [&](Statement& s) {
             StatValue v;
             v.table = as_text(s.column(0));
             v.territory = as_text(s.column(1));
             v.measure = as_text(s.column(2));
             v.dimension = as_text(s.column(3));
             v.reference = as_text(s.column(4));
             v.value = decimal_of(s.column(5));
             v.unit = as_text(s.column(6));
             v.source = as_text(s.column(7));
             auto o = stat_origin_from_string(as_text(s.column(8)));
             if (!o) throw StoreError("valore non valido nel database per stat_value.origin");
             v.origin = *o;
             v.provenance = source_at(s, 9);
             d.statistics.push_back(std::move(v));
           });
}

} // namespace traguardi::sql

#include <string>
#include <unordered_map>

#include "core/error.h"
#include "store/dataset_rows.h"
#include "store/district_rows.h"
#include "store/value_codec.h"

namespace traguardi::sql {
namespace {

// Iterates the rows of a query for one ente.
template <typename F>
void each_row(Connection& c, const std::string& sql, const std::string& e, F f) {
  Statement& st = c.prepare(sql);
  st.reset();
  st.bind(1, e);
  while (st.step())
    f(st);
  st.reset();
}

template <typename E, typename P> E enum_of(const Value& v, P parse, const char* what) {
  auto r = parse(as_text(v));
  if (!r)
    throw StoreError(std::string("valore non valido nel database per ") + what + ": " + as_text(v));
  return *r;
}

std::string key_of(const std::string& vista, const std::string& code) {
  return vista + '\x1f' + code;
}

} // namespace

std::optional<Dataset> read_dataset(Connection& c, std::string_view ente) {
  const std::string e(ente);
  Dataset d;
  bool found = false;
  each_row(c, "SELECT code, name, kind FROM ente WHERE code = ?", e, [&](Statement& s) {
    found = true;
    d.ente.code = as_text(s.column(0));
    d.ente.name = as_text(s.column(1));
    d.ente.kind = enum_of<EnteKind>(s.column(2), ente_kind_from_string, "ente.kind");
  });
  if (!found) return std::nullopt;

  each_row(c,
           "SELECT code, description, year_from, year_to, levels FROM vista WHERE ente = ? "
           "ORDER BY position",
           e, [&](Statement& s) {
             Vista v{as_text(s.column(0)),
                     as_text(s.column(1)),
                     int_of(s.column(2)),
                     int_of(s.column(3)),
                     {},
                     {}};
             for (const auto& l : split_list(as_text(s.column(4))))
               v.levels.push_back(enum_of<Level>(Value(l), level_from_string, "vista.levels"));
             d.vistas.push_back(std::move(v));
           });
  each_row(c,
           "SELECT vista, number, description FROM thematic_area WHERE ente = ? ORDER BY "
           "position",
           e, [&](Statement& s) {
             d.areas.push_back({as_text(s.column(0)), int_of(s.column(1)), as_text(s.column(2))});
           });
  each_row(c,
           "SELECT key, description, delegations, aliases FROM assessorato WHERE ente = ? "
           "ORDER BY position",
           e, [&](Statement& s) {
             d.assessorati.push_back({as_text(s.column(0)), as_text(s.column(1)),
                                      as_text(s.column(2)), split_list(as_text(s.column(3)))});
           });
  each_row(c, "SELECT key, name, username, aliases FROM person WHERE ente = ? ORDER BY position", e,
           [&](Statement& s) {
             d.persons.push_back({as_text(s.column(0)), as_text(s.column(1)), as_text(s.column(2)),
                                  split_list(as_text(s.column(3)))});
           });
  each_row(c,
           "SELECT code, name, short_name, kind, parent, peg_sigla, head, valid_from, valid_to, "
           "aliases FROM center WHERE ente = ? ORDER BY position",
           e, [&](Statement& s) {
             ResponsibilityCenter r;
             r.code = as_text(s.column(0));
             r.name = as_text(s.column(1));
             r.short_name = as_text(s.column(2));
             r.kind = as_text(s.column(3));
             r.parent = as_text(s.column(4));
             r.peg_sigla = as_text(s.column(5));
             r.head = as_text(s.column(6));
             r.valid_from = date_of(s.column(7));
             r.valid_to = date_of(s.column(8));
             r.aliases = split_list(as_text(s.column(9)));
             d.centers.push_back(std::move(r));
           });

  std::unordered_map<std::string, std::size_t> index;
  each_row(
      c,
      "SELECT vista, code, level, parent, year, short_description, description, "
      "description_truncated, strategic_purpose, operational_purpose, implementation, "
      "objective_type, state, area, assessorato, center, responsible, direction, director, "
      "version, src_document, src_from, src_to FROM objective WHERE ente = ? ORDER BY position",
      e, [&](Statement& s) {
        Objective o;
        o.vista = as_text(s.column(0));
        o.code = as_text(s.column(1));
        o.level = enum_of<Level>(s.column(2), level_from_string, "objective.level");
        o.parent = as_text(s.column(3));
        o.year = opt_int_of(s.column(4));
        o.short_description = as_text(s.column(5));
        o.description = as_text(s.column(6));
        o.description_truncated = int_of(s.column(7)) != 0;
        o.strategic_purpose = as_text(s.column(8));
        o.operational_purpose = as_text(s.column(9));
        o.implementation = as_text(s.column(10));
        o.objective_type = as_text(s.column(11));
        o.state = as_text(s.column(12));
        o.area = opt_int_of(s.column(13));
        o.assessorato = as_text(s.column(14));
        o.center = as_text(s.column(15));
        o.responsible = as_text(s.column(16));
        o.direction = as_text(s.column(17));
        o.director = as_text(s.column(18));
        o.version = as_int(s.column(19)).value_or(1);
        o.source = {as_text(s.column(20)), int_of(s.column(21)), int_of(s.column(22))};
        index[key_of(o.vista, o.code)] = d.objectives.size();
        d.objectives.push_back(std::move(o));
      });
  auto owner = [&](Statement& s) -> Objective& {
    auto it = index.find(key_of(as_text(s.column(0)), as_text(s.column(1))));
    if (it == index.end()) throw StoreError("riga orfana nel database: " + as_text(s.column(1)));
    return d.objectives[it->second];
  };
  each_row(c,
           "SELECT vista, objective, year, as_of, text FROM status_report WHERE ente = ? "
           "ORDER BY vista, objective, position",
           e, [&](Statement& s) {
             owner(s).status.push_back(
                 {opt_int_of(s.column(2)), date_of(s.column(3)), as_text(s.column(4))});
           });
  each_row(c,
           "SELECT vista, objective, description, relation, mission, programme, share_micro, "
           "start_date, end_date FROM involved_structure WHERE ente = ? ORDER BY vista, "
           "objective, position",
           e, [&](Statement& s) {
             owner(s).structures.push_back({as_text(s.column(2)), as_text(s.column(3)),
                                            as_text(s.column(4)), as_text(s.column(5)),
                                            decimal_of(s.column(6)), date_of(s.column(7)),
                                            date_of(s.column(8))});
           });
  each_row(c,
           "SELECT vista, objective, person, relation, effort_micro, start_date, end_date FROM "
           "involved_person WHERE ente = ? ORDER BY vista, objective, position",
           e, [&](Statement& s) {
             owner(s).people.push_back({as_text(s.column(2)), as_text(s.column(3)),
                                        decimal_of(s.column(4)), date_of(s.column(5)),
                                        date_of(s.column(6))});
           });
  each_row(c,
           "SELECT vista, objective, ord, description, weight_micro, progress_micro, "
           "planned_start, planned_end, actual_start, actual_end, responsible, center, note, "
           "version, src_document, src_from, src_to FROM phase WHERE ente = ? ORDER BY vista, "
           "objective, ord",
           e, [&](Statement& s) {
             Phase p;
             p.order = int_of(s.column(2));
             p.description = as_text(s.column(3));
             p.weight = decimal_of(s.column(4));
             p.progress = decimal_of(s.column(5));
             p.planned_start = date_of(s.column(6));
             p.planned_end = date_of(s.column(7));
             p.actual_start = date_of(s.column(8));
             p.actual_end = date_of(s.column(9));
             p.responsible = as_text(s.column(10));
             p.center = as_text(s.column(11));
             p.note = as_text(s.column(12));
             p.version = as_int(s.column(13)).value_or(1);
             p.source = {as_text(s.column(14)), int_of(s.column(15)), int_of(s.column(16))};
             owner(s).phases.push_back(std::move(p));
           });
  each_row(c,
           "SELECT vista, objective, ord, reference_year, description, type, scale, polarity, "
           "target_micro, actual_micro, note, version, src_document, src_from, src_to FROM "
           "indicator WHERE ente = ? ORDER BY vista, objective, ord",
           e, [&](Statement& s) {
             Indicator i;
             i.order = int_of(s.column(2));
             i.reference_year = opt_int_of(s.column(3));
             i.description = as_text(s.column(4));
             i.type = enum_of<IndicatorType>(s.column(5), indicator_type_from_string, "type");
             i.scale = enum_of<Scale>(s.column(6), scale_from_string, "scale");
             i.polarity = enum_of<Polarity>(s.column(7), polarity_from_string, "polarity");
             i.target = decimal_of(s.column(8));
             i.actual = decimal_of(s.column(9));
             i.note = as_text(s.column(10));
             i.version = as_int(s.column(11)).value_or(1);
             i.source = {as_text(s.column(12)), int_of(s.column(13)), int_of(s.column(14))};
             owner(s).indicators.push_back(std::move(i));
           });
  each_row(c,
           "SELECT vista, objective, ord, year, value_micro, col, ambiguous FROM "
           "indicator_history WHERE ente = ? ORDER BY vista, objective, ord, position",
           e, [&](Statement& s) {
             Objective& o = owner(s);
             int ord = int_of(s.column(2));
             for (auto& i : o.indicators)
               if (i.order == ord) {
                 i.history.push_back({int_of(s.column(3)), decimal_of(s.column(4)),
                                      int_of(s.column(5)), int_of(s.column(6)) != 0});
                 break;
               }
           });
  each_row(c,
           "SELECT name, sha256, kind, produced, vista, level, filter_label, filter_value FROM "
           "source_document WHERE ente = ? ORDER BY position",
           e, [&](Statement& s) {
             d.documents.push_back({as_text(s.column(0)), as_text(s.column(1)),
                                    as_text(s.column(2)), date_of(s.column(3)),
                                    as_text(s.column(4)), as_text(s.column(5)),
                                    as_text(s.column(6)), as_text(s.column(7))});
           });
  read_district_rows(c, d);
  return d;
}

} // namespace traguardi::sql

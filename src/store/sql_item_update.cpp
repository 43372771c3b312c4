// Field-by-field updates of one fase or indicator (app/record_edit.cpp): the optimistic version
// check, the UPDATE of the changed columns only and one audit entry per changed field, in one
// transaction. Apart from sql_store.cpp, which loads and replaces whole enti.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/model.h"
#include "store/audit_chain.h"
#include "store/dataset_rows.h"
#include "store/sql_store_detail.h"
#include "store/value_codec.h"

namespace traguardi::sql {

namespace {

// Column of each field name a use case may change (app/record_edit.cpp).
const std::map<std::string, std::string>& phase_columns() {
  static const std::map<std::string, std::string> m{{"descrizione", "description"},
                                                    {"peso", "weight_micro"},
                                                    {"avanzamento", "progress_micro"},
                                                    {"inizio-previsto", "planned_start"},
                                                    {"fine-prevista", "planned_end"},
                                                    {"inizio-effettivo", "actual_start"},
                                                    {"fine-effettiva", "actual_end"},
                                                    {"responsabile", "responsible"},
                                                    {"cdr", "center"},
                                                    {"note", "note"}};
  return m;
}

Value phase_value(const Phase& p, const std::string& field) {
  if (field == "descrizione") return val(p.description);
  if (field == "peso") return val(p.weight);
  if (field == "avanzamento") return val(p.progress);
  if (field == "inizio-previsto") return val(p.planned_start);
  if (field == "fine-prevista") return val(p.planned_end);
  if (field == "inizio-effettivo") return val(p.actual_start);
  if (field == "fine-effettiva") return val(p.actual_end);
  if (field == "responsabile") return val(p.responsible);
  if (field == "cdr") return val(p.center);
  return val(p.note);
}

const std::map<std::string, std::string>& indicator_columns() {
  static const std::map<std::string, std::string> m{{"descrizione", "description"},
                                                    {"tipo", "type"},
                                                    {"scala", "scale"},
                                                    {"direzione", "polarity"},
                                                    {"anno", "reference_year"},
                                                    {"atteso", "target_micro"},
                                                    {"raggiunto", "actual_micro"},
                                                    {"note", "note"}};
  return m;
}

Value indicator_value(const Indicator& i, const std::string& field) {
  if (field == "descrizione") return val(i.description);
  if (field == "tipo") return val(std::string(to_string(i.type)));
  if (field == "scala") return val(std::string(to_string(i.scale)));
  if (field == "direzione") return val(std::string(to_string(i.polarity)));
  if (field == "anno") return val(i.reference_year);
  if (field == "atteso") return val(i.target);
  if (field == "raggiunto") return val(i.actual);
  return val(i.note);
}

template <typename T, typename V>
void columns_of(const std::vector<ChangedField>& changed,
                const std::map<std::string, std::string>& columns, const T& values, V value_of,
                std::vector<std::string>& cols, std::vector<Value>& vals) {
  for (const auto& c : changed) {
    auto it = columns.find(c.field);
    if (it == columns.end())
      throw InvalidInput(fmt::format("campo «{}» non modificabile", c.field));
    cols.push_back(it->second);
    vals.push_back(value_of(values, c.field));
  }
}

} // namespace

std::int64_t SqlStore::update_item(const char* table, const char* what, std::string_view ente,
                                   std::string_view vista, std::string_view objective, int order,
                                   std::int64_t expected_version, std::vector<std::string> cols,
                                   std::vector<Value> vals,
                                   const std::vector<ChangedField>& changed,
                                   const ChangeAuthor& author) {
  const std::string e(ente), vs(vista), ob(objective);
  const std::string target = fmt::format("{}/{}/{} {}", vista, objective, what, order);
  const bool fase = std::string_view(what) == "fase";
  return in_transaction([&]() -> std::int64_t {
    Statement& st = conn_->prepare(fmt::format(
        "SELECT version FROM {} WHERE ente = ? AND vista = ? AND objective = ? AND ord = ?",
        table));
    st.reset();
    st.bind(1, e);
    st.bind(2, vs);
    st.bind(3, ob);
    st.bind(4, val(order));
    if (!st.step()) {
      st.reset();
      throw NotFound(fmt::format("{} non trovat{}: {}", what, fase ? "a" : "o", target));
    }
    const std::int64_t current = as_int(st.column(0)).value_or(0);
    st.reset();
    if (current != expected_version) {
      // What changed meanwhile, from the audit log.
      std::string meanwhile;
      for (const auto& a : read_audit(*conn_, e))
        if (a.target == target && a.record_version > expected_version && !a.field.empty())
          meanwhile +=
              fmt::format("; {}: {} → {} ({}, {})", a.field, a.before.empty() ? "—" : a.before,
                          a.after.empty() ? "—" : a.after, a.actor, a.at);
      throw Conflict(fmt::format("modifica rifiutata: {} {} è stat{} modificat{} da altri "
                                 "(versione attuale {}, versione di partenza {}){}",
                                 fase ? "la fase" : "l'indicatore", target, fase ? "a" : "o",
                                 fase ? "a" : "o", current, expected_version, meanwhile));
    }
    EnteCounter k = read_counter(*conn_, e);
    const std::int64_t next = std::max(k.version, current) + 1;
    k.version = next;
    std::string sql = fmt::format("UPDATE {} SET ", table);
    for (const auto& c : cols)
      sql += c + " = ?, ";
    sql += "version = ? WHERE ente = ? AND vista = ? AND objective = ? AND ord = ? AND "
           "version = ?";
    Statement& up = conn_->prepare(sql);
    up.reset();
    int i = 1;
    for (const auto& v : vals)
      up.bind(i++, v);
    for (const Value& v : {val(next), val(e), val(vs), val(ob), val(order), val(current)})
      up.bind(i++, v);
    while (up.step()) {
    }
    const auto n = up.changes();
    up.reset();
    if (n != 1) throw Conflict(fmt::format("modifica rifiutata: {} modificato da altri", target));
    for (const auto& c : changed)
      append_audit(*conn_, k,
                   entry(author, fmt::format("modifica {}", what), target, c.field, c.before,
                         c.after, next));
    save_counter(*conn_, k);
    return next;
  });
}

std::int64_t SqlStore::update_phase(std::string_view ente, std::string_view vista,
                                    std::string_view objective, int order,
                                    std::int64_t expected_version, const Phase& v,
                                    const std::vector<ChangedField>& changed,
                                    const ChangeAuthor& author) {
  std::vector<std::string> cols;
  std::vector<Value> vals;
  columns_of(changed, phase_columns(), v, phase_value, cols, vals);
  return update_item("phase", "fase", ente, vista, objective, order, expected_version, cols, vals,
                     changed, author);
}

std::int64_t SqlStore::update_indicator(std::string_view ente, std::string_view vista,
                                        std::string_view objective, int order,
                                        std::int64_t expected_version, const Indicator& v,
                                        const std::vector<ChangedField>& changed,
                                        const ChangeAuthor& author) {
  std::vector<std::string> cols;
  std::vector<Value> vals;
  columns_of(changed, indicator_columns(), v, indicator_value, cols, vals);
  return update_item("indicator", "indicatore", ente, vista, objective, order, expected_version,
                     cols, vals, changed, author);
}

} // namespace traguardi::sql

#include "app/sheet_row_edit.h"

#include <fmt/format.h>

#include "app/item_authoring.h"
#include "app/objective_authoring.h"
#include "app/record_edit.h"
#include "app/sheet_shape.h"
#include "core/italian.h"
#include "report/cell_safety.h"

namespace traguardi::app {
namespace {

const char* kAction = "modifica da foglio";

std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// Excel's day count (1 = 1 January 1900, with its fictitious 29 February 1900).
std::string date_of_serial(const std::string& neutral) {
  auto v = Decimal::parse(neutral);
  if (!v || v->units() < 61 * Decimal::kScale) return neutral;
  const long serial = static_cast<long>(v->units() / Decimal::kScale);
  return italian::format_date(Date::from_days(Date{1899, 12, 30}.days() + serial));
}

/// The cell as the user means it, in the text form the field parsers read.
std::string cell_text(const SheetColumn& c, const interchange::SheetCell& cell) {
  if (cell.number) {
    if (c.value == ColumnValue::date) return date_of_serial(cell.text);
    auto v = Decimal::parse(cell.text);
    if (!v) return cell.text;
    if (c.value == ColumnValue::number || c.value == ColumnValue::percent) return exact_number(*v);
    return v->to_plain_string();
  }
  // Undo the apostrophe export put before text a spreadsheet would run as a formula.
  if (cell.text.size() > 1 && cell.text[0] == '\'' &&
      report::starts_like_formula(std::string_view(cell.text).substr(1)))
    return cell.text.substr(1);
  return cell.text;
}

std::string column_of(std::string field) {
  for (auto& ch : field)
    if (ch == '-') ch = '_';
  return field;
}

FieldText* slot(ObjectiveFields& f, std::string_view name) {
  if (name == "livello") return &f.level;
  if (name == "collegato_a") return &f.parent;
  if (name == "anno") return &f.year;
  if (name == "descrizione_sintetica") return &f.short_description;
  if (name == "descrizione") return &f.description;
  if (name == "finalita_strategica") return &f.strategic_purpose;
  if (name == "finalita_operativa") return &f.operational_purpose;
  if (name == "modalita_attuazione") return &f.implementation;
  if (name == "tipo") return &f.objective_type;
  if (name == "stato") return &f.state;
  if (name == "area") return &f.area;
  if (name == "assessorato") return &f.assessorato;
  if (name == "cdr") return &f.center;
  if (name == "responsabile") return &f.responsible;
  return nullptr;
}

FieldText* slot(PhaseFields& f, std::string_view name) {
  if (name == "descrizione") return &f.description;
  if (name == "peso") return &f.weight;
  if (name == "avanzamento") return &f.progress;
  if (name == "inizio_previsto") return &f.planned_start;
  if (name == "fine_prevista") return &f.planned_end;
  if (name == "inizio_effettivo") return &f.actual_start;
  if (name == "fine_effettiva") return &f.actual_end;
  if (name == "responsabile") return &f.responsible;
  if (name == "cdr") return &f.center;
  if (name == "note") return &f.note;
  return nullptr;
}

FieldText* slot(IndicatorFields& f, std::string_view name) {
  if (name == "descrizione") return &f.description;
  if (name == "tipo") return &f.type;
  if (name == "scala") return &f.scale;
  if (name == "direzione") return &f.polarity;
  if (name == "anno") return &f.year;
  if (name == "atteso") return &f.target;
  if (name == "raggiunto") return &f.actual;
  if (name == "note") return &f.note;
  return nullptr;
}

struct RowContext {
  const interchange::SheetRow& row;
  const std::vector<int>& columns;
  SheetWork& w;

  std::string text(int column) const {
    const int at = columns[static_cast<std::size_t>(column)];
    if (at < 0 || static_cast<std::size_t>(at) >= row.cells.size()) return {};
    return cell_text(sheet_columns()[static_cast<std::size_t>(column)],
                     row.cells[static_cast<std::size_t>(at)]);
  }
  bool has(int column) const { return columns[static_cast<std::size_t>(column)] >= 0; }
  void problem(std::string field, std::string message, bool conflict = false) const {
    w.problems.push_back({row.row, std::move(field), std::move(message), conflict});
  }
};

/// Fills `fields` with the cells that differ from `current` (what export writes for the record)
/// and returns how many; -1 when a cell is filled in a column this kind of row does not use.
/// A row with nothing to set is not passed to the field setters at all, so a stored record that
/// today's rules would refuse (imported before them) does not make its unchanged row invalid.
template <typename Fields>
int collect(const RowContext& r, RowKind kind, const std::vector<std::string>& current,
            Fields& fields) {
  bool ok = true;
  int set = 0;
  const auto& cols = sheet_columns();
  for (int i = key_columns; i < static_cast<int>(cols.size()); ++i) {
    if (!r.has(i)) continue;
    const SheetColumn& c = cols[static_cast<std::size_t>(i)];
    std::string value = r.text(i);
    if (value == current[static_cast<std::size_t>(i)]) continue;
    if (!applies(c, kind)) {
      if (trimmed(value).empty()) continue;
      r.problem(c.name, fmt::format("la colonna non si usa per le righe di tipo {}: lasciarla "
                                    "vuota",
                                    row_kind_name(kind)));
      ok = false;
      continue;
    }
    const bool clearable =
        c.clearable && !(kind == RowKind::indicator && std::string_view(c.name) == "tipo");
    if (trimmed(value).empty()) {
      if (!clearable) continue;
      value = "-";
    }
    if (FieldText* s = slot(fields, c.name)) {
      *s = std::move(value);
      ++set;
    }
  }
  return ok ? set : -1;
}

std::optional<std::int64_t> version_cell(const RowContext& r) {
  const std::string v = trimmed(r.text(col_version));
  if (v.empty()) return std::nullopt;
  auto n = Decimal::parse(v);
  if (!n || n->units() % Decimal::kScale != 0 || n->is_negative()) {
    r.problem("versione", fmt::format("«{}» non è un numero di versione", v));
    return -1;
  }
  return n->units() / Decimal::kScale;
}

void record(SheetWork& w, const RowContext& r, const std::string& key, const std::string& target,
            const std::vector<FieldChange>& changes) {
  for (const auto& ch : changes) {
    AuditEntry e;
    e.action = kAction;
    e.target = target;
    e.field = ch.field;
    e.before = ch.before;
    e.after = ch.after;
    w.entries.push_back(std::move(e));
  }
  w.touched[key].push_back(r.row.row);
  ++w.changed_rows;
}

template <typename T> T* item(std::vector<T>& items, int order) {
  for (auto& x : items)
    if (x.order == order) return &x;
  return nullptr;
}

/// Only a row that changes something is checked against its version: a row whose values are
/// already stored (a file applied twice) is simply unchanged.
bool stale(const RowContext& r, std::optional<std::int64_t> asked, std::int64_t stored,
           const std::string& what) {
  if (!asked || *asked == stored) return false;
  r.problem("versione",
            fmt::format("versione superata per {} (attuale {}, nel foglio {}): i dati sono "
                        "cambiati dopo l'esportazione; esportare di nuovo e ripetere la modifica",
                        what, stored, *asked),
            true);
  return true;
}

} // namespace

void apply_sheet_row(SheetWork& w, const interchange::SheetRow& row,
                     const std::vector<int>& columns) {
  const RowContext r{row, columns, w};
  const std::string kind_text = trimmed(r.text(col_kind));
  const auto kind = row_kind_from_name(kind_text);
  if (!kind)
    return r.problem("tipo_riga",
                     fmt::format("«{}»: previsto obiettivo, fase o indicatore", kind_text));
  const std::string vista = trimmed(r.text(col_vista));
  const std::string code = trimmed(r.text(col_objective));
  if (code.empty()) return r.problem("obiettivo", "manca il codice dell'obiettivo");
  if (w.index.empty())
    for (std::size_t i = 0; i < w.after.objectives.size(); ++i)
      w.index.emplace(w.after.objectives[i].vista + "/" + w.after.objectives[i].code, i);
  Objective* direct = nullptr;
  if (auto at = w.index.find(vista + "/" + code); !vista.empty() && at != w.index.end())
    direct = &w.after.objectives[at->second];
  auto found = direct ? Result<const Objective*>(direct) : find_objective_ref(w.after, vista, code);
  if (!found) return r.problem("obiettivo", found.error().message);
  Objective& o = const_cast<Objective&>(**found);
  const std::string key = o.vista + "/" + o.code;
  int order = 0;
  if (*kind != RowKind::objective) {
    auto n = parse_int_field(trimmed(r.text(col_order)), "n", 1, 1000000);
    if (!n) return r.problem("n", n.error().message);
    order = *n;
  }
  const std::string row_key = fmt::format("{}|{}|{}", row_kind_name(*kind), key, order);
  if (auto [at, fresh] = w.seen_at.emplace(row_key, row.row); !fresh)
    return r.problem({}, fmt::format("la stessa voce è già alla riga {}", at->second));
  const auto asked = version_cell(r);
  if (asked && *asked < 0) return;

  if (*kind == RowKind::objective) {
    ObjectiveFields f;
    if (collect(r, *kind, row_texts(w.after, o, *kind, nullptr), f) <= 0) return;
    Objective next = o;
    if (auto ok = apply_objective_fields(w.after, next, f); !ok)
      return r.problem(column_of(ok.error().where), ok.error().message);
    auto changes = objective_changes(o, next);
    if (changes.empty() || stale(r, asked, o.version, "l'obiettivo " + o.code)) return;
    o = std::move(next);
    return record(w, r, key, key, changes);
  }
  if (*kind == RowKind::phase) {
    Phase* p = item(o.phases, order);
    if (!p)
      return r.problem("n", fmt::format("l'obiettivo {} non ha la fase {} (fasi: {})", o.code,
                                        order, o.phases.size()));
    PhaseFields f;
    if (collect(r, *kind, row_texts(w.after, o, *kind, p), f) <= 0) return;
    Phase next = *p;
    if (auto ok = apply_phase_fields(w.after, next, f); !ok)
      return r.problem(column_of(ok.error().where), ok.error().message);
    auto changes = phase_changes(*p, next);
    if (changes.empty() ||
        stale(r, asked, p->version, fmt::format("la fase {} di {}", order, o.code)))
      return;
    *p = std::move(next);
    return record(w, r, key, fmt::format("{}/fase {}", key, order), changes);
  }
  Indicator* i = item(o.indicators, order);
  if (!i)
    return r.problem("n", fmt::format("l'obiettivo {} non ha l'indicatore {} (indicatori: {})",
                                      o.code, order, o.indicators.size()));
  IndicatorFields f;
  if (collect(r, *kind, row_texts(w.after, o, *kind, i), f) <= 0) return;
  Indicator next = *i;
  if (auto ok = apply_indicator_fields(next, f); !ok)
    return r.problem(column_of(ok.error().where), ok.error().message);
  auto changes = indicator_changes(*i, next);
  if (changes.empty() ||
      stale(r, asked, i->version, fmt::format("l'indicatore {} di {}", order, o.code)))
    return;
  *i = std::move(next);
  record(w, r, key, fmt::format("{}/indicatore {}", key, order), changes);
}

} // namespace traguardi::app

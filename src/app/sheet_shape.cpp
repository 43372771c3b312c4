#include "app/sheet_shape.h"

#include "core/italian.h"

namespace traguardi::app {
namespace {

using V = ColumnValue;
// name, value, objective, phase, indicator, clearable
const std::vector<SheetColumn> kColumns{
    {"tipo_riga", V::text, true, true, true, false},
    {"vista", V::text, true, true, true, false},
    {"obiettivo", V::text, true, true, true, false},
    {"n", V::whole, false, true, true, false},
    {"versione", V::whole, true, true, true, false},
    {"livello", V::text, true, false, false, false},
    {"collegato_a", V::text, true, false, false, true},
    {"anno", V::whole, true, false, true, true},
    {"descrizione_sintetica", V::text, true, false, false, true},
    {"descrizione", V::text, true, true, true, true},
    {"finalita_strategica", V::text, true, false, false, true},
    {"finalita_operativa", V::text, true, false, false, true},
    {"modalita_attuazione", V::text, true, false, false, true},
    {"tipo", V::text, true, false, true, true}, // indicators: not clearable (see apply_rows)
    {"stato", V::text, true, false, false, true},
    {"area", V::whole, true, false, false, true},
    {"assessorato", V::text, true, false, false, true},
    {"cdr", V::text, true, true, false, true},
    {"responsabile", V::text, true, true, false, true},
    {"peso", V::percent, false, true, false, true},
    {"avanzamento", V::percent, false, true, false, true},
    {"inizio_previsto", V::date, false, true, false, true},
    {"fine_prevista", V::date, false, true, false, true},
    {"inizio_effettivo", V::date, false, true, false, true},
    {"fine_effettiva", V::date, false, true, false, true},
    {"scala", V::text, false, false, true, false},
    {"direzione", V::text, false, false, true, false},
    {"atteso", V::number, false, false, true, true},
    {"raggiunto", V::number, false, false, true, true},
    {"note", V::text, false, true, true, true},
};

std::string num(const std::optional<Decimal>& v) {
  return v ? exact_number(*v) : std::string();
}
std::string date(const std::optional<Date>& v) {
  return v ? italian::format_date(*v) : std::string();
}
std::string whole(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}
std::string person(const Dataset& d, const std::string& key) {
  if (key.empty()) return {};
  const Person* p = find_person(d, key);
  return p && !p->name.empty() ? p->name : key;
}
std::string assessorato(const Dataset& d, const std::string& key) {
  if (key.empty()) return {};
  const Assessorato* a = find_assessorato(d, key);
  return a && !a->description.empty() ? a->description : key;
}

void set(std::vector<std::string>& row, const char* name, std::string value) {
  for (std::size_t i = 0; i < kColumns.size(); ++i)
    if (std::string_view(kColumns[i].name) == name) {
      row[i] = std::move(value);
      return;
    }
}

} // namespace

const char* row_kind_name(RowKind k) {
  switch (k) {
  case RowKind::objective:
    return "obiettivo";
  case RowKind::phase:
    return "fase";
  case RowKind::indicator:
    return "indicatore";
  }
  return "";
}

std::optional<RowKind> row_kind_from_name(const std::string& text) {
  for (auto k : {RowKind::objective, RowKind::phase, RowKind::indicator})
    if (text == row_kind_name(k)) return k;
  return std::nullopt;
}

const std::vector<SheetColumn>& sheet_columns() {
  return kColumns;
}

std::string exact_number(const Decimal& v) {
  const std::string plain = v.to_plain_string();
  const auto dot = plain.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
  return italian::format_number(v, decimals < 2 ? 2 : decimals);
}

const char* scale_italian(Scale s) {
  switch (s) {
  case Scale::count:
    return "numero";
  case Scale::percent:
    return "percentuale";
  case Scale::boolean:
    return "si-no";
  case Scale::euro:
    return "euro";
  case Scale::index:
    return "indice";
  case Scale::other:
    return "altro";
  }
  return "altro";
}

std::vector<std::string> row_texts(const Dataset& d, const Objective& o, RowKind kind,
                                   const void* item) {
  std::vector<std::string> row(kColumns.size());
  row[col_kind] = row_kind_name(kind);
  row[col_vista] = o.vista;
  row[col_objective] = o.code;
  if (kind == RowKind::objective) {
    row[col_version] = std::to_string(o.version);
    set(row, "livello", to_string(o.level));
    set(row, "collegato_a", o.parent);
    set(row, "anno", whole(o.year));
    set(row, "descrizione_sintetica", o.short_description);
    set(row, "descrizione", o.description);
    set(row, "finalita_strategica", o.strategic_purpose);
    set(row, "finalita_operativa", o.operational_purpose);
    set(row, "modalita_attuazione", o.implementation);
    set(row, "tipo", o.objective_type);
    set(row, "stato", o.state);
    set(row, "area", whole(o.area));
    set(row, "assessorato", assessorato(d, o.assessorato));
    set(row, "cdr", o.center);
    set(row, "responsabile", person(d, o.responsible));
  } else if (kind == RowKind::phase) {
    const auto& p = *static_cast<const Phase*>(item);
    row[col_order] = std::to_string(p.order);
    row[col_version] = std::to_string(p.version);
    set(row, "descrizione", p.description);
    set(row, "cdr", p.center);
    set(row, "responsabile", person(d, p.responsible));
    set(row, "peso", num(p.weight));
    set(row, "avanzamento", num(p.progress));
    set(row, "inizio_previsto", date(p.planned_start));
    set(row, "fine_prevista", date(p.planned_end));
    set(row, "inizio_effettivo", date(p.actual_start));
    set(row, "fine_effettiva", date(p.actual_end));
    set(row, "note", p.note);
  } else {
    const auto& i = *static_cast<const Indicator*>(item);
    row[col_order] = std::to_string(i.order);
    row[col_version] = std::to_string(i.version);
    set(row, "anno", whole(i.reference_year));
    set(row, "descrizione", i.description);
    set(row, "tipo", to_string(i.type));
    set(row, "scala", scale_italian(i.scale));
    set(row, "direzione", i.polarity == Polarity::higher_is_better ? "crescente" : "decrescente");
    set(row, "atteso", num(i.target));
    set(row, "raggiunto", num(i.actual));
    set(row, "note", i.note);
  }
  return row;
}

} // namespace traguardi::app

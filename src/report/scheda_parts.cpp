#include "report/scheda_parts.h"

#include <algorithm>

#include "core/figures.h"
#include "core/italian.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

const Decimal kHundred = Decimal::from_int(100);

std::string center_short(const Dataset& d, const std::string& code) {
  if (code.empty()) return "";
  const ResponsibilityCenter* c = find_center(d, code);
  if (!c) return short_name(code);
  return short_name(c->short_name.empty() ? c->name : c->short_name);
}

Cell percent_cell(const std::optional<Decimal>& v) {
  Cell c = Cell::of_number(v);
  if (v) c.text = italian::format_percent(*v);
  return c;
}

std::optional<Decimal> history_value(const Indicator& i, std::optional<int> year, int column) {
  // The year is the reliable key; the printed column position is the fallback for values
  // imported without a year.
  if (year)
    for (const auto& h : i.history)
      if (h.year == *year) return h.value;
  for (const auto& h : i.history)
    if (h.column == column && h.year == 0) return h.value;
  return std::nullopt;
}

std::string clip(const std::string& text, std::size_t n) {
  return utf8_length(text) <= n ? text : utf8_prefix(text, n - 1) + "…";
}

} // namespace

std::string person_name(const Dataset& d, const std::string& key) {
  if (key.empty()) return "";
  const Person* p = find_person(d, key);
  return p ? p->name : key;
}

std::optional<int> reference_year(const Dataset& d, const Objective& o) {
  if (o.year) return o.year;
  std::optional<int> first;
  for (const auto& i : o.indicators)
    if (i.reference_year && (!first || *i.reference_year < *first)) first = i.reference_year;
  for (const auto& s : o.status)
    if (!first && s.year) first = s.year;
  if (first) return first;
  if (const Vista* v = find_vista(d, o.vista); v && v->year_from > 0) return v->year_from;
  return std::nullopt;
}

Table phases_table(const Dataset& d, const Objective& o, const char* heading) {
  Table t;
  t.heading = heading;
  t.sheet = "Fasi";
  // Column order of the legacy sheets (seed-spec §3.3): actual dates come last.
  t.columns = {{"Descrizione", 3.2},
               {"Peso", 0.75, ValueKind::number},
               {"Avanz.", 0.75, ValueKind::number},
               {"Inizio Previsto", 0.95, ValueKind::date},
               {"Fine Prevista", 0.95, ValueKind::date},
               {"Responsabile", 1.35},
               {"Centro di Responsabilità", 1.6},
               {"Note", 2.4},
               {"Inizio Effettivo", 0.95, ValueKind::date},
               {"Fine Effettiva", 0.95, ValueKind::date}};
  for (const auto& p : o.phases)
    t.rows.push_back({Cell::of_text(p.description), Cell::of_number(p.weight),
                      Cell::of_number(p.progress), Cell::of_date(p.planned_start),
                      Cell::of_date(p.planned_end), Cell::of_text(person_name(d, p.responsible)),
                      Cell::of_text(center_short(d, p.center)), Cell::of_text(p.note),
                      Cell::of_date(p.actual_start), Cell::of_date(p.actual_end)});
  return t;
}

Table indicators_table(const Dataset& d, const Objective& o) {
  const std::optional<int> n = reference_year(d, o);
  auto prev = [&](int k) {
    return "Valore Raggiunto " + (n ? std::to_string(*n - k) : "N-" + std::to_string(k));
  };
  Table t;
  t.heading = "INDICATORI";
  t.sheet = "Indicatori";
  t.columns = {{"Descrizione", 3.9},
               {"Tipo", 1.05},
               {"Valore Atteso", 1.15, ValueKind::number},
               {"Valore Raggiunto", 1.15, ValueKind::number},
               {prev(1), 1.15, ValueKind::number, "Valore Raggiunto N-1"},
               {prev(2), 1.15, ValueKind::number, "Valore Raggiunto N-2"},
               {"Note", 2.6}};
  for (const auto& i : o.indicators) {
    std::string description = i.description;
    if (i.reference_year) description = std::to_string(*i.reference_year) + " - " + description;
    std::optional<int> y1, y2;
    if (n) y1 = *n - 1, y2 = *n - 2;
    t.rows.push_back({Cell::of_text(description), Cell::of_text(indicator_type_label(i.type)),
                      Cell::of_number(i.target), Cell::of_number(i.actual),
                      Cell::of_number(history_value(i, y1, 1)),
                      Cell::of_number(history_value(i, y2, 2)), Cell::of_text(i.note)});
  }
  return t;
}

Table structures_table(const Objective& o) {
  Table t;
  t.heading = "Strutture coinvolte";
  t.sheet = "Strutture coinvolte";
  t.columns = {{"Descrizione", 3},
               {"Relazione", 1.5},
               {"Competenza", 1, ValueKind::percent},
               {"Data Inizio", 1, ValueKind::date},
               {"Data Fine", 1, ValueKind::date}};
  for (const auto& s : o.structures)
    t.rows.push_back({Cell::of_text(short_name(s.description)), Cell::of_text(s.relation),
                      percent_cell(s.share_pct), Cell::of_date(s.start), Cell::of_date(s.end)});
  return t;
}

Table people_table(const Dataset& d, const Objective& o) {
  Table t;
  t.heading = "Soggetti coinvolti";
  t.sheet = "Soggetti coinvolti";
  t.columns = {{"Nominativo", 2},
               {"Relazione", 2},
               {"Impegno", 1, ValueKind::percent},
               {"Data Inizio", 1, ValueKind::date},
               {"Data Fine", 1, ValueKind::date}};
  for (const auto& p : o.people)
    t.rows.push_back({Cell::of_text(person_name(d, p.person)), Cell::of_text(p.relation),
                      percent_cell(p.effort_pct), Cell::of_date(p.start), Cell::of_date(p.end)});
  return t;
}

Table figures_table(const Objective& o, const RollupFigure* rollup) {
  using italian::format_number;
  const ObjectiveFigures f = compute_figures(o);
  Table t;
  t.heading = "DATI CALCOLATI";
  t.sheet = "Dati calcolati";
  t.columns = {{"Dato", 3}, {"Valore", 0.9, ValueKind::percent}, {"Come è stato ottenuto", 7}};
  const ProgressFigure& p = f.progress;
  std::string how = p.rule;
  if (p.value)
    how += " = " + format_number(p.weighted_sum) + " / " + format_number(p.weight_sum) + " (" +
           std::to_string(p.phases) + (p.phases == 1 ? " fase)" : " fasi)");
  if (o.phases.empty() && rollup && rollup->objectives > 0) {
    // Without fasi of its own, an objective of the DUP advances with the PEG objectives below.
    t.rows.push_back({Cell::of_text("Avanzamento dell'obiettivo"), percent_cell(rollup->progress),
                      Cell::of_text("media dell'avanzamento degli obiettivi di PEG collegati (" +
                                    std::to_string(rollup->with_progress) + " su " +
                                    std::to_string(rollup->objectives) +
                                    (rollup->objectives == 1 ? " obiettivo" : " obiettivi") +
                                    " con avanzamento calcolabile)")});
  } else {
    t.rows.push_back(
        {Cell::of_text("Avanzamento dell'obiettivo"), percent_cell(p.value), Cell::of_text(how)});
  }
  if (p.phases_without_progress > 0 && p.value) {
    std::string cov = "solo le fasi con avanzamento rilevato; copertura del peso rilevato: " +
                      (p.coverage ? italian::format_percent(*p.coverage) : std::string("-"));
    t.rows.push_back({Cell::of_text("Avanzamento sulle fasi rilevate"),
                      percent_cell(p.reported_only), Cell::of_text(cov)});
  }
  const ObjectiveAchievement& a = f.achievement;
  std::string a_how = a.rule + " (" + std::to_string(a.defined) + " su " +
                      std::to_string(a.indicators) + " indicatori con grado calcolabile)";
  t.rows.push_back({Cell::of_text("Grado di raggiungimento dell'obiettivo"), percent_cell(a.value),
                    Cell::of_text(a_how)});
  for (std::size_t k = 0; k < o.indicators.size() && k < f.indicators.size(); ++k) {
    const Indicator& ind = o.indicators[k];
    const AchievementFigure& g = f.indicators[k];
    std::optional<Decimal> pct;
    if (g.ratio) pct = *g.ratio * kHundred;
    std::string rule = g.rule;
    if (g.ratio && ind.target && ind.actual)
      rule += " (atteso " + format_number(*ind.target) + ", raggiunto " +
              format_number(*ind.actual) + ")";
    if (g.ratio && g.capped && *g.capped != *g.ratio)
      rule += "; nella media vale " + italian::format_percent(*g.capped * kHundred);
    t.rows.push_back(
        {Cell::of_text("Indicatore " + std::to_string(k + 1) + ": " + clip(ind.description, 48)),
         percent_cell(pct), Cell::of_text(rule)});
  }
  return t;
}

Gantt phases_gantt(const Objective& o, std::optional<Date> reference) {
  Gantt g;
  g.reference = reference;
  for (const auto& p : o.phases)
    g.phases.push_back(
        {std::to_string(p.order > 0 ? p.order : static_cast<int>(g.phases.size()) + 1) + ". " +
             p.description,
         p.planned_start, p.planned_end, p.actual_start, p.actual_end, p.progress});
  return g;
}

} // namespace traguardi::report

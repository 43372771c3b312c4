#include "report/scheda_parts.h"

#include <algorithm>

#include "core/figures.h"
#include "core/italian.h"
#include "report/text_rules.h"

namespace traguardi::report {
namespace {

const Decimal kHundred = Decimal::from_int(100);

std::string center_long(const Dataset& d, const std::string& code) {
  const ResponsibilityCenter* c = find_center(d, code);
  if (!c) return code;
  return c->short_name.empty() ? c->name : c->short_name;
}

/// The fasi's CdR column holds the legacy 30-character short name (readers of the sheets parse
/// it by position); a longer name is cut there and printed whole in the note under the table.
std::string center_short(const Dataset& d, const std::string& code,
                         std::vector<std::string>* cut = nullptr) {
  if (code.empty()) return "";
  const std::string full = center_long(d, code);
  const std::string shown = short_name(full);
  if (shown != full && cut) {
    const std::string note = "«" + shown + "» = " + full;
    if (std::find(cut->begin(), cut->end(), note) == cut->end()) cut->push_back(note);
  }
  return shown;
}

Cell percent_cell(const std::optional<Decimal>& v) {
  Cell c = Cell::of_number(v);
  if (v) c.text = italian::format_percent(*v);
  return c;
}

const HistoryValue* history_value(const Indicator& i, std::optional<int> year, int column) {
  // The year is the reliable key; the printed column position is the fallback for values
  // imported without a year.
  if (year)
    for (const auto& h : i.history)
      if (h.year == *year) return &h;
  for (const auto& h : i.history)
    if (h.column == column && h.year == 0) return &h;
  return nullptr;
}

/// A previous-year value; one the importer could not place with certainty carries the mark.
Cell history_cell(const Indicator& i, const HistoryValue* h, bool& marked) {
  if (!h) return {};
  Cell c = Cell::of_scaled(h->value, i.scale);
  if (h->ambiguous && h->value) {
    c.text += " " + std::string(kUncertainMark);
    marked = true;
  }
  return c;
}

/// "2025_S01_01, 2025_S02_01 e altri 3": the objectives a roll-up averages.
std::string input_list(const std::vector<std::string>& codes) {
  constexpr std::size_t kNamed = 40;
  std::string out;
  for (std::size_t k = 0; k < codes.size() && k < kNamed; ++k)
    out += (k ? ", " : "") + codes[k];
  if (codes.size() > kNamed) out += " e altri " + std::to_string(codes.size() - kNamed);
  return out;
}

void progress_rows(Table& t, const ProgressFigure& p) {
  using italian::format_number;
  // Nothing reported at all: the strict 0 % would read as "nothing done", so say n.d. and why.
  const bool none_reported = p.phases > 0 && p.phases_without_progress == p.phases;
  if (!p.value || none_reported) {
    std::string why = p.value ? "nessuna fase ha un avanzamento rilevato" +
                                    std::string(p.phases == 1 ? " (1 fase)" : "")
                              : p.rule;
    if (none_reported && p.phases > 1) why += " (" + std::to_string(p.phases) + " fasi)";
    t.rows.push_back({Cell::of_text("Avanzamento dell'obiettivo"), Cell::of_text("n.d."),
                      Cell::of_text("n.d.: " + why)});
    return;
  }
  std::string how = p.rule + " = " + format_number(p.weighted_sum) + " / " +
                    format_number(p.weight_sum) + " (" + std::to_string(p.phases) +
                    (p.phases == 1 ? " fase)" : " fasi)");
  t.rows.push_back(
      {Cell::of_text("Avanzamento dell'obiettivo"), percent_cell(p.value), Cell::of_text(how)});
  if (p.phases_without_progress > 0) {
    std::string cov = "solo le fasi con avanzamento rilevato; copertura del peso rilevato: " +
                      (p.coverage ? italian::format_percent(*p.coverage) : std::string("-"));
    t.rows.push_back({Cell::of_text("Avanzamento sulle fasi rilevate"),
                      percent_cell(p.reported_only), Cell::of_text(cov)});
  }
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
  std::vector<std::string> cut;
  for (const auto& p : o.phases)
    t.rows.push_back({Cell::of_text(p.description), Cell::of_number(p.weight),
                      Cell::of_number(p.progress), Cell::of_date(p.planned_start),
                      Cell::of_date(p.planned_end), Cell::of_text(person_name(d, p.responsible)),
                      Cell::of_text(center_short(d, p.center, &cut)), Cell::of_text(p.note),
                      Cell::of_date(p.actual_start), Cell::of_date(p.actual_end)});
  if (!cut.empty()) {
    std::string note = "Nota: nomi dei centri abbreviati a 30 caratteri come nelle schede "
                       "originali; per esteso: ";
    for (std::size_t k = 0; k < cut.size(); ++k)
      note += (k ? "; " : "") + cut[k];
    t.notes.push_back(note + ".");
  }
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
  bool marked = false;
  for (const auto& i : o.indicators) {
    std::string description = i.description;
    if (i.reference_year) description = std::to_string(*i.reference_year) + " - " + description;
    std::optional<int> y1, y2;
    if (n) y1 = *n - 1, y2 = *n - 2;
    t.rows.push_back({Cell::of_text(description), Cell::of_text(indicator_type_label(i.type)),
                      Cell::of_scaled(i.target, i.scale), Cell::of_scaled(i.actual, i.scale),
                      history_cell(i, history_value(i, y1, 1), marked),
                      history_cell(i, history_value(i, y2, 2), marked), Cell::of_text(i.note)});
  }
  if (marked)
    t.notes.push_back(std::string(kUncertainMark) +
                      " valore degli anni precedenti letto dalla scheda di origine senza poterne "
                      "accertare la colonna (anno incerto): da verificare sull'originale.");
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
    t.rows.push_back({Cell::of_text(s.description), Cell::of_text(s.relation),
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

Table figures_table(const Objective& o, const RollupFigure* rollup,
                    const std::vector<std::string>& inputs) {
  using italian::format_number;
  const ObjectiveFigures f = compute_figures(o);
  Table t;
  t.heading = "DATI CALCOLATI";
  t.sheet = "Dati calcolati";
  t.columns = {{"Dato", 3}, {"Valore", 0.9, ValueKind::percent}, {"Come è stato ottenuto", 7}};
  const bool rolled_up = o.phases.empty() && rollup && rollup->objectives > 0;
  if (rolled_up) {
    // Without fasi of its own, an objective of the DUP advances with the PEG objectives below.
    const std::string of = "degli obiettivi di PEG collegati: " + input_list(inputs);
    t.rows.push_back(
        {Cell::of_text("Avanzamento dell'obiettivo"), percent_cell(rollup->progress),
         Cell::of_text(rollup->progress ? "media dell'avanzamento " + of + " (" +
                                              std::to_string(rollup->with_progress) + " su " +
                                              std::to_string(rollup->objectives) +
                                              " con avanzamento calcolabile)"
                                        : "n.d.: nessun obiettivo di PEG collegato ha un "
                                          "avanzamento calcolabile (" +
                                              of + ")")});
    if (!rollup->progress) t.rows.back()[1].text = "n.d.";
  } else {
    progress_rows(t, f.progress);
  }
  const ObjectiveAchievement& a = f.achievement;
  if (rolled_up && a.indicators == 0) {
    t.rows.push_back(
        {Cell::of_text("Grado di raggiungimento dell'obiettivo"), percent_cell(rollup->achievement),
         Cell::of_text(rollup->achievement
                           ? "media del grado di raggiungimento degli obiettivi di "
                             "PEG collegati: " +
                                 input_list(inputs) + " (" +
                                 std::to_string(rollup->with_achievement) + " su " +
                                 std::to_string(rollup->objectives) + " con grado calcolabile)"
                           : "n.d.: nessun obiettivo di PEG collegato ha un grado "
                             "di raggiungimento calcolabile")});
    if (!rollup->achievement) t.rows.back()[1].text = "n.d.";
  } else {
    std::string a_how = a.rule + " (" + std::to_string(a.defined) + " su " +
                        std::to_string(a.indicators) + " indicatori con grado calcolabile)";
    Cell value = percent_cell(a.value);
    if (!a.value) value.text = "n.d.";
    t.rows.push_back(
        {Cell::of_text("Grado di raggiungimento dell'obiettivo"), value, Cell::of_text(a_how)});
  }
  for (std::size_t k = 0; k < o.indicators.size() && k < f.indicators.size(); ++k) {
    const Indicator& ind = o.indicators[k];
    const AchievementFigure& g = f.indicators[k];
    std::optional<Decimal> pct;
    if (g.ratio) pct = *g.ratio * kHundred;
    std::string rule = g.rule;
    if (g.ratio && ind.target && ind.actual)
      rule += " (atteso " + format_scaled(*ind.target, ind.scale) + ", raggiunto " +
              format_scaled(*ind.actual, ind.scale) + ")";
    if (g.ratio && g.capped && *g.capped != *g.ratio)
      rule += "; nella media vale " + italian::format_percent(*g.capped * kHundred);
    Cell value = percent_cell(pct);
    if (!pct) value.text = "n.d.";
    t.rows.push_back({Cell::of_text("Indicatore " + std::to_string(k + 1) + ": " + ind.description),
                      value, Cell::of_text(rule)});
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

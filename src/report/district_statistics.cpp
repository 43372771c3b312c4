// "Statistiche territoriali": every stored table per territory with district rows labelled by
// their aggregation, the formula indicators computed from base data beside the printed ones,
// and the checks of printed district figures (core/statistics_checks.h).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/formula_indicators.h"
#include "core/italian.h"
#include "core/statistics_checks.h"
#include "report/district_builder.h"

namespace traguardi::report {
namespace {

// A column of a stored table: one (measure, dimension, reference).
struct Key {
  std::string measure, dimension, reference;
  auto operator<=>(const Key&) const = default;
};

std::string column_header(const Key& k, const std::string& unit) {
  std::string h = k.measure;
  std::replace(h.begin(), h.end(), '_', ' ');
  if (!k.dimension.empty()) h += " " + k.dimension;
  if (!k.reference.empty()) h += " al " + k.reference;
  return h + " (" + unit + ")";
}

bool is_count(const std::string& unit) {
  return unit == "persone" || unit == "famiglie" || unit == "alloggi";
}

Cell number_cell(const std::optional<Decimal>& v) {
  return Cell::of_number(v);
}

void table_section(Document& doc, const Dataset& d, const std::string& table,
                   const std::vector<const StatValue*>& values,
                   const std::vector<std::string>& comuni) {
  std::vector<Key> keys;
  std::vector<std::string> territories;
  std::map<std::pair<std::string, Key>, const StatValue*> cell;
  std::string unit, source;
  for (const auto* s : values) {
    Key k{s->measure, s->dimension, s->reference};
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    if (std::find(territories.begin(), territories.end(), s->territory) == territories.end())
      territories.push_back(s->territory);
    cell[{s->territory, k}] = s;
    unit = s->unit;
    if (source.empty()) source = s->source;
  }
  Section sec;
  sec.code = table;
  sec.header.rows = {{{"Tabella", table, 2}, {"Unità", unit, 1}},
                     {{"Fonte", source.empty() ? "non indicata" : source, 3}}};
  if (keys.size() > 12) { // base data by single year of age: used by the formulas below
    sec.blocks.push_back(Paragraph{
        "Dati di base:",
        fmt::format("{} valori per {} territori e {} combinazioni di misura, dimensione e data; "
                    "usati dagli indicatori calcolati.",
                    values.size(), territories.size(), keys.size()),
        false});
    doc.sections.push_back(std::move(sec));
    return;
  }
  Table t;
  t.heading = table;
  t.sheet = "Statistiche";
  t.columns.push_back({"Territorio", 2});
  for (const auto& k : keys)
    t.columns.push_back({column_header(k, unit), 1, ValueKind::number});
  t.columns.push_back({"Grafico (prima colonna)", 2});
  Decimal max;
  for (const auto& terr : territories)
    if (auto it = cell.find({terr, keys.front()});
        it != cell.end() && it->second->value && std::count(comuni.begin(), comuni.end(), terr))
      max = std::max(max, *it->second->value);
  for (const auto& terr : territories) {
    std::vector<Cell> row{Cell::of_text(terr)};
    bool printed = false;
    for (const auto& k : keys) {
      auto it = cell.find({terr, k});
      row.push_back(it == cell.end() ? Cell{} : number_cell(it->second->value));
      printed = printed || (it != cell.end() && it->second->origin == StatOrigin::printed);
    }
    if (printed && !std::count(comuni.begin(), comuni.end(), terr)) row[0].text += " (stampato)";
    auto first = cell.find({terr, keys.front()});
    bool comune = std::count(comuni.begin(), comuni.end(), terr) > 0;
    row.push_back(Cell::of_text(comune && first != cell.end() && first->second->value
                                    ? text_bar(*first->second->value, max)
                                    : ""));
    t.rows.push_back(std::move(row));
  }
  // District rows, computed from the comuni and labelled with their aggregation.
  bool sum_rule = is_count(unit);
  std::vector<std::string> labels;
  if (sum_rule) labels.push_back("Ambito – somma dei comuni");
  labels.push_back(std::string("Ambito – ") + aggregation_label(Aggregation::simple_mean));
  labels.push_back(std::string("Ambito – ") + aggregation_label(Aggregation::weighted_mean));
  for (const auto& label : labels) {
    std::vector<Cell> row{Cell::of_text(label)};
    for (const auto& k : keys) {
      std::vector<std::pair<std::string, Decimal>> per;
      for (const auto& c : comuni)
        if (auto it = cell.find({c, k}); it != cell.end() && it->second->value)
          per.emplace_back(c, *it->second->value);
      if (per.empty()) {
        row.push_back({});
        continue;
      }
      if (label.find("somma") != std::string::npos) {
        Decimal s;
        for (auto& [_, v] : per)
          s += v;
        row.push_back(number_cell(s));
        continue;
      }
      auto figs = aggregate(d.statistics, per, comuni, population_reference(d, comuni, k.reference),
                            nullptr, "");
      bool simple = label.find("semplice") != std::string::npos;
      row.push_back(number_cell(figs[simple ? 0 : 1].value));
    }
    row.push_back({});
    t.rows.push_back(std::move(row));
  }
  sec.blocks.push_back(t);
  sec.blocks.push_back(Paragraph{"Righe dell'ambito:",
                                 "calcolate dai valori dei comuni della tabella; la media "
                                 "ponderata usa come pesi la popolazione residente totale di "
                                 "ciascun comune; le righe «(stampato)» riportano il valore come "
                                 "stampato dal documento.",
                                 false});
  doc.sections.push_back(std::move(sec));
}

void formula_section(Document& doc, const Dataset& d, const std::vector<std::string>& comuni) {
  Section sec;
  sec.code = "Indicatori calcolati";
  sec.header.rows = {{{"Indicatori", "calcolati dai dati di base, con la formula", 1}}};
  for (const auto& f : formula_indicators()) {
    std::string measure = f.numerator.front().measure;
    for (const auto& ref : references_of(d.statistics, measure)) {
      std::vector<std::pair<std::string, ComputedFigure>> figs;
      for (const auto& c : comuni) {
        auto cf = compute_formula(d.statistics, f, c, ref);
        if (cf.value) figs.emplace_back(c, cf);
      }
      if (figs.empty()) continue;
      Table t;
      t.heading = fmt::format("{} al {}", f.name, ref);
      t.sheet = "Indicatori calcolati";
      t.columns = {{"Territorio", 2},
                   {"Numeratore", 1, ValueKind::number},
                   {"Denominatore", 1, ValueKind::number},
                   {"Valore calcolato", 1, ValueKind::number},
                   {"Valore stampato", 1, ValueKind::number},
                   {"Regola", 3}};
      std::vector<std::pair<std::string, Decimal>> values;
      for (const auto& [c, cf] : figs) {
        std::optional<Decimal> printed;
        for (const auto& s : d.statistics)
          if (s.origin == StatOrigin::printed && s.territory == c && s.measure == f.code &&
              s.dimension == f.dimension && s.value)
            printed = s.value;
        t.rows.push_back({Cell::of_text(c), number_cell(cf.numerator), number_cell(cf.denominator),
                          number_cell(cf.value), number_cell(printed), Cell::of_text(f.formula)});
        values.emplace_back(c, *cf.value);
      }
      for (const auto& a : aggregate(d.statistics, values, comuni, ref, &f, ref))
        t.rows.push_back(
            {Cell::of_text(std::string("Ambito – ") + aggregation_label(a.aggregation)),
             {},
             {},
             number_cell(a.value),
             {},
             Cell::of_text(a.aggregation == Aggregation::ratio_of_sums
                               ? "somma dei numeratori / somma dei denominatori"
                               : "dai valori calcolati per comune")});
      sec.blocks.push_back(t);
    }
  }
  if (!sec.blocks.empty()) doc.sections.push_back(std::move(sec));
}

void checks_section(Document& doc, const Dataset& d) {
  auto checks = check_statistics(d);
  if (checks.empty()) return;
  Section sec;
  sec.code = "Controlli";
  sec.header.rows = {{{"Controlli", "valori stampati dal documento e valori calcolati", 1}}};
  Table t;
  t.heading = "VALORI STAMPATI E VALORI CALCOLATI";
  t.sheet = "Controlli";
  t.columns = {{"Figura", 2},    {"Territorio", 1.5}, {"Stampato", 1, ValueKind::number},
               {"Calcolato", 3}, {"Esito", 1.5},      {"Dove", 1.2}};
  for (const auto& c : checks) {
    std::string computed;
    for (const auto& k : c.computed)
      computed += (computed.empty() ? "" : "\n") + k.rule + ": " +
                  (k.value ? italian::format_number(*k.value) : "non calcolabile");
    std::string outcome = c.agrees() ? "concorda (" + c.matched_rule + ")" : "DISCORDANTE";
    if (!c.note.empty()) outcome += "; " + c.note;
    t.rows.push_back({Cell::of_text(c.subject), Cell::of_text(c.territory),
                      Cell::of_number(c.printed), Cell::of_text(computed), Cell::of_text(outcome),
                      Cell::of_text(fmt::format("{}:{}", c.where.document, c.where.line_from))});
  }
  sec.blocks.push_back(t);
  doc.sections.push_back(std::move(sec));
}

} // namespace

Document build_statistics_report(const Dataset& d, Date produced) {
  Document doc;
  doc.ente = d.ente.name;
  doc.title = "STATISTICHE TERRITORIALI";
  doc.produced = produced;
  auto comuni = member_territories(d);
  if (comuni.empty()) {
    std::set<std::string> seen;
    for (const auto& s : d.statistics)
      if (s.origin == StatOrigin::base && seen.insert(s.territory).second)
        comuni.push_back(s.territory);
  }
  doc.parameters = {{"Territori", fmt::format("{}", comuni.size())},
                    {"Valori", fmt::format("{}", d.statistics.size())}};
  // Tables in stored order; the narrative's printed figures go to the checks.
  std::vector<std::string> tables;
  std::map<std::string, std::vector<const StatValue*>> by_table;
  for (const auto& s : d.statistics) {
    if (s.table == "Testo") continue;
    if (!by_table.count(s.table)) tables.push_back(s.table);
    by_table[s.table].push_back(&s);
  }
  for (const auto& t : tables)
    table_section(doc, d, t, by_table[t], comuni);
  formula_section(doc, d, comuni);
  checks_section(doc, d);
  return doc;
}

} // namespace traguardi::report

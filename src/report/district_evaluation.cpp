// "Tabella per la valutazione degli esiti": one section per area, one row per evaluated
// objective, the outcome measures under it.
#include <fmt/format.h>

#include "report/district_builder.h"

namespace traguardi::report {
namespace {

std::string interventions(const EvaluationRow& r) {
  std::string out;
  auto add = [&](const char* label, const std::string& text) {
    if (text.empty()) return;
    out += (out.empty() ? "" : "\n") + std::string(label) + ": " + text;
  };
  add("Bisogni", r.needs);
  add("Target", r.target);
  add("Interventi e attori", r.interventions);
  return out;
}

std::string resources(const EvaluationRow& r) {
  std::string out;
  if (!r.financial_resources.empty()) out = "Risorse finanziarie: " + r.financial_resources;
  if (!r.professional_resources.empty())
    out += (out.empty() ? "" : "\n") + std::string("Risorse professionali: ") +
           r.professional_resources;
  return out;
}

} // namespace

Document build_evaluation_report(const Dataset& d, Date produced) {
  const DistrictPlan& p = *d.district;
  Document doc;
  doc.ente = d.ente.name;
  doc.title = "TABELLA PER LA VALUTAZIONE DEGLI ESITI";
  doc.produced = produced;
  doc.parameters = {{"Piano", p.title}, {"Vista", p.vista}};
  int strategic = 0;
  for (const auto& r : p.evaluation)
    strategic += r.type == "Strategico";
  doc.parameters.push_back(
      {"Obiettivi valutati", fmt::format("{} ({} strategici, {} specifici)", p.evaluation.size(),
                                         strategic, p.evaluation.size() - strategic)});
  Section* current = nullptr;
  for (const auto& r : p.evaluation) {
    if (!current || current->code != r.area) {
      doc.sections.push_back({});
      current = &doc.sections.back();
      current->code = r.area;
      current->header.rows = {{{"Area", r.area.empty() ? "(senza area)" : r.area, 1}}};
      Table t;
      t.heading = "OBIETTIVI VALUTATI";
      t.sheet = "Valutazione";
      t.columns = {{"N.", 0.4},
                   {"Nome obiettivo", 2.2},
                   {"Tipo", 0.8},
                   {"Interventi e azioni", 2.2},
                   {"Risorse impiegate", 1.6},
                   {"Strumenti", 1.4},
                   {"Indicatori di esito e valutazione", 2},
                   {"Tempistica", 1.2}};
      current->blocks.push_back(t);
    }
    auto& table = std::get<Table>(current->blocks.front());
    table.rows.push_back({Cell::of_number(Decimal::from_int(r.order)), Cell::of_text(r.name),
                          Cell::of_text(r.type), Cell::of_text(interventions(r)),
                          Cell::of_text(resources(r)), Cell::of_text(r.instruments),
                          Cell::of_text(r.indicators), Cell::of_text(r.timing)});
    table.rows.back().front().text = std::to_string(r.order);
    if (!r.outcomes.empty()) {
      Table m;
      m.heading = fmt::format("MISURE DI ESITO – OBIETTIVO {}", r.order);
      m.sheet = "Misure di esito";
      m.columns = {{"Obiettivo", 0.6}, {"Misura", 3},
                   {"Periodo", 1},     {"Valore", 1, ValueKind::number},
                   {"Unità", 1},       {"Fonte", 1.2}};
      for (const auto& o : r.outcomes)
        m.rows.push_back(
            {Cell::of_text(std::to_string(r.order)), Cell::of_text(o.description),
             Cell::of_text(o.period), Cell::of_number(o.value), Cell::of_text(o.unit),
             Cell::of_text(fmt::format("{}:{}", o.source.document, o.source.line_from))});
      current->blocks.push_back(m);
    }
    // The rest of the row as printed, when the columns could not be told apart.
    if (interventions(r).empty() && resources(r).empty() && !r.text_blocks.empty()) {
      std::string text;
      for (const auto& b : r.text_blocks)
        text += (text.empty() ? "" : "\n") + b;
      current->blocks.push_back(Paragraph{
          fmt::format("Obiettivo {} – testo della riga come stampato:", r.order), text, true});
    }
  }
  return doc;
}

} // namespace traguardi::report

#include "support/sample_district.h"

#include "core/district_levels.h"

namespace traguardi::testing {

Dataset sample_district(const std::string& code) {
  Dataset d;
  d.ente = {code, "Ambito di prova", EnteKind::ambito};
  Vista v;
  v.code = "PDZ_2021_2023";
  v.description = "Piano di Zona 2021-2023";
  v.year_from = 2021;
  v.year_to = 2023;
  v.level_definitions = piano_di_zona_levels();
  d.vistas.push_back(v);
  DistrictPlan p;
  p.title = "Piano di Zona di prova";
  p.vista = v.code;
  p.year_from = 2021;
  p.year_to = 2023;
  p.comuni = {{"Borgo Alto", "Borgo A.", "C_BORGO", true}, {"Valle Bassa", "", "", false}};
  p.governance = {{"Assemblea dei sindaci", "politico", "i sindaci", "indirizzo", {"x.txt", 3, 4}}};
  p.areas = {{"1", "Area una", {"x.txt", 10, 10}}, {"2", "Area due", {}}};
  MacroObjective m;
  m.code = "MO01";
  m.title = "SEGRETARIATO";
  m.placements = {{"1", 1}, {"2", 1}};
  m.actions = {"prima azione", "seconda azione"};
  m.text = "testo";
  m.links = {{"C_BORGO", "DUP_2021_2023", "P1"}};
  m.source = {"x.txt", 20, 25};
  p.macro_objectives.push_back(m);
  p.strategic = {{1, 2022, "criterio", "descrizione", {"x.txt", 30, 31}}};
  EvaluationRow r;
  r.order = 1;
  r.area = "Area una";
  r.name = "OBIETTIVO";
  r.sub_goals = {"A: uno", "B: due"};
  r.type = "Strategico";
  r.needs = "bisogni";
  r.target = "tutti";
  r.interventions = "interventi/attori";
  r.financial_resources = "FNPS";
  r.professional_resources = "UdP";
  r.instruments = "appalto";
  r.indicators = "357 persone";
  r.timing = "2016/2017";
  r.text_blocks = {"blocco uno", "blocco due"};
  r.outcomes = {{"persone ricevute", "2017", *Decimal::parse("357"), "persone", {"x.txt", 40, 40}}};
  r.source = {"x.txt", 35, 50};
  p.evaluation.push_back(r);
  d.district = p;
  d.statistics = {{"Tabella 1",
                   "Borgo Alto",
                   "popolazione",
                   "eta=0-3",
                   "2020-12-31",
                   *Decimal::parse("12"),
                   "persone",
                   "Comuni",
                   StatOrigin::base,
                   {"x.txt", 60, 60}},
                  {"Tabella 2",
                   "Valle Bassa",
                   "indice_vecchiaia",
                   "",
                   "2021",
                   *Decimal::parse("170.9"),
                   "indice",
                   "ISTAT",
                   StatOrigin::printed,
                   {}},
                  {"Tabella 18",
                   "Valle Bassa",
                   "disabili",
                   "eta=0-17",
                   "2020",
                   std::nullopt,
                   "persone",
                   "",
                   StatOrigin::base,
                   {}}};
  return d;
}

} // namespace traguardi::testing

#include "support/sample_dataset.h"

namespace traguardi::testing {
namespace {
Decimal d(const char* s) {
  return *Decimal::parse(s);
}
} // namespace

Dataset sample_dataset(const std::string& code) {
  Dataset ds;
  ds.ente = {code, "Comune di Prova", EnteKind::comune};
  ds.vistas = {{"DUP_2021_2023", "DUP 2021 2023", 2021, 2023, {}, {}}};
  ds.vistas[0].levels = {Level::mandato, Level::missione, Level::programma, Level::peg};
  ds.areas = {{"DUP_2021_2023", 1, "1. LA CITTÀ CHE CURA"}};
  ds.assessorati = {
      {"POLITICHE SOCIALI", "Politiche sociali", "Famiglie - Casa", {"Politiche  sociali"}}};
  ds.persons = {{"ROSSI ANNA", "ROSSI ANNA", "anna.rossi", {"rossi anna"}},
                {"VERDI LUCA", "VERDI LUCA", "", {}}};
  ResponsibilityCenter s1;
  s1.code = "01_S_2021";
  s1.name = "SETTORE SERVIZI ALLA PERSONA";
  s1.short_name = "SETT. SERVIZI ALLA PERSONA";
  s1.kind = "SETTORE";
  s1.peg_sigla = "S01";
  s1.head = "ROSSI ANNA";
  s1.valid_from = Date{2021, 1, 1};
  ResponsibilityCenter sv = s1;
  sv.code = "01_S_2021_CASA";
  sv.name = sv.short_name = "SERVIZIO CASA";
  sv.kind = "SERVIZIO";
  sv.parent = "01_S_2021";
  sv.peg_sigla.clear();
  sv.valid_from.reset();
  ds.centers = {s1, sv};

  Objective m;
  m.vista = "DUP_2021_2023";
  m.code = "DUP_01";
  m.level = Level::mandato;
  m.short_description = "LA CITTÀ CHE CURA";
  Objective mi = m;
  mi.code = "DUP_01_1201";
  mi.level = Level::missione;
  mi.parent = "DUP_01";
  mi.short_description = "Casa per tutti";
  Objective pr = m;
  pr.code = "DUP_01_1201_0601";
  pr.level = Level::programma;
  pr.parent = "DUP_01_1201";
  pr.short_description = "Alloggi sociali";
  pr.description = "Aumentare gli alloggi sociali disponibili";
  pr.strategic_purpose = "Garantire una casa a chi ne ha bisogno.";
  pr.operational_purpose = "Aumentare gli alloggi sociali disponibili";
  pr.state = "In Corso";
  pr.assessorato = "POLITICHE SOCIALI";
  pr.center = "01_S_2021";
  pr.responsible = "ROSSI ANNA";
  pr.status = {{2021, std::nullopt, "Avviata la ricognizione degli alloggi."},
               {2022, Date{2022, 12, 31}, "Assegnati 4 alloggi; «ritardi» per i lavori."}};
  pr.structures = {{"Interventi per il diritto alla", "Programma", "12", "06", d("0"), std::nullopt,
                    std::nullopt}};
  Indicator pi;
  pi.order = 1;
  pi.reference_year = 2021;
  pi.description = "N. ALLOGGI ASSEGNATI";
  pi.target = d("5");
  pi.actual = d("4");
  pr.indicators = {pi};

  Objective peg = m;
  peg.code = "2021_S01_03";
  peg.level = Level::peg;
  peg.parent = "DUP_01_1201_0601";
  peg.year = 2021;
  peg.description = "Riqualificare 10 alloggi comunali sfitti, con \"priorità\" alle famiglie";
  peg.objective_type = "Gestionale";
  peg.area = 1;
  peg.center = "01_S_2021";
  peg.responsible = "ROSSI ANNA";
  peg.people = {{"VERDI LUCA", "Posizione Organizzativa", d("20"), Date{2021, 1, 1}, std::nullopt}};
  peg.version = 3;
  peg.source = {"scheda-2021.txt", 10, 80};
  Phase f1;
  f1.order = 1;
  f1.description = "Progettazione degli interventi";
  f1.weight = d("40");
  f1.progress = d("100");
  f1.planned_start = Date{2021, 1, 1};
  f1.planned_end = Date{2021, 4, 30};
  f1.actual_start = Date{2021, 1, 10};
  f1.actual_end = Date{2021, 4, 20};
  f1.responsible = "VERDI LUCA";
  f1.center = "01_S_2021_CASA";
  f1.note = "Completata in anticipo;\nnota su due righe";
  Phase f2 = f1;
  f2.order = 2;
  f2.description = "Lavori";
  f2.weight = d("60");
  f2.progress = d("50.5");
  f2.actual_end.reset();
  f2.note.clear();
  f2.version = 7;
  peg.phases = {f1, f2};
  Indicator i1;
  i1.order = 1;
  i1.description = "Alloggi riqualificati";
  i1.type = IndicatorType::efficacia;
  i1.target = d("10");
  i1.actual = d("6");
  i1.history = {{2020, d("3"), 1, false}, {2019, std::nullopt, 2, true}};
  Indicator i2;
  i2.order = 2;
  i2.description = "Relazione finale consegnata (si=1 no=0)";
  i2.type = IndicatorType::efficienza;
  i2.scale = Scale::boolean;
  i2.target = d("1");
  i2.actual = d("1");
  i2.note = "si=1 no=0";
  Indicator i3;
  i3.order = 3;
  i3.description = "Giorni medi di attesa";
  i3.type = IndicatorType::qualita;
  i3.polarity = Polarity::lower_is_better;
  i3.target = d("30");
  i3.actual = d("1134.25");
  peg.indicators = {i1, i2, i3};
  ds.objectives = {m, mi, pr, peg};
  ds.documents = {{"scheda-2021.txt", "abc123", "SCHEDA_PEG_RENDICONTAZIONE", Date{2022, 4, 13},
                   "DUP_2021_2023", "OBIETTIVO DI PEG", "Centro di Responsabilità", "01_S_2021"}};
  return ds;
}

Dataset without_versions(Dataset d) {
  for (auto& o : d.objectives) {
    o.version = 0;
    for (auto& p : o.phases)
      p.version = 0;
    for (auto& i : o.indicators)
      i.version = 0;
  }
  return d;
}

} // namespace traguardi::testing

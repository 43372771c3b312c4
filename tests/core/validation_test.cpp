#include "core/validation.h"

#include <gtest/gtest.h>

using namespace traguardi;

namespace {

Dataset base() {
  Dataset ds;
  Vista v;
  v.code = "DUP_2021_2023";
  v.description = "DUP 2021 2023";
  v.year_from = 2021;
  v.year_to = 2023;
  ds.vistas = {v};
  Objective m;
  m.vista = "DUP_2021_2023";
  m.code = "DUP_01";
  m.level = Level::mandato;
  Objective p = m;
  p.code = "DUP_01_1201";
  p.level = Level::missione;
  p.parent = "DUP_01";
  Objective g = m;
  g.code = "DUP_01_1201_0601";
  g.level = Level::programma;
  g.parent = "DUP_01_1201";
  Objective peg = m;
  peg.code = "2021_S08_20";
  peg.level = Level::peg;
  peg.year = 2021;
  peg.parent = "DUP_01_1201_0601";
  Phase f;
  f.weight = Decimal::from_int(100);
  f.progress = Decimal::from_int(100);
  peg.phases = {f};
  ds.objectives = {m, p, g, peg};
  return ds;
}

bool has(const std::vector<Finding>& fs, const std::string& code, Severity s) {
  for (const auto& f : fs)
    if (f.code == code && f.severity == s) return true;
  return false;
}

} // namespace

TEST(Validation, CleanDatasetHasNoFindings) {
  auto fs = validate(base());
  EXPECT_TRUE(fs.empty()) << fs.front().message;
}

TEST(Validation, ReportsEachInvalidCase) {
  auto ds = base();
  Objective& peg = ds.objectives[3];
  peg.phases[0].weight = Decimal::from_int(50);
  auto fs = validate(ds);
  EXPECT_TRUE(has(fs, "pesi_non_100", Severity::warning));
  EXPECT_FALSE(has_errors(fs));

  peg.phases[0].progress = Decimal::from_int(120);
  peg.phases[0].planned_start = Date{2021, 6, 1};
  peg.phases[0].planned_end = Date{2021, 1, 1};
  Indicator yn;
  yn.scale = Scale::boolean;
  yn.target = Decimal::from_int(1);
  yn.actual = Decimal::from_int(4);
  peg.indicators = {yn};
  ds.objectives.push_back(peg); // duplicate code
  Objective bad = ds.objectives[2];
  bad.code = "DUP_01_1299_0601"; // missione 12 ok, programma 99 unknown
  bad.code = "DUP_01_1201_9901";
  ds.objectives.push_back(bad);
  Objective orphan = peg;
  orphan.code = "2021_S08_21";
  orphan.parent = "DUP_01_1201_0701";
  ds.objectives.push_back(orphan);
  fs = validate(ds);
  EXPECT_TRUE(has(fs, "avanzamento_fuori_intervallo", Severity::error));
  EXPECT_TRUE(has(fs, "fine_prima_di_inizio", Severity::error));
  EXPECT_TRUE(has(fs, "si_no_non_binario", Severity::warning));
  EXPECT_TRUE(has(fs, "codice_duplicato", Severity::error));
  EXPECT_TRUE(has(fs, "programma_sconosciuto", Severity::error));
  EXPECT_TRUE(has(fs, "collegamento_inesistente", Severity::error));
  EXPECT_TRUE(has_errors(fs));
  for (const auto& f : fs) {
    if (f.code == "avanzamento_fuori_intervallo") {
      EXPECT_EQ(f.message,
                "Obiettivo 2021_S08_20, fase 1: avanzamento 120,00 fuori dall'intervallo 0–100");
    }
  }
}

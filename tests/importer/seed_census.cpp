#include "seed_census.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "core/italian.h"

using namespace traguardi;
using traguardi::importer::ImportedSheet;

namespace census {
namespace {

std::string num(const std::optional<Decimal>& d) {
  return d ? italian::format_number(*d) : "";
}

const Objective* objective(const ImportedSheet& s, const std::string& code) {
  for (const auto& o : s.objectives)
    if (o.code == code) return &o;
  return nullptr;
}

int history_rows(const Objective& o, std::size_t n) {
  return static_cast<int>(std::count_if(o.indicators.begin(), o.indicators.end(),
                                        [&](const Indicator& i) { return i.history.size() == n; }));
}

// ── F000 ─────────────────────────────────────────────────────────────────────
struct ProgrammeCensus {
  const char* code;
  const char* mission;
  const char* structure;
  std::vector<std::string> rows; // "year atteso/raggiunto" (raggiunto empty = future year)
  std::vector<int> status_years;
};

const std::vector<ProgrammeCensus> kF000 = {
    {"DUP_04_1201_0601",
     "DUP_04_1201",
     "Interventi per il diritto alla",
     {"2019 5,00/9,00", "2020 5,00/5,00", "2021 5,00/", "2022 5,00/", "2023 5,00/"},
     {2019, 2020}},
    {"DUP_04_1501_0301",
     "DUP_04_1501",
     "Sostegno all'occupazione",
     {"2019 120,00/170,00", "2020 120,00/0,00", "2021 120,00/", "2022 120,00/", "2023 120,00/"},
     {2019, 2020}},
    {"DUP_05_1201_0202",
     "DUP_05_1201",
     "Interventi per la disabilità",
     {"2019 5,00/2,00", "2020 1,00/1,00", "2021 1,00/", "2022 1,00/", "2023 1,00/"},
     {2019, 2020}},
    {"DUP_05_1201_0302",
     "DUP_05_1201",
     "Interventi per gli anziani",
     {"2019 585,00/601,00", "2020 585,00/1.134,00", "2020 1,00/1,00", "2020 1,00/1,00",
      "2021 585,00/", "2022 585,00/", "2023 600,00/"},
     {2019, 2020}},
    {"DUP_05_1201_0401",
     "DUP_05_1201",
     "Interventi per soggetti a risc",
     {"2019 1,00/1,00", "2020 2,00/3,00", "2021 3,00/", "2022 3,00/", "2023 3,00/"},
     {2019, 2020}},
    {"DUP_05_1201_0501",
     "DUP_05_1201",
     "Interventi per le famiglie",
     {"2019 1,00/0,00", "2020 2,00/4,00", "2021 2,00/", "2022 2,00/", "2023 2,00/"},
     {2019, 2020}},
    {"DUP_06_1201_0401",
     "DUP_06_1201",
     "Interventi per soggetti a risc",
     {"2019 30,00/150,00", "2020 30,00/49,00", "2021 30,00/", "2022 30,00/", "2023 30,00/",
      "2019 2,00/2,00", "2020 2,00/2,00", "2021 2,00/", "2022 2,00/", "2023 2,00/",
      "2019 2,00/1,00", "2020 2,00/0,00", "2021 2,00/", "2022 2,00/", "2023 2,00/"},
     {2019, 2020}},
    {"DUP_06_1201_0803",
     "DUP_06_1201",
     "Cooperazione e associazionismo",
     {"2020 3,00/2,00", "2021 3,00/", "2022 3,00/", "2023 2,00/"},
     {2020}},
};

// ── F001 ─────────────────────────────────────────────────────────────────────
struct PegCensus {
  const char* code;
  const char* parent;
  int area;
  char assessorato; // C, I, B, S (seed-spec §5.3 abbreviations)
  std::vector<std::string> weights;
  int indicators;
  int three_values;
  int four_values;
};

const std::vector<PegCensus> kF001 = {
    {"2021_S08_20", "DUP_04_1201_0601", 4, 'C', {"100,00"}, 1, 0, 1},
    {"2021_S08_21", "DUP_04_1201_0601", 4, 'C', {"30,00", "25,00", "25,00", "20,00"}, 3, 2, 1},
    {"2021_S08_22", "DUP_04_1501_0301", 4, 'C', {"50,00", "50,00"}, 2, 0, 0},
    {"2021_S08_08", "DUP_05_0401_0101", 5, 'I', {"50,00", "50,00"}, 2, 0, 0},
    {"2021_S08_15", "DUP_05_0401_0201", 5, 'I', {"100,00"}, 1, 1, 0},
    {"2021_S08_07", "DUP_05_0401_0202", 5, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_13", "DUP_05_0401_0601", 5, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_12", "DUP_05_0401_0602", 5, 'I', {"100,00"}, 1, 0, 1},
    {"2021_S08_10", "DUP_05_0401_0701", 5, 'I', {"80,00", "20,00"}, 2, 0, 1},
    {"2021_S08_11", "DUP_05_0401_0704", 5, 'I', {"100,00"}, 1, 1, 0},
    {"2021_S08_14", "DUP_05_0401_0706", 8, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_09", "DUP_05_0401_0707", 5, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_06", "DUP_05_1201_0101", 5, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_17", "DUP_05_1201_0103", 5, 'B', {"33,00", "33,00", "34,00"}, 3, 0, 1},
    {"2021_S08_02", "DUP_05_1201_0202", 5, 'C', {"100,00"}, 1, 0, 0},
    {"2021_S08_03", "DUP_05_1201_0204", 5, 'B', {"33,00", "33,00", "34,00"}, 3, 0, 0},
    {"2021_S08_04", "DUP_05_1201_0301", 5, 'B', {"100,00"}, 1, 1, 0},
    {"2021_S08_05", "DUP_05_1201_0302", 5, 'C', {"100,00"}, 1, 0, 0},
    {"2021_S08_23", "DUP_05_1201_0501", 5, 'C', {"50,00", "50,00"}, 2, 0, 0},
    {"2021_S08_30", "DUP_05_1201_0501", 5, 'C', {"100,00"}, 1, 0, 0},
    {"2021_S08_18", "DUP_05_1201_0502", 5, 'B', {"100,00"}, 1, 1, 0},
    {"2021_S08_35", "DUP_05_1301_0701", 5, 'B', {"50,00"}, 1, 0, 0},
    {"2021_S08_26", "DUP_06_1201_0401", 6, 'C', {"100,00"}, 1, 0, 1},
    {"2021_S08_27", "DUP_06_1201_0701", 6, 'B', {"33,00", "33,00", "34,00"}, 3, 0, 0},
    {"2021_S08_19", "DUP_06_1201_0803", 6, 'C', {"100,00"}, 1, 1, 0},
    {"2021_S08_25", "DUP_06_1201_0803", 6, 'C', {"100,00"}, 1, 0, 1},
    {"2021_S08_29", "DUP_07_1501_0201", 7, 'I', {"100,00"}, 1, 0, 0},
    {"2021_S08_32",
     "DUP_10_0101_1001",
     10,
     'S',
     {"10,00", "10,00", "10,00", "10,00", "10,00", "10,00", "20,00", "20,00"},
     5,
     0,
     2},
    {"2021_S08_33", "DUP_10_0101_1001", 10, 'S', {"100,00"}, 1, 0, 0},
    {"2021_S08_34", "DUP_10_0101_1001", 10, 'S', {"25,00", "25,00", "25,00", "25,00"}, 12, 9, 0},
    {"2021_S08_00",
     "DUP_10_0101_1103",
     10,
     'S',
     {"20,00", "20,00", "20,00", "20,00", "20,00"},
     6,
     1,
     0},
};

// ── F003 ─────────────────────────────────────────────────────────────────────
struct CovidCensus {
  const char* code;
  const char* center_prefix; // start of the CdR long description
  const char* responsible;
  std::vector<std::string> weights;
  int indicators;
  int three_values;
};

const std::vector<CovidCensus> kF003 = {
    {"2020_A01_00",
     "AREA COORDINAMENTO STRATEGICO",
     "CARUSO GIANLUCA",
     {"20,00", "20,00", "20,00", "20,00", "20,00"},
     8,
     1},
    {"2020_A02_00",
     "AREA COORDINAMENTO STRATEGICO",
     "CARUSO GIANLUCA",
     {"60,00", "20,00", "10,00", "10,00"},
     9,
     0},
    {"2020_C04_00",
     "CORPO DELLA POLIZIA LOCALE",
     "CARUSO GIANLUCA",
     {"5,00", "5,00", "10,00", "20,00", "20,00", "20,00", "20,00"},
     7,
     0},
    {"2020_S01_00",
     "SETTORE SERVIZI AI CITTADINI",
     "CARUSO GIANLUCA",
     {"33,00", "35,00", "32,00"},
     11,
     1},
    {"2020_S02_00",
     "SETTORE GOVERNO DEL TERRITORIO",
     "POZZI ANDREA",
     {"20,00", "20,00", "15,00", "15,00", "15,00", "15,00"},
     1,
     0},
    {"2020_S03_00", "SETTORE RISORSE E PATRIMONIO", "STEFANINI EUGENIO",
     std::vector<std::string>(10, "10,00"), 3, 0},
    {"2020_S05_00",
     "SETTORE OPERE PUBBLICHE, AMBIENTE ED ENERGIA",
     "CARUSO GIANLUCA",
     {"11,00", "11,00", "11,00", "11,00", "11,00", "11,00", "12,00", "11,00", "11,00"},
     8,
     0},
    {"2020_S06_00",
     "SETTORE AFFARI GENERALI, AUDIT",
     "BARBERA FRANCO ANDREA",
     {"25,00", "25,00", "25,00", "25,00"},
     3,
     0},
    {"2020_S07_00",
     "SETTORE POLITICHE CULTURALI E DELLO SPORT",
     "VERONESE MORENO GIUSEPPE",
     {"10,00", "10,00", "10,00", "10,00", "30,00", "20,00", "10,00"},
     5,
     0},
    {"2020_S08_00",
     "SETTORE SOCIOEDUCATIVO E RISORSE UMANE",
     "CONTI MARIO",
     {"9,00", "5,00", "3,00", "5,00", "5,00", "4,00", "3,00", "3,00", "8,00", "4,00", "5,00",
      "5,00", "9,00", "5,00", "9,00", "10,00", "5,00", "3,00"},
     23,
     0},
    {"2020_U09_00",
     "UNITA' ORGANIZZATIVA STAFF DEL SINDACO E DELLA GIUNTA",
     "CARUSO GIANLUCA",
     {"20,00", "15,00", "20,00", "15,00", "15,00", "15,00"},
     6,
     0},
};

std::vector<std::string> weights_of(const Objective& o) {
  std::vector<std::string> w;
  for (const auto& p : o.phases)
    w.push_back(num(p.weight));
  return w;
}

std::map<IndicatorType, int> type_counts(const ImportedSheet& s) {
  std::map<IndicatorType, int> m;
  for (const auto& o : s.objectives)
    for (const auto& i : o.indicators)
      ++m[i.type];
  return m;
}

const Person* person(const ImportedSheet& s, const std::string& key) {
  for (const auto& p : s.persons)
    if (p.key == key) return &p;
  return nullptr;
}

const Indicator& indicator(const Objective& o, std::size_t order) {
  static Indicator none;
  if (order == 0 || order > o.indicators.size()) {
    ADD_FAILURE() << o.code << ": manca l'indicatore " << order;
    return none;
  }
  return o.indicators[order - 1];
}

} // namespace

std::string seed_path(const std::string& prefix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(TRAGUARDI_SEEDS_DIR, ec))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) return e.path().string();
  return {};
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string_view(ci) == "true";
}

std::optional<std::string> read_seed(const std::string& prefix) {
  std::string path = seed_path(prefix);
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void check_f000(const ImportedSheet& s) {
  EXPECT_EQ(s.vista.code, "DUP_2021_2023");
  EXPECT_EQ(s.document.level, "OBIETTIVO DI PROGRAMMA");
  ASSERT_TRUE(s.document.produced);
  EXPECT_EQ(italian::format_date(*s.document.produced), "16/03/2021");
  EXPECT_EQ(s.document.filter_value, "ASS6 Assessore Riccardo Visentin");
  ASSERT_EQ(s.objectives.size(), kF000.size());
  EXPECT_EQ(s.phase_count(), 0);
  EXPECT_EQ(s.indicator_count(), 51);
  for (std::size_t k = 0; k < kF000.size(); ++k) {
    const auto& c = kF000[k];
    const Objective& o = s.objectives[k]; // F000 is printed in code order
    SCOPED_TRACE(c.code);
    EXPECT_EQ(o.code, c.code);
    EXPECT_EQ(o.level, Level::programma);
    EXPECT_EQ(o.parent, c.mission);
    EXPECT_EQ(o.center, "ASS6");
    EXPECT_EQ(o.responsible, "RICCARDO.VISENTIN");
    EXPECT_EQ(o.state, "In Corso");
    EXPECT_TRUE(o.phases.empty());
    EXPECT_FALSE(o.strategic_purpose.empty());
    EXPECT_FALSE(o.operational_purpose.empty());
    ASSERT_EQ(o.structures.size(), 1u);
    EXPECT_EQ(o.structures[0].description, c.structure);
    EXPECT_EQ(o.structures[0].relation, "Programma");
    ASSERT_TRUE(o.structures[0].share_pct);
    EXPECT_TRUE(o.structures[0].share_pct->is_zero());
    EXPECT_EQ(o.structures[0].mission, std::string(c.code).substr(7, 2));
    EXPECT_EQ(o.structures[0].programme, std::string(c.code).substr(12, 2));
    std::vector<std::string> rows;
    for (const auto& i : o.indicators) {
      ASSERT_TRUE(i.reference_year);
      rows.push_back(std::to_string(*i.reference_year) + " " + num(i.target) + "/" + num(i.actual));
      EXPECT_TRUE(i.history.empty());
      EXPECT_NE(i.description.substr(0, 4), std::to_string(*i.reference_year));
    }
    auto expected = c.rows;
    std::sort(rows.begin(), rows.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(rows, expected);
    std::vector<int> years;
    for (const auto& st : o.status)
      years.push_back(st.year.value_or(0));
    EXPECT_EQ(years, c.status_years);
  }
  auto types = type_counts(s);
  EXPECT_EQ(types[IndicatorType::efficacia], 43);
  EXPECT_EQ(types[IndicatorType::efficienza], 8);
  std::vector<std::string> ancestors;
  for (const auto& a : s.ancestors)
    ancestors.push_back(a.code);
  std::sort(ancestors.begin(), ancestors.end());
  EXPECT_EQ(ancestors, (std::vector<std::string>{"DUP_04", "DUP_04_1201", "DUP_04_1501", "DUP_05",
                                                 "DUP_05_1201", "DUP_06", "DUP_06_1201"}));
  // Assessorato printed with the OCR slip, one entity, with its delegations.
  ASSERT_EQ(s.assessorati.size(), 1u);
  EXPECT_FALSE(s.assessorati[0].delegations.empty());
  const Person* p = person(s, "RICCARDO.VISENTIN");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->username, "RICCARDO.VISENTIN");
}

void check_f001(const ImportedSheet& s) {
  EXPECT_EQ(s.vista.code, "DUP_2021_2023");
  EXPECT_EQ(s.document.kind, "SCHEDA_PEG_RENDICONTAZIONE");
  ASSERT_TRUE(s.document.produced);
  EXPECT_EQ(italian::format_date(*s.document.produced), "13/04/2022");
  ASSERT_EQ(s.objectives.size(), kF001.size());
  EXPECT_EQ(s.phase_count(), 58);
  EXPECT_EQ(s.indicator_count(), 63);
  std::map<char, std::string> assessorato_key;
  int three = 0, four = 0;
  for (std::size_t k = 0; k < kF001.size(); ++k) {
    const auto& c = kF001[k];
    const Objective& o = s.objectives[k];
    SCOPED_TRACE(c.code);
    EXPECT_EQ(o.code, c.code);
    EXPECT_EQ(o.year, 2021);
    EXPECT_EQ(o.parent, c.parent);
    EXPECT_EQ(o.area, c.area);
    EXPECT_EQ(o.objective_type, "Gestionale");
    EXPECT_EQ(o.responsible, "CONTI MARIO");
    EXPECT_EQ(o.center, "08_S_2020");
    // One key per abbreviation, four different keys in all.
    if (!assessorato_key.count(c.assessorato)) assessorato_key[c.assessorato] = o.assessorato;
    EXPECT_EQ(o.assessorato, assessorato_key[c.assessorato]);
    EXPECT_EQ(weights_of(o), c.weights);
    EXPECT_EQ(static_cast<int>(o.indicators.size()), c.indicators);
    EXPECT_EQ(history_rows(o, 1), c.three_values);
    EXPECT_EQ(history_rows(o, 2), c.four_values);
    three += history_rows(o, 1);
    four += history_rows(o, 2);
    ASSERT_EQ(o.status.size(), 1u);
    ASSERT_TRUE(o.status[0].as_of);
    EXPECT_EQ(italian::format_date(*o.status[0].as_of), "31/12/2021");
    for (const auto& p : o.phases) {
      SCOPED_TRACE(p.order);
      EXPECT_FALSE(p.description.empty());
      EXPECT_FALSE(p.center.empty());
      if (c.code == std::string("2021_S08_05"))
        EXPECT_FALSE(p.progress);
      else
        EXPECT_EQ(num(p.progress), "100,00");
      ASSERT_TRUE(p.planned_start && p.planned_end && p.actual_start && p.actual_end);
      EXPECT_EQ(p.planned_start->year, 2021);
      EXPECT_EQ(p.actual_end->year, 2021);
    }
    for (const auto& i : o.indicators)
      for (const auto& h : i.history) {
        EXPECT_EQ(h.year, h.column == 1 ? 2020 : 2019);
        EXPECT_EQ(h.ambiguous, i.history.size() == 1);
      }
  }
  EXPECT_EQ(three, 17);
  EXPECT_EQ(four, 9);
  EXPECT_EQ(assessorato_key.size(), 4u);
  EXPECT_EQ(s.assessorati.size(), 4u);
  auto types = type_counts(s);
  EXPECT_EQ(types[IndicatorType::efficacia], 21);
  EXPECT_EQ(types[IndicatorType::efficienza], 41);
  EXPECT_EQ(types[IndicatorType::quantitativo], 1);

  // Values the spec quotes row by row.
  auto at = [&](const char* code) { return objective(s, code); };
  ASSERT_TRUE(at("2021_S08_20") && at("2021_S08_21") && at("2021_S08_00") && at("2021_S08_25") &&
              at("2021_S08_19") && at("2021_S08_34") && at("2021_S08_35") && at("2021_S08_08") &&
              at("2021_S08_17") && at("2021_S08_23") && at("2021_S08_03"));
  const Indicator& i107 = indicator(*at("2021_S08_20"), 1);
  EXPECT_EQ(num(i107.target) + " " + num(i107.actual), "1,00 1,00");
  ASSERT_EQ(i107.history.size(), 2u);
  EXPECT_EQ(num(i107.history[0].value) + " " + num(i107.history[1].value), "0,00 1,00");
  EXPECT_EQ(i107.scale, Scale::boolean);
  const Indicator& i289 = indicator(*at("2021_S08_21"), 1);
  EXPECT_EQ(num(i289.target) + " " + num(i289.actual), "100,00 80,00");
  ASSERT_EQ(i289.history.size(), 2u);
  EXPECT_EQ(num(i289.history[0].value) + " " + num(i289.history[1].value), "100,00 100,00");
  EXPECT_FALSE(i289.note.empty());
  const Indicator& i3703 = indicator(*at("2021_S08_00"), 1);
  EXPECT_EQ(num(i3703.target) + " " + num(i3703.actual), "3.500,00 546.045,00");
  const Indicator& i3706 = indicator(*at("2021_S08_00"), 2);
  EXPECT_EQ(num(i3706.target) + " " + num(i3706.actual), "6,00 12,00");
  ASSERT_EQ(i3706.history.size(), 1u);
  EXPECT_EQ(num(i3706.history[0].value), "6,00");
  EXPECT_TRUE(i3706.history[0].ambiguous);
  const Indicator& i2962 = indicator(*at("2021_S08_25"), 1);
  ASSERT_EQ(i2962.history.size(), 2u);
  EXPECT_EQ(num(i2962.history[0].value) + " " + num(i2962.history[1].value), "4,00 14,00");
  const Indicator& i2863 = indicator(*at("2021_S08_19"), 1);
  EXPECT_EQ(num(i2863.target) + " " + num(i2863.actual) + " " + num(i2863.history.at(0).value),
            "10,00 13,00 11,00");
  const Indicator& i3510 = indicator(*at("2021_S08_34"), 6);
  EXPECT_EQ(num(i3510.history.at(0).value), "0,00");
  EXPECT_NE(i3510.note.find("Data Breach"), std::string::npos);
  const Indicator& i2449 = indicator(*at("2021_S08_35"), 1);
  EXPECT_EQ(num(i2449.target) + " " + num(i2449.actual), "3,00 3,00");
  EXPECT_NE(i2449.note.find("della fase"), std::string::npos);
  const Indicator& i1828 = indicator(*at("2021_S08_03"), 2);
  EXPECT_EQ(num(i1828.target) + " " + num(i1828.actual), "27,00 37,00");
  EXPECT_FALSE(i1828.reference_year);
  // Phase dates quoted by the spec (Q34) and phases without responsabile (Q26).
  const Phase& p552 = at("2021_S08_08")->phases.at(0);
  EXPECT_EQ(italian::format_date(*p552.actual_end), "20/04/2021");
  const Phase& p3628 = at("2021_S08_00")->phases.at(0);
  EXPECT_EQ(italian::format_date(*p3628.planned_start), "01/02/2021");
  EXPECT_EQ(italian::format_date(*p3628.actual_start), "01/01/2021");
  EXPECT_TRUE(at("2021_S08_17")->phases.at(2).responsible.empty());
  EXPECT_TRUE(at("2021_S08_23")->phases.at(1).responsible.empty());
  EXPECT_EQ(at("2021_S08_03")->phases.at(0).responsible, "MASTROMATTEO CARMELA");
  EXPECT_TRUE(objective(s, "2021_S08_21")->description_truncated);
  // Short-name centres of the phases, wrapped parts joined (Q27).
  bool minori = false;
  for (const auto& c : s.centers)
    if (c.short_name == "SERV. MINORI, INFANZIA, EDUCAZ") minori = c.parent == "08_S_2020";
  EXPECT_TRUE(minori);
}

void check_f003(const ImportedSheet& s) {
  EXPECT_EQ(s.vista.code, "DUP_2020_2022");
  EXPECT_EQ(s.document.filter_label, "Descrizione sintetica");
  ASSERT_EQ(s.objectives.size(), kF003.size());
  EXPECT_EQ(s.phase_count(), 79);
  EXPECT_EQ(s.indicator_count(), 84);
  int missing_planned_end = 0, missing_actual_end = 0, missing_progress = 0;
  for (std::size_t k = 0; k < kF003.size(); ++k) {
    const auto& c = kF003[k];
    const Objective& o = s.objectives[k];
    SCOPED_TRACE(c.code);
    EXPECT_EQ(o.code, c.code);
    EXPECT_EQ(o.parent, "DUP_10_0101_1103");
    EXPECT_EQ(o.state, "In Corso");
    EXPECT_EQ(o.responsible, c.responsible);
    EXPECT_EQ(o.short_description, "Emergenza epidemiologica");
    EXPECT_FALSE(o.implementation.empty());
    EXPECT_EQ(o.status.empty(), o.code == std::string("2020_A02_00"));
    const ResponsibilityCenter* center = nullptr;
    for (const auto& rc : s.centers)
      if (rc.code == o.center) center = &rc;
    ASSERT_TRUE(center);
    EXPECT_EQ(center->name.rfind(c.center_prefix, 0), 0u) << center->name;
    EXPECT_EQ(weights_of(o), c.weights);
    EXPECT_EQ(static_cast<int>(o.indicators.size()), c.indicators);
    EXPECT_EQ(history_rows(o, 1), c.three_values);
    EXPECT_EQ(history_rows(o, 2), 0);
    EXPECT_EQ(o.people.size(), o.code == std::string("2020_C04_00") ? 1u : 0u);
    for (const auto& p : o.phases) {
      EXPECT_FALSE(p.center.empty());
      EXPECT_FALSE(p.responsible.empty());
      ASSERT_TRUE(p.planned_start && p.actual_start);
      if (!p.planned_end) ++missing_planned_end;
      if (!p.actual_end) ++missing_actual_end;
      if (!p.progress)
        ++missing_progress;
      else
        EXPECT_EQ(num(p.progress), "100,00");
    }
  }
  EXPECT_EQ(missing_planned_end, 6);
  EXPECT_EQ(missing_actual_end, 2);
  EXPECT_EQ(missing_progress, 2);
  const Objective* s08 = objective(s, "2020_S08_00");
  ASSERT_TRUE(s08);
  EXPECT_FALSE(s08->phases.at(14).progress);
  EXPECT_FALSE(s08->phases.at(15).actual_end);
  auto types = type_counts(s);
  EXPECT_EQ(types[IndicatorType::efficacia], 50);
  EXPECT_EQ(types[IndicatorType::efficienza], 31);
  EXPECT_EQ(types[IndicatorType::quantitativo], 2);
  EXPECT_EQ(types[IndicatorType::qualita], 1);
  // Person printed in upper and lower case: one entity, the variant kept as alias (Q37).
  const Person* caruso = person(s, "CARUSO GIANLUCA");
  ASSERT_TRUE(caruso);
  EXPECT_NE(std::find(caruso->aliases.begin(), caruso->aliases.end(), "caruso gianluca"),
            caruso->aliases.end());
  const Objective* c04 = objective(s, "2020_C04_00");
  ASSERT_TRUE(c04 && c04->people.size() == 1);
  EXPECT_EQ(c04->people[0].person, "FABIO CRIPPA");
  EXPECT_EQ(c04->people[0].relation, "Posizione Organizzativa");
  // Lower-is-better indicator and the values quoted by the spec.
  bool lower = false;
  for (const auto& i : s08->indicators)
    if (num(i.target) == "500,00" && num(i.actual) == "82,00")
      lower = i.polarity == Polarity::lower_is_better;
  EXPECT_TRUE(lower);
  const Indicator& s01_889 = indicator(*objective(s, "2020_S01_00"), 7);
  EXPECT_EQ(num(s01_889.target) + " " + num(s01_889.history.at(0).value), "84,00 50,00");
  EXPECT_EQ(s01_889.history.at(0).year, 2019);
  const Indicator& s06_first = indicator(*objective(s, "2020_S06_00"), 1);
  EXPECT_NE(s06_first.note.find("1=fatto"), std::string::npos);
  EXPECT_NE(s06_first.note.find("0=non fatto"), std::string::npos);
  const Objective* u09 = objective(s, "2020_U09_00");
  bool masks = false;
  for (const auto& i : u09->indicators)
    masks = masks || (num(i.target) == "40.000,00" && num(i.actual) == "65.000,00");
  EXPECT_TRUE(masks);
}

void check(const std::string& prefix, const ImportedSheet& s) {
  if (prefix == "000")
    check_f000(s);
  else if (prefix == "001")
    check_f001(s);
  else
    check_f003(s);
}

} // namespace census

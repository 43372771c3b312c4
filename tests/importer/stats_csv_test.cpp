// import-stats: long-format base data, every row validated, nothing returned when a row is bad.
// The population file is shaped like the national statistics office's open data (resident
// population by single year of age and sex per comune, 100+ as the last age), written here.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/formula_indicators.h"
#include "importer/stats_csv.h"

using namespace traguardi;

namespace {

// Residents of age `age` and sex `f` in comune `c`: a deterministic, uneven shape.
int residents(int c, int age, bool female) {
  int base = c == 0 ? 40 : 17;
  return base + (age * 7 + c * 3 + (female ? 5 : 0)) % 23 - (age > 80 ? (age - 80) / 2 : 0);
}

std::string population_csv(const std::vector<std::string>& comuni) {
  std::string out = "territorio;misura;data;dimensione;valore;unità;fonte\n";
  for (std::size_t c = 0; c < comuni.size(); ++c)
    for (int age = 0; age <= 100; ++age)
      for (bool f : {false, true})
        out += fmt::format("{};popolazione;01/01/2024;\"eta={}{};sesso={}\";{};persone;ISTAT - "
                           "popolazione residente per età e sesso\n",
                           comuni[c], age, age == 100 ? "+" : "", f ? "F" : "M",
                           residents(static_cast<int>(c), age, f));
  out += fmt::format("{};nati;2023;;{};persone;ISTAT - bilancio demografico\n", comuni[0], 31);
  return out;
}

int sum(int c, int from, int to, int sex) { // sex: 0 M, 1 F, 2 both
  int s = 0;
  for (int age = from; age <= to; ++age) {
    if (sex != 1) s += residents(c, age, false);
    if (sex != 0) s += residents(c, age, true);
  }
  return s;
}

TEST(StatsCsv, IstatShapedPopulationGivesTheFormulaIndicators) {
  auto r = importer::parse_stats_csv(population_csv({"Alfa", "Beta"}), "pop.csv");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().full();
  ASSERT_EQ(r.values.size(), 2u * 101 * 2 + 1);
  EXPECT_EQ(r.values.front().reference, "2024-01-01");
  EXPECT_EQ(r.values.front().provenance.line_from, 2);
  const auto& stats = r.values;
  auto dec = [](int n) { return Decimal::from_int(n); };
  // Indice di vecchiaia = 65+ / 0-14 × 100, from the single years.
  auto v = compute_formula(stats, *find_formula("indice_vecchiaia"), "Alfa", "2024-01-01");
  ASSERT_TRUE(v.value);
  EXPECT_EQ(v.numerator, dec(sum(0, 65, 100, 2)));
  EXPECT_EQ(v.denominator, dec(sum(0, 0, 14, 2)));
  EXPECT_EQ(*v.value, dec(sum(0, 65, 100, 2)) * dec(100) / dec(sum(0, 0, 14, 2)));
  // Carico di figli per donna = 0-4 / donne 15-49 × 100: the sex dimension is used.
  auto k = compute_formula(stats, *find_formula("indice_carico_figli"), "Beta", "2024-01-01");
  ASSERT_TRUE(k.value);
  EXPECT_EQ(k.numerator, dec(sum(1, 0, 4, 2)));
  EXPECT_EQ(k.denominator, dec(sum(1, 15, 49, 1)));
  // Ratio of sums for the two comuni differs from the simple mean and both are labelled.
  std::vector<std::pair<std::string, Decimal>> per;
  for (const char* c : {"Alfa", "Beta"})
    per.emplace_back(
        c, *compute_formula(stats, *find_formula("indice_dipendenza_strutturale"), c, "2024-01-01")
                .value);
  auto figs = aggregate(stats, per, {"Alfa", "Beta"}, "2024-01-01",
                        find_formula("indice_dipendenza_strutturale"), "2024-01-01");
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[2].aggregation, Aggregation::ratio_of_sums);
  Decimal expected =
      dec(sum(0, 0, 14, 2) + sum(0, 65, 100, 2) + sum(1, 0, 14, 2) + sum(1, 65, 100, 2)) *
      dec(100) / dec(sum(0, 15, 64, 2) + sum(1, 15, 64, 2));
  EXPECT_EQ(*figs[2].value, expected);
  EXPECT_NE(*figs[0].value, *figs[2].value);
  // Natalità needs births and population at the same date: 2023 births have no 2023
  // population here, so the figure is not computed rather than mixed.
  EXPECT_FALSE(compute_formula(stats, *find_formula("indice_natalita"), "Alfa", "2023").value);
}

TEST(StatsCsv, EveryBadRowIsReportedAndNothingIsReturned) {
  std::string csv = "territorio,misura,data,dimensione,valore,unità,fonte\n"
                    "Alfa,popolazione,2024-01-01,eta=0-4,120,persone,ISTAT\n"
                    "Alfa,Popolazione,2024-01-01,eta=5-9,130,persone,ISTAT\n"
                    "Alfa,popolazione,31/02/2024,eta=5-9,130,persone,ISTAT\n"
                    "Alfa,popolazione,2024-01-01,eta=9-5,130,persone,ISTAT\n"
                    "Alfa,popolazione,2024-01-01,sesso=X,130,persone,ISTAT\n"
                    "Alfa,popolazione,2024-01-01,,1.234,5,persone,ISTAT\n"
                    ",popolazione,2024-01-01,,12,,\n";
  auto r = importer::parse_stats_csv(csv, "bad.csv");
  EXPECT_TRUE(r.values.empty());
  ASSERT_EQ(r.errors.size(), 8u);
  EXPECT_EQ(r.errors[0].full(), "bad.csv:3: misura: «Popolazione» non valida (lettere minuscole, "
                                "cifre e _ , es. popolazione)");
  EXPECT_EQ(r.errors[1].where, "bad.csv:4");
  EXPECT_NE(r.errors[2].message.find("età «9-5»"), std::string::npos);
  EXPECT_NE(r.errors[3].message.find("sesso «X»"), std::string::npos);
  EXPECT_EQ(r.errors[4].full(), "bad.csv:7: riga: 8 campi invece di 7");
  EXPECT_EQ(r.errors[5].full(), "bad.csv:8: territorio: campo vuoto");
}

TEST(StatsCsv, HeaderMustNameTheSevenColumns) {
  auto r = importer::parse_stats_csv("comune,valore\nAlfa,1\n", "h.csv");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].where, "h.csv:1");
}

} // namespace

// The national budget classification: Missioni and Programmi (D.Lgs. 118/2011, allegato 14).
//
// DUP codes embed missione and programma numbers; validation checks them here. The table is
// shipped inside the binary (data/missioni-programmi.csv is compiled in), so a single
// executable validates without looking for data files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace traguardi {

struct BudgetProgramme {
  std::string mission;      // "12"
  std::string mission_name; // "Diritti sociali, politiche sociali e famiglia"
  std::string programme;    // "06" (the two digits inside the missione)
  std::string name;         // "Interventi per il diritto alla casa"
};

/// The whole classification, in CSV order.
const std::vector<BudgetProgramme>& budget_classification();
/// nullptr when the pair is not in the classification.
const BudgetProgramme* find_budget_programme(std::string_view mission, std::string_view programme);
bool budget_mission_exists(std::string_view mission);

} // namespace traguardi

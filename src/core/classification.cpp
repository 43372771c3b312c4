#include "core/classification.h"

#include "core/csv_text.h"

namespace traguardi {

extern const char* const kMissioniProgrammiCsv; // generated from data/missioni-programmi.csv

const std::vector<BudgetProgramme>& budget_classification() {
  static const std::vector<BudgetProgramme> table = [] {
    std::vector<BudgetProgramme> out;
    auto rows = parse_csv(kMissioniProgrammiCsv, ',');
    for (std::size_t i = 1; i < rows.size(); ++i) { // row 0 is the header
      const auto& r = rows[i];
      if (r.size() < 4 || r[2].size() != 4) continue;
      out.push_back({r[0], r[1], r[2].substr(2, 2), r[3]});
    }
    return out;
  }();
  return table;
}

const BudgetProgramme* find_budget_programme(std::string_view mission, std::string_view programme) {
  for (const auto& p : budget_classification())
    if (p.mission == mission && p.programme == programme) return &p;
  return nullptr;
}

bool budget_mission_exists(std::string_view mission) {
  for (const auto& p : budget_classification())
    if (p.mission == mission) return true;
  return false;
}

} // namespace traguardi

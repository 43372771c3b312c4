#include "core/district.h"

#include "core/district_levels.h"

namespace traguardi {

const MemberComune* capofila(const DistrictPlan& p) {
  for (const auto& c : p.comuni)
    if (c.capofila) return &c;
  return nullptr;
}

int placement_count(const DistrictPlan& p) {
  int n = 0;
  for (const auto& m : p.macro_objectives)
    n += static_cast<int>(m.placements.size());
  return n;
}

std::vector<LevelDefinition> piano_di_zona_levels() {
  return {{"area", "Area", 1, "[0-9]+\\.[0-9]+"},
          {"macro_obiettivo", "Macro-obiettivo", 2, "MO[0-9]{2}"},
          {"azione", "Azione", 3, "MO[0-9]{2}\\.[0-9]+"},
          {"obiettivo_strategico", "Obiettivo strategico annuale", 4, "OS[0-9]{4}_[0-9]+"}};
}

} // namespace traguardi

namespace traguardi {

std::vector<LevelCount> district_level_counts(const Dataset& d) {
  std::vector<LevelCount> out;
  if (!d.district) return out;
  const DistrictPlan& p = *d.district;
  const Vista* v = find_vista(d, p.vista);
  auto levels = v && !v->level_definitions.empty() ? v->level_definitions : piano_di_zona_levels();
  for (const auto& l : levels) {
    int n = 0;
    if (l.key == "area") n = static_cast<int>(p.areas.size());
    if (l.key == "macro_obiettivo") n = static_cast<int>(p.macro_objectives.size());
    if (l.key == "azione")
      for (const auto& m : p.macro_objectives)
        n += static_cast<int>(m.actions.size());
    if (l.key == "obiettivo_strategico") n = static_cast<int>(p.strategic.size());
    out.push_back({l, n});
  }
  return out;
}

} // namespace traguardi

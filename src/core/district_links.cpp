#include "core/district_links.h"

#include "core/figures.h"

namespace traguardi {

std::vector<MacroLinkSummary> summarize_links(const Dataset& ambito,
                                              const std::vector<Dataset>& comuni) {
  std::vector<MacroLinkSummary> out;
  if (!ambito.district) return out;
  for (const auto& m : ambito.district->macro_objectives) {
    if (m.links.empty()) continue;
    MacroLinkSummary s;
    s.macro = m.code;
    Decimal progress_sum, achievement_sum;
    for (const auto& l : m.links) {
      LinkedObjectiveFigure f;
      f.ente = l.ente;
      f.vista = l.vista;
      f.objective = l.objective;
      f.comune = l.ente;
      for (const auto& c : comuni) {
        if (c.ente.code != l.ente) continue;
        f.comune = c.ente.name;
        if (const Objective* o = find_objective(c, l.vista, l.objective)) {
          f.found = true;
          f.description = o->short_description.empty() ? o->description : o->short_description;
          auto figs = compute_figures(*o);
          f.progress = figs.progress.value;
          f.achievement = figs.achievement.value;
        }
      }
      if (f.progress) progress_sum += *f.progress, ++s.with_progress;
      if (f.achievement) achievement_sum += *f.achievement, ++s.with_achievement;
      s.objectives.push_back(std::move(f));
    }
    if (s.with_progress) s.mean_progress = progress_sum / Decimal::from_int(s.with_progress);
    if (s.with_achievement)
      s.mean_achievement = achievement_sum / Decimal::from_int(s.with_achievement);
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace traguardi

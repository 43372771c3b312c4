#include "app/overview.h"

#include "core/figures.h"

namespace traguardi {

std::optional<Decimal> EnteOverview::mean_progress() const {
  if (with_progress == 0) return std::nullopt;
  return progress_sum / Decimal::from_int(with_progress);
}

std::optional<Decimal> EnteOverview::mean_achievement() const {
  if (with_achievement == 0) return std::nullopt;
  return achievement_sum / Decimal::from_int(with_achievement);
}

void overview_all(Store& store, const std::function<void(const EnteOverview&)>& each) {
  store.scan_for_figures([&](const Dataset& d) {
    EnteOverview o;
    o.ente = d.ente.code;
    auto figures = compute_all(d);
    o.rollups = static_cast<int>(compute_rollups(d, figures).size());
    for (const auto& f : figures) {
      ++o.objectives;
      if (f.level == Level::peg) ++o.peg_objectives;
      if (f.progress.value) {
        ++o.with_progress;
        o.progress_sum += *f.progress.value;
      }
      if (f.achievement.value) {
        ++o.with_achievement;
        o.achievement_sum += *f.achievement.value;
      }
    }
    each(o);
  });
}

} // namespace traguardi

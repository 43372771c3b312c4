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
  // Only what the overview prints: the two values per objective, no explanations, no
  // roll-ups (`summary` of one ente shows those).
  store.scan_for_figures([&](const Dataset& d) {
    EnteOverview o;
    o.ente = d.ente.code;
    for (const auto& obj : d.objectives) {
      ++o.objectives;
      if (obj.level == Level::peg) ++o.peg_objectives;
      // A sum beyond Decimal's range leaves that figure out of the mean instead of failing
      // the overview of every ente (core/figures.cpp does the same per objective).
      try {
        if (auto p = progress_value(obj)) {
          o.progress_sum += *p;
          ++o.with_progress;
        }
      } catch (const DecimalOverflow&) {
      }
      try {
        if (auto a = achievement_value(obj)) {
          o.achievement_sum += *a;
          ++o.with_achievement;
        }
      } catch (const DecimalOverflow&) {
      }
    }
    each(o);
  });
}

} // namespace traguardi

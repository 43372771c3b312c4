// The dashboard's roll-ups (the home page's cards, lists and axes), computed once for the page
// and the API (GET /api/v1/enti/{ente}/dashboard), so both show the same figures.
//
// Everything here depends only on the plan and the day (what is late), never on the user: the
// page and the API remember it per plan version and day. The "da compilare" list depends on
// the user and is app::objectives_to_fill (plan_access.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/figures.h"
#include "core/model.h"

namespace traguardi::app {

/// A roll-up on one of the axes the dashboard shows, with the name it is shown under.
struct DashboardAxisRow {
  const RollupFigure* figure = nullptr;
  std::string label; // CdR name, missione "code description", assessorato description
};

struct DashboardFigures {
  std::vector<ObjectiveFigures> figures; // parallel to the dataset's objectives
  std::vector<RollupFigure> rollups;
  int peg_objectives = 0;
  int with_progress = 0, with_achievement = 0; // PEG objectives with a defined figure
  std::optional<Decimal> mean_progress;        // simple mean over those, percent
  std::optional<Decimal> mean_achievement;
  std::vector<const Objective*> late;       // PEG objectives with a late fase
  std::vector<const Objective*> off_target; // PEG objectives with an indicator not met
};

/// The axes the dashboard shows, in its order: "cdr", "missione", "assessorato".
const std::vector<std::string>& dashboard_axes();

/// The figures of `d` (which must outlive the result) as of `today`.
DashboardFigures dashboard_figures(const Dataset& d, const Date& today);

/// The rows of `axis` in roll-up order, labelled.
std::vector<DashboardAxisRow> dashboard_axis(const Dataset& d, const DashboardFigures& f,
                                             const std::string& axis);

/// A fase whose planned end has passed without reaching 100%.
bool is_late(const Objective& o, const Date& today);
/// An objective whose measured indicators show it below its targets.
bool is_off_target(const ObjectiveFigures& f);

} // namespace traguardi::app

#include "app/dashboard.h"

namespace traguardi::app {
namespace {

std::optional<Decimal> mean(const Decimal& sum, int n) {
  if (n == 0) return std::nullopt;
  return sum / Decimal::from_int(n);
}

std::string axis_label(const Dataset& d, const std::string& axis, const std::string& key) {
  if (axis == "cdr") {
    const ResponsibilityCenter* c = find_center(d, key);
    if (!c) return key;
    return c->short_name.empty() ? c->name : c->short_name;
  }
  if (axis == "assessorato") {
    const Assessorato* a = find_assessorato(d, key);
    return a ? a->description : key;
  }
  auto slash = key.find('/');
  if (slash != std::string::npos) {
    const Objective* o = find_objective(d, key.substr(0, slash), key.substr(slash + 1));
    if (o)
      return o->code + " " + (o->short_description.empty() ? o->description : o->short_description);
  }
  return key;
}

} // namespace

const std::vector<std::string>& dashboard_axes() {
  static const std::vector<std::string> axes{"cdr", "missione", "assessorato"};
  return axes;
}

DashboardFigures dashboard_figures(const Dataset& d, const Date& today) {
  DashboardFigures out;
  out.figures = compute_all(d);
  out.rollups = compute_rollups(d, out.figures);
  Decimal psum, asum;
  for (std::size_t i = 0; i < out.figures.size(); ++i) {
    const Objective& o = d.objectives[i];
    if (o.level != Level::peg) continue;
    ++out.peg_objectives;
    const ObjectiveFigures& f = out.figures[i];
    if (f.progress.value) psum += *f.progress.value, ++out.with_progress;
    if (f.achievement.value) asum += *f.achievement.value, ++out.with_achievement;
    if (is_late(o, today)) out.late.push_back(&o);
    if (is_off_target(f)) out.off_target.push_back(&o);
  }
  out.mean_progress = mean(psum, out.with_progress);
  out.mean_achievement = mean(asum, out.with_achievement);
  return out;
}

std::vector<DashboardAxisRow> dashboard_axis(const Dataset& d, const DashboardFigures& f,
                                             const std::string& axis) {
  std::vector<DashboardAxisRow> rows;
  for (const auto& r : f.rollups)
    if (r.axis == axis) rows.push_back({&r, axis_label(d, axis, r.key)});
  return rows;
}

bool is_late(const Objective& o, const Date& today) {
  for (const auto& p : o.phases)
    if (p.planned_end && *p.planned_end < today &&
        (!p.progress || *p.progress < Decimal::from_int(100)))
      return true;
  return false;
}

bool is_off_target(const ObjectiveFigures& f) {
  for (const auto& i : f.indicators)
    if (i.met && !*i.met) return true;
  return false;
}

} // namespace traguardi::app

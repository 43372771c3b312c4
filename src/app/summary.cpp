#include "app/summary.h"

#include <nlohmann/json.hpp>

#include "app/figures_json.h"
#include "core/district_levels.h"

namespace traguardi::app {
namespace {

using J = nlohmann::ordered_json;

J dec(const std::optional<Decimal>& d, int decimals = 2) {
  return d ? J(d->to_string(decimals)) : J(nullptr);
}

// The Piano di Zona levels, listed like the objective levels.
J district_json(const Dataset& d) {
  J levels = J::array();
  for (const auto& l : district_level_counts(d))
    levels.push_back(J{{"key", l.level.key},
                       {"name", l.level.name},
                       {"order", l.level.order},
                       {"code_pattern", l.level.code_pattern},
                       {"count", l.count}});
  int strategic = 0;
  for (const auto& r : d.district->evaluation)
    strategic += r.type == "Strategico";
  return J{{"vista", d.district->vista},
           {"comuni", d.district->comuni.size()},
           {"levels", levels},
           {"evaluated_objectives", d.district->evaluation.size()},
           {"evaluated_strategic", strategic},
           {"statistics", d.statistics.size()}};
}

} // namespace

J objective_figures_json(const Objective& o, const ObjectiveFigures& f) {
  J indicators = J::array();
  for (std::size_t i = 0; i < o.indicators.size(); ++i) {
    const auto& ind = o.indicators[i];
    const auto& a = f.indicators[i];
    indicators.push_back(J{{"order", ind.order},
                           {"target", dec(ind.target)},
                           {"actual", dec(ind.actual)},
                           {"scale", to_string(ind.scale)},
                           {"polarity", to_string(ind.polarity)},
                           {"ratio", dec(a.ratio, 6)},
                           {"capped", dec(a.capped, 6)},
                           {"met", a.met ? J(*a.met) : J(nullptr)},
                           {"rule", a.rule}});
  }
  const auto& p = f.progress;
  return J{{"vista", o.vista},
           {"code", o.code},
           {"level", to_string(o.level)},
           {"phases", o.phases.size()},
           {"weight_sum", p.weight_sum.to_string(2)},
           {"indicators", o.indicators.size()},
           {"progress", dec(p.value)},
           {"achievement", dec(f.achievement.value)},
           {"progress_inputs", J{{"weighted_sum", p.weighted_sum.to_string(2)},
                                 {"weight_sum", p.weight_sum.to_string(2)},
                                 {"reported_only", dec(p.reported_only)},
                                 {"coverage", dec(p.coverage)},
                                 {"phases_without_progress", p.phases_without_progress},
                                 {"phases_without_weight", p.phases_without_weight},
                                 {"rule", p.rule}}},
           {"achievement_inputs", J{{"defined", f.achievement.defined},
                                    {"rule", f.achievement.rule},
                                    {"indicators", indicators}}}};
}

const RollupFigure* SummaryOutcome::rollup_of(const Objective& o) const {
  auto it = tree_.find(o.vista + "/" + o.code);
  return it == tree_.end() ? nullptr : &rollups[it->second];
}

Result<SummaryOutcome> summarize(Session& s) {
  auto d = load_ente(s);
  if (!d) return tl::unexpected(d.error());
  SummaryOutcome out;
  out.dataset = std::move(*d);
  out.figures = compute_all(out.dataset);
  out.rollups = compute_rollups(out.dataset, out.figures);
  for (std::size_t i = 0; i < out.rollups.size(); ++i) {
    const auto& r = out.rollups[i];
    if (r.axis == "mandato" || r.axis == "missione" || r.axis == "programma") out.tree_[r.key] = i;
  }
  for (const auto& o : out.dataset.objectives) {
    ++out.by_level[static_cast<int>(o.level)];
    out.phases += o.phases.size();
    out.indicators += o.indicators.size();
  }
  return out;
}

std::string summary_json(const SummaryOutcome& sum) {
  const Dataset& d = sum.dataset;
  J out{{"ente", d.ente.code},
        {"objectives_by_level", J{{"mandato", sum.by_level[0]},
                                  {"missione", sum.by_level[1]},
                                  {"programma", sum.by_level[2]},
                                  {"peg", sum.by_level[3]}}},
        {"phases", sum.phases},
        {"indicators", sum.indicators},
        {"objectives", J::array()},
        {"rollups", J::array()}};
  for (std::size_t i = 0; i < d.objectives.size(); ++i) {
    J obj = objective_figures_json(d.objectives[i], sum.figures[i]);
    if (const auto* r = sum.rollup_of(d.objectives[i]))
      obj["rollup"] = J{{"peg_objectives", r->objectives},
                        {"progress", dec(r->progress)},
                        {"achievement", dec(r->achievement)},
                        {"rule", "media semplice degli obiettivi di PEG collegati"}};
    out["objectives"].push_back(std::move(obj));
  }
  for (const auto& r : sum.rollups)
    out["rollups"].push_back(J{{"axis", r.axis},
                               {"key", r.key},
                               {"objectives", r.objectives},
                               {"progress", dec(r.progress)},
                               {"achievement", dec(r.achievement)}});
  if (d.district) out["piano_di_zona"] = district_json(d);
  return out.dump(2) + "\n";
}

void overview_enti(Session& s, const std::function<void(const EnteOverview&)>& each) {
  overview_all(s.store(), each);
}

std::string overview_json_line(const EnteOverview& o) {
  J line{{"ente", o.ente},
         {"objectives", o.objectives},
         {"peg_objectives", o.peg_objectives},
         {"with_progress", o.with_progress},
         {"with_achievement", o.with_achievement},
         {"progress", dec(o.mean_progress())},
         {"achievement", dec(o.mean_achievement())}};
  return line.dump();
}

} // namespace traguardi::app

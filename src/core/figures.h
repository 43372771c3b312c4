// Derived figures: objective progress, indicator and objective achievement, roll-ups.
//
// The legacy sheets print no derived figure; traguardi computes them and always returns the
// inputs beside the result, so a page, a sheet or an OIV can see how a number was obtained.
// The rules (seed-spec §6.3), decided here once:
//  - progress = Σ(peso × avanzamento) / Σ(peso) over the fasi that have a peso. A fase without
//    avanzamento counts as 0 ("strict"); the figure over reported fasi only and the coverage
//    Σ peso(reported) / Σ peso are returned too. Weights that do not sum to 100 are normalised
//    (an objective whose weights sum to 50 with every fase at 100 is 100% done) and validation
//    warns. If no fase has a peso, every fase weighs the same. No fasi: undefined.
//  - indicator achievement: higher-is-better actual/target; lower-is-better 1 when actual <=
//    target, else target/actual; boolean 1 when actual >= target, else 0. Undefined without an
//    actual value or with a zero target (higher-is-better). The raw ratio is kept; the capped
//    value min(ratio, 1) is what aggregates use.
//  - objective achievement = mean of the capped achievements of its defined indicators.
//  - roll-ups (programma, missione, mandato, CdR, responsabile, assessorato) = equal-weight mean
//    of the defined figures of the objectives below or owned; counts of undefined ones returned.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/model.h"

namespace traguardi {

struct ProgressFigure {
  std::optional<Decimal> value;         // percent 0-100, strict
  std::optional<Decimal> reported_only; // percent over fasi with avanzamento
  std::optional<Decimal> coverage;      // percent of weight with avanzamento
  Decimal weight_sum;                   // Σ peso of the fasi (missing peso = 0)
  Decimal weighted_sum;                 // Σ peso × avanzamento (missing = 0)
  int phases = 0;
  int phases_without_weight = 0;
  int phases_without_progress = 0;
  bool equal_weights = false; // no fase had a peso
  std::string rule;           // Italian explanation of how `value` was obtained
};

struct AchievementFigure {
  std::optional<Decimal> ratio;  // raw, as a fraction (1 = 100%)
  std::optional<Decimal> capped; // min(ratio, 1)
  std::optional<bool> met;
  std::string rule; // Italian explanation, or why undefined
};

struct ObjectiveAchievement {
  std::optional<Decimal> value; // percent 0-100 (mean of capped ratios × 100)
  int indicators = 0;
  int defined = 0;
  std::string rule;
};

struct ObjectiveFigures {
  std::string vista, code;
  Level level = Level::peg;
  ProgressFigure progress;
  std::vector<AchievementFigure> indicators; // parallel to Objective::indicators
  ObjectiveAchievement achievement;
};

/// A roll-up of objective figures on one axis (a parent objective, a CdR, a person, ...).
struct RollupFigure {
  std::string axis; // "programma", "missione", "mandato", "cdr", "responsabile", "assessorato"
  std::string key;  // vista/code for objective axes, code or key otherwise
  int objectives = 0;
  int with_progress = 0;
  int with_achievement = 0;
  std::optional<Decimal> progress;    // mean percent
  std::optional<Decimal> achievement; // mean percent
  std::vector<std::string> inputs;    // codes of the objectives averaged, so a list can name them
};

ProgressFigure compute_progress(const Objective& o);
AchievementFigure compute_achievement(const Indicator& i);
ObjectiveAchievement compute_objective_achievement(const std::vector<AchievementFigure>& figs);
ObjectiveFigures compute_figures(const Objective& o);
/// Only the values of compute_progress(o).value and compute_figures(o).achievement.value, for
/// national-scale overviews that print nothing else (no explanations built).
std::optional<Decimal> progress_value(const Objective& o);
std::optional<Decimal> achievement_value(const Objective& o);

/// Figures of every objective of the dataset, in dataset order.
std::vector<ObjectiveFigures> compute_all(const Dataset& d);

/// Roll-ups along the objective tree (each ancestor gets the figures of its PEG descendants)
/// and along the owner axes (CdR, responsabile, assessorato), which count PEG objectives only.
std::vector<RollupFigure> compute_rollups(const Dataset& d, const std::vector<ObjectiveFigures>& f);

} // namespace traguardi

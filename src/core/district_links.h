// Progress of a district macro-obiettivo through the PEG objectives of member comuni it is
// linked to: each linked objective's figures (core/figures.h) and their mean, comuni named.
//
// Pure computation: the caller gives the comuni's datasets (the CLI loads them from the store),
// so the report builders can print the result without seeing the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/model.h"

namespace traguardi {

struct LinkedObjectiveFigure {
  std::string comune; // ente name
  std::string ente, vista, objective;
  std::string description;
  bool found = false; // the objective exists in the comune's stored dataset
  std::optional<Decimal> progress, achievement;
};

struct MacroLinkSummary {
  std::string macro; // MacroObjective code
  std::vector<LinkedObjectiveFigure> objectives;
  std::optional<Decimal> mean_progress, mean_achievement; // simple mean of the defined ones
  int with_progress = 0, with_achievement = 0;
};

/// One summary per macro-obiettivo that has links, in plan order.
std::vector<MacroLinkSummary> summarize_links(const Dataset& ambito,
                                              const std::vector<Dataset>& comuni);

} // namespace traguardi

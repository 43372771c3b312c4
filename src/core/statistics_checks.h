// Cross-checks of territorial statistics: what a document prints against what its own tables
// give (seed-spec §6.3.4, §4.8 Q57).
//
// Printed figures are never corrected or copied over: each check sets the printed number beside
// the computed ones, names the rule that reproduces it (sum of the comuni, simple mean,
// population-weighted mean, ratio of sums) or reports that none does. `check` turns the
// disagreements into findings; the statistics report prints every row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/formula_indicators.h"
#include "core/model.h"
#include "core/validation.h"

namespace traguardi {

struct StatCheck {
  std::string subject;   // "Indice di vecchiaia", "Tabella 1 – popolazione 0-3"
  std::string territory; // the ambito or a comune
  std::string table;     // where the printed figure is
  Decimal printed;
  struct Candidate {
    std::string rule; // "media semplice dei comuni", "somma dei comuni", "formula: …"
    std::optional<Decimal> value;
  };
  std::vector<Candidate> computed;
  std::string matched_rule; // empty: no rule gives the printed figure
  std::string note;
  Provenance where;
  bool agrees() const { return !matched_rule.empty(); }
};

/// Checks every printed district total and average, and the per-comune printed figures that a
/// formula can recompute from base values of the same reference date.
std::vector<StatCheck> check_statistics(const Dataset& d);

/// The disagreements as validation findings ("statistica_discordante"), for `check`.
std::vector<Finding> statistics_findings(const Dataset& d);

/// The date of base data closest to `reference` at which every territory has its total
/// population (the weights of a population-weighted mean).
std::string population_reference(const Dataset& d, const std::vector<std::string>& territories,
                                 const std::string& reference);

/// The member comuni of an ambito, or every territory with base values otherwise.
std::vector<std::string> member_territories(const Dataset& d);

} // namespace traguardi

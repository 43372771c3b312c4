// Formula indicators of territorial statistics, defined once (seed-spec §6.3.4).
//
// Each indicator is a ratio of sums of base values (population by age band and sex, births,
// foreign residents) times a multiplier, with its formula in Italian so that every report can
// print it beside the figure. District figures are computed, never typed, and always carry how
// they were aggregated: the simple mean of the comuni, the population-weighted mean, or the
// ratio of the sums — a document's printed averages match different rules (§6.3.4).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/statistics.h"

namespace traguardi {

/// A sum of base values: one measure over age bands [from, to] (to = -1: open), optional sex.
struct StatTerm {
  std::string measure; // "popolazione", "nati", "stranieri"
  int age_from = -1;   // -1: every age (the total)
  int age_to = -1;     // -1: no upper bound
  std::string sex;     // "F", "M" or empty for both
};

struct FormulaIndicator {
  std::string code;    // "indice_vecchiaia": the measure name printed values use too
  std::string name;    // "Indice di vecchiaia"
  std::string formula; // "popolazione 65+ / popolazione 0-14 × 100"
  std::vector<StatTerm> numerator;
  std::vector<StatTerm> denominator;
  Decimal multiplier;
  std::string unit;
  std::string dimension; // the dimension printed values of the same figure carry ("eta=0-18")
};

/// The indicators traguardi knows (vecchiaia, dipendenza, carico figli, natalità, incidenza
/// stranieri and its bands, shares of population bands).
const std::vector<FormulaIndicator>& formula_indicators();
const FormulaIndicator* find_formula(const std::string& code, const std::string& dimension = {});

enum class Aggregation { simple_mean, weighted_mean, ratio_of_sums };
const char* aggregation_label(Aggregation); // Italian, for reports

/// Sum of a term for one territory at one reference date, from base values only; nullopt when
/// the stored bands do not cover the term exactly.
std::optional<Decimal> sum_term(const std::vector<StatValue>& stats, const std::string& territory,
                                const std::string& reference, const StatTerm& term);

struct ComputedFigure {
  std::optional<Decimal> value;
  Decimal numerator, denominator;
};
/// The indicator for one territory; value empty when a term is missing or the denominator is 0.
ComputedFigure compute_formula(const std::vector<StatValue>& stats, const FormulaIndicator& f,
                               const std::string& territory, const std::string& reference);

/// A district figure from per-territory values.
struct DistrictFigure {
  Aggregation aggregation;
  std::optional<Decimal> value;
};
/// Simple mean and population-weighted mean of `values` (territory → value), weights being the
/// total population of each territory at `weight_reference`; ratio of sums when `f` is given.
std::vector<DistrictFigure> aggregate(const std::vector<StatValue>& stats,
                                      const std::vector<std::pair<std::string, Decimal>>& values,
                                      const std::vector<std::string>& territories,
                                      const std::string& weight_reference,
                                      const FormulaIndicator* f, const std::string& reference);

/// Reference dates at which base values of `measure` exist, in order.
std::vector<std::string> references_of(const std::vector<StatValue>& stats,
                                       const std::string& measure);

/// True when `computed` printed with the decimals of `printed` (rounded or truncated) gives it.
bool matches_printed(Decimal printed, Decimal computed);

} // namespace traguardi

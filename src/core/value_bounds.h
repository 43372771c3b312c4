// The range of every stored number, by its meaning.
//
// A 13-digit peso once imported made every figure of the database overflow. Numbers are now
// bounded where they enter (the interchange reader, the store's writes, the edit commands),
// each by what it means. Percentages (peso, avanzamento, competenza, impegno) are refused beyond
// ±1.000: a typo such as 120 is still stored and reported by `check` (validation.h, 0–100), so
// that a legacy plan can be imported and then corrected, but no absurd number gets in.
// Indicator values (euro, counts, indexes) are at most a thousand billion in magnitude, beyond
// any comune's budget yet far from the limits of Decimal. docs/reliability.md lists the bounds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/model.h"

namespace traguardi {

enum class Quantity {
  percent,        // peso, avanzamento, competenza %, impegno %: |v| ≤ 1.000
  indicator_value // valore atteso / raggiunto / storico: |v| ≤ 1.000.000.000.000
};

/// The Italian reason when `v` is outside the bound of `q`, e.g. "valore 5.000,00 fuori
/// intervallo (al massimo 1.000,00 in valore assoluto)"; nullopt when it is within.
std::optional<std::string> bound_problem(Quantity q, Decimal v);

struct OutOfBounds {
  std::string path;    // "objectives[3].phases[0].weight" (prefixed by the caller's root)
  std::string message; // bound_problem's text
};

/// Every out-of-range number of the dataset, with its JSON path under `root` ("$.enti[0]").
std::vector<OutOfBounds> out_of_bounds(const Dataset& d, const std::string& root);

} // namespace traguardi

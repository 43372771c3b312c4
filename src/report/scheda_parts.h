// The tables and the GANTT of one objective, shared by both sheet templates.
//
// Split from scheda_builder.cpp so that each file holds one concern: the builder decides the
// order of sections for a template, these functions turn fasi, indicatori, strutture, soggetti
// and computed figures into document tables with the sheets' column labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/figures.h"
#include "core/model.h"
#include "report/document.h"

namespace traguardi::report {

/// Display name of a person key (the key itself when the person is unknown).
std::string person_name(const Dataset& d, const std::string& key);

/// Year N of the "Valore Raggiunto N-1 / N-2" columns: the objective year, else the first
/// year its indicators or status reports refer to, else the first year of the vista.
std::optional<int> reference_year(const Dataset& d, const Objective& o);

Table phases_table(const Dataset& d, const Objective& o, const char* heading);
Table indicators_table(const Dataset& d, const Objective& o);
Table structures_table(const Objective& o);
Table people_table(const Dataset& d, const Objective& o);
/// Mark of a value the importer could not place with certainty, explained under the table.
inline constexpr const char* kUncertainMark = "(*)";

/// "DATI CALCOLATI": progress and achievement with the rule and the inputs used. An objective
/// without fasi (mandato, missione, programma) shows `rollup`, the mean of its PEG objectives
/// `inputs` (their codes, named in the explanation).
Table figures_table(const Objective& o, const RollupFigure* rollup = nullptr,
                    const std::vector<std::string>& inputs = {});
Gantt phases_gantt(const Objective& o, std::optional<Date> reference);

} // namespace traguardi::report

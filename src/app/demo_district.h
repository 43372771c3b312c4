// Demo data for the Piano di Zona: a fictional social district of five comuni (ambito della
// Val d'Ora, capofila Valdora) with its plan, the evaluation of the previous plan, territorial
// base data by age band and sex, the figures its fictional document "prints", and two member
// comuni with PEG objectives that the district's macro-obiettivi are linked to (and, when the
// demo comune of Valdora is written too, to objectives of the capofila).
// All names and numbers are invented; nothing comes from the seeds.
#pragma once

#include <vector>

#include "core/model.h"

namespace traguardi::demo {

/// The ambito first, then the member comuni that have their own PEG (deterministic).
/// `capofila`: the demo Comune di Valdora as written, whose PEG objectives some macro-obiettivi
/// are linked to (only those that exist in it); nullptr for none.
std::vector<Dataset> make_district(const Dataset* capofila = nullptr);

} // namespace traguardi::demo

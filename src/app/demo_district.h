// Demo data for the Piano di Zona: a fictional social district of five comuni (ambito della
// Val d'Ora, capofila Valdora) with its plan, the evaluation of the previous plan, territorial
// base data by age band and sex, the figures its fictional document "prints", and two member
// comuni with PEG objectives that the district's macro-obiettivi are linked to.
// All names and numbers are invented; nothing comes from the seeds.
#pragma once

#include <vector>

#include "core/model.h"

namespace traguardi::demo {

/// The ambito first, then the member comuni that have their own PEG (deterministic).
std::vector<Dataset> make_district();

} // namespace traguardi::demo

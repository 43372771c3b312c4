// A small hand-made ambito that exercises every field of the Piano di Zona model.
//
// Store and interchange tests share it so that a district field forgotten by one mapping
// shows up as a failed round trip.
#pragma once

#include "core/model.h"

namespace traguardi::testing {

Dataset sample_district(const std::string& ente_code = "A_PROVA");

} // namespace traguardi::testing

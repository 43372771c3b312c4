// A small hand-made dataset that exercises every field of the model.
//
// Store, interchange and report tests share it so that a field forgotten by one mapping shows
// up as a failed round trip rather than as silently lost data.
#pragma once

#include "core/model.h"

namespace traguardi::testing {

Dataset sample_dataset(const std::string& ente_code = "C_PROVA");

} // namespace traguardi::testing

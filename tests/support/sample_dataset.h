// A small hand-made dataset that exercises every field of the model.
//
// Store, interchange and report tests share it so that a field forgotten by one mapping shows
// up as a failed round trip rather than as silently lost data.
#pragma once

#include "core/model.h"

namespace traguardi::testing {

Dataset sample_dataset(const std::string& ente_code = "C_PROVA");
/// `d` with every record version set to 0: the store assigns versions (they never repeat), so
/// tests comparing content compare this.
Dataset without_versions(Dataset d);
/// `d` with every record version set to 0: the store assigns versions (they never repeat), so
/// tests comparing content compare this.
Dataset without_versions(Dataset d);

} // namespace traguardi::testing

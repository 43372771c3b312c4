// Referential integrity of a Dataset, checked before it is stored from outside input.
//
// Records refer to each other by natural keys, so a JSON file can name a centre, a person or a
// parent objective that does not exist. Such a file is refused as a whole (nothing written),
// with the JSON-style path of each dangling reference.
#pragma once

#include <vector>

#include "core/error.h"
#include "core/model.h"

namespace traguardi {

/// Every dangling reference, each as an Error whose `where` is a path like
/// "$.objectives[4].phases[0].center". Empty when the dataset is consistent.
std::vector<Error> check_references(const Dataset& d, const std::string& path_prefix = "$");

} // namespace traguardi

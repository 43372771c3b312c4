// Where a record came from, shared by the objective tree and the district plan.
//
// Kept in its own header so that model.h and district.h can both name it without including
// each other.
#pragma once

#include <string>

namespace traguardi {

/// A document name and line range, or empty when entered by hand.
struct Provenance {
  std::string document;
  int line_from = 0;
  int line_to = 0;
  bool operator==(const Provenance&) const = default;
};

} // namespace traguardi

// Copying enti between two databases (SQLite ↔ PostgreSQL), typically when an ente joins a
// shared installation, and back for a local copy.
//
// The copy goes through the Store (not SQL), one ente at a time in a single destination
// transaction, so it is lossless by construction (the JSON export of the two databases is
// identical), memory stays bounded, and a failure leaves the destination as it was.
#pragma once

#include <string>

#include "core/error.h"

namespace traguardi::app {

struct CopyOutcome {
  std::size_t enti = 0;
  long objectives = 0;
  std::size_t others_in_target = 0; // enti of the destination left untouched
  std::string from_shown, to_shown; // locations without passwords
};

/// Copies `ente` (or every ente when empty) from `from` to `to` (created when missing).
Result<CopyOutcome> copy_enti(const std::string& from, const std::string& to,
                              const std::string& ente);

} // namespace traguardi::app

// Instants as ISO-8601 UTC text, the form sessions and throttles are stored in.
//
// Text that orders like the instants lets SQLite and PostgreSQL compare expiries with the same
// SQL, and keeps the stored rows readable.
#pragma once

#include <chrono>
#include <string>

#include "core/date.h"

namespace traguardi::app {

/// "2026-12-01T20:30:00Z", `offset` from now.
std::string iso_now(std::chrono::seconds offset = std::chrono::seconds{0});
/// The date pages measure lateness against: the sheets' "data di riferimento"
/// (SOURCE_DATE_EPOCH when set, so tests and reports agree).
Date today();

} // namespace traguardi::app

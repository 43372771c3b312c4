// What a value may be, given what it means: the rules the entry points where a user types a
// value apply before it is stored (authoring, progress, apply).
//
// Legacy sheets and interchange files are stored as given and flagged by core/validation.h with
// the same sentences (`check`); a value typed by a user is refused here instead, with an Italian
// sentence saying what is expected. Each function
// returns the problem, or nothing when the value is acceptable.
#pragma once

#include <optional>
#include <string>

#include "core/decimal.h"
#include "core/model.h"

namespace traguardi {

/// A value of an indicator with that scale and polarity: percent 0–100, si/no 0 or 1, euro and
/// counts not negative.
std::optional<std::string> indicator_value_problem(const Indicator& i, const Decimal& v);
/// peso, avanzamento, quota: 0–100.
std::optional<std::string> percent_problem(const Decimal& v);
/// Planned or actual end before its start.
std::optional<std::string> date_order_problem(const std::optional<Date>& start,
                                              const std::optional<Date>& end, const char* what);

} // namespace traguardi

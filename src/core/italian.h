// Italian formats at the edges: 1.134,00 and 31/12/2021.
//
// Everything inside traguardi is Decimal and Date; these functions are the only place where the
// Italian grouping dot, decimal comma and day-first dates are read or written, so sheets, pages
// and importers agree on one definition.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/decimal.h"

namespace traguardi::italian {

/// "1.134,00" (grouped, exactly `decimals` digits). Negative numbers get a leading '-'.
std::string format_number(Decimal value, int decimals = 2);
/// "85,50%"
std::string format_percent(Decimal value, int decimals = 2);
/// Accepts "1.134,00", "1134,5", "1134", "-3,25"; rejects a misplaced grouping dot.
std::optional<Decimal> parse_number(std::string_view text);
/// True when `text` is an Italian number too large for Decimal (parse_number gave nullopt):
/// callers then say Decimal::too_large_message() instead of "not a number".
bool number_too_large(std::string_view text);

/// "31/12/2021"
std::string format_date(const Date& d);
/// Accepts "31/12/2021" and "1/2/2021"; two-digit years are refused (ambiguous).
std::optional<Date> parse_date(std::string_view text);

} // namespace traguardi::italian

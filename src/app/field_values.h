// Values typed by a user (command-line flags, web form fields), turned into model values.
//
// Every authoring use case takes text as the user wrote it, in Italian form (1.134,50;
// 31/12/2025; "-" to clear a value), so that the command line and the web application refuse
// the same inputs with the same Italian messages. A refusal is an Error whose `where` is the
// field name as the user knows it ("avanzamento", "fine-effettiva"): the command line shows
// it as the flag (--avanzamento), the web next to the form field.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/decimal.h"
#include "core/error.h"

namespace traguardi::app {

/// An optional edit of one field: absent = leave as it is; "-" = clear it.
using FieldText = std::optional<std::string>;

inline bool clears(const FieldText& t) {
  return t && *t == "-";
}

/// "1.134,50" → 1134.5. Too many digits is "troppo grande", not "non è un numero".
Result<Decimal> parse_number_field(const std::string& text, const std::string& field);
/// "31/12/2025" (also 2025-12-31); "-" → nullopt.
Result<std::optional<Date>> parse_date_field(const std::string& text, const std::string& field);
/// A whole number (order, year) in a range.
Result<int> parse_int_field(const std::string& text, const std::string& field, int min, int max);
/// A percentage 0–100 (peso, avanzamento, quota).
Result<Decimal> parse_percent_field(const std::string& text, const std::string& field);

/// An Error naming the field.
tl::unexpected<Error> field_error(const std::string& field, std::string message);

} // namespace traguardi::app

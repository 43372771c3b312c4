#include "app/field_values.h"

#include <charconv>

#include <fmt/format.h>

#include "core/italian.h"
#include "core/value_bounds.h"

namespace traguardi::app {

tl::unexpected<Error> field_error(const std::string& field, std::string message) {
  return fail(std::move(message), field);
}

Result<Decimal> parse_number_field(const std::string& text, const std::string& field) {
  auto d = italian::parse_number(text);
  if (!d && italian::number_too_large(text))
    return field_error(field, Decimal::too_large_message());
  if (!d)
    return field_error(field,
                       fmt::format("«{}» non è un numero (formato italiano, es. 1.134,50)", text));
  // Values of indicators are the widest bound; percentages narrow it below.
  if (auto problem = bound_problem(Quantity::indicator_value, *d))
    return field_error(field, *problem);
  return *d;
}

Result<std::optional<Date>> parse_date_field(const std::string& text, const std::string& field) {
  if (text == "-") return std::optional<Date>{};
  if (auto d = italian::parse_date(text)) return std::optional<Date>{*d};
  if (auto d = Date::parse_iso(text)) return std::optional<Date>{*d};
  return field_error(field, fmt::format("«{}» non è una data gg/mm/aaaa", text));
}

Result<int> parse_int_field(const std::string& text, const std::string& field, int min, int max) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    return field_error(field, fmt::format("«{}» non è un numero intero", text));
  if (v < min || v > max)
    return field_error(field, fmt::format("deve essere compreso tra {} e {}", min, max));
  return v;
}

Result<Decimal> parse_percent_field(const std::string& text, const std::string& field) {
  auto d = parse_number_field(text, field);
  if (!d) return d;
  if (d->is_negative() || *d > Decimal::from_int(100))
    return field_error(field, "deve essere compreso tra 0 e 100");
  return d;
}

} // namespace traguardi::app

#include "report/document.h"

#include "core/italian.h"

namespace traguardi::report {

Cell Cell::of_text(std::string text) {
  Cell c;
  c.text = std::move(text);
  return c;
}

Cell Cell::of_number(const std::optional<Decimal>& value) {
  Cell c;
  if (value) {
    c.text = italian::format_number(*value);
    c.number = value;
  }
  return c;
}

Cell Cell::of_date(const std::optional<Date>& value) {
  Cell c;
  if (value) {
    c.text = italian::format_date(*value);
    c.date = value;
  }
  return c;
}

std::string format_scaled(const Decimal& value, Scale scale) {
  switch (scale) {
  case Scale::percent:
    return italian::format_number(value) + " %";
  case Scale::euro:
    return "€ " + italian::format_number(value);
  case Scale::boolean:
    // Values other than 0 and 1 are data errors and print as they are.
    if (value.is_zero()) return "0 (no)";
    if (value == Decimal::from_int(1)) return "1 (sì)";
    return italian::format_number(value);
  default:
    return italian::format_number(value);
  }
}

Cell Cell::of_scaled(const std::optional<Decimal>& value, Scale scale) {
  Cell c = of_number(value);
  if (value) c.text = format_scaled(*value, scale);
  return c;
}

std::vector<TableRef> all_tables(const Document& d) {
  std::vector<TableRef> out;
  for (const auto& s : d.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b)) out.push_back({&s, t});
  return out;
}

} // namespace traguardi::report

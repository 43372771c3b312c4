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

std::vector<TableRef> all_tables(const Document& d) {
  std::vector<TableRef> out;
  for (const auto& s : d.sections)
    for (const auto& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b)) out.push_back({&s, t});
  return out;
}

} // namespace traguardi::report

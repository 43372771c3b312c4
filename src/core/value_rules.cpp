#include "core/value_rules.h"

#include "core/italian.h"

namespace traguardi {

std::optional<std::string> percent_problem(const Decimal& v) {
  if (v.is_negative() || v > Decimal::from_int(100)) return "deve essere compreso tra 0 e 100";
  return std::nullopt;
}

std::optional<std::string> indicator_value_problem(const Indicator& i, const Decimal& v) {
  switch (i.scale) {
  case Scale::percent:
    if (auto p = percent_problem(v)) return "l'indicatore è una percentuale: il valore " + *p;
    break;
  case Scale::boolean:
    if (v != Decimal::from_int(0) && v != Decimal::from_int(1))
      return "l'indicatore è di tipo sì/no: il valore deve essere 0 (no) o 1 (sì), non " +
             italian::format_number(v);
    break;
  case Scale::euro:
  case Scale::count:
    if (v.is_negative())
      return std::string("l'indicatore è ") +
             (i.scale == Scale::euro ? "un importo in euro" : "un conteggio") +
             ": il valore non può essere negativo";
    break;
  case Scale::index:
  case Scale::other:
    break;
  }
  return std::nullopt;
}

std::optional<std::string> date_order_problem(const std::optional<Date>& start,
                                              const std::optional<Date>& end, const char* what) {
  if (start && end && *end < *start)
    return std::string("la fine ") + what + " (" + italian::format_date(*end) +
           ") precede l'inizio (" + italian::format_date(*start) + ")";
  return std::nullopt;
}

} // namespace traguardi

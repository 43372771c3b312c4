#include "report/district_builder.h"

#include "core/error.h"

namespace traguardi::report {

std::optional<DistrictReport> district_report_from_string(std::string_view s) {
  if (s == "valutazione-esiti") return DistrictReport::valutazione_esiti;
  if (s == "statistiche-territoriali") return DistrictReport::statistiche_territoriali;
  if (s == "piano-di-zona") return DistrictReport::piano_di_zona;
  return std::nullopt;
}

Result<Document> build_district_report(const Dataset& d, DistrictReport kind,
                                       const std::vector<MacroLinkSummary>& links, Date produced) {
  if (kind == DistrictReport::statistiche_territoriali) {
    if (d.statistics.empty())
      return fail("l'ente " + d.ente.code +
                  " non ha statistiche territoriali (importarle con "
                  "«traguardi import-piano-di-zona» o «traguardi import-stats»)");
    return build_statistics_report(d, produced);
  }
  if (!d.district)
    return fail("l'ente " + d.ente.code +
                " non ha un Piano di Zona (importarlo con «traguardi "
                "import-piano-di-zona»)");
  if (kind == DistrictReport::valutazione_esiti) {
    if (d.district->evaluation.empty())
      return fail("il Piano di Zona dell'ente " + d.ente.code +
                  " non ha una tabella di "
                  "valutazione degli esiti");
    return build_evaluation_report(d, produced);
  }
  return build_plan_report(d, links, produced);
}

std::string text_bar(Decimal value, Decimal max, int width) {
  if (max.is_zero() || value.is_negative()) return {};
  auto n = (value * Decimal::from_int(width) / max).rounded(0).units() / Decimal::kScale;
  std::string out;
  for (std::int64_t i = 0; i < n; ++i)
    out += "\xE2\x96\x88";
  return out;
}

} // namespace traguardi::report

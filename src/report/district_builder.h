// From an ambito's Dataset to the printable documents of the Piano di Zona: the evaluation of
// the previous plan, the territorial statistics and the plan itself (areas, macro-obiettivi,
// actions, strategic objectives, governance).
//
// Built on the same Document model as the sheets, so the PDF, HTML, XLSX and CSV renderers print
// them unchanged. Every computed figure names its formula and aggregation; printed figures are
// shown beside computed ones, never replaced.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/district_links.h"
#include "core/error.h"
#include "core/model.h"
#include "report/document.h"

namespace traguardi::report {

enum class DistrictReport { valutazione_esiti, statistiche_territoriali, piano_di_zona };

std::optional<DistrictReport> district_report_from_string(std::string_view);

/// Fails (InvalidInput value) when the ente has no Piano di Zona (evaluation and plan) or no
/// statistics (statistics report).
Result<Document> build_district_report(const Dataset& d, DistrictReport kind,
                                       const std::vector<MacroLinkSummary>& links, Date produced);

// One builder per report (district_*.cpp).
Document build_evaluation_report(const Dataset& d, Date produced);
Document build_statistics_report(const Dataset& d, Date produced);
Document build_plan_report(const Dataset& d, const std::vector<MacroLinkSummary>& links,
                           Date produced);

/// "████████" proportional to value / max (at most `width` characters): a bar every renderer
/// can print.
std::string text_bar(Decimal value, Decimal max, int width = 30);

} // namespace traguardi::report

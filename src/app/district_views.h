// What the web's Piano di Zona pages show: the ambito's plan, the progress of the PEG objectives
// of member comuni its macro-obiettivi are linked to, the territorial statistics as the report
// prints them (district rows with their aggregation, formulas, printed-vs-computed checks), and
// the three reports as downloads.
//
// Through app so that src/web never includes a report builder: the statistics tables are the
// `statistiche-territoriali` report's own tables turned into text, so page and report cannot
// drift apart, and the link figures are those of `collega-macro` (core/district_links.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth.h"
#include "app/plan_cache.h"
#include "app/sheet_views.h"
#include "core/district_links.h"
#include "core/error.h"
#include "core/model.h"
#include "core/statistics_checks.h"
#include "store/store.h"

namespace traguardi::app {

struct DistrictView {
  std::shared_ptr<const Dataset> ambito; // has a district plan
  std::vector<MacroLinkSummary> links;   // one per linked macro-obiettivo, in plan order
};

/// May `p` open the ente `requested` (empty: their own)? Users bound to an ente open only it;
/// the web answers 403 otherwise, whether or not the other ente exists.
bool may_open_ente(const Principal& p, std::string_view requested);

/// The ambito `requested` (empty: the user's ente) with its link figures. NotFound when the ente
/// does not exist or has no Piano di Zona.
Result<DistrictView> district_view(Store& store, const Principal& p, std::string_view requested,
                                   PlanCache& cache);

/// A block of a report section as text: a table (headers not empty) or a paragraph.
struct TextBlock {
  std::string heading;
  TextTable table;
  std::vector<bool> district_rows; // per row: computed for the ambito (not a comune's value)
  std::string lead, text;
};
struct TextSection {
  std::string title;
  std::vector<std::pair<std::string, std::string>> fields; // header label → value
  std::vector<TextBlock> blocks;
};

/// The `statistiche-territoriali` report of the ambito as text sections (tables per territory
/// with district rows, formula indicators, checks), without the checks section.
std::vector<TextSection> statistics_sections(const Dataset& ambito);

/// "valutazione-esiti", "statistiche-territoriali" or "piano-di-zona" as "pdf", "html", "xlsx"
/// or "csv" (a ZIP), in memory; InvalidInput for another kind or format, or a report the ambito
/// has no data for.
Result<SheetFile> district_report_file(const DistrictView& v, const std::string& kind,
                                       const std::string& format);

} // namespace traguardi::app

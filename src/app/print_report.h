// Printing a sheet as a use case: loads the session's ente, selects the objectives (or, for the
// Piano di Zona reports, the ambito and the comuni its macro-obiettivi are linked to), builds
// the document and writes it in the format asked. The report layer never sees the store; front
// ends never see the report layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/session.h"

namespace traguardi::app {

struct ReportRequest {
  // "scheda-obiettivi" | "scheda-peg-rendicontazione" | a Piano di Zona report
  // ("valutazione-esiti" | "statistiche-territoriali" | "piano-di-zona")
  std::string kind;
  std::string format; // "pdf" | "html" | "xlsx" | "csv"
  std::string out;    // file to write
  // Filters (empty = all), as the user typed them: codes or names.
  std::string vista, level, center, responsible, assessorato, short_description;
  std::optional<int> year;
  std::optional<Date> as_of;    // `--al`: reference date of the Gantt and the period
  std::optional<Date> produced; // printed "Data elaborazione" (default: production_date())
  bool draft = false;           // "BOZZA" watermark
  bool sign_off = false;        // signature block after each objective
};

struct ReportOutcome {
  bool empty = false;  // the selection matched no objective: nothing written
  std::string message; // why it is empty (Italian), when `empty`
  std::string title;
  std::size_t sections = 0;       // objectives (sheets) or sections (Piano di Zona reports)
  std::vector<std::string> files; // every file written (CSV: one per table)
};

/// True for the kinds printed from a Piano di Zona (print_report handles both).
bool is_district_report(const std::string& kind);

Result<ReportOutcome> print_report(Session& s, const ReportRequest& r);

} // namespace traguardi::app

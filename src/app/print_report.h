// Printing a sheet (SCHEDA OBIETTIVI, SCHEDA PEG DI RENDICONTAZIONE) as a use case: loads the
// session's ente, selects the objectives, builds the document and writes it in the format
// asked. The report layer never sees the store; front ends never see the report layer.
#pragma once

#include <optional>
#include <string>

#include "app/session.h"

namespace traguardi::app {

struct ReportRequest {
  std::string kind;   // "scheda-obiettivi" | "scheda-peg-rendicontazione"
  std::string format; // "pdf" | "html" | "xlsx" | "csv"
  std::string out;    // file to write
  // Filters (empty = all), as the user typed them: codes or names.
  std::string vista, level, center, responsible, assessorato, short_description;
  std::optional<int> year;
};

struct ReportOutcome {
  bool empty = false;  // the selection matched no objective: nothing written
  std::string message; // why it is empty (Italian), when `empty`
  std::string title;
  std::size_t objectives = 0;
};

Result<ReportOutcome> print_report(Session& s, const ReportRequest& r);

} // namespace traguardi::app

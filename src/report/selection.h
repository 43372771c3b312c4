// Which objectives a sheet prints, and the "Parametri selezionati" that say so.
//
// The legacy sheets are always a filtered extract (a vista, a livello, one filter such as a
// centro di responsabilità) and echo that filter on the cover. The selection is validated here,
// against the Dataset, so that a mistyped vista or CdR gets an Italian message listing the valid
// values instead of an empty sheet; the CLI, the web layer and the tests share this one rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "report/document.h"

namespace traguardi::report {

enum class ReportKind { scheda_obiettivi, scheda_peg_rendicontazione };

/// "scheda-obiettivi", "scheda-peg-rendicontazione".
std::optional<ReportKind> report_kind_from_string(std::string_view name);
/// "SCHEDA OBIETTIVI", "SCHEDA PEG DI RENDICONTAZIONE".
const char* report_title(ReportKind kind);

/// Filters as typed by a user; empty fields do not filter.
struct Selection {
  std::string vista;             // code; empty = the only or most recent vista
  std::string level;             // "peg", "programma", ... or "OBIETTIVO DI PEG"
  std::string center;            // CdR code or name; includes the centres below it
  std::string responsible;       // person key, name or username
  std::string assessorato;       // key or description
  std::string short_description; // descrizione sintetica (contained, case-insensitive)
  std::optional<int> year;       // anno
};

struct SelectedObjectives {
  const Vista* vista = nullptr;
  Level level = Level::peg;
  std::vector<const Objective*> objectives; // in printed order
  std::vector<Parameter> parameters;        // "Parametri selezionati"
};

/// Validates the filters and returns the matching objectives (possibly none). Unknown vista,
/// livello, CdR, responsabile or assessorato give an error listing the valid values.
Result<SelectedObjectives> select_objectives(const Dataset& d, ReportKind kind, const Selection& s);

/// The Italian sentence for a selection that matched nothing.
std::string empty_selection_message(const SelectedObjectives& s);

} // namespace traguardi::report

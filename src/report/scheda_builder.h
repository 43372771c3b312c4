// From a Dataset and a selection to the printable document of a sheet.
//
// This is the only place that knows what a SCHEDA OBIETTIVI or a SCHEDA PEG DI
// RENDICONTAZIONE contains and in which order (seed-spec §3.2–§3.4, §3.6), plus the block of
// computed figures the legacy sheets lacked. Renderers receive the finished Document and never
// see the Dataset, which is why names are resolved (CdR, persons, assessorati) here.
#pragma once

#include <optional>

#include "core/date.h"
#include "core/model.h"
#include "report/document.h"
#include "report/selection.h"

namespace traguardi::report {

/// How a sheet is printed, beyond which objectives it holds.
struct SheetOptions {
  Date produced;                 // "Data elaborazione" (text_rules.h production_date())
  std::optional<Date> as_of;     // `--al`: the reference date asked for
  bool draft = false;            // "BOZZA" watermark
  bool sign_off = false;         // signature block after each objective
  std::optional<Date> reference; // filled by build_scheda (sheet_reference())
};

/// Labels of a description cut by the legacy 255-character header box (printed whole at the end
/// of the objective), and of one the source sheet had already cut.
inline constexpr const char* kCutMark =
    "(nell'intestazione abbreviata a 255 caratteri con «...», come nelle schede originali)";
inline constexpr const char* kSourceCutMark = "(già troncata nella scheda di origine)";

/// The sheet of the selected objectives, one section per objective, in selection order.
Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      SheetOptions options);
/// The same with default options and `produced` as "Data elaborazione".
Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      Date produced);

/// Reference date of the period a sheet reports: `--al` when given, else 31/12 of the one year
/// all printed objectives share, else 31/12 of the vista's first year. It dates the GANTT
/// (never the day of printing) and is printed among the "Parametri selezionati".
std::optional<Date> sheet_reference(const SelectedObjectives& selected,
                                    const SheetOptions& options);

} // namespace traguardi::report

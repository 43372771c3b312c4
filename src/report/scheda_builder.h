// From a Dataset and a selection to the printable document of a sheet.
//
// This is the only place that knows what a SCHEDA OBIETTIVI or a SCHEDA PEG DI
// RENDICONTAZIONE contains and in which order (seed-spec §3.2–§3.4, §3.6), plus the block of
// computed figures the legacy sheets lacked. Renderers receive the finished Document and never
// see the Dataset, which is why names are resolved (CdR, persons, assessorati) here.
#pragma once

#include "core/date.h"
#include "core/model.h"
#include "report/document.h"
#include "report/selection.h"

namespace traguardi::report {

/// The sheet of the selected objectives, one section per objective, in selection order.
/// `produced` is the "Data elaborazione" (see text_rules.h production_date()).
Document build_scheda(const Dataset& d, ReportKind kind, const SelectedObjectives& selected,
                      Date produced);

} // namespace traguardi::report

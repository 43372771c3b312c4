// The time scale of a GANTT, shared by the PDF and the SVG drawings.
//
// Both renderers must put the same bar at the same place, so dates become fractions of the
// chart width here, once; each renderer only multiplies by its own width. The scale covers
// whole months around every phase date and the reference date, with a band of years and a band
// of months (or quarters on long spans) for the axis labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "report/document.h"

namespace traguardi::report {

struct TimeBand {
  double x0 = 0, x1 = 0; // fractions of the chart width
  std::string label;     // "2021", "gen", "T1"
};

struct BarSpan {
  double x0 = 0, x1 = 0;
  bool open_end = false; // no end date: the bar runs to the reference date or the scale end
};

struct TimeScale {
  Date from, to; // inclusive whole days
  std::vector<TimeBand> years;
  std::vector<TimeBand> units; // months, or quarters when the span is long
  bool empty = true;           // no date at all: nothing to draw

  /// Fraction of the width at the start of `d` (clamped to 0..1).
  double at(const Date& d) const;
  /// Fraction at the end of `d`.
  double after(const Date& d) const;
};

TimeScale make_time_scale(const Gantt& g);

/// Bars of one phase; nullopt when the phase has no start date of that kind.
std::optional<BarSpan> planned_span(const GanttPhase& p, const Gantt& g, const TimeScale& s);
std::optional<BarSpan> actual_span(const GanttPhase& p, const Gantt& g, const TimeScale& s);

/// Legend labels, in drawing order.
inline constexpr const char* kLegendPlanned = "Previsto";
inline constexpr const char* kLegendActual = "Effettivo";
inline constexpr const char* kLegendProgress = "Avanzamento";
/// "Data di riferimento 31/12/2021".
std::string reference_label(const Gantt& g);

} // namespace traguardi::report

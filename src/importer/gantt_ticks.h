// The GANTT chart's month ticks put back under their heading.
//
// traguardi draws the GANTT chart from the fasi; what a tool reads of the drawing is skipped
// under the "GANTT" heading (objective_body). pdfminer groups the text boxes of a page by their
// distances, and the row of month ticks (with the year and the legend) may come before the
// heading, at the end of the narrative above it, where it would read as part of that text.
#pragma once

#include <vector>

#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// Moves every run of month ticks ("gen" … "dic", the year, the legend; at least six, each on
/// its own line) that comes before the page's next "GANTT" heading to right after it; lines
/// keep their numbers. Each move is an INFO finding `gantt_prima_del_titolo` at the first tick.
void gantt_ticks_under_heading(std::vector<Line>& lines, FindingSink& sink);

} // namespace traguardi::importer

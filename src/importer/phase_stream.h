// FASI rows printed one cell per line, joined back into the legacy row lines.
//
// mutool prints each cell of traguardi's FASI table on lines of its own, in the table's column
// order (sheet_templates.h): the description, then peso, avanzamento, inizio and fine previsti
// one per line, responsabile and centro, the note, the actual dates one per line. The legacy
// print has the four values on one line with responsabile and centro after them, and the
// actual dates together on the closing line; parse_phases reads that. So runs of values alone
// on their lines are joined into one line, by their shapes (Italian numbers, dates dd/mm/yyyy,
// the empty-cell mark), and a run that holds the planned values takes the text printed right
// under it (responsabile, centro) as the rest of its line. Column labels are dropped.
#pragma once

#include <vector>

#include "importer/text_lines.h"

namespace traguardi::importer {

/// Whether the FASI lines print their values one per line: a number alone on its line followed
/// by another value alone on the next.
bool phase_cells_per_line(const std::vector<Line>& lines);

/// The lines with each run of lone values joined (new text kept in `arena`); a joined line
/// keeps the number of its first cell's line.
std::vector<Line> phase_lines_from_cells(const std::vector<Line>& lines, TextArena& arena);

} // namespace traguardi::importer

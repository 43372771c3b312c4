// INDICATORI rows printed one cell per line, put back into rows by the shapes of the cells.
//
// pdftotext's default mode and mutool print each cell of traguardi's INDICATORI table on lines
// of its own: the description, the Tipo keyword (sometimes at the end of the description's
// first line), each value ("5,00", "80,00 %", "1 (sì)", "10,00 % (*)"), the note; empty cells
// leave nothing. The order of the cells in a row is the table's (sheet_templates.h): a Tipo
// keyword opens a record and the values that follow it are its columns in order; the text
// blocks are the descriptions in order, the text between a Tipo and its first value continues
// its description, and a block more than the rows need is the note of the row before it (on
// programme sheets a description opens with its year, "2020 - ", so that no count is needed).
// The records are written in the legacy line structure, which parse_indicators reads.
#pragma once

#include <vector>

#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// Whether the INDICATORI lines print their cells one per line: a Tipo keyword ends a line with
/// no value after it, and some value stands alone on its line.
bool indicator_cells_per_line(const std::vector<Line>& lines);

/// The rows rebuilt from the cells, as legacy lines (new text kept in `arena`): description,
/// then "TIPO v1 v2 ...", then the note, each block after an empty line. Lines keep the number
/// of the line their first cell came from.
std::vector<Line> indicator_rows_from_cells(const std::vector<Line>& lines, bool year_prefix,
                                            TextArena& arena, FindingSink& sink);

} // namespace traguardi::importer

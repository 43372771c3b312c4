// Where a FASI note starts when pdftotext -layout set it a single space after the centre.
//
// On the character grid the note column can start a few characters left of its "Note" label,
// so a note's first line runs on from the centre's capitals with one space between ("SETT. X E
// IN ATTESA DI ..."), and a note printed in capitals cannot be told from the centre by case.
// Its other lines show where the column starts in that table: cells that begin inside the
// centre's column, right of its left edge. A word starting there begins the note.
#pragma once

#include <vector>

#include "importer/pdf_tables.h"

namespace traguardi::importer::pdf {

/// The left edges of the cells between the centre's label and the note's on the lines of the
/// table [at, end) whose labels are `head` at lines[at]; none when the note does not follow
/// the centre.
std::vector<double> note_edges(const std::vector<VisualLine>& lines, std::size_t at,
                               std::size_t end, double gutter, const std::vector<Span>& head,
                               double step);

/// Whether x is one of the edges, within step.
bool at_note_edge(const std::vector<double>& edges, double x, double step);

} // namespace traguardi::importer::pdf

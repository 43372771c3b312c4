// FASI tables that pdftotext's default mode prints as a staircase, put back row by row.
//
// poppler's reading order (a topological sort of the cell blocks) splits traguardi's FASI table
// in two passes: first the leading column labels and, row after row, the description with the
// first cells of its row (fewer cells each row: a staircase), then the remaining column labels
// ("Note", "Inizio Effettivo", "Fine Effettiva") and, row after row, the cells each row still
// lacks. Every cell is a block of its own between empty lines and empty cells print nothing, so
// the rows come back only where one split of both passes gives every cell a column of its shape
// (numbers under Peso and Avanz., dates under the dates, text elsewhere; only the note and the
// actual dates may be missing; a tall note may come after its row's actual dates). A table
// printed whole, a cell a block, is read by the same rule. Without exactly one such split the
// table is left as printed and its rows are reported unread as before: a row is never guessed.
#pragma once

#include <optional>
#include <vector>

#include "importer/text_lines.h"

namespace traguardi::importer {

/// The FASI lines with every staircase table rewritten one cell per block in row order (the
/// lines keep their numbers); nullopt when no table of the section reads as a staircase.
std::optional<std::vector<Line>> phase_rows_from_staircase(const std::vector<Line>& section);

} // namespace traguardi::importer

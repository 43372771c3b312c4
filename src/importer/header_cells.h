// Header cells of an objective page: which printed text is the assessorato, the delegations,
// the area, the centre and the description, for each kind of sheet.
//
// The legacy print separates the cells with empty lines; some extractors keep them, others
// drop some or all (issue 9). The cells are assigned from the blocks between empty lines when
// the blocks are there, and from the shape of the text (wrapped_cells.h) when they are not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importer/findings.h"
#include "importer/sheet_layout.h"

namespace traguardi::importer {

/// Lines of one block of the header (between empty lines), as views of the normalised text.
using Block = std::vector<std::string_view>;

/// The lines of a block joined with single spaces (empty lines skipped).
std::string join_block(const Block& b);

/// Whether every word of the line is in capitals (centre names, persons).
bool all_upper(std::string_view line);

/// Splits a single-block PEG objectives header into CdR and description by letter case.
void split_by_shape(SheetTemplate templ, std::vector<Block>& blocks, int line, FindingSink& sink);

/// Assigns the blocks before "Responsabile" to the header cells of `templ`.
void fill_cells(SheetTemplate templ, const std::vector<Block>& blocks, PageHeader& h);

} // namespace traguardi::importer

// Tables of a PDF read by column position, written out in the legacy line structure.
//
// Text rebuilt from word boxes line by line mixes the cells of a ruled table: a wrapped
// description, the notes and the actual dates of one row share visual lines, and an empty cell
// leaves nothing behind, so a later value slides into its column (seed-spec §4 Q39). The FASI
// and INDICATORI tables that traguardi prints have gutters between cells wider than any word
// space; from them we recover each cell, then write every row as the text parser reads it
// (seed-spec §3.1.5-3.1.6), with an explicit empty-cell mark where a value is missing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace traguardi::importer::pdf {

struct Word {
  double x0 = 0, x1 = 0, y = 0, h = 0; // left, right, vertical centre, height (points)
  std::string text;
};

struct VisualLine {
  double y = 0, h = 0;
  std::vector<Word> words; // left to right
};

/// If lines[at] is the column-label line of a FASI or INDICATORI table whose cells can be told
/// apart by position, appends the table's rows to `out` and returns the index of the first line
/// after the table; otherwise returns `at` and leaves `out` alone. `gutter` is the smallest
/// horizontal gap that separates two cells on this page.
std::size_t read_table(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                       std::string& out);

/// traguardi's "DATI CALCOLATI" block (heading and table, or the table continued on a new
/// page) is derived from the data, not part of the sheet: returns the index after it, or `at`.
std::size_t skip_figures(const std::vector<VisualLine>& lines, std::size_t at, double gutter);

/// A row of objective-header labels ("OBIETTIVO DI PEG  Area Tematica  Assessorato ...",
/// "Centro di responsabilità  Responsabile"): the values below share visual lines, names of
/// persons and centres in capitals side by side, so only their positions tell them apart.
/// When lines[at] is such a row, writes every label with its values below it, cells separated
/// by empty lines (as an HTML sheet prints them), and returns the index after the values;
/// otherwise returns `at`.
std::size_t read_header_row(const std::vector<VisualLine>& lines, std::size_t at, double gutter,
                            std::string& out);

/// Smallest gap between two cells: clearly wider than the word spaces of the page, so text
/// set with wide spaces (a monospace print of a legacy sheet) is never cut into cells.
double cell_gutter(const std::vector<VisualLine>& lines);

} // namespace traguardi::importer::pdf

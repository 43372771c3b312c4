// The columns of a table laid out with spaces (w3m, html2text): where each column starts and
// ends and which label it has, from the character grid of the table's lines (issue 9).
//
// aligned_tables reads captions and rows; the geometry of columns is its own concept, shared by
// the two readings a table may need (blank character columns, then label starts).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace traguardi::importer {

/// A table's lines as characters (columns are counted in characters, not bytes).
using CharGrid = std::vector<std::vector<std::string_view>>;

struct Column {
  std::size_t from, to;
};

/// The characters [from, to) of a line, trimmed.
std::string slice(const std::vector<std::string_view>& c, std::size_t from, std::size_t to);

/// Pieces of one cell over the lines of a row: a date wrapped after its '/' joins without space.
void add_piece(std::string& cell, const std::string& piece);

/// Labels per column from the first `header_lines` lines of `grid`: a label cut at its spaces
/// is joined again, a column without label text is attached to a neighbour.
void label_columns(const CharGrid& grid, std::size_t header_lines, const std::vector<Column>& cols,
                   std::vector<Column>& merged, std::vector<std::string>& labels);

/// A label made of two labels, with no blank column between them, cut where the second starts.
void split_joined_labels(const CharGrid& grid, std::size_t header_lines, std::vector<Column>& cols,
                         std::vector<std::string>& labels);

/// Columns that start where the label words start (html2text), `width` characters in all;
/// `shifted`: one position earlier where that position is blank on the label lines.
std::vector<Column> label_start_columns(const CharGrid& grid, std::size_t header_lines,
                                        std::size_t width, bool shifted = true);

} // namespace traguardi::importer

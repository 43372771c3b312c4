// Cells of text that a tool made of an HTML sheet: tables recovered from their borders, rows
// and labels, and the plain lines around them.
//
// HTML-to-text tools print traguardi's tables in their own styles (issue 9): pandoc as grid
// tables (`+---+`, `| … |`, the objective's layout table) holding multiline tables (a dashed
// rule per column, rows between empty lines), pandoc's GitHub Markdown as raw HTML rows,
// docx2txt one cell per line with empty cells kept as empty lines. These readers find the
// cells from those signals alone, each with the line it came from; cell_stream.h decides what
// the cells mean.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace traguardi::importer {

struct TextLine {
  int number = 0; // 1-based line of the file
  std::string text;
};

struct CellTable {
  int number = 0;      // line of the column labels
  std::string caption; // FASI, INDICATORI, ... when the tool printed one
  std::vector<std::string> labels;
  struct Row {
    int number = 0;
    std::vector<std::string> cells; // one per label, empty cells kept
  };
  std::vector<Row> rows;
  bool one_cell_per_line = false; // docx2txt's style: every paragraph is a line of its own
};

using CellItem = std::variant<TextLine, CellTable>;

/// The lines of the text, numbered; a single-column grid table (a layout container) loses its
/// borders and its `| ` margins, its content stays on the same lines.
std::vector<TextLine> unwrapped_lines(std::string_view text);

/// Whether the text holds HTML table rows (pandoc's gfm writes tables it cannot draw so).
bool has_html_rows(std::string_view text);

/// HTML: block elements end lines, `<tr>` rows and `<th>`/`<td>` cells of data tables become
/// tables (layout tables, role="presentation", only blocks), entities decoded.
std::vector<CellItem> html_items(std::string_view text);

/// Multiline tables (dashed column rules, caption after the table) and tables printed one
/// cell per line (a run of column labels, then rows of as many lines, checked by the shape of
/// their values) among plain lines.
std::vector<CellItem> text_items(const std::vector<TextLine>& lines);

/// The column labels traguardi prints (FASI, INDICATORI, Strutture/Soggetti coinvolti).
bool is_column_label(std::string_view text);
/// Whether the words are the first words of such a label ("Inizio", "Valore Raggiunto").
bool starts_column_label(std::string_view text);

} // namespace traguardi::importer

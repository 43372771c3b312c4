// Stage 1 for texts made of traguardi's HTML sheet: one stream of cells in the line structure
// of the printed sheet, each line numbered as in the file.
//
// A PDF extraction keeps the sheet's pages: a title on each, cells separated by empty lines.
// HTML-to-text tools (pandoc plain, markdown and gfm, docx2txt) print no pages and draw the
// tables in their own ways (table_blocks.h, html_lexer.h). This stage takes the cells from
// those signals, strips the markup (`**…**`, `\` escapes, `[…]{.class}`, `:::` fences, HTML
// tags and entities), writes every FASI or INDICATORI row as the legacy print does
// (table_rows.h) and starts a page where an objective header starts. What it returns is read
// by the same layout and recognition stages as any other text, so every finding still names
// the file's own line.
#pragma once

#include <string_view>
#include <vector>

#include "importer/text_lines.h"

namespace traguardi::importer {

/// The cell stream of `text` as normalised lines (several may share a file line); rewritten
/// lines are kept in `arena`.
std::vector<Line> cell_stream_lines(std::string_view text, TextArena& arena);

/// The markup of one line or cell removed: Markdown emphasis, escapes, headings, attribute
/// blocks, bracketed spans, images, fences and definition marks, HTML entities. `markdown`:
/// pandoc's Markdown writes an en dash as "--" and an em dash as "---" (a literal pair of
/// hyphens is escaped), so they are read back as dashes.
std::string plain_cell_text(std::string_view s, bool markdown = false);

} // namespace traguardi::importer

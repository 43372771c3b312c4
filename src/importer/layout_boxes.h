// traguardi's own sheet laid out by `pdftotext -layout`, read as word boxes on a character grid.
//
// -layout keeps every cell of traguardi's tables and header rows in its column, set apart by
// runs of spaces, but writes the cells of one row side by side on shared lines: a wrapped
// description, the responsabile and the centre of a fase interleave line by line, and no text
// rule can take them apart. Their columns can: each word becomes a box at its character column
// and line, and the boxes go through the same reading as a PDF's (pdf_text.h), which knows the
// header rows and tables of traguardi's print by their labels. Only traguardi's own print is
// read so (its running footer "– SCHEDA … – Data elaborazione …  Pagina N di M" on a -layout
// line); the legacy sheets keep the text path their extractions were measured on. The lines of
// the result are those of the rebuilt text, as for a PDF.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace traguardi::importer {

/// Whether the text is traguardi's own sheet as `pdftotext -layout` lays it out.
bool is_own_layout(std::string_view text);

/// The text rebuilt from the word boxes of every page (pages split at form feeds).
std::string layout_to_text(std::string_view text);

} // namespace traguardi::importer

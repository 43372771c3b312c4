// Text of a legacy sheet PDF, laid out as the text extractions the parser knows.
//
// Poppler gives word boxes with coordinates (STACK.md §A.9). We rebuild lines from the boxes
// and turn vertical gaps into empty lines, because the sheets use empty lines as cell and row
// separators (seed-spec §3.1.5). Pages are joined with a plain line break: each sheet page
// starts with its own title line, which is what the page splitter looks for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "importer/pdf_tables.h"

namespace traguardi::importer {

/// UTF-8 text of all pages; fails with an Italian sentence when the PDF cannot be read.
Result<std::string> pdf_to_text(std::string_view pdf_bytes, const std::string& name);

/// The text of one page from its word boxes (any source of boxes: poppler, pdftotext -tsv).
std::string words_to_text(std::vector<pdf::Word> words);

} // namespace traguardi::importer

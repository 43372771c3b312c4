// HTML in extracted text: the raw rows pandoc writes for tables Markdown cannot draw, and the
// entities some tools leave behind (docx2txt's "&#39;").
//
// Only what the cell stream needs: block elements end a line, the rows and cells of data
// tables become table rows (a layout table, role="presentation", is only blocks), the rest of
// the markup goes and every line keeps the number of the line it started on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importer/table_blocks.h"

namespace traguardi::importer {

/// Replaces character references (&amp; &#39; &#x2013; &nbsp; ...) by their UTF-8 text;
/// anything else after '&' stays as it is.
std::string decode_entities(std::string_view s);

} // namespace traguardi::importer

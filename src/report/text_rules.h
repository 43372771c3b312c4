// Printing rules the legacy sheets follow for long texts and for the date of the sheet.
//
// The sheets cut objective descriptions in the page header at 255 characters with "..." and
// hard-cut short names at 30 characters (seed-spec §3.1.4). Readers and the importer rely on
// those shapes, so they are applied here once, counting characters (code points), not bytes.
// The "Data elaborazione" follows SOURCE_DATE_EPOCH when set, so that builds and tests print
// byte-identical documents. A narrative's paragraphs are one <p> each in HTML, so that every
// text tool keeps them apart when the sheet is read back (in the PDF they are line breaks:
// an empty line between them moved the tables on the pages enough to change the reading order
// of pdftotext's default mode).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace traguardi::report {

/// Number of Unicode code points in UTF-8 text.
std::size_t utf8_length(std::string_view text);
/// The first `n` code points.
std::string utf8_prefix(std::string_view text, std::size_t n);

/// Header description: unchanged up to 255 characters; longer texts are cut at the last word
/// boundary that keeps at most 252 characters and "..." is appended.
std::string header_description(std::string_view text);
/// Short descriptions (CdR short names, structures, area tematica): at most 30 characters, no
/// ellipsis.
std::string short_name(std::string_view text);

/// The paragraphs of a narrative (stato di attuazione, finalità): the model keeps them apart
/// with "\n"; empty ones are dropped.
std::vector<std::string_view> narrative_paragraphs(std::string_view text);

/// Date of SOURCE_DATE_EPOCH (UTC) when the variable holds a number, else today's local date.
Date production_date();

} // namespace traguardi::report

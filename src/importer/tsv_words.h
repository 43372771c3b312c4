// Word boxes written by `pdftotext -tsv`, turned back into sheet text.
//
// That extraction is one word per row with its page and coordinates: no line of the file is a
// line of the sheet. We give the boxes to the same layout step as the PDF path (pdf_text.h), so
// rows, cells and empty lines come from positions exactly as when the PDF itself is imported.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace traguardi::importer {

/// True when `text` starts with the column names of `pdftotext -tsv`.
bool is_word_box_tsv(std::string_view text);

/// The laid-out text of all pages; nullopt when no row holds a word.
std::optional<std::string> word_box_tsv_to_text(std::string_view text);

} // namespace traguardi::importer

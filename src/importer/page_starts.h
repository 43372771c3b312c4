// Where each printed page of a sheet text starts.
//
// Every page of a sheet opens with its title line ("SCHEDA OBIETTIVI"), and most tools print it
// first. pdfminer orders a page's text boxes by its own grouping: on traguardi's own print the
// title may come in the middle of the page or after it, so a page opens where the previous
// page's footer ("Pagina N di M") is followed by the objective's level label and code; the title
// then met inside that page is the page's running title, not a page of its own.
#pragma once

#include <string_view>
#include <vector>

#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

struct PageStart {
  std::size_t line = 0; // index into the lines
  bool titled = true;   // false: the level label after the footer opens the page
};

/// Moves the title that pdfminer printed inside an untitled page (before that page's footer) to
/// the page's start, before its level label; lines keep their numbers. The title printed in the
/// middle of a header would otherwise read as part of the description. Each move is an INFO
/// finding `titolo_nella_pagina` at the title's line.
void titles_to_page_starts(std::vector<Line>& lines, FindingSink& sink);

/// The page starts after the cover, from `from` (a title line) on; `ente_line` is the ente
/// printed alone above a title, page furniture wherever it comes.
std::vector<PageStart> page_starts(const std::vector<Line>& lines, std::size_t from,
                                   std::string_view ente_line);

} // namespace traguardi::importer

// The cover page of a sheet, apart from its pages: its parameters come in several orders
// (label beside value, label above value, all labels then all values) depending on the tool
// that extracted the text, and reading them is a concern of its own.
#pragma once

#include <string_view>
#include <vector>

#include "importer/findings.h"
#include "importer/sheet_layout.h"

namespace traguardi::importer {

/// Reads the cover's lines [from, to) into `c`; `ente_line` is the ente printed alone, page
/// furniture there.
void parse_cover(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                 std::string_view ente_line, Cover& c, FindingSink& sink);

} // namespace traguardi::importer

// The cover page of a sheet, apart from its pages: its parameters come in several orders
// (label beside value, label above value, all labels then all values) depending on the tool
// that extracted the text, and reading them is a concern of its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/model.h"
#include "importer/findings.h"
#include "importer/text_lines.h"

namespace traguardi::importer {

/// The cover's parameters, as printed.
struct Cover {
  std::string title; // "SCHEDA OBIETTIVI"
  std::optional<Date> produced;
  int produced_line = 0;
  std::string vista_code, vista_description;
  std::string level_text;
  std::optional<Level> level;
  std::string filter_label, filter_value;
};

/// Reads the cover's lines [from, to) into `c`; `ente_line` is the ente printed alone, page
/// furniture there.
void parse_cover(const std::vector<Line>& lines, std::size_t from, std::size_t to,
                 std::string_view ente_line, Cover& c, FindingSink& sink);

} // namespace traguardi::importer
